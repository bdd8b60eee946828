"""End to end: the example site's reports on its pages, and every figure equal to the JSON."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from generator.build import build
from generator.data.dataset import load_dataset
from generator.reading.vietnamese import format_number, format_percent

from .conftest import PROJECT_ROOT

AG = "ag-792-kh-ubnd-2018"
BD = "bd-kh-snn-2024"
SAMPLE = "Dữ liệu mẫu minh họa"
REPORTS = {plan: sorted(periods) for plan, periods in load_dataset(PROJECT_ROOT).reports.items()}


def _page(output: Path, url: str) -> str:
    return (output / url.lstrip("/") / "index.html").read_text(encoding="utf-8")


def _json(output: Path, url: str) -> Any:
    return json.loads((output / url.lstrip("/")).read_text(encoding="utf-8"))


def _row(page: str, start: str) -> str:
    """The HTML of the table row or list item that starts with `start`."""
    at = page.index(start)
    end = page.index("</tr>" if start.startswith("<tr") else "</li>", at)
    return page[at:end]


def _pct(value: float | None) -> str:
    return "—" if value is None else format_percent(value)


def test_sample_reports_cover_the_four_periods_of_both_seed_plans() -> None:
    for plan, year in ((AG, 2018), (BD, 2024)):
        assert REPORTS[plan] == sorted(f"{year}-{p}" for p in ("quy-1", "6-thang", "quy-3", "nam"))
    data = load_dataset(PROJECT_ROOT)
    assert all(r.sample for periods in data.reports.values() for r in periods.values())


def test_a_late_task_is_late_on_every_page_and_in_the_json(example_site: Path) -> None:
    # "Xây dựng và triển khai đề án An Giang điện tử" was due in quý II/2018 and is still
    # under way in the year's report (figures as of 10/12/2018): 163 days late.
    data = _json(example_site, f"/du-lieu/{AG}/bao-cao/2018-nam.json")
    task = next(t for t in data["tasks"] if t["task_id"] == "vii-2")
    assert (task["late"], task["days_late"], task["deadline"]) == (True, 163, "2018-06-30")
    assert task["status"] == "dang-thuc-hien"

    plan = _page(example_site, f"/ke-hoach/{AG}/")
    row = _row(plan, '<tr id="nhiem-vu-vii-2"')
    assert 'data-late="true"' in row and "Trễ hạn 163 ngày" in row
    assert 'data-task="vii-2"' in plan[plan.index('id="tre-han"'):]  # in the late list

    report = _page(example_site, f"/ke-hoach/{AG}/bao-cao/2018-nam/")
    late_section = report[report.index('<h2 id="tre-han">'):report.index('<h2 id="thay-doi">')]
    assert '<tr data-task="vii-2">' in late_section and "Trễ hạn 163 ngày" in late_section
    assert 'data-task="vii-2" data-status="dang-thuc-hien" data-late="true"' in report

    agency = _page(example_site, "/co-quan/ag-so-thong-tin-va-truyen-thong/")
    record = agency[agency.index('id="ket-qua"'):]
    assert '<li data-task="vii-2">' in record
    assert "Trễ hạn 163 ngày" in _row(agency, '<li data-task="vii-2">')

    history = _page(example_site, f"/ke-hoach/{AG}/nhiem-vu/vii-2/")
    assert 'data-period="2018-6-thang" data-status="dang-thuc-hien" data-late="false"' in history
    assert 'data-period="2018-quy-3" data-status="dang-thuc-hien" data-late="true"' in history
    assert 'data-period="2018-nam" data-status="dang-thuc-hien" data-late="true"' in history


def test_a_task_completed_late_is_shown_so_everywhere(example_site: Path) -> None:
    # v-1 "Quý IV/2017" in a 2018 plan: late in the first two reports, done in quý III.
    data = _json(example_site, f"/du-lieu/{AG}/bao-cao/2018-quy-3.json")
    task = next(t for t in data["tasks"] if t["task_id"] == "v-1")
    assert (task["status"], task["reported_status"], task["completed_late"]) == (
        "hoan-thanh-tre-han", "hoan-thanh", True)
    report = _page(example_site, f"/ke-hoach/{AG}/bao-cao/2018-quy-3/")
    assert 'data-task="v-1" data-status="hoan-thanh-tre-han" data-late="false"' in report
    assert task["completed_late_basis"] in report


@pytest.mark.parametrize(("plan", "period"),
                         [(p, period) for p, periods in REPORTS.items() for period in periods])
def test_every_number_on_a_report_page_matches_the_json(example_site: Path, plan: str,
                                                        period: str) -> None:
    data = _json(example_site, f"/du-lieu/{plan}/bao-cao/{period}.json")
    page = _page(example_site, f"/ke-hoach/{plan}/bao-cao/{period}/")
    summary = data["summary"]
    total = summary["total"]

    # The headline: done/total, rate, late.
    start = page.index('id="ty-le"')
    headline = page[start:page.index("</p>", start)]
    assert f"<strong>{summary['done']}/{total}</strong>" in headline
    assert f"<strong>{_pct(summary['done_rate'])}</strong>" in headline
    assert (f"{summary['late']} trễ hạn" in headline) == bool(summary["late"])

    # The status table: one row per status, then total, done and late.
    for status, count in summary["by_status"].items():
        row = _row(page, f'<tr data-status="{status}">')
        assert re.findall(r'<td class="n">([^<]*)</td>', row) == [
            format_number(count), _pct(count / total * 100 if total else None)]
    assert re.findall(r'<td class="n">([^<]*)</td>', _row(page, '<tr data-status="tong">')) == [
        format_number(total), "100%"]
    assert re.findall(r'<td class="n">([^<]*)</td>',
                      _row(page, '<tr data-status="hoan-thanh-tong">')) == [
        format_number(summary["done"]), _pct(summary["done_rate"])]
    assert re.findall(r'<td class="n">([^<]*)</td>', _row(page, '<tr data-status="tre-han">'))[0] \
        == format_number(summary["late"])

    # The chart says the same in words.
    labels = {t["status"]: t["status_label"] for t in data["tasks"]}
    words = "; ".join(f"{labels[s]}: {format_number(n)}" for s, n in summary["by_status"].items()
                      if s in labels)
    desc = re.search(r'<desc id="bd-tong-d">([^<]*)</desc>', page)
    assert desc and all(part in desc.group(1) for part in words.split("; "))
    assert desc.group(1).endswith(f"(tổng {format_number(total)})")

    # Every section: counts per status, total, late, rate.
    for section in data["sections"]:
        group = page[page.index(f'<tbody data-group="{section["section_id"]}">'):]
        group = group[:group.index("</tbody>")]
        cells = dict(re.findall(r'<td class="n" data-status="([^"]+)">([^<]*)</td>', group))
        counts = section["counts"]
        assert {k: cells[k] for k in counts["by_status"]} == {
            k: format_number(v) for k, v in counts["by_status"].items()}
        assert (cells["tong"], cells["tre-han"], cells["ty-le"]) == (
            format_number(counts["total"]), format_number(counts["late"]),
            _pct(counts["done_rate"]))

    # Indicator states.
    states = dict(re.findall(r'<li data-state="([^"]+)">.*?<strong>([^<]*)</strong>', page))
    assert states == {k: format_number(v) for k, v in data["indicators_summary"]["by_state"].items()}

    # Every task row: status and lateness.
    rows = re.findall(r'<tr id="nhiem-vu-([^"]+)" data-task="[^"]+" data-status="([^"]+)" '
                      r'data-late="(true|false)"', page)
    assert rows == [(t["task_id"], t["status"], "true" if t["late"] else "false")
                    for t in data["tasks"]]
    late_table = page[page.index('<h2 id="tre-han">'):page.index('<h2 id="thay-doi">')]
    assert sorted(re.findall(r'<tr data-task="([^"]+)">', late_table)) == sorted(
        t["task_id"] for t in data["tasks"] if t["late"])


def test_plan_page_shows_latest_status_progress_and_downloads(example_site: Path) -> None:
    page = _page(example_site, f"/ke-hoach/{BD}/")
    latest = _json(example_site, f"/du-lieu/{BD}/bao-cao/2024-nam.json")
    assert f'href="/ke-hoach/{BD}/bao-cao/2024-nam/"' in page
    for task in latest["tasks"]:
        row = _row(page, f'<tr id="nhiem-vu-{task["task_id"]}"')
        assert f'data-status="{task["status"]}"' in row
        assert f'href="/ke-hoach/{BD}/nhiem-vu/{task["task_id"]}/"' in row
    for indicator in latest["indicators"]:
        row = _row(page, f'<tr id="chi-tieu-{indicator["indicator_id"]}"')
        assert f'data-state="{indicator["state"]}"' in row
    assert "Tải dữ liệu" in page and f'href="/du-lieu/{BD}/tien-do-nhiem-vu.csv"' in page
    assert '<svg class="chart chart-stack"' in page


def test_plans_without_reports_say_so_and_still_offer_their_data(example_site: Path) -> None:
    page = _page(example_site, "/ke-hoach/hcm-178-kh-snn-2019/")
    assert "Kế hoạch này chưa có báo cáo kết quả" in page
    assert SAMPLE not in page
    assert 'href="/du-lieu/hcm-178-kh-snn-2019/nhiem-vu.csv"' in page
    assert not (example_site / "ke-hoach/hcm-178-kh-snn-2019/bao-cao").exists()


def test_sample_label_on_every_page_that_shows_sample_reports(example_site: Path) -> None:
    for url in [f"/ke-hoach/{AG}/", f"/ke-hoach/{AG}/bao-cao/2018-quy-1/",
                f"/ke-hoach/{BD}/nhiem-vu/v-15/", "/tien-do/", "/tien-do/2024/",
                "/co-quan/bd-snn-phong-tccb/", "/linh-vuc/cai-cach-the-che/", "/du-lieu/"]:
        assert f'<p class="sample-label" role="note"><strong>{SAMPLE}</strong>' in _page(
            example_site, url), url
    assert SAMPLE not in _page(example_site, "/tien-do/2019/")
    assert SAMPLE not in _page(example_site, "/co-quan/hcm-snn-van-phong/")


def test_progress_overview_and_year_pages(example_site: Path) -> None:
    overview = _page(example_site, "/tien-do/")
    for plan, periods in REPORTS.items():
        for period in periods:
            assert f'href="/ke-hoach/{plan}/bao-cao/{period}/"' in overview
    for year in (2018, 2019, 2021, 2024):
        assert f'href="/tien-do/{year}/"' in overview
    year = _page(example_site, "/tien-do/2018/")
    assert '<tbody data-group="cai-cach-the-che">' in year
    assert f'href="/ke-hoach/{AG}/nhiem-vu/vii-2/"' in year  # in the year's late tasks
    assert "Chưa có kế hoạch nào của năm này có báo cáo kết quả" in _page(example_site,
                                                                       "/tien-do/2019/")


def test_every_chart_is_an_image_with_a_text_alternative(example_site: Path) -> None:
    for url in [f"/ke-hoach/{AG}/bao-cao/2018-nam/", f"/ke-hoach/{AG}/", "/tien-do/2018/",
                "/co-quan/ag-so-noi-vu/"]:
        page = _page(example_site, url)
        charts = re.findall(r"<svg class=\"chart[^>]*>.*?</svg>", page, re.DOTALL)
        assert charts, url
        for svg in charts:
            chart_id = re.search(r'aria-labelledby="([a-z0-9-]+)-t \1-d"', svg)
            assert 'role="img"' in svg and chart_id, svg[:200]
            assert f'<title id="{chart_id.group(1)}-t">' in svg
            assert f'<desc id="{chart_id.group(1)}-d">' in svg
        ids = re.findall(r'\bid="([^"]+)"', page)
        assert len(ids) == len(set(ids)), url


def test_open_data_index_lists_every_published_file(example_site: Path) -> None:
    catalogue = _json(example_site, "/du-lieu/danh-muc.json")
    index = _page(example_site, "/du-lieu/")
    for entry in catalogue["files"]:
        path = example_site / entry["url"].lstrip("/")
        assert path.stat().st_size == entry["bytes"], entry["url"]
        assert f'href="{entry["url"]}"' in index
    csv_file = (example_site / f"du-lieu/{AG}/tien-do-nhiem-vu.csv").read_bytes()
    assert csv_file.startswith("\ufeff".encode())
    header = csv_file.decode("utf-8-sig").splitlines()[0]
    assert header.startswith("plan_id,period_id,period_label,cutoff,")


def test_sample_label_setting_turns_the_label_off(site: Path, tmp_path: Path) -> None:
    report = site / "data/reports/tn-10-kh-ubnd-2024/2024-quy-1.yaml"
    report.parent.mkdir(parents=True)
    report.write_text("plan: tn-10-kh-ubnd-2024\nperiod: 2024-quy-1\nsample: true\n"
                      "date: 2024-03-20\ncutoff: 2024-03-14\ntasks:\n"
                      "  - task: i-1\n    status: hoan-thanh\n", encoding="utf-8")
    build(site, tmp_path / "on")
    assert SAMPLE in _page(tmp_path / "on", "/ke-hoach/tn-10-kh-ubnd-2024/bao-cao/2024-quy-1/")
    config = site / "minhbach.toml"
    config.write_text(config.read_text(encoding="utf-8") + "sample_data_label = false\n",
                      encoding="utf-8")
    build(site, tmp_path / "off")
    for page in (tmp_path / "off").rglob("*.html"):
        assert SAMPLE not in page.read_text(encoding="utf-8"), page
    # The data itself still says it is sample data.
    data = _json(tmp_path / "off", "/du-lieu/tn-10-kh-ubnd-2024/bao-cao/2024-quy-1.json")
    assert data["sample"] is True


def test_progress_pages_are_byte_identical_across_builds(site: Path, tmp_path: Path) -> None:
    report = site / "data/reports/tn-10-kh-ubnd-2024/2024-nam.yaml"
    report.parent.mkdir(parents=True)
    report.write_text("plan: tn-10-kh-ubnd-2024\nperiod: 2024-nam\ndate: 2024-12-20\n"
                      "cutoff: 2024-12-14\ntasks:\n  - task: ii-1\n    status: dang-thuc-hien\n",
                      encoding="utf-8")
    build(site, tmp_path / "a")
    build(site, tmp_path / "b")
    for folder in ("ke-hoach", "tien-do", "du-lieu", "co-quan"):
        first = {p.relative_to(tmp_path / "a"): p.read_bytes()
                 for p in sorted((tmp_path / "a" / folder).rglob("*")) if p.is_file()}
        second = {p.relative_to(tmp_path / "b"): p.read_bytes()
                  for p in sorted((tmp_path / "b" / folder).rglob("*")) if p.is_file()}
        assert first == second, folder
    page = _page(tmp_path / "a", "/ke-hoach/tn-10-kh-ubnd-2024/bao-cao/2024-nam/")
    assert SAMPLE not in page  # a real report (no sample: true) carries no label
    assert 'data-task="ii-1" data-status="dang-thuc-hien" data-late="true"' in page
