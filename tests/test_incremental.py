"""Incremental builds: after an edit, a build that reuses the last build's pages publishes
exactly the bytes a build from nothing publishes (issue 11, item 3).

Each test edits a copy of a size-S province corpus (bench/corpus.py) that was built once,
rebuilds it the way `minhbach build` does, builds the same edited project afresh into
another folder, and compares the two sites file by file.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from bench.corpus import generate
from generator.build import build
from generator.errors import InvalidProject
from generator.incremental.page_cache import CACHE_FOLDER
from generator.phases import Phases
from tests.conftest import build_leftovers, snapshot


@pytest.fixture(scope="module")
def built_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = generate("S", tmp_path_factory.mktemp("corpus") / "project")
    config = root / "minhbach.toml"
    # The search index is rebuilt whole every time; it is compared in one test below.
    config.write_text(config.read_text(encoding="utf-8").replace(
        "[site]\n", "[site]\nsearch = false\n", 1), encoding="utf-8")
    build(root)
    return root


@pytest.fixture
def project(built_corpus: Path, tmp_path: Path) -> Path:
    """A copy of the built corpus, its output and page cache included (times kept)."""
    return Path(shutil.copytree(built_corpus, tmp_path / "project", symlinks=True))


def rebuild(project: Path, tmp_path: Path) -> tuple[int, int]:
    """Build incrementally and afresh; assert both sites are the same bytes; return how
    many pages the incremental build reused, and how many HTML pages there are."""
    said: list[str] = []
    build(project, phases=Phases(said.append))
    build(project, tmp_path / "fresh", fresh=True)
    incremental, fresh = snapshot(project / "output"), snapshot(tmp_path / "fresh")
    assert sorted(incremental) == sorted(fresh)
    assert [name for name in fresh if incremental[name] != fresh[name]] == []
    # Published in place: no folder a removed page left behind, nothing beside the output.
    assert _folders(project / "output") == _folders(tmp_path / "fresh")
    assert not build_leftovers(project)
    line = next(s for s in said if s.startswith("Dựng trang"))
    pages = int(re.search(r"Dựng trang: ([\d.]+) trang", line)[1].replace(".", ""))
    reused = re.search(r"([\d.]+) trang giữ nguyên", line)
    return (int(reused[1].replace(".", "")) if reused else 0), pages


def _folders(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_dir())


def _edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def _plan(project: Path, index: int = 0) -> Path:
    return sorted((project / "data" / "plans").glob("*.yaml"))[index]


def test_unchanged_project_reuses_every_page(project: Path, tmp_path: Path) -> None:
    reused, pages = rebuild(project, tmp_path)
    assert reused == pages


def test_report_status(project: Path, tmp_path: Path) -> None:
    report = min((project / "data" / "reports").rglob("*.yaml"))
    _edit(report, "status: hoan-thanh\n", "status: dang-thuc-hien\n")
    reused, pages = rebuild(project, tmp_path)
    assert 0 < reused < pages


def test_task_title(project: Path, tmp_path: Path) -> None:
    plan = _plan(project, 3)
    text = plan.read_text(encoding="utf-8")
    title = re.search(r"(?m)^    title: (.+)$", text)[1]
    _edit(plan, f"title: {title}\n", f"title: {title} (đã sửa)\n")
    reused, pages = rebuild(project, tmp_path)
    assert 0 < reused < pages


def test_new_plan(project: Path, tmp_path: Path) -> None:
    source = _plan(project)
    copy = source.with_name("zz-1-kh-2025.yaml")
    copy.write_text(re.sub(r"(?m)^id: .+$", "id: zz-1-kh-2025", source.read_text(encoding="utf-8")),
                    encoding="utf-8")
    reused, pages = rebuild(project, tmp_path)
    assert 0 < reused < pages
    assert (project / "output" / "ke-hoach" / "zz-1-kh-2025" / "index.html").exists()


def test_deleted_plan(project: Path, tmp_path: Path) -> None:
    plan = _plan(project, 5)
    plan.unlink()
    shutil.rmtree(project / "data" / "reports" / plan.stem)
    (project / "content" / "plans" / f"{plan.stem}.md").unlink()
    for news in (project / "content" / "news").glob("*.md"):  # news may name the plan
        text = news.read_text(encoding="utf-8")
        news.write_text(text.replace(f"plan: {plan.stem}\n", ""), encoding="utf-8")
    reused, pages = rebuild(project, tmp_path)
    assert 0 < reused < pages
    assert not (project / "output" / "ke-hoach" / plan.stem).exists()


def test_organisation_renamed(project: Path, tmp_path: Path) -> None:
    _edit(project / "data" / "organisations" / "an-giang.yaml",
          "name: Sở Tài chính tỉnh An Giang\n", "name: Sở Tài chính và Kế hoạch tỉnh An Giang\n")
    rebuild(project, tmp_path)


def test_news_title(project: Path, tmp_path: Path) -> None:
    news = sorted((project / "content" / "news").glob("*.md"))[7]
    _edit(news, "title: ", "title: Tin cập nhật – ")
    reused, pages = rebuild(project, tmp_path)
    assert 0 < reused < pages


def test_plan_text(project: Path, tmp_path: Path) -> None:
    text = sorted((project / "content" / "plans").glob("*.md"))[2]
    text.write_text(text.read_text(encoding="utf-8") + "\nĐoạn bổ sung cuối văn bản.\n",
                    encoding="utf-8")
    reused, pages = rebuild(project, tmp_path)
    assert 0 < reused < pages


def test_theme_template_renders_everything_again(project: Path, tmp_path: Path) -> None:
    _edit(project / "themes" / "minhbach" / "templates" / "base.html", "</body>",
          "<!-- bản sửa giao diện -->\n</body>")
    assert rebuild(project, tmp_path)[0] == 0


def test_page_changed_in_output_by_hand_is_rendered_again(project: Path, tmp_path: Path) -> None:
    page = project / "output" / "ke-hoach" / _plan(project).stem / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace("</body>", "sửa tay</body>"),
                    encoding="utf-8")
    reused, pages = rebuild(project, tmp_path)
    assert reused == pages - 1
    assert "sửa tay" not in page.read_text(encoding="utf-8")


def test_page_removed_from_output_by_hand_is_written_again(project: Path,
                                                           tmp_path: Path) -> None:
    page = project / "output" / "ke-hoach" / _plan(project).stem / "index.html"
    page.unlink()
    reused, pages = rebuild(project, tmp_path)
    assert reused == pages - 1 and page.is_file()


def test_open_data_file_changed_in_output_by_hand_is_written_again(project: Path,
                                                                    tmp_path: Path) -> None:
    """The build keeps only the listing of a plan's open data; the bytes are made again."""
    data = project / "output" / "du-lieu" / _plan(project).stem / "nhiem-vu.csv"
    data.write_text("sửa tay", encoding="utf-8")
    reused, pages = rebuild(project, tmp_path)
    assert reused == pages and "sửa tay" not in data.read_text(encoding="utf-8")


