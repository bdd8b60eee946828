"""Build-time SVG charts: well-formed, described in words, escaped, readable without colour."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from markupsafe import Markup

from generator.facts.progress import STATUS_ORDER, Counts
from generator.site import charts

SVG = "{http://www.w3.org/2000/svg}"
ROWS = [("hoan-thanh", "Hoàn thành", 11), ("hoan-thanh-tre-han", "Hoàn thành trễ hạn", 5),
        ("dang-thuc-hien", "Đang thực hiện", 36), ("chua-thuc-hien", "Chưa thực hiện", 2),
        ("khong-thuc-hien", "Không thực hiện", 2), ("chua-bao-cao", "Chưa báo cáo", 1)]


def _parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def _luminance(colour: str) -> float:
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(a: str, b: str) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_stacked_bar_is_an_image_with_a_title_and_a_description_in_words() -> None:
    svg = charts.stacked_bar(ROWS, chart_id="tong", title="Nhiệm vụ theo trạng thái")
    assert isinstance(svg, Markup)
    root = _parse(svg)
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "tong-t tong-d"
    assert root.find(f"{SVG}title").text == "Nhiệm vụ theo trạng thái"
    assert root.find(f"{SVG}desc").text == (
        "Hoàn thành: 11; Hoàn thành trễ hạn: 5; Đang thực hiện: 36; Chưa thực hiện: 2; "
        "Không thực hiện: 2; Chưa báo cáo: 1 (tổng 57)")


def test_segment_widths_are_proportional_and_fill_the_bar() -> None:
    root = _parse(charts.stacked_bar(ROWS, chart_id="tong", title="t"))
    bars = [r for r in root.findall(f"{SVG}rect") if r.get("width", "").endswith("%")]
    widths = [float(r.get("width").rstrip("%")) for r in bars]
    assert len(widths) == 6
    assert sum(widths) == pytest.approx(100, abs=0.01)
    assert widths[2] == pytest.approx(36 / 57 * 100, abs=0.001)
    starts = [float(r.get("x").rstrip("%")) for r in bars]
    assert starts == sorted(starts) and starts[0] == 0


def test_wide_segments_carry_their_number_and_narrow_ones_do_not() -> None:
    root = _parse(charts.stacked_bar(ROWS, chart_id="tong", title="t"))
    numbers = [t.text for t in root.iter(f"{SVG}text")]
    assert numbers == ["11", "5", "36"]  # 2/57 and 1/57 are too narrow to write on


def test_every_status_has_its_own_pattern_and_white_gaps_part_the_segments() -> None:
    root = _parse(charts.stacked_bar(ROWS, chart_id="tong", title="t"))
    patterns = {p.get("id") for p in root.iter(f"{SVG}pattern")}
    assert patterns == {f"tong-p-{key}" for key in STATUS_ORDER if charts.STYLES[key].mark}
    marks = [charts.STYLES[key].mark for key in STATUS_ORDER]
    assert len(set(marks)) >= 4  # solid, stripes, dots, lines, cross: shape tells them apart
    gaps = [r for r in root.iter(f"{SVG}rect") if r.get("width") == str(charts.GAP)]
    assert len(gaps) == 5


@pytest.mark.parametrize("key", sorted(charts.STYLES))
def test_fills_and_marks_reach_aa_contrast_against_white(key: str) -> None:
    style = charts.STYLES[key]
    # Every segment meets white (gaps, page): its fill, or for white fills its ink, must
    # stand out at 4.5:1, well above the 3:1 that WCAG 1.4.11 asks of graphics.
    colour = style.fill if style.fill != charts.WHITE else style.ink
    assert _contrast(colour, charts.WHITE) >= 4.5
    if style.mark:
        assert _contrast(style.fill, style.ink) >= 4.5


def test_empty_data_gives_an_outlined_bar_and_says_so_in_words() -> None:
    root = _parse(charts.stacked_bar(Counts().breakdown(), chart_id="rong", title="t"))
    assert root.find(f"{SVG}desc").text.endswith("(tổng 0)")
    [outline] = list(root.iter(f"{SVG}rect"))
    assert outline.get("stroke-dasharray")


def test_text_is_escaped_so_the_svg_can_be_printed_as_markup() -> None:
    svg = charts.stacked_bar([("hoan-thanh", "<script>alert(1)</script>", 3)],
                             chart_id="x", title='A "quoted" <b>title</b> & more')
    assert "<script>" not in svg and "<b>" not in svg
    assert "&lt;script&gt;" in svg and "&amp; more" in svg
    _parse(svg)  # still well-formed XML
    legend = charts.legend([("hoan-thanh", "<i>x</i>", 1)], chart_id="k")
    assert "<i>" not in legend and "&lt;i&gt;" in legend


def test_chart_ids_must_be_slugs() -> None:
    with pytest.raises(ValueError):
        charts.stacked_bar(ROWS, chart_id='x" onload="alert(1)', title="t")


def test_bar_list_writes_each_label_count_and_share() -> None:
    root = _parse(charts.bar_list(ROWS, chart_id="ds", title="Cơ cấu trạng thái"))
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert texts[0] == "Hoàn thành: 11 (19,3%)"
    assert texts[5] == "Chưa báo cáo: 1 (1,8%)"
    assert root.get("height") == str(46 * len(ROWS))


def test_progress_bar_shows_done_against_the_rest() -> None:
    root = _parse(charts.progress_bar(16, 57, chart_id="tien-do", title="Tiến độ"))
    assert root.find(f"{SVG}desc").text == "Hoàn thành: 16; Còn lại: 41 (tổng 57)"


def test_legend_lists_every_status_with_its_swatch_and_count() -> None:
    legend = str(charts.legend(ROWS, chart_id="k"))
    items = re.findall(r"<li>(.*?)</li>", legend)
    assert len(items) == 6
    assert 'aria-hidden="true"' in items[0] and "Hoàn thành: <strong>11</strong>" in items[0]
    ids = re.findall(r'id="([^"]+)"', legend)
    assert len(ids) == len(set(ids))  # swatch patterns never share an id on a page
