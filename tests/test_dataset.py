"""Validation of whole projects: every bad-input case gives its located Vietnamese message."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.data.dataset import load_dataset
from generator.errors import InvalidProject

PLAN = "data/plans/tn-10-kh-ubnd-2024.yaml"


def _problems(root: Path) -> list[str]:
    with pytest.raises(InvalidProject) as caught:
        load_dataset(root)
    return [str(p) for p in caught.value.problems.sorted()]


def _edit(root: Path, name: str, old: str, new: str) -> None:
    path = root / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture no longer contains {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_fixture_site_is_valid(site: Path) -> None:
    data = load_dataset(site)
    assert sorted(data.plans) == ["tn-10-kh-ubnd-2024", "tn-20-kh-snn-2024"]
    assert len(data.plans["tn-10-kh-ubnd-2024"].tasks()) == 5
    assert data.provinces["tn-so-noi-vu"] == "Tỉnh Thử Nghiệm"


def test_unknown_agency(site: Path) -> None:
    _edit(site, PLAN, "lead: [tn-so-tu-phap]\n        timeline: Tháng 8",
          "lead: [tn-so-tu-phap, tn-so-noi-vuu]\n        timeline: Tháng 8")
    assert _problems(site) == [
        (f"{PLAN}:64:31: không tìm thấy cơ quan “tn-so-noi-vuu” trong data/organisations/; "
         "có phải: tn-so-noi-vu?")
    ]


def test_unknown_area(site: Path) -> None:
    _edit(site, PLAN, "area: cai-cach-the-che", "area: the-che")
    [problem] = _problems(site)
    assert problem.startswith(f"{PLAN}:59:11: không tìm thấy lĩnh vực “the-che” trong data/areas.yaml")


def test_duplicate_task_id_names_both_places(site: Path) -> None:
    _edit(site, PLAN, "id: i-2", "id: i-1")
    assert _problems(site) == [f"{PLAN}:50:13: mã nhiệm vụ “i-1” bị trùng; đã khai báo tại {PLAN}:41:13"]


def test_duplicate_organisation_across_files(site: Path) -> None:
    (site / "data/organisations/khac.yaml").write_text(
        "province: Tỉnh Khác\norganisations:\n  - id: tn-so-noi-vu\n    name: Sở Nội vụ\n    level: so\n",
        encoding="utf-8")
    assert _problems(site) == [
        ("data/organisations/thu-nghiem.yaml:7:9: mã cơ quan “tn-so-noi-vu” bị trùng; "
         "đã khai báo tại data/organisations/khac.yaml:3:9")
    ]


def test_sub_row_with_missing_parent(site: Path) -> None:
    _edit(site, PLAN, "parent: mt-1", "parent: mt-9")
    [problem] = _problems(site)
    assert problem.startswith(f"{PLAN}:28:13: không tìm thấy chỉ tiêu cha “mt-9” trong kế hoạch này")


def test_date_that_does_not_exist(site: Path) -> None:
    _edit(site, PLAN, "issued: 2023-12-29", "issued: 2023-02-30")
    [problem] = _problems(site)
    assert problem.startswith(f"{PLAN}:7:9: ngày không hợp lệ hoặc không tồn tại")


def test_timeline_date_that_does_not_exist(site: Path) -> None:
    _edit(site, PLAN, "timeline: Quý I/2024", "timeline: Trước ngày 31/02/2024")
    [problem] = _problems(site)
    assert problem.startswith(f"{PLAN}:49:19: thời gian “Trước ngày 31/02/2024”:")


def test_wrong_type_and_unknown_field_and_bad_status(site: Path) -> None:
    _edit(site, PLAN, "year: 2024", "year: năm 2024\nowner: ai đó")
    _edit(site, PLAN, "status: con-hieu-luc", "status: hieu-luc")
    problems = _problems(site)
    assert problems[0] == f"{PLAN}:13:7: cần một số nguyên, nhưng gặp “năm 2024”"
    assert problems[1].startswith(f"{PLAN}:14:1: trường “owner” không có trong định dạng; "
                                  "các trường hợp lệ: id, number,")
    assert problems[2] == (f"{PLAN}:15:9: giá trị “hieu-luc” không hợp lệ; chỉ chấp nhận: "
                           "du-thao, con-hieu-luc, het-hieu-luc, chua-xac-dinh")


def test_missing_required_field(site: Path) -> None:
    _edit(site, PLAN, "        title: Rà soát văn bản quy phạm pháp luật\n", "")
    assert _problems(site) == [f"{PLAN}:61:9: thiếu trường bắt buộc “title”"]


def test_bad_id(site: Path) -> None:
    _edit(site, PLAN, "id: i-1\n", "id: Nhiệm vụ 1\n")
    [problem] = _problems(site)
    assert problem.startswith(f"{PLAN}:41:13: mã “Nhiệm vụ 1” không hợp lệ")


def test_plan_file_name_must_match_id(site: Path) -> None:
    _edit(site, PLAN, "id: tn-10-kh-ubnd-2024", "id: tn-11-kh-ubnd-2024")
    assert f"{PLAN}:1:5: mã kế hoạch “tn-11-kh-ubnd-2024” phải trùng tên tệp “tn-10-kh-ubnd-2024”" \
        in _problems(site)


def test_news_naming_unknown_plan(site: Path) -> None:
    news = "content/news/2024-01-05-ban-hanh-ke-hoach.md"
    _edit(site, news, "plan: tn-10-kh-ubnd-2024", "plan: tn-10-kh-ubnd-2025")
    assert _problems(site) == [
        (f"{news}:5:7: không tìm thấy kế hoạch “tn-10-kh-ubnd-2025” trong data/plans/; "
         "có phải: tn-10-kh-ubnd-2024, tn-20-kh-snn-2024?")
    ]


def test_markdown_link_to_unknown_plan(site: Path) -> None:
    _edit(site, "content/plans/tn-10-kh-ubnd-2024.md", "{plan}tn-20-kh-snn-2024", "{plan}tn-99")
    [problem] = _problems(site)
    assert problem.startswith("content/plans/tn-10-kh-ubnd-2024.md:8:19: không tìm thấy kế hoạch “tn-99”")


def test_every_problem_is_reported_not_just_the_first(site: Path) -> None:
    _edit(site, PLAN, "area: cai-cach-the-che", "area: the-che")
    _edit(site, PLAN, "lead: [tn-so-noi-vu]\n        lead_text", "lead: [x-y]\n        lead_text")
    (site / "data/organisations/hong.yaml").write_text("province: [\n", encoding="utf-8")
    assert len(_problems(site)) == 3


def test_markdown_that_is_not_utf8_is_reported_not_crashed(site: Path) -> None:
    (site / "content/plans/tn-10-kh-ubnd-2024.md").write_bytes(b"## M\xf5c ti\xeau\n")
    [problem] = _problems(site)
    assert problem.startswith("content/plans/tn-10-kh-ubnd-2024.md: tệp không phải UTF-8")


def test_a_bad_date_does_not_hide_a_bad_area_or_agency_of_the_same_file(site: Path) -> None:
    _edit(site, PLAN, "issued: 2023-12-29", "issued: 2023-02-30")
    _edit(site, PLAN, "area: cai-cach-the-che", "area: the-che")
    _edit(site, PLAN, "lead: [tn-so-tu-phap]\n        timeline: Tháng 8",
          "lead: [tn-so-noi-vuu]\n        timeline: Tháng 8")
    # Broken required fields get a stand-in, so the rest of the file is still checked, and
    # the stand-in is never reported as an unknown agency of its own.
    _edit(site, PLAN, "status: con-hieu-luc", "status: dang-xet")
    _edit(site, PLAN, "issuer: tn-ubnd-tinh", "issuer: TN UBND")
    _edit(site, PLAN, "year: 2024", "year: hai")
    assert [p.split(": ", 1)[0] for p in _problems(site)] == [
        f"{PLAN}:5:9", f"{PLAN}:7:9", f"{PLAN}:13:7", f"{PLAN}:14:9", f"{PLAN}:59:11",
        f"{PLAN}:64:16"]


def test_every_error_of_one_entry_and_of_its_siblings_is_listed(site: Path) -> None:
    _edit(site, PLAN, "number: \"1.1\"\n        parent: ii-1", "number: [1]\n        parent: ii-1")
    _edit(site, PLAN, "timeline: Tháng 8 đến 11/2024", "timeline: [Tháng 8]")
    _edit(site, PLAN, "lead: [tn-so-noi-vu]\n        timeline: Trước",
          "lead: [tn-so-khong-co]\n        timeline: Trước")
    locations = [p.split(": ", 1)[0] for p in _problems(site)]
    assert locations == [f"{PLAN}:54:16", f"{PLAN}:65:19", f"{PLAN}:67:17"]


def test_one_broken_organisation_is_reported_alone(site: Path) -> None:
    # The entry is broken, but it exists: plans naming it are not wrong too, and the other
    # organisations of the file still count.
    _edit(site, "data/organisations/thu-nghiem.yaml", "short_name: Sở Tư pháp\n    level: so",
          "short_name: Sở Tư pháp\n    level: cuc")
    assert _problems(site) == [
        ("data/organisations/thu-nghiem.yaml:15:12: giá trị “cuc” không hợp lệ; chỉ chấp nhận: "
        "trung-uong, tinh, so, huyen, xa, don-vi, doan-the, nhom")]


def test_a_broken_task_is_not_also_unknown_to_its_sub_tasks(site: Path) -> None:
    _edit(site, PLAN, "title: Rà soát văn bản quy phạm pháp luật\n",
          "title: Rà soát văn bản quy phạm pháp luật\n        colour: red\n")
    [problem] = _problems(site)
    assert problem.startswith(f"{PLAN}:64:9: trường “colour” không có trong định dạng")
