"""The search index split by year (generator/search/search_shards.py): which documents go
where, what each shard's folder holds, and an edit re-indexing only its own shard.

The example site is small enough for one index; here it is built with shards of at least
`LEAST` documents, which gives three: 2024 (with the undated pages), 2019–2021 and 2018.
Searching the shards in a browser: tests/browser/test_search_shards.py.
"""

from __future__ import annotations

import gzip
import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.build import build, check
from generator.facts.derive import derive
from generator.search import search_index, search_shards
from generator.search.pagefind_bundle import verify_bundle
from generator.search.pagefind_stable import SIGNATURE, read_file
from generator.search.search_entries import YEAR
from generator.search.search_shards import (
    DIGESTS,
    MANIFEST,
    Shard,
    digests,
    manifest,
    plan_shards,
    shard_of_year,
)

from .conftest import PROJECT_ROOT, edit, snapshot

LEAST = 60
EXAMPLE = ("content", "data", "themes", "minhbach.toml")


def test_a_small_site_keeps_one_index() -> None:
    years = ["2018"] * 300 + ["2024"] * 200 + [None] * 50
    assert plan_shards(years, least=1000) == [Shard("", {"2024": 200, "2018": 300})]


def test_years_are_grouped_newest_first_until_a_shard_is_full() -> None:
    years = [None] * 40 + ["2025"] * 70 + ["2024"] * 50 + ["2023"] * 60 + ["2022"] * 10
    shards = plan_shards(years, least=100)
    # The undated pages count in the first shard; 2022 is too small alone and joins 2023.
    assert shards == [Shard("", {"2025": 70}),
                      Shard("nam-2022-2024", {"2024": 50, "2023": 60, "2022": 10})]
    at = shard_of_year(shards)
    assert at[None] is at["2025"] is shards[0] and at["2022"] is shards[1]


def test_a_year_is_never_split_and_every_document_has_a_shard() -> None:
    years = [str(2016 + i % 10) for i in range(13_000)] + [None] * 200
    shards = plan_shards(years, least=1000)
    assert [s.folder for s in shards] == ["", *(f"nam-{y}" for y in range(2024, 2015, -1))]
    assert sum(sum(s.years.values()) for s in shards) == 13_000
    assert len({y for s in shards for y in s.years}) == 10


def test_no_documents_make_one_empty_shard() -> None:
    assert plan_shards([], least=10) == [Shard("", {})]


def test_manifest_gives_folders_and_years_and_digests_are_apart() -> None:
    shards = [Shard("", {"2025": 3}), Shard("nam-2024", {"2024": 2})]
    assert json.loads(manifest(shards)) == {"shards": [
        {"folder": "", "years": {"2025": 3}}, {"folder": "nam-2024/", "years": {"2024": 2}}]}
    assert json.loads(digests(shards, ["a", "b"])) == {"": "a", "nam-2024": "b"}


@pytest.fixture
def few_documents_a_shard(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(search_shards, "SHARD_DOCUMENTS", LEAST)


@pytest.fixture
def example(tmp_path: Path, few_documents_a_shard: None) -> Path:
    """A copy of the example project, built with small shards."""
    root = tmp_path / "example"
    for name in EXAMPLE:
        source = PROJECT_ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, root / name)
    build(root)
    return root


def _pages(bundle: Path) -> int:
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    return entry["languages"]["vi"]["page_count"]


def _fragment_years(bundle: Path) -> set[str | None]:
    """The year filter of every document in one shard, read back from its fragments."""
    years = set()
    for fragment in (bundle / "fragment").iterdir():
        data = json.loads(gzip.decompress(fragment.read_bytes())[len(SIGNATURE):])
        years.add(next(iter(data["filters"].get(YEAR, [])), None))
    return years


def test_example_split_into_three_shards(example: Path) -> None:
    bundle = example / "output" / "pagefind"
    read = json.loads((bundle / MANIFEST).read_text(encoding="utf-8"))
    assert [s["folder"] for s in read["shards"]] == ["", "nam-2019-2021/", "nam-2018/"]
    assert [sorted(s["years"]) for s in read["shards"]] == [["2024"], ["2019", "2021"], ["2018"]]
    _, data = check(example)
    documents = list(search_index.indexed_documents(example / "output", derive(data)))
    undated = sum(d.year is None for d in documents)
    for shard in read["shards"]:
        folder = bundle / shard["folder"]
        # The first shard has the runtime; the others are merged into it by the browser.
        verify_bundle(folder, runtime=shard["folder"] == "")
        assert (folder / "pagefind.js").exists() == (shard["folder"] == "")
        assert not list(folder.glob("wasm.*")) or shard["folder"] == ""
        expected = sum(shard["years"].values()) + (undated if shard["folder"] == "" else 0)
        assert _pages(folder) == expected
        shown = _fragment_years(folder)
        assert shown - {None} == set(shard["years"])
        assert (None in shown) == (shard["folder"] == "")
    assert sum(_pages(bundle / s["folder"]) for s in read["shards"]) == len(documents)


def test_meta_file_of_the_first_shard_lists_only_its_documents(example: Path) -> None:
    bundle = example / "output" / "pagefind"
    [meta] = bundle.glob("pagefind.*.pf_meta")
    pages = read_file(meta)[1]  # type: ignore[index]
    assert len(pages) == _pages(bundle) < 200


@pytest.fixture
def indexed(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """How many documents each Pagefind run of the next builds was given."""
    runs: list[int] = []
    original = search_index._pagefind

    async def counting(documents: list[search_index.Document]) -> dict[str, bytes]:
        runs.append(len(documents))
        return await original(documents)

    monkeypatch.setattr(search_index, "_pagefind", counting)
    yield runs


def test_an_edit_indexes_only_its_shard_and_equals_a_full_build(
        example: Path, tmp_path: Path, indexed: list[int]) -> None:
    before = snapshot(example / "output" / "pagefind")
    # The plan's full text is on its own page only. (An edit of a task re-indexes the
    # first shard too: agency pages show the task, in a table Pagefind is told to skip.)
    edit(example, "content/plans/ag-792-kh-ubnd-2018.md", "là nhiệm vụ quan trọng",
         "là nhiệm vụ rất quan trọng")
    build(example)
    read = json.loads((example / "output" / "pagefind" / MANIFEST).read_text(encoding="utf-8"))
    assert indexed == [sum(read["shards"][2]["years"].values())]  # 2018 only
    after = snapshot(example / "output" / "pagefind")
    unchanged = [n for n in after if not n.startswith(("nam-2018/", DIGESTS))]
    assert [n for n in unchanged if before.get(n) != after[n]] == []
    assert [n for n in after if n.startswith("nam-2018/") and before.get(n) != after[n]]
    build(example, tmp_path / "fresh", fresh=True)
    assert snapshot(tmp_path / "fresh" / "pagefind") == after


def test_a_shard_damaged_in_output_is_indexed_again(example: Path, indexed: list[int]) -> None:
    shard = example / "output" / "pagefind" / "nam-2018"
    next((shard / "fragment").iterdir()).write_bytes(b"broken")
    build(example)
    assert len(indexed) == 1
    verify_bundle(shard, runtime=False)


def test_full_build_indexes_every_shard(example: Path, indexed: list[int]) -> None:
    build(example, fresh=True)
    assert len(indexed) == 3
