"""A search index split by year, in Chromium: a first search loads the newest shard only;
older years come when the reader asks for them or picks one in the year filter; filters,
order, shared URLs and accessibility still hold.

The example site is built with shards of at least 60 documents (three shards: 2024 with
the undated pages, 2019–2021, 2018), as a province's site is with the default size.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from importlib import resources
from typing import Any
from urllib.parse import parse_qs, urlparse

import pytest

from generator.build import build
from generator.search import search_shards

from ..conftest import PROJECT_ROOT
from .conftest import serve
from .searching import search, shown, status, wait_for_results
from .test_accessibility import axe_violations, describe

pytestmark = pytest.mark.browser

AN_GIANG = "/ke-hoach/ag-792-kh-ubnd-2018/"
OLDER = ("/pagefind/nam-2019-2021/", "/pagefind/nam-2018/")


@pytest.fixture(scope="module")
def sharded_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("sharded") / "example"
    for name in ("content", "data", "themes", "minhbach.toml"):
        source = PROJECT_ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, root / name)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(search_shards, "SHARD_DOCUMENTS", 60)
        build(root)
    assert (root / "output" / "pagefind" / "nam-2018").is_dir()
    yield from serve(root / "output")


@pytest.fixture
def fetched(page: Any) -> list[str]:
    """Paths the page requested, in order."""
    paths: list[str] = []
    page.on("request", lambda r: paths.append(urlparse(r.url).path))
    return paths


def _older_shards(paths: list[str]) -> set[str]:
    return {shard for shard in OLDER for p in paths if p.startswith(shard)}


def test_first_search_loads_the_newest_shard_only(page: Any, sharded_url: str,
                                                  fetched: list[str]) -> None:
    results = search(page, sharded_url, q="792/KH-UBND")
    # Only 2018's plan has this number as its own: its pages are in an older shard.
    assert AN_GIANG not in [r.url for r in results]
    assert _older_shards(fetched) == set()
    assert page.locator("#search-scope").is_visible()
    assert page.locator("#search-scope-text").text_content() == (
        "Đã tìm trong kế hoạch, báo cáo, tin tức năm 2024 và mọi cơ quan, lĩnh vực.")
    assert page.locator("#search-all-years").text_content() == "Tìm cả các năm trước (2018–2021)"


def test_earlier_years_when_asked(page: Any, sharded_url: str, fetched: list[str]) -> None:
    search(page, sharded_url, q="792/KH-UBND")
    page.click("#search-all-years")
    page.wait_for_function("() => document.getElementById('search-scope').hidden")
    wait_for_results(page)
    results = shown(page)
    assert results[0].url == AN_GIANG and results[0].kind == "Kế hoạch"
    assert _older_shards(fetched) == set(OLDER)
    # Merged shards run on the first shard's WebAssembly: it is fetched once.
    assert len([p for p in fetched if p.endswith(".pagefind")]) == 1
    # Keyboard users go on from the first result, not from a button that is gone.
    assert page.evaluate("document.activeElement.getAttribute('href')") == AN_GIANG
    assert parse_qs(urlparse(page.url).query) == {"q": ["792/KH-UBND"], "cac-nam": ["tat-ca"]}
    page.reload()  # the URL keeps it: the search can be shared
    wait_for_results(page)
    assert shown(page)[0].url == AN_GIANG and not page.locator("#search-scope").is_visible()


def test_year_filter_lists_every_year_and_loads_only_that_shard(
        page: Any, sharded_url: str, fetched: list[str]) -> None:
    search(page, sharded_url, q="cai cach")
    page.click("#search-filters summary")
    page.wait_for_function("() => document.querySelector('#loc-nam').options.length > 1")
    years = page.eval_on_selector_all("#loc-nam option", "o => o.map(x => x.value)")
    assert years == ["", "2024", "2021", "2019", "2018"]
    page.select_option("#loc-nam", "2018")
    page.wait_for_function("() => [...document.querySelectorAll('.result-meta')]"
                           ".some(m => m.textContent.includes('2018'))")
    wait_for_results(page)
    in_2018 = shown(page)
    assert in_2018 and {r.year for r in in_2018} == {2018}
    assert _older_shards(fetched) == {"/pagefind/nam-2018/"}
    # Other filters work on the merged shard: tasks of 2018 only.
    page.select_option("#loc-loai", "Nhiệm vụ")
    page.wait_for_function("() => [...document.querySelectorAll('.result-type')]"
                           ".every(t => t.textContent === 'Nhiệm vụ')")
    wait_for_results(page)
    tasks = shown(page)
    assert tasks and {(r.kind, r.year) for r in tasks} == {("Nhiệm vụ", 2018)}
    assert int(status(page).split()[0]) < int(page.eval_on_selector(
        "#loc-nam option[value='2018']", "o => o.textContent.match(/\\((\\d+)\\)/)[1]"))


def test_a_shared_url_naming_an_older_year(page: Any, sharded_url: str) -> None:
    results = search(page, sharded_url, q="792/KH-UBND", nam="2018")
    assert results[0].url == AN_GIANG
    assert page.input_value("#loc-nam") == "2018"


def test_newest_first_across_shards(page: Any, sharded_url: str) -> None:
    results = search(page, sharded_url, q="cai cach hanh chinh",
                     **{"sap-xep": "moi-nhat", "cac-nam": "tat-ca"})
    while page.locator("#search-more").is_visible():
        page.click("#search-more")
        page.wait_for_function("(n) => document.querySelectorAll('#search-results > li')"
                               ".length > n", arg=len(results))
        results = shown(page)
    assert int(status(page).split()[0]) == len(results)
    years = [r.year for r in results if r.year is not None]
    assert years == sorted(years, reverse=True) and years[0] == 2024 and years[-1] == 2018
    dated = [r.year is not None for r in results]
    assert dated == sorted(dated, reverse=True)  # undated pages (agencies, areas) last


def test_no_axe_violations_with_the_scope_shown(page: Any, sharded_url: str) -> None:
    search(page, sharded_url, q="cai cach")
    assert page.locator("#search-all-years").is_visible()
    script = resources.files("axe_playwright_python") / "axe.min.js"
    violations = axe_violations(page, script.read_text(encoding="utf-8"))
    assert not violations, describe(violations)
