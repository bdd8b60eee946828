"""A plan's full text as a document: header block from the data, closing once."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator.build import build
from generator.data.dataset import load_dataset
from generator.data.models import Plan
from generator.errors import InvalidProject
from generator.facts.document import document_of, without_header

DRAFT_TEXT = """Số: /KH-SNN

Bình Định, ngày tháng năm

# KẾ HOẠCH

Nội dung.

**Nơi nhận:**

- Như trên;
"""


def _plan(**fields: object) -> Plan:
    base = {"id": "x", "type": "Kế hoạch", "title": "Cải cách hành chính", "issuer": "ag-ubnd",
            "year": 2018, "status": "con-hieu-luc"}
    return Plan.model_validate(base | fields)


def test_header_of_an_issued_plan() -> None:
    plan = _plan(number="792/KH-UBND", place="An Giang", issued=dt.date(2017, 12, 29))
    head = document_of(plan, "Ủy ban nhân dân tỉnh An Giang", "Nội dung.\n").head
    assert head.issuer == "ỦY BAN NHÂN DÂN TỈNH AN GIANG"
    assert head.number == "Số: 792/KH-UBND"
    assert head.place_date == "An Giang, ngày 29 tháng 12 năm 2017"
    assert not head.draft


def test_a_draft_shows_no_blanks() -> None:
    plan = _plan(status="du-thao", number_text="Số: /KH-SNN",
                 issued_text="Bình Định, ngày tháng năm")
    document = document_of(plan, "Sở Nông nghiệp", DRAFT_TEXT)
    assert document.head.number is None and document.head.place_date is None
    assert document.head.draft
    assert "Số: /KH-SNN" not in document.body and "ngày tháng năm" not in document.body
    assert document.body.lstrip().startswith("# KẾ HOẠCH")


def test_only_the_top_lines_are_taken_as_header() -> None:
    plan = _plan(number_text="Số: /KH-SNN")
    text = "# KẾ HOẠCH\n\n" + "Dòng.\n\n" * 5 + "Số: /KH-SNN được nhắc lại ở đây.\n"
    assert without_header(text, plan) == text


def test_closing_is_drawn_only_when_the_text_lacks_it() -> None:
    plan = _plan()
    assert document_of(plan, "A", DRAFT_TEXT).closing_in_text
    assert not document_of(plan, "A", "Gửi theo nơi nhận của văn bản trước.\n").closing_in_text
    assert not document_of(plan, "A", "Nội dung.\n").closing_in_text


PLAN_FILE = "data/plans/tn-10-kh-ubnd-2024.yaml"


def _name_original(site: Path, file: str) -> None:
    path = site / PLAN_FILE
    path.write_text(path.read_text(encoding="utf-8").replace(
        "field: Bộ máy hành chính", f"source:\n  file: {file}\nfield: Bộ máy hành chính"),
        encoding="utf-8")


def test_the_original_file_is_offered_for_download(site: Path) -> None:
    (site / "content/files/goc").mkdir(parents=True)
    (site / "content/files/goc/10-kh-ubnd.pdf").write_bytes(b"%PDF-1.4\n")
    _name_original(site, "goc/10-kh-ubnd.pdf")
    build(site, site / "output")
    html = (site / "output/ke-hoach/tn-10-kh-ubnd-2024/index.html").read_text(encoding="utf-8")
    assert '<a href="/files/goc/10-kh-ubnd.pdf" download>Tải văn bản gốc</a> <small>(PDF)</small>' \
        in html
    assert (site / "output/files/goc/10-kh-ubnd.pdf").exists()


@pytest.mark.parametrize(("file", "expected"), [
    ("../../minhbach.toml", "trỏ ra ngoài thư mục content/files/"),
    ("goc/khong-co.pdf", "không tìm thấy tệp “goc/khong-co.pdf” trong content/files/"),
])
def test_the_original_file_must_be_inside_content_files(site: Path, file: str,
                                                        expected: str) -> None:
    _name_original(site, file)
    with pytest.raises(InvalidProject) as caught:
        load_dataset(site)
    [problem] = [str(p) for p in caught.value.problems.sorted()]
    assert problem.startswith(f"{PLAN_FILE}:") and expected in problem
