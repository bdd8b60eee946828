"""Accent-insensitive search, proven in Chromium: tone and vowel marks, capitals, and đ typed as d.

Pagefind folds tone and vowel marks itself but not đ; the build closes that gap (see
generator/search_text.py). One-word queries are used on purpose: with several words,
another word can match and hide a missing one.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Any

import pytest

from generator.build import check
from generator.data.dataset import load_dataset
from generator.facts.derive import derive
from generator.reading.vietnamese import fold
from generator.search.search_entries import row_records
from generator.search.search_index import EXCLUDED, indexed_documents
from generator.search.search_text import read_page

from ..conftest import PROJECT_ROOT
from .conftest import FOLDING_URL
from .searching import every_url, search, status

pytestmark = pytest.mark.browser


def _words_matching(html: str, query: str) -> list[str]:
    """The words of a page's indexed text a query can match (Pagefind matches prefixes)."""
    text = read_page(html, EXCLUDED).joined()
    return [w for w in re.findall(r"\w+", text) if fold(w).startswith(fold(query))]


def _only_through_dd(site: Path, url: str, query: str) -> None:
    """Guard: the page holds no plain-d word the query could match without folding đ."""
    html = (site / url.strip("/") / "index.html").read_text(encoding="utf-8")
    words = _words_matching(html, query)
    assert words and all("đ" in w.lower() for w in words), (url, query, words)


@pytest.mark.parametrize("query", ["duong", "dien", "doi", "day", "dẩy", "DUONG", "Dien",
                                   "đường", "ĐƯỜNG", "Đẩy", "đổi"])
def test_one_word_finds_dd_words(page: Any, folding_site: Path, folding_url: str,
                                 query: str) -> None:
    _only_through_dd(folding_site, FOLDING_URL, query)
    results = search(page, folding_url, q=query)
    assert FOLDING_URL in [r.url for r in results], status(page)
    hit = next(r for r in results if r.url == FOLDING_URL)
    # The excerpt marks the word as the page writes it, with its đ.
    assert any("đ" in mark.lower() for mark in hit.marks), hit


def test_folding_adds_no_false_match(page: Any, folding_site: Path, folding_url: str) -> None:
    # Control: every page or row "duong" finds has a word that is "duong…" once folded.
    _, data = check(folding_site.parent)
    indexed = {d.url: d.html for d in indexed_documents(folding_site, derive(data))}
    search(page, folding_url, q="duong")
    found = every_url(page, "duong")
    assert found
    for url in found:
        assert _words_matching(indexed[url], "duong"), url


@pytest.mark.parametrize("query", ["cai cach thu tuc", "cải cách thủ tục", "CAI CACH THU TUC",
                                   "Cải Cách Thủ Tục"])
def test_tone_marks_and_capitals_are_optional(page: Any, example_url: str, query: str) -> None:
    results = search(page, example_url, q=query)
    assert "/linh-vuc/cai-cach-thu-tuc-hanh-chinh/" in [r.url for r in results]
    marked = {fold(m).strip(".,;:()") for r in results for m in r.marks}
    assert {"cai", "cach", "thu", "tuc"} <= marked, marked


def test_same_results_with_and_without_marks(page: Any, example_url: str) -> None:
    search(page, example_url, q="tro ly ao")
    plain = every_url(page, "tro ly ao")
    assert plain and plain == every_url(page, "TRO LY AO")
    assert set(plain) <= set(every_url(page, "trợ lý ảo"))


@functools.cache
def _example_rows() -> dict[str, str]:
    facts = derive(load_dataset(PROJECT_ROOT))
    return {url: html for url, html, _ in row_records(facts)}


def _task_url(plan_id: str, title_start: str) -> str:
    plan = load_dataset(PROJECT_ROOT).plans[plan_id]
    task = next(t for _, t in plan.tasks() if t.title.startswith(title_start))
    return f"/ke-hoach/{plan_id}/#nhiem-vu-{task.id}"


# Rows of the example site that answer one-word đ queries, and only through đ.
@pytest.mark.parametrize(("queries", "url"), [
    (["dien", "doi"], "/ke-hoach/ag-792-kh-ubnd-2018/#chi-tieu-mt-7"),  # thư điện tử, trao đổi
    (["day", "dẩy", "DAY"], None),  # Đẩy mạnh thực hiện Đề án cải cách chế độ công vụ…
])
def test_example_site_rows_found_through_dd(page: Any, example_url: str, queries: list[str],
                                            url: str | None) -> None:
    url = url or _task_url("ag-792-kh-ubnd-2018", "Đẩy mạnh thực hiện Đề án")
    for query in queries:
        words = _words_matching(_example_rows()[url], query)
        assert words and all("đ" in w.lower() for w in words), (query, words)
        search(page, example_url, q=query)
        assert url in every_url(page, query), query
