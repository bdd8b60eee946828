from pathlib import Path

import pytest

from generator.data import loading
from generator.data.loading import load_front_matter, load_yaml, parse_yaml
from generator.errors import Problems
from tests.conftest import FIXTURE_SITE, PROJECT_ROOT


def _load(tmp_path: Path, text: str):
    path = tmp_path / "x.yaml"
    path.write_text(text, encoding="utf-8")
    problems = Problems()
    return load_yaml(path, tmp_path, problems), problems


def test_positions_of_values_and_keys(tmp_path: Path) -> None:
    doc, problems = _load(tmp_path, "a: 1\nitems:\n  - id: x\n    name: Sở Nội vụ\n")
    assert not problems
    assert doc.data == {"a": "1", "items": [{"id": "x", "name": "Sở Nội vụ"}]}  # text as written
    assert str(doc.locate(("items", 0, "name"))) == "x.yaml:4:11"
    assert str(doc.locate(("items", 0, "name"), key=True)) == "x.yaml:4:5"
    # An unknown deeper path falls back to the nearest known parent.
    assert str(doc.locate(("items", 0, "missing"))) == "x.yaml:3:5"


def test_text_is_normalised_to_nfc(tmp_path: Path) -> None:
    decomposed = "Đa\u0300"  # "Đà" typed with a combining grave accent
    doc, _ = _load(tmp_path, f"name: {decomposed}\n")
    assert doc.data["name"] == "Đà"


def test_dates_stay_text_so_impossible_dates_reach_validation(tmp_path: Path) -> None:
    doc, problems = _load(tmp_path, "issued: 2019-02-31\n")
    assert not problems
    assert doc.data == {"issued": "2019-02-31"}


def test_syntax_error_is_located_and_in_vietnamese(tmp_path: Path) -> None:
    doc, problems = _load(tmp_path, "title: a\nlead: Sở Nội vụ: phối hợp\n")
    assert doc is None
    [problem] = problems.sorted()
    assert str(problem.location) == "x.yaml:2:16"
    assert "dấu “:” không được phép ở đây" in problem.message


def test_tab_indentation_is_explained(tmp_path: Path) -> None:
    _, problems = _load(tmp_path, "a:\n\t- b\n")
    [problem] = problems.sorted()
    assert "Tab" in problem.message


def test_duplicate_key_is_an_error(tmp_path: Path) -> None:
    _, problems = _load(tmp_path, "title: a\ntitle: b\n")
    [problem] = problems.sorted()
    assert str(problem) == "x.yaml:2:1: lỗi cú pháp YAML: khóa “title” bị lặp lại trong cùng một mục"


def test_billion_laughs_is_refused_without_expanding(tmp_path: Path) -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i, name in enumerate("bcdefghij"):
        prev = "abcdefghij"[i]
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    doc, problems = _load(tmp_path, "\n".join(lines) + "\n")
    assert doc is None
    [problem] = problems.sorted()
    assert str(problem.location) == "x.yaml:2:8"
    assert "tham chiếu YAML" in problem.message


def test_oversized_file_is_refused(tmp_path: Path) -> None:
    _, problems = _load(tmp_path, "a: " + "x" * 2_100_000 + "\n")
    [problem] = problems.sorted()
    assert "tệp quá lớn" in problem.message


