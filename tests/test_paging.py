"""Long lists split into pages (issue 11, item 5): every row stays reachable, once.

A size-S province corpus (bench/corpus.py: 20 plans with reports, agencies in many
plans) is built with page limits low enough that agency, reform-area, progress and
open-data pages all run to several pages; each paged list is then read page by page,
following rel="next" from its first page as a reader would, and compared with the
facts it lists.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from bench.corpus import generate
from generator.build import build
from generator.data.dataset import load_dataset
from generator.facts import paging
from generator.facts.derive import Facts, derive
from generator.facts.paging import paged, split
from generator.site import urls
from tests.conftest import example_copy, without_search
from tests.test_incremental import rebuild

LOW_LIMITS = {"AREA_ROWS": 40, "AGENCY_ROWS": 30, "PROGRESS_ROWS": 10, "OPEN_DATA_ROWS": 40,
              "PLAN_LIST_ROWS": 8, "HOME_PLANS": 5, "NEWS_ARCHIVE_ROWS": 30}
_NEXT = re.compile(r'rel="next" href="([^"]+)"')
_PREVIOUS = re.compile(r'rel="prev" href="([^"]+)"')
_IN_PLAN = re.compile(r'class="in-plan" href="/ke-hoach/([^/]+)/#nhiem-vu-([^"]+)"')
_PLAN_ROW = re.compile(r'<tr data-plan="([^"]+)"(?: data-role="([a-z-]+)")?>')
_TASK_PAGE = re.compile(r'href="/ke-hoach/([^/]+)/nhiem-vu/([^/]+)/"')
_RANGE = re.compile(r"Trang (\d+) / (\d+): kế hoạch (\d+)–(\d+) trong số (\d+)")


@pytest.fixture(scope="module")
def paged_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Facts]:
    """The size-S corpus built with low page limits, and its facts."""
    root = without_search(generate("S", tmp_path_factory.mktemp("paged") / "project"))
    with pytest.MonkeyPatch.context() as patch:
        for name, value in LOW_LIMITS.items():
            patch.setattr(paging, name, value)
        build(root)
    return root / "output", derive(load_dataset(root))


def _pages(output: Path, url: str) -> list[str]:
    """The pages of a list from its first, by rel="next", checking the way back."""
    found = [(output / urls.save_as(url)).read_text(encoding="utf-8")]
    while (following := _NEXT.search(found[-1])) is not None:
        page = (output / urls.save_as(following[1])).read_text(encoding="utf-8")
        assert _PREVIOUS.search(page)[1] == urls.paged_url(url, len(found))
        found.append(page)
    return found


def _check_ranges(pages: list[str], total: int) -> None:
    """Each page says "Trang n / N: kế hoạch a–b trong số total", and the ranges tile."""
    if len(pages) == 1:
        assert _RANGE.search(pages[0]) is None
        return
    shown = 0
    for number, page in enumerate(pages, start=1):
        says = [int(g) for g in _RANGE.search(page).groups()]
        assert says[:2] == [number, len(pages)] and says[4] == total
        assert says[2] == shown + 1 and says[3] >= says[2]
        shown = says[3]
    assert shown == total


def _one_search_page(pages: list[str]) -> None:
    """Only the first page is the list's search result; titles tell the pages apart."""
    assert ["data-pagefind-body" in page for page in pages] == [True] + [False] * (len(pages) - 1)
    titles = [re.search(r"<title>(.*)</title>", page)[1] for page in pages]
    assert len(set(titles)) == len(titles)


def test_area_pages_list_every_task_once(paged_site: tuple[Path, Facts]) -> None:
    output, facts = paged_site
    longest = 1
    for area_id, per_plan in facts.areas.items():
        pages = _pages(output, urls.area_url(area_id))
        listed = Counter(m for page in pages for m in _IN_PLAN.findall(page))
        assert listed == Counter((plan.id, t.task.id) for plan, rows in per_plan for t in rows)
        _check_ranges(pages, len(per_plan))
        _one_search_page(pages)
        longest = max(longest, len(pages))
    assert longest > 2