def test_failed_build_keeps_output_and_cache(project: Path, tmp_path: Path) -> None:
    before = snapshot(project / "output")
    index = sorted((project / CACHE_FOLDER).glob("*.json"))
    saved = [p.read_bytes() for p in index]
    _edit(_plan(project), "status: con-hieu-luc", "status: khong-co-trang-thai-nay")
    with pytest.raises(InvalidProject):
        build(project)
    assert snapshot(project / "output") == before
    assert [p.read_bytes() for p in index] == saved


def test_search_index_equal_after_incremental_build(project: Path, tmp_path: Path) -> None:
    _edit(project / "minhbach.toml", "search = false\n", "")
    build(project)  # the index is added; every page is reused
    _edit(sorted((project / "data" / "reports").rglob("*.yaml"))[4], "status: hoan-thanh\n",
          "status: chua-thuc-hien\n")
    reused, pages = rebuild(project, tmp_path)
    assert 0 < reused < pages


def test_translation_change_reaches_compiled_templates(project: Path, tmp_path: Path) -> None:
    """`_('Lead')` is translated when a template compiles, and compiled templates are kept
    between builds: a new wording must still reach every page."""
    _edit(project / "themes" / "minhbach" / "translations" / "vi.po",
          'msgstr "Cơ quan chủ trì"', 'msgstr "Đơn vị chủ trì"')
    assert rebuild(project, tmp_path)[0] == 0
    task = next((project / "output" / "ke-hoach").glob("*/nhiem-vu/*/index.html"))
    assert "Đơn vị chủ trì" in task.read_text(encoding="utf-8")


def test_a_cache_that_cannot_be_saved_does_not_fail_the_build(project: Path, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch,
                                                             ) -> None:
    def refuse(*_: object, **__: object) -> None:
        raise PermissionError("chỉ đọc")

    monkeypatch.setattr(Path, "replace", refuse)
    _edit(min((project / "data" / "reports").rglob("*.yaml")), "status: hoan-thanh\n",
          "status: dang-thuc-hien\n")
    build(project)  # published; only the index is lost
    monkeypatch.undo()
    reused, pages = rebuild(project, tmp_path)
    assert reused == 0 and pages > 0


def test_builds_one_after_another_in_one_process_like_the_preview(project: Path,
                                                                  tmp_path: Path) -> None:
    """The preview keeps what it read, the page index and the facts between builds; each
    save must still publish what a fresh build publishes, an edit that keeps the file's
    size within the same second included."""
    report = min((project / "data" / "reports").rglob("*.yaml"))
    news = sorted((project / "content" / "news").glob("*.md"))[3]
    edits = [
        lambda: _edit(report, "status: hoan-thanh\n", "status: dang-thuc-hien\n"),
        lambda: _edit(report, "status: dang-thuc-hien\n", "status: chua-thuc-hien\n"),
        lambda: _edit(news, "title: ", "title: Tin mới – "),
        lambda: _edit(news, "title: Tin mới – ", "title: Tin cũ – "),
    ]
    facts = build(project)
    for number, edit in enumerate(edits):
        edit()
        facts = build(project, previous=facts)
        fresh = tmp_path / f"fresh-{number}"
        build(project, fresh, fresh=True)
        assert snapshot(project / "output") == snapshot(fresh), f"after edit {number}"


def test_news_readings_come_from_the_last_build_in_another_process(
        project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A new process (each `minhbach build`) reads only the posts that changed since the
    last build; the rest comes from the cache beside the output."""
    from generator.site import markdown

    monkeypatch.setattr(markdown, "_read_here", {})
    build(project)  # keeps every reading
    monkeypatch.setattr(markdown, "_read_here", {})  # as in a new process
    parsed: list[str] = []
    parse = markdown.MarkdownItReader._parse
    monkeypatch.setattr(markdown.MarkdownItReader, "_parse",
                        lambda self, path: parsed.append(path.name) or parse(self, path))
    news = sorted((project / "content" / "news").glob("*.md"))[5]
    _edit(news, "title: ", "title: Tin cập nhật – ")
    rebuild(project, tmp_path)
    assert parsed.count(news.name) == 1 and len(set(parsed)) == 1
