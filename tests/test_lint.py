"""Warnings: data that builds but is probably not what staff meant, each at its place."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.data.dataset import load_dataset
from generator.data.lint import names_known_body
from generator.data.models import Organisation
from generator.reading.agency_names import NameIndex

from .conftest import PROJECT_ROOT

PLAN = "data/plans/tn-10-kh-ubnd-2024.yaml"


def _edit(root: Path, old: str, new: str) -> None:
    path = root / PLAN
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _warnings(root: Path) -> list[str]:
    return [str(w) for w in load_dataset(root).warnings.sorted()]


def _starts(warnings: list[str], expected: list[str]) -> bool:
    return len(warnings) == len(expected) and all(map(str.startswith, warnings, expected))


def test_the_fixture_and_example_sites_have_no_warnings(site: Path) -> None:
    assert _warnings(site) == []
    assert _warnings(PROJECT_ROOT) == []


@pytest.mark.parametrize("timeline", ["Đợt 2", "Cuối tháng sau", "Tuần thứ 3 của quý"])
def test_a_timeline_naming_a_time_that_cannot_be_placed(site: Path, timeline: str) -> None:
    _edit(site, "timeline: Tháng 8 đến 11/2024", f"timeline: {timeline}")
    [warning] = _warnings(site)
    assert warning.startswith(f"{PLAN}:65:19: cảnh báo: không đọc được thời gian “{timeline}”")


@pytest.mark.parametrize("timeline", ["Kịp thời", "Theo Kế hoạch của UBND tỉnh", "Thường xuyên"])
def test_a_timeline_naming_no_time_is_read_right_and_not_warned(site: Path, timeline: str) -> None:
    _edit(site, "timeline: Tháng 8 đến 11/2024", f"timeline: {timeline}")
    assert _warnings(site) == []


@pytest.mark.parametrize(("target", "warned"), [
    ("Đảm bảo công khai, minh bạch", True),
    ("Hoàn thành chỉ tiêu theo Kế hoạch của UBND tỉnh", False),  # the measure is elsewhere
    ("xếp loại tốt", False),
])
def test_a_target_with_nothing_to_judge_by(site: Path, target: str, warned: bool) -> None:
    _edit(site, "target: đạt 100%", f"target: {target}")
    expected = [f"{PLAN}:24:13: cảnh báo: chỉ tiêu “{target}”"] if warned else []
    assert _starts(_warnings(site), expected)


@pytest.mark.parametrize(("lead", "warned"), [("", True), ("        lead: []\n", False)])
def test_a_task_without_a_lead_unless_its_document_names_none(site: Path, lead: str,
                                                              warned: bool) -> None:
    # "lead: []" says on purpose that the document names no lead for the task.
    _edit(site, "        lead: [tn-so-noi-vu]\n        timeline: Trước",
          f"{lead}        timeline: Trước")
    expected = [f"{PLAN}:50:13: cảnh báo: nhiệm vụ “i-2” chưa có cơ quan chủ trì"] if warned else []
    assert _starts(_warnings(site), expected)


def test_lead_and_coordinating_texts_naming_no_known_body(site: Path) -> None:
    _edit(site, "lead_text: Sở Nội vụ", "lead_text: Ban Quản lý dự án")
    _edit(site, "coordinating_text: Các sở, ban, ngành", "coordinating_text: Các đơn vị liên quan")
    warnings = _warnings(site)
    assert [w.split(": ", 1)[0] for w in warnings] == [f"{PLAN}:46:20", f"{PLAN}:48:28"]
    assert "cảnh báo: “Ban Quản lý dự án” không nêu tên cơ quan nào" in warnings[0]


def _org(name: str, short: str | None = None, *aliases: str) -> Organisation:
    return Organisation(id="x", name=name, short_name=short, level="so", aliases=list(aliases))


NAMES = NameIndex([_org("Sở Nội vụ tỉnh An Giang", "Sở Nội vụ"),
                      _org("Văn phòng Ủy ban nhân dân tỉnh", None, "Văn phòng UBND tỉnh")])


@pytest.mark.parametrize(("text", "known"), [
    ("Sở Nội vụ", True),
    ("SỞ NỘI VỤ", True),
    ("So Noi vu", True),  # typed without accents
    ("Sở  Nội   vụ; các sở, ngành", True),
    ("Văn phòng UBND tỉnh và các huyện", True),
    ("Sở Nội", False),  # a part of a name is not a name
    ("Các cơ quan, đơn vị", False),
    ("Văn phòng", False),
])
def test_names_known_body(text: str, known: bool) -> None:
    assert names_known_body(text, NAMES) is known