def test_agency_pages_list_every_task_record_row_and_late_task(
        paged_site: tuple[Path, Facts]) -> None:
    output, facts = paged_site
    paged_agencies = 0
    for org_id, involvement in facts.involvement.items():
        pages = _pages(output, urls.agency_url(org_id))
        paged_agencies += len(pages) > 1
        rows = Counter(m for page in pages for m in _IN_PLAN.findall(page))
        assert rows == Counter((i.plan.id, t.task.id) for i in involvement
                               for t in i.leads + i.supports)
        _check_ranges(pages, len(involvement))
        _one_search_page(pages)
        record = facts.records.get(org_id)
        if record is None:
            continue
        roles = Counter(m for page in pages for m in _PLAN_ROW.findall(page))
        expected = Counter((r.plan.id, role) for r in record.rows
                           for role, counts in (("chu-tri", r.lead), ("phoi-hop", r.support))
                           if counts.total)
        assert roles == expected
        late = Counter(m for page in pages for m in re.findall(r'<li data-task="([^"]+)">', page))
        assert late == Counter(t.fact.task.id for t in record.late)
        if len(record.rows) > 1:  # the first page counts all plans; later pages link to it
            assert pages[0].count('data-role="chu-tri-tong"') == (record.lead.total > 0)
            for page in pages[1:]:
                assert 'data-role="chu-tri-tong"' not in page
                assert f'tính tất cả các kế hoạch, ở <a href="{urls.agency_url(org_id)}">trang 1' \
                    in page
    assert paged_agencies > 0


def test_progress_pages_list_every_plan_and_late_task_once(
        paged_site: tuple[Path, Facts]) -> None:
    output, facts = paged_site
    overview = _pages(output, urls.PROGRESS)
    assert len(overview) > 1
    listed = Counter(plan for page in overview for plan, _ in _PLAN_ROW.findall(page))
    assert listed == Counter(list(facts.plans))
    _check_ranges(overview, len(facts.plans))
    for year in facts.years:
        pages = _pages(output, urls.progress_year_url(year.year))
        assert Counter(plan for page in pages for plan, _ in _PLAN_ROW.findall(page)) == \
            Counter(p.plan.id for p in year.plans)
        assert Counter(m for page in pages for m in _TASK_PAGE.findall(page)) == \
            Counter((t.fact.plan.id, t.fact.task.id) for t in year.late)
        _check_ranges(pages, len(year.plans))
        # The year's totals on the first page; later pages link to it.
        assert ('nam-tong-' in pages[0]) == bool(year.reported)
        for page in pages[1:]:
            assert 'nam-tong-' not in page
            assert f'<a href="{urls.progress_year_url(year.year)}">trang 1</a>' in page


def test_open_data_pages_list_every_file_once(paged_site: tuple[Path, Facts]) -> None:
    output, facts = paged_site
    pages = _pages(output, urls.OPEN_DATA)
    assert len(pages) > 1
    catalogue = (output / "du-lieu" / "danh-muc.json").read_text(encoding="utf-8")
    plan_files = {u for u in re.findall(r'"(/du-lieu/[^"]+/[^"]+\.(?:csv|json))"', catalogue)
                  if u.split("/")[2] in facts.plans}
    listed = Counter(u for page in pages for u in re.findall(r'<a href="(/du-lieu/[^"]+)"', page)
                     if u.split("/")[2] in facts.plans)
    assert plan_files and listed == Counter(plan_files)
    _check_ranges(pages, len(facts.plans))


def test_plan_list_pages_list_every_plan_once(paged_site: tuple[Path, Facts]) -> None:
    output, facts = paged_site
    pages = _pages(output, urls.PLANS)
    assert len(pages) > 2
    by_year = [re.findall(r'<li><a href="/ke-hoach/([^/]+)/"><strong>', page) for page in pages]
    assert Counter(p for page in by_year for p in page) == Counter(list(facts.plans))
    assert [p for page in by_year for p in page] == \
        [p.plan.id for _, plans in facts.plans_by_year() for p in plans]
    _check_ranges(pages, len(facts.plans))
    # Issuing bodies once, on the first page, each linking to its agency page and count.
    issuers = facts.plans_by_issuer()
    assert [re.findall(r'id="theo-co-quan"', page) != [] for page in pages] == \
        [True] + [False] * (len(pages) - 1)
    for org, plans in issuers:
        assert f'<a href="{urls.agency_url(org.id)}">{len(plans)} kế hoạch</a>' in pages[0]


