"""The example site built from the five seeds: every row is on its pages, faithfully."""

from __future__ import annotations

import re
from html import escape
from pathlib import Path

import pytest

from generator.data.dataset import load_dataset

from .conftest import PROJECT_ROOT

DATA = load_dataset(PROJECT_ROOT)


def _page(output: Path, url: str) -> str:
    return (output / url.lstrip("/") / "index.html").read_text(encoding="utf-8")


def _shown(text: str) -> str:
    return escape(text, quote=True).replace("&#x27;", "&#39;").replace("&quot;", "&#34;")


def test_the_five_seeds_are_plans() -> None:
    assert sorted(DATA.plans) == ["ag-792-kh-ubnd-2018", "bd-kh-snn-2024", "hcm-178-kh-snn-2019",
                                  "hcm-cam-ket-snn-2021", "tq-sd-kh-cchc-2021"]
    assert sorted(DATA.plan_texts) == sorted(DATA.plans)


def test_an_giang_appendix_has_eight_sections_and_the_unnumbered_row() -> None:
    plan = DATA.plans["ag-792-kh-ubnd-2018"]
    assert [s.number for s in plan.sections] == ["I", "II", "III", "IV", "V", "VI", "VII", "VIII"]
    assert [len(s.tasks) for s in plan.sections] == [16, 6, 5, 4, 6, 6, 9, 5]
    unnumbered = [t for _, t in plan.tasks() if t.number is None]
    assert [t.id for t in unnumbered] == ["viii-khong-so"]
    assert plan.number == "792/KH-UBND"
    assert str(plan.issued) == "2017-12-29"
    assert len(plan.indicators) == 20


def test_binh_dinh_draft_keeps_its_blanks_and_sub_rows() -> None:
    plan = DATA.plans["bd-kh-snn-2024"]
    assert plan.number is None and plan.issued is None and plan.status == "du-thao"
    tasks = {t.number: t for _, t in plan.tasks()}
    assert tasks["1.1"].parent == tasks["1"].id and tasks["1.2"].parent == tasks["1"].id
    assert len(plan.tasks()) == 23
    sub_rows = [i for i in plan.indicators if i.parent == "pl1-7-3"]
    assert len(sub_rows) == 4 and all(i.number is None for i in sub_rows)


def test_son_duong_draft_date_is_not_invented() -> None:
    plan = DATA.plans["tq-sd-kh-cchc-2021"]
    assert plan.issued is None
    assert "tháng 12 năm 2020" in (plan.issued_text or "")


def test_agencies_are_never_merged_across_provinces() -> None:
    prefixes = {"An Giang": "ag-", "Bình Định": "bd-", "Thành phố Hồ Chí Minh": "hcm-",
                "Tuyên Quang": "tq-"}
    for org_id, province in DATA.provinces.items():
        expected = next((p for name, p in prefixes.items() if name in province), None)
        assert expected and org_id.startswith(expected), (org_id, province)


@pytest.mark.parametrize("plan_id", sorted(DATA.plans))
def test_every_task_and_indicator_is_on_its_plan_page(example_site: Path, plan_id: str) -> None:
    page = _page(example_site, f"/ke-hoach/{plan_id}/")
    plan = DATA.plans[plan_id]
    for _, task in plan.tasks():
        assert f'id="nhiem-vu-{task.id}"' in page
        assert _shown(task.title) in page, task.id
    for indicator in plan.indicators:
        assert f'id="chi-tieu-{indicator.id}"' in page
        assert _shown(indicator.text) in page, indicator.id


@pytest.mark.parametrize("plan_id", sorted(DATA.plans))
def test_every_task_is_on_its_agencies_pages(example_site: Path, plan_id: str) -> None:
    plan = DATA.plans[plan_id]
    for _, task in plan.tasks():
        for org in dict.fromkeys(task.lead + task.coordinating):
            page = _page(example_site, f"/co-quan/{org}/")
            assert f"/ke-hoach/{plan_id}/#nhiem-vu-{task.id}" in page, (org, task.id)
    for indicator in plan.indicators:
        for org in dict.fromkeys(indicator.monitoring + indicator.implementing):
            page = _page(example_site, f"/co-quan/{org}/")
            assert f"/ke-hoach/{plan_id}/#chi-tieu-{indicator.id}" in page, (org, indicator.id)


def test_news_posts_keep_their_publication_time(example_site: Path) -> None:
    page = _page(example_site, "/tin-tuc/")
    assert 'datetime="2019-01-23T08:30:00+07:00"' in page
    assert "ngày 23 tháng 01 năm 2019" in page


def test_agencies_are_deduplicated_within_a_province() -> None:
    from generator.reading.vietnamese import fold

    seen: dict[tuple[str, str], str] = {}
    for org_id, org in DATA.organisations.items():
        province = DATA.provinces[org_id]
        for name in {org.name, *org.aliases}:
            key = (province, fold(name))
            assert seen.get(key, org_id) == org_id, f"{org_id}, {seen[key]} share the name {name!r}"
            seen[key] = org_id


def test_agencies_index_is_in_vietnamese_alphabetical_order(example_site: Path) -> None:
    from generator.reading.vietnamese import sort_key

    page = (example_site / "co-quan/index.html").read_text(encoding="utf-8")
    section = page.split("<h2>An Giang</h2>")[1].split("<h2>")[0]
    names = re.findall(r'<a href="/co-quan/[^"]+/">([^<]+)</a>', section)
    assert len(names) > 10
    assert names == sorted(names, key=sort_key)


def test_every_long_date_on_the_site_is_in_official_style(example_site: Path) -> None:
    """Nghị định 30/2020/NĐ-CP: a leading zero for days below 10 and months 1 and 2 only."""
    dates: set[str] = set()
    for page in example_site.rglob("*.html"):
        dates.update(re.findall(r"ngày \d+ tháng \d+ năm \d{4}", page.read_text(encoding="utf-8")))
    assert any(re.fullmatch(r"ngày \d\d tháng (?:[3-9]|1[0-2]) năm \d{4}", d) for d in dates)
    for written in dates:
        day, month = (int(n) for n in re.findall(r"\d+", written)[:2])
        official_month = f"{month:02d}" if month < 3 else str(month)
        assert written.startswith(f"ngày {day:02d} tháng {official_month} "), written
