"""The legal basis of an imported plan: one citation per document cited, as written."""

from __future__ import annotations

import datetime as dt

from generator.importers.document_parts import Citation, citations, parse_date


def test_citations_by_number_by_name_and_several_in_one_paragraph() -> None:
    body = [
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
        ("Căn cứ Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ về thực hiện cơ chế một "
        "cửa; Căn cứ Quyết định số 5/QĐ-UBND ngày 05/01/2023 của UBND tỉnh;"),
        "I. MỤC ĐÍCH",
        "Căn cứ chức năng, nhiệm vụ được giao, các sở xây dựng kế hoạch.",  # prose, not a basis
    ]
    assert citations(body) == [
        Citation("Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015", "Luật", None,
                 dt.date(2015, 6, 19), None),
        Citation("Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ về thực hiện cơ chế "
                 "một cửa", "Nghị định", "61/2018/NĐ-CP", dt.date(2018, 4, 23), "Chính phủ"),
        Citation("Quyết định số 5/QĐ-UBND ngày 05/01/2023 của UBND tỉnh", "Quyết định",
                 "5/QĐ-UBND", dt.date(2023, 1, 5), "UBND tỉnh"),
    ]


def test_dates_as_plans_write_them() -> None:
    assert parse_date("An Giang, ngày 29 tháng 12 năm 2017") == dt.date(2017, 12, 29)
    assert parse_date("ngày 23/12/2021") == dt.date(2021, 12, 23)
    assert parse_date("Bình Định, ngày tháng năm") is None  # a draft leaves it blank
    assert parse_date("ngày 31 tháng 02 năm 2021") is None  # impossible: left for review
