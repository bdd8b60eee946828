"""Charts drawn at build time as inline SVG: no chart library, no JavaScript.

Every chart is `role="img"` with a <title> and a <desc> that say the same numbers in
words, and pages print the numbers in a table beside it. Colour is never the only cue:
each status has its own fill pattern, segments are parted by white gaps (so every fill
meets white, at least 4.5:1), and counts are written on wide enough segments and in the
legend. Sizes are in percent, so a chart fits any screen without distorting patterns.

Every text put into the SVG is escaped here, which is what lets templates print the
result as markup; callers pass plain numbers and labels.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from html import escape
from typing import NamedTuple

from markupsafe import Markup

from ..reading.vietnamese import format_number, format_percent

WHITE = "#ffffff"
GAP = 2  # px of white between segments


@dataclass(frozen=True)
class Style:
    fill: str
    mark: str | None  # "stripes" | "dots" | "lines" | "cross" | None for a solid fill
    ink: str  # colour of the pattern marks and of text written on the fill


# Fills all reach at least 4.5:1 against white (checked in tests/test_charts.py).
STYLES: dict[str, Style] = {
    "hoan-thanh": Style("#1b6e2d", None, WHITE),
    "hoan-thanh-tre-han": Style("#6b5a00", "stripes", WHITE),
    "dang-thuc-hien": Style("#0b4f8a", "dots", WHITE),
    "chua-thuc-hien": Style("#5c5c5c", "lines", WHITE),
    "khong-thuc-hien": Style("#6a1b9a", "cross", WHITE),
    "chua-bao-cao": Style(WHITE, "stripes", "#595959"),
    "tre-han": Style("#a4161a", "stripes", WHITE),
    "dat": Style("#1b6e2d", None, WHITE),
    "khong-dat": Style("#a4161a", "stripes", WHITE),
    "chua-so-sanh-duoc": Style("#5c5c5c", "dots", WHITE),
    "khong-co-muc": Style(WHITE, "lines", "#595959"),
    "con-lai": Style(WHITE, None, "#595959"),
}
_OUTLINE = "#595959"  # drawn round white fills so that they still show their edges
_ID = re.compile(r"^[a-z][a-z0-9-]*$")


class Segment(NamedTuple):
    key: str  # a key of STYLES
    label: str
    value: int


Rows = Iterable[tuple[str, str, int]]  # (style key, label, count), e.g. Counts.breakdown()


def _segments(rows: Rows) -> list[Segment]:
    return [Segment(*row) for row in rows]


def _check_id(chart_id: str) -> str:
    if not _ID.match(chart_id):
        raise ValueError(f"chart id must be an ASCII slug: {chart_id!r}")
    return chart_id


def _pattern(pid: str, style: Style) -> str:
    """One <pattern> drawing the style's marks over its fill, in user units (undistorted)."""
    marks = {
        "stripes": f'<path d="M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4" stroke="{style.ink}" '
                   'stroke-width="1.6"/>',
        "dots": f'<circle cx="4" cy="4" r="1.5" fill="{style.ink}"/>',
        "lines": f'<path d="M0,4 h8" stroke="{style.ink}" stroke-width="1.6"/>',
        "cross": f'<path d="M0,0 l8,8 M8,0 l-8,8" stroke="{style.ink}" stroke-width="1.4"/>',
    }
    return (f'<pattern id="{pid}" width="8" height="8" patternUnits="userSpaceOnUse">'
            f'<rect width="8" height="8" fill="{style.fill}"/>{marks[style.mark or ""]}'
            "</pattern>")


def _defs(chart_id: str, keys: list[str]) -> str:
    patterns = [_pattern(f"{chart_id}-p-{key}", STYLES[key])
                for key in dict.fromkeys(keys) if STYLES[key].mark]
    return f"<defs>{''.join(patterns)}</defs>" if patterns else ""


def _paint(chart_id: str, key: str, outline: bool = True) -> str:
    style = STYLES[key]
    fill = f"url(#{chart_id}-p-{key})" if style.mark else style.fill
    edge = f' stroke="{_OUTLINE}" stroke-width="1"' if outline and style.fill == WHITE else ""
    return f'fill="{fill}"{edge}'


def _open(chart_id: str, title: str, desc: str, height: int, css: str) -> str:
    return (f'<svg class="chart {css}" width="100%" height="{height}" role="img" '
            f'aria-labelledby="{chart_id}-t {chart_id}-d" focusable="false" '
            f'xmlns="http://www.w3.org/2000/svg">'
            f'<title id="{chart_id}-t">{escape(title)}</title>'
            f'<desc id="{chart_id}-d">{escape(desc)}</desc>')


def describe(segments: Iterable[Segment]) -> str:
    """The chart in words: "Hoàn thành: 11; Đang thực hiện: 36; … (tổng 57)"."""
    segments = list(segments)
    total = sum(s.value for s in segments)
    parts = "; ".join(f"{s.label}: {format_number(s.value)}" for s in segments)
    return f"{parts} (tổng {format_number(total)})"


