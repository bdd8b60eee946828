"""The example site as a citizen meets it on a phone, and as an official prints it: short
pages with closed sections, rows that open without JavaScript, anchors that open their
row, no sideways scrolling at 320 px, the full table with a sticky header on wide
screens, and print that gives the document."""

from __future__ import annotations

from typing import Any

import pytest

from .searching import search

pytestmark = pytest.mark.browser

PHONE = {"width": 375, "height": 667}
AN_GIANG = "/ke-hoach/ag-792-kh-ubnd-2018/"
REPORT = "/ke-hoach/ag-792-kh-ubnd-2018/bao-cao/2018-nam/"
PAGES = ["/", "/ke-hoach/", AN_GIANG, "/ke-hoach/bd-kh-snn-2024/", REPORT,
         "/ke-hoach/ag-792-kh-ubnd-2018/nhiem-vu/i-2/", "/co-quan/ag-so-noi-vu/",
         "/linh-vuc/cai-cach-thu-tuc-hanh-chinh/", "/tien-do/", "/tien-do/2018/", "/tin-tuc/",
         "/du-lieu/", "/tim-kiem/?q=cai+cach", "/gioi-thieu/", "/404.html"]
ROW = "#nhiem-vu-i-2"


@pytest.fixture
def phone(page: Any) -> Any:
    page.set_viewport_size(PHONE)
    return page


@pytest.fixture
def phone_without_js(page_without_js: Any) -> Any:
    page_without_js.set_viewport_size(PHONE)
    return page_without_js


def _height(page: Any) -> int:
    return page.evaluate("document.documentElement.scrollHeight")


def test_an_giang_plan_fits_in_fifteen_phone_screens(phone: Any, example_url: str) -> None:
    phone.goto(example_url + AN_GIANG)
    assert phone.evaluate("document.querySelectorAll('details[open]').length") == 0
    assert _height(phone) <= 15 * PHONE["height"]
    # The contents come first, with counts, before any section.
    toc = phone.locator("nav.toc")
    assert toc.bounding_box()["y"] < 2 * PHONE["height"]
    assert "(57 trong 8 phần)" in toc.inner_text()


@pytest.mark.parametrize("path", [REPORT, "/co-quan/ag-so-noi-vu/", "/tien-do/"])
def test_other_long_pages_stay_short(phone: Any, example_url: str, path: str) -> None:
    phone.goto(example_url + path)
    assert _height(phone) <= 15 * PHONE["height"]


@pytest.mark.parametrize("path", PAGES)
def test_no_sideways_scrolling_at_320_px_even_with_everything_open(
        page: Any, example_url: str, path: str) -> None:
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(example_url + path)
    page.wait_for_load_state("networkidle")
    page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; })")
    assert page.evaluate("document.documentElement.scrollWidth") <= 320


def test_a_task_is_one_compact_line_that_opens_without_javascript(
        phone_without_js: Any, example_url: str) -> None:
    page = phone_without_js
    page.goto(example_url + AN_GIANG)
    page.click("summary:has(> #nhiem-vu)")  # the "Nhiệm vụ" section's summary
    page.click("summary:has(> #phan-i)")
    row = page.locator(ROW)
    status = row.locator("td[data-status]")
    assert status.is_visible() and "Đang thực hiện" in status.inner_text()
    assert not row.locator("td.more").first.is_visible()  # product, agencies: closed
    title = row.locator("td.main summary")
    assert title.evaluate("e => getComputedStyle(e).webkitLineClamp") == "2"
    title.click()
    assert row.locator("td.more").first.is_visible()
    assert "Kế hoạch năm 2018" in row.locator("td.more").first.inner_text()


def test_an_anchor_opens_its_row_and_the_sections_around_it(phone: Any, example_url: str) -> None:
    phone.goto(example_url + AN_GIANG + ROW)
    row = phone.locator(ROW)
    assert row.locator("td.more").first.is_visible()
    assert row.locator("td.main details").evaluate("d => d.open")
    box = row.bounding_box()
    assert -1 <= box["y"] < PHONE["height"]  # scrolled to it (sub-pixel rounding aside)
    # The same in a report, and an indicator row of the plan.
    phone.goto(example_url + REPORT + ROW)
    assert phone.locator(ROW + " td.more").first.is_visible()
    phone.goto(example_url + AN_GIANG + "#chi-tieu-mt-1")
    assert phone.locator("#chi-tieu-mt-1 td.more").first.is_visible()


def test_a_contents_link_opens_its_section(phone: Any, example_url: str) -> None:
    phone.goto(example_url + AN_GIANG)
    phone.click("nav.toc a[href='#chi-tieu']")
    assert phone.locator("#chi-tieu-mt-1").is_visible()


def test_a_search_result_opens_its_row(phone: Any, example_url: str) -> None:
    results = search(phone, example_url, q="tro ly ao")
    assert results[0].kind == "Nhiệm vụ" and "#nhiem-vu-" in results[0].url
    phone.click("#search-results > li h2 a >> nth=0")
    anchor = results[0].url.split("#", 1)[1]
    phone.wait_for_function("id => document.getElementById(id)?.querySelector('td.main details')"
                            "?.open", arg=anchor)
    assert phone.locator(f"#{anchor} td.more").first.is_visible()


def test_wide_screens_keep_the_whole_table_with_a_sticky_header(
        page: Any, example_url: str) -> None:
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(example_url + AN_GIANG + ROW)
    row = page.locator(ROW)
    cells = row.locator("td")
    assert all(cells.nth(i).is_visible() for i in range(cells.count()) if
               cells.nth(i).inner_text().strip())
    header = row.locator("xpath=ancestor::table//thead//th").first
    assert header.evaluate("e => getComputedStyle(e).position") == "sticky"
    page.evaluate("window.scrollBy(0, 400)")
    assert -1 <= header.bounding_box()["y"] <= 1  # stuck to the top while rows scroll


def test_print_gives_the_document(page: Any, example_url: str) -> None:
    page.goto(example_url + AN_GIANG)
    page.emulate_media(media="print")
    assert "serif" in page.evaluate("getComputedStyle(document.body).fontFamily").lower()
    assert not page.locator("header.site-header").is_visible()
    assert not page.locator("nav.toc").is_visible()
    head = page.locator(".doc-head")
    assert head.is_visible()  # the full text prints although its section is closed
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in head.inner_text()
    assert "Số: 792/KH-UBND" in head.inner_text()
    assert page.locator(ROW).is_visible()  # the appendix table too
    assert page.locator(ROW + " td.more").first.is_visible()
    assert page.locator(".tasks thead").first.evaluate(
        "e => getComputedStyle(e).display") == "table-header-group"  # repeated on each page
    assert page.locator(".tasks tr").first.evaluate(
        "e => getComputedStyle(e).breakInside") == "avoid"
    # "Nơi nhận" once: in the transcribed text, not again from the data.
    assert page.locator("main").inner_text().count("Nơi nhận") == 1


def test_without_javascript_an_anchor_still_shows_its_row(phone_without_js: Any,
                                                         example_url: str) -> None:
    # The browser opens the closed sections around a fragment's target (HTML's "ancestor
    # details revealing"), and CSS shows the targeted row's cells (tr:target).
    phone_without_js.goto(example_url + AN_GIANG + ROW)
    assert phone_without_js.locator(ROW + " td.more").first.is_visible()