def test_not_utf8_is_explained(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_bytes(b"title: S\xf5\n")
    problems = Problems()
    assert load_yaml(path, tmp_path, problems) is None
    assert "UTF-8" in problems.sorted()[0].message


def test_front_matter_lines_are_counted_from_the_file_start(tmp_path: Path) -> None:
    path = tmp_path / "n.md"
    path.write_text("---\ntitle: A\ndate: [\n---\nBody\n", encoding="utf-8")
    problems = Problems()
    assert load_front_matter(path, tmp_path, problems) is None
    assert problems.sorted()[0].location.line >= 3


def test_front_matter_and_body(tmp_path: Path) -> None:
    path = tmp_path / "n.md"
    path.write_text("---\ntitle: A\n---\nBody\n", encoding="utf-8")
    doc, body = load_front_matter(path, tmp_path, Problems())
    assert doc.data == {"title": "A"}
    assert body == "Body\n"
    assert str(doc.locate(("title",))) == "n.md:2:8"


def test_missing_front_matter_is_explained(tmp_path: Path) -> None:
    path = tmp_path / "n.md"
    path.write_text("Body only\n", encoding="utf-8")
    problems = Problems()
    assert load_front_matter(path, tmp_path, problems) is None
    assert str(problems.sorted()[0]).startswith("n.md:1:1: thiếu phần thông tin đầu tệp")


def test_character_yaml_refuses_is_located_even_without_read_source() -> None:
    problems = Problems()
    assert parse_yaml("a: 1\nb: x\x07y\n", "x.yaml", problems, first_line=2) is None
    assert [str(p) for p in problems.sorted()] == [
        "x.yaml:3:5: ký tự U+0007 không được phép trong YAML; hãy xóa nó"]


def _every_document(root: Path) -> list:
    problems = Problems()
    docs = [load_yaml(path, root, problems) for path in sorted((root / "data").rglob("*.yaml"))]
    docs += [load_front_matter(path, root, problems)[0]  # plan bodies have no front matter
             for path in sorted((root / "content").rglob("*.md"))
             if path.read_text(encoding="utf-8").startswith("---")]
    assert not problems
    return docs


def test_libyaml_and_pure_python_loaders_give_the_same_values_and_positions(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # The fast path must be a pure speed-up: same data, same line:column for every key
    # and value of the example site's files and the fixture site's.
    assert loading._FAST_LOADER is not None, "PyYAML without libyaml: nothing to compare"
    for root in (PROJECT_ROOT, FIXTURE_SITE):
        fast = _every_document(root)
        monkeypatch.setattr(loading, "_FAST_LOADER", None)
        slow = _every_document(root)
        monkeypatch.undo()
        assert len(fast) > 5
        assert [(d.data, d.values, d.keys) for d in fast] == \
            [(d.data, d.values, d.keys) for d in slow]


@pytest.mark.parametrize("text, expected", [
    ("a: &x 1\nb: *x\n", "x.yaml:2:4: lỗi cú pháp YAML: không dùng tham chiếu YAML"),
    ("a: !!binary aGk=\n", "x.yaml:1:4: lỗi cú pháp YAML: không dùng thẻ YAML “!!binary”"),
    ("a: b: c\n", "x.yaml:1:5: lỗi cú pháp YAML: dấu “:” không được phép ở đây"),
    ("a: 1\na: 2\n", "x.yaml:2:1: lỗi cú pháp YAML: khóa “a” bị lặp lại"),
    ("a:" + " [" * 40 + "\n", "x.yaml:1:"),
    # libyaml takes this tab for a space; PyYAML refuses it, and so do we.
    ("a:\tb\n", "x.yaml:1:3: lỗi cú pháp YAML: không dùng phím Tab"),
])
def test_refusals_are_worded_and_located_the_same_with_or_without_libyaml(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str, expected: str) -> None:
    _, fast = _load(tmp_path, text)
    monkeypatch.setattr(loading, "_FAST_LOADER", None)
    _, slow = _load(tmp_path, text)
    assert [str(p) for p in fast.items] == [str(p) for p in slow.items]
    assert str(fast.items[0]).startswith(expected)


@pytest.mark.parametrize("text", [
    "a:\nb: 1\n",
    "{a: , b}\n",  # libyaml puts this empty value one column further
    "? - x\n  - y\n",
])
def test_values_written_as_nothing_keep_their_positions(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    fast, _ = _load(tmp_path, text)
    monkeypatch.setattr(loading, "_FAST_LOADER", None)
    slow, _ = _load(tmp_path, text)
    assert (fast.data, fast.values, fast.keys) == (slow.data, slow.values, slow.keys)