def _pct(value: float) -> str:
    return f"{value:.3f}".rstrip("0").rstrip(".") + "%"


def stacked_bar(rows: Rows, *, chart_id: str, title: str, height: int = 28) -> Markup:
    """One bar split by status, widths proportional to the counts."""
    chart_id = _check_id(chart_id)
    segments = _segments(rows)
    shown = [s for s in segments if s.value > 0]
    total = sum(s.value for s in shown)
    parts = [_open(chart_id, title, describe(segments), height, "chart-stack"),
             _defs(chart_id, [s.key for s in shown])]
    if not total:
        parts.append(f'<rect x="0" y="0" width="100%" height="{height}" fill="{WHITE}" '
                     f'stroke="{_OUTLINE}" stroke-dasharray="4 3"/>')
    start = 0.0
    for segment in shown:
        width = segment.value / total * 100
        parts.append(f'<rect x="{_pct(start)}" y="0" width="{_pct(width)}" height="{height}" '
                     f'{_paint(chart_id, segment.key)}/>')
        if width >= 8:  # room for a number written on the segment
            parts.append(_label(start + width / 2, height, segment))
        start += width
    # White gaps drawn last, so that neighbouring fills never touch.
    start = 0.0
    for segment in shown[:-1]:
        start += segment.value / total * 100
        parts.append(f'<rect x="{_pct(start)}" y="0" width="{GAP}" height="{height}" '
                     f'fill="{WHITE}" transform="translate(-{GAP / 2},0)"/>')
    parts.append("</svg>")
    return Markup("".join(parts))


def _label(centre: float, height: int, segment: Segment) -> str:
    style = STYLES[segment.key]
    ink = style.ink if style.fill != WHITE else "#1a1a1a"
    # A halo in the fill colour keeps the number readable over the pattern marks; the
    # stylesheet paints it under the glyphs (paint-order is CSS only for the HTML checker).
    halo = style.fill
    return (f'<text class="halo" x="{_pct(centre)}" y="{height / 2 + 5:g}" '
            f'text-anchor="middle" font-size="14" font-weight="700" fill="{ink}" '
            f'stroke="{halo}" stroke-width="4" aria-hidden="true">'
            f'{escape(format_number(segment.value))}</text>')


def progress_bar(done: int, total: int, *, chart_id: str, title: str,
                 done_label: str = "Hoàn thành", rest_label: str = "Còn lại") -> Markup:
    """Done against the rest, for lists where a full breakdown would be noise."""
    return stacked_bar([Segment("hoan-thanh", done_label, done),
                        Segment("con-lai", rest_label, max(total - done, 0))],
                       chart_id=chart_id, title=title, height=18)


def bar_list(rows: Rows, *, chart_id: str, title: str) -> Markup:
    """One labelled bar per status: the status breakdown, readable from top to bottom."""
    chart_id = _check_id(chart_id)
    segments = _segments(rows)
    biggest = max((s.value for s in segments), default=0) or 1
    total = sum(s.value for s in segments)
    row = 46
    parts = [_open(chart_id, title, describe(segments), row * len(segments), "chart-bars"),
             _defs(chart_id, [s.key for s in segments if s.value])]
    for i, segment in enumerate(segments):
        top = i * row
        share = f" ({format_percent(segment.value / total * 100)})" if total else ""
        text = f"{segment.label}: {format_number(segment.value)}{share}"
        parts.append(f'<text x="0" y="{top + 15}" font-size="14" fill="#1a1a1a">'
                     f"{escape(text)}</text>")
        width = segment.value / biggest * 100
        if segment.value:
            parts.append(f'<rect x="0" y="{top + 21}" width="{_pct(width)}" height="18" '
                         f'{_paint(chart_id, segment.key)}/>')
        else:
            parts.append(f'<rect x="0" y="{top + 21}" width="2" height="18" fill="{_OUTLINE}"/>')
    parts.append("</svg>")
    return Markup("".join(parts))


def swatch(key: str, *, chart_id: str) -> Markup:
    """A small square in a status's fill and pattern, for legends and badges."""
    chart_id = _check_id(chart_id)
    return Markup(f'<svg class="swatch" width="16" height="16" aria-hidden="true" '
                  f'focusable="false" xmlns="http://www.w3.org/2000/svg">'
                  f'{_defs(chart_id, [key])}<rect x="0.5" y="0.5" width="15" height="15" '
                  f'{_paint(chart_id, key, outline=False)} stroke="{_OUTLINE}" '
                  'stroke-width="1"/></svg>')


def legend(rows: Rows, *, chart_id: str, counts: bool = True) -> Markup:
    """The key of a chart: swatch, label and (unless `counts` is false, for a key shared by
    several bars) count for every status."""
    chart_id = _check_id(chart_id)
    segments = _segments(rows)
    items = [f'<li>{swatch(s.key, chart_id=f"{chart_id}-{i}")} {escape(s.label)}'
             + (f": <strong>{escape(format_number(s.value))}</strong>" if counts else "")
             + "</li>" for i, s in enumerate(segments)]
    return Markup(f'<ul class="chart-legend">{"".join(items)}</ul>')