def test_home_and_search_pages_list_the_latest_years_whole(paged_site: tuple[Path, Facts]) -> None:
    output, facts = paged_site
    home = (output / "index.html").read_text(encoding="utf-8")
    search = (output / "tim-kiem" / "index.html").read_text(encoding="utf-8")
    by_year = facts.plans_by_year()
    shown = [p.plan.id for _, plans in by_year[:3] for p in plans]  # 2 plans a year: 6 ≥ 5
    assert sum(len(plans) for _, plans in by_year[:2]) < LOW_LIMITS["HOME_PLANS"]
    for page, pattern in ((home, r'<li><a href="/ke-hoach/([^/]+)/"><strong>'),
                          (search, r'<li><a href="/ke-hoach/([^/]+)/">')):
        assert re.findall(pattern, page) == shown
        assert '<a href="/ke-hoach/">Mọi kế hoạch, theo năm và cơ quan ban hành →</a>' in page


def test_news_archive_pages_list_every_post_once(paged_site: tuple[Path, Facts]) -> None:
    output, _ = paged_site
    pages = _pages(output, "/tin-tuc/luu-tru/")
    assert len(pages) == 4  # 100 posts, 30 a page
    posts = {f"/{p.parent.relative_to(output).as_posix()}/"
             for p in output.glob("tin-tuc/*/*/index.html") if "trang-" not in p.parent.name}
    listed = Counter(u for page in pages
                     for u in re.findall(r'<li><a href="(/tin-tuc/\d{4}/[^"]+/)">', page))
    assert len(posts) == 100 and listed == Counter(posts)


def test_sitemap_lists_every_page_of_every_list(paged_site: tuple[Path, Facts]) -> None:
    output, _ = paged_site
    sitemap = (output / "sitemap.xml").read_text(encoding="utf-8")
    later = sorted(p.parent for p in output.glob("*/*/trang-*/index.html"))
    assert later
    lastmod = dict(re.findall(r"<loc>https?://[^/<]+(/[^<]*)</loc><lastmod>([^<]+)</lastmod>",
                              sitemap))
    for folder in later:
        url = f"/{folder.relative_to(output).as_posix()}/"
        assert url in lastmod
        assert lastmod[url] == lastmod[url.rsplit("trang-", 1)[0]]
    assert len({lastmod[f"/{p.parent.relative_to(output).as_posix()}/"]
                for p in output.glob("co-quan/*/index.html")}) > 1


def test_example_site_shows_every_list_on_one_page(example_site: Path) -> None:
    assert not [p for p in example_site.rglob("trang-*") if "tin-tuc" not in p.parts]


def test_a_page_list_that_grows_is_rebuilt_like_a_fresh_build(tmp_path: Path) -> None:
    """A new plan moves rows to later pages and adds pages: an incremental build
    publishes what a fresh one does (every page of a list reads every plan it shows)."""
    root = example_copy(tmp_path / "project")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(paging, "AREA_ROWS", 8)
        patch.setattr(paging, "PROGRESS_ROWS", 7)
        build(root)
        before = sorted((root / "output").rglob("trang-*"))
        source = root / "data" / "plans" / "tq-sd-kh-cchc-2021.yaml"
        source.with_name("tq-sd-kh-2022.yaml").write_text(re.sub(
            r"(?m)^id: .+$", "id: tq-sd-kh-2022", source.read_text(encoding="utf-8")),
            encoding="utf-8")
        reused, pages = rebuild(root, tmp_path)
    assert 0 < reused < pages
    assert len(sorted((root / "output").rglob("trang-*"))) > len(before) > 0


@pytest.mark.parametrize(("weights", "limit", "expected"), [
    ([], 5, [[]]),
    ([1, 1, 1], 5, [[1, 1, 1]]),
    ([1] * 13, 12, [[1] * 7, [1] * 6]),  # even, not 12 and 1
    ([2, 9, 2, 2], 5, [[2], [9], [2, 2]]),  # a heavy item alone, order kept
    ([3, 3, 3, 3, 3], 6, [[3, 3], [3, 3], [3]]),
])
def test_split_keeps_order_and_limit_in_fewest_pages(weights: list[int], limit: int,
                                                      expected: list[list[int]]) -> None:
    assert split(weights, lambda w: w, limit) == expected


def test_paging_knows_neighbours_and_ranges() -> None:
    pages = paged(list("abcde"), lambda _: 1, 2, lambda n: urls.paged_url("/x/", n))
    assert [chunk for _, chunk in pages] == [["a", "b"], ["c", "d"], ["e"]]
    first, middle, last = (p for p, _ in pages)
    assert first.urls == ("/x/", "/x/trang-2/", "/x/trang-3/")
    assert (first.previous, first.next) == (None, "/x/trang-2/")
    assert (middle.url, middle.previous, middle.next) == ("/x/trang-2/", "/x/", "/x/trang-3/")
    assert (last.first, last.last, last.total, last.next) == (5, 5, 5, None)
