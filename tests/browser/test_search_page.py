"""The search page of the example site in Chromium: tasks at their anchors, document
numbers, filters, order, keyboard and screen-reader basics, and life without JavaScript."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs, urlparse

import pytest

from generator.data.dataset import load_dataset
from generator.facts.derive import derive

from ..conftest import PROJECT_ROOT
from .conftest import CHROMIUM
from .searching import every_url, search, shown, status, wait_for_results

pytestmark = pytest.mark.browser

AN_GIANG = "/ke-hoach/ag-792-kh-ubnd-2018/"
DATA = load_dataset(PROJECT_ROOT)


def test_chromium_is_installed() -> None:
    # Fails, never skips: the test command (scripts/test.sh) installs it on fresh machines.
    assert CHROMIUM.exists(), f"{CHROMIUM} is missing: run `apt-get install chromium`"


def _task(plan_id: str, words: str) -> tuple[str, str]:
    """(anchor URL, title) of the task of `plan_id` whose title contains `words`."""
    task = next(t for _, t in DATA.plans[plan_id].tasks() if words in t.title)
    return f"/ke-hoach/{plan_id}/#nhiem-vu-{task.id}", task.title


def test_a_task_result_leads_to_its_row(page: Any, example_url: str) -> None:
    url, title = _task("bd-kh-snn-2024", "Trợ lý ảo")
    results = search(page, example_url, q="tro ly ao")
    first = results[0]
    assert (first.url, first.title, first.kind) == (url, title, "Nhiệm vụ")
    assert first.marks[:3] == ["Trợ", "lý", "ảo"]
    assert "2024" in first.meta and "Sở Nông nghiệp" in first.meta
    page.click("#search-results > li:first-child h2 a")
    page.wait_for_url(f"{example_url}{url}")
    row = page.locator(f"#{url.split('#')[1]}")
    assert row.count() == 1 and title in (row.text_content() or "")
    assert page.evaluate("document.querySelector(':target')?.id") == url.split("#")[1]


def test_an_indicator_result_leads_to_its_row(page: Any, example_url: str) -> None:
    # "sử dụng thư điện tử" typed without marks and with d for đ: the indicator that holds
    # these words side by side comes first.
    results = search(page, example_url, q="su dung thu dien tu")
    assert results[0].url == f"{AN_GIANG}#chi-tieu-mt-7" and results[0].kind == "Chỉ tiêu"
    assert results[0].marks == ["sử", "dụng", "thư", "điện", "tử"]


@pytest.mark.parametrize("query", ["792/KH-UBND", "792", "kh 792", "KH 792", "792/kh-ubnd"])
def test_document_number_finds_the_plan_first(page: Any, example_url: str, query: str) -> None:
    results = search(page, example_url, q=query)
    assert results[0].url == AN_GIANG, [r.url for r in results[:3]]
    assert results[0].kind == "Kế hoạch"
    assert "Kế hoạch 792/KH-UBND" in results[0].meta


def test_an_agency_name_finds_the_agency_pages_first(page: Any, example_url: str) -> None:
    results = search(page, example_url, q="so noi vu")
    assert [r.kind for r in results[:2]] == ["Cơ quan", "Cơ quan"]
    assert all("Sở Nội vụ" in r.title for r in results[:2])


def test_results_show_type_issuer_year_and_status(page: Any, example_url: str) -> None:
    results = search(page, example_url, q="792/KH-UBND")
    plan = results[0]
    assert plan.meta.startswith("Kế hoạch 792/KH-UBND · Ủy ban nhân dân tỉnh An Giang · 2018")
    assert page.locator("#search-results > li:first-child .badge").text_content() == \
        "Chưa xác định"


def test_filters_narrow_the_results(page: Any, example_url: str) -> None:
    everything = search(page, example_url, q="cai cach")
    total = int(status(page).split()[0])
    page.click("#search-filters summary")
    page.select_option("#loc-loai", "Nhiệm vụ")
    wait_for_results(page)
    tasks = int(status(page).split()[0])
    assert 0 < tasks < total and {r.kind for r in shown(page)} == {"Nhiệm vụ"}
    page.select_option("#loc-nam", "2018")
    wait_for_results(page)
    narrowed = shown(page)
    assert 0 < int(status(page).split()[0]) < tasks
    assert {r.year for r in narrowed} == {2018} and {r.kind for r in narrowed} == {"Nhiệm vụ"}
    params = parse_qs(urlparse(page.url).query)
    assert params == {"q": ["cai cach"], "loai": ["Nhiệm vụ"], "nam": ["2018"]}
    page.reload()  # the URL keeps the search: it can be shared
    wait_for_results(page)
    assert shown(page) == narrowed and page.input_value("#loc-nam") == "2018"
    assert everything


def test_filter_choices_come_from_the_index(page: Any, example_url: str) -> None:
    search(page, example_url, q="cai cach")
    page.click("#search-filters summary")
    page.wait_for_function("() => document.querySelector('#loc-nam').options.length > 1")
    years = page.eval_on_selector_all("#loc-nam option", "o => o.map(x => x.value)")
    assert years == ["", "2024", "2021", "2019", "2018"]
    kinds = page.eval_on_selector_all("#loc-loai option", "o => o.map(x => x.value)")
    assert {"Kế hoạch", "Nhiệm vụ", "Chỉ tiêu", "Cơ quan", "Lĩnh vực cải cách", "Tin tức",
            "Báo cáo"} <= set(kinds)


def test_status_filter_lists_the_late_tasks(page: Any, example_url: str) -> None:
    facts = derive(DATA)
    late = {f"/ke-hoach/{t.plan.id}/#nhiem-vu-{t.task.id}" for p in facts.plans.values()
            for t in p.tasks if t.latest is not None and t.latest.late}
    results = search(page, example_url, **{"trang-thai": "Trễ hạn"})
    assert late and {r.url for r in results} == late
    assert all(r.late for r in results)


def test_status_filter_follows_the_latest_report(page: Any, example_url: str) -> None:
    # Task rows carry the status the plan's latest report gives them.
    facts = derive(DATA)
    done = [t for p in facts.plans.values() for t in p.tasks
            if t.latest is not None and t.latest.status_label == "Hoàn thành"]
    results = search(page, example_url, **{"trang-thai": "Hoàn thành", "loai": "Nhiệm vụ"})
    assert done and int(status(page).split()[0]) == len(done)
    assert all("Hoàn thành" in r.meta for r in results)


def test_newest_first(page: Any, example_url: str) -> None:
    results = search(page, example_url, q="cai cach hanh chinh", **{"sap-xep": "moi-nhat"})
    while page.locator("#search-more").is_visible():
        page.click("#search-more")
        page.wait_for_function("(n) => document.querySelectorAll('#search-results > li')"
                               ".length > n", arg=len(results))
        results = shown(page)
    years = [r.year for r in results if r.year is not None]
    assert years == sorted(years, reverse=True) and years[0] == 2024 and years[-1] == 2018
    dated = [r.year is not None for r in results]
    assert dated == sorted(dated, reverse=True)  # undated pages (agencies, areas) last


def test_keyboard_search_and_more_results(page: Any, example_url: str) -> None:
    page.goto(f"{example_url}/tim-kiem/")
    page.focus("#search-q")
    page.keyboard.type("cai cach")
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.getElementById('search-status').textContent"
                           ".includes('cai cach')")
    first = len(shown(page))
    assert first == int(page.get_attribute("#search", "data-page-size"))
    page.focus("#search-more")
    page.keyboard.press("Enter")
    page.wait_for_function("(n) => document.querySelectorAll('#search-results > li')"
                           ".length > n", arg=first)
    # Focus moves to the first new result, so keyboard users read on from there.
    focused = page.evaluate("document.activeElement.getAttribute('href')")
    assert focused == shown(page)[first].url


def test_every_control_has_a_label(page: Any, example_url: str) -> None:
    search(page, example_url, q="cai cach")
    unlabelled = page.evaluate("""() => [...document.querySelectorAll(
        '#search input, #search select, #search button')]
        .filter(e => !(e.labels?.length || e.textContent.trim() || e.getAttribute('aria-label')))
        .map(e => e.outerHTML)""")
    assert unlabelled == []
    assert page.get_attribute("#search-status", "role") == "status"
    assert page.get_attribute("#search-status", "aria-live") == "polite"


def test_no_results_says_so(page: Any, example_url: str) -> None:
    assert search(page, example_url, q="zqxjw") == []
    assert status(page).startswith("Không tìm thấy kết quả cho “zqxjw”")


def test_header_search_on_any_page(page: Any, example_url: str) -> None:
    page.goto(f"{example_url}{AN_GIANG}")
    page.fill("#header-q", "tro ly ao")
    page.press("#header-q", "Enter")
    page.wait_for_url("**/tim-kiem/?q=tro+ly+ao")
    wait_for_results(page)
    assert shown(page)[0].kind == "Nhiệm vụ"
    assert page.locator("#header-q").count() == 0  # the page's own box replaces it


def test_index_answers_every_kind_of_page(page: Any, example_url: str) -> None:
    search(page, example_url, q="ket qua thuc hien")
    urls = every_url(page, "ket qua thuc hien")
    assert any("/bao-cao/" in u for u in urls)
    search(page, example_url, q="chi tieu cong tac cai cach")
    assert any(u.startswith("/tin-tuc/") for u in every_url(page, "chi tieu cong tac cai cach"))
    assert not [u for u in urls if "/nhiem-vu/" in u]  # task histories: the rows answer


def test_without_javascript_the_search_box_still_leads_somewhere(
        page_without_js: Any, example_url: str) -> None:
    page = page_without_js
    page.goto(f"{example_url}/")
    page.fill("#header-q", "cai cach")
    page.press("#header-q", "Enter")
    page.wait_for_url("**/tim-kiem/?q=cai+cach")
    assert not page.locator("#search").is_visible()  # no dead form
    notice = page.locator("noscript").first
    assert notice.count() == 1
    assert page.locator("a[href='/ke-hoach/#ghi-chu-tim-kiem']").is_visible()
    assert page.locator(f"main a[href='{AN_GIANG}']").is_visible()
    page.click("a[href='/ke-hoach/#ghi-chu-tim-kiem']")
    page.wait_for_url("**/ke-hoach/#ghi-chu-tim-kiem")
    assert page.locator("#ghi-chu-tim-kiem").is_visible()
