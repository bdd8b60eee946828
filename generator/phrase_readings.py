"""`minhbach doc timeline|target "…"`: how Minh Bạch reads a phrase, before staff trust a page.

Uses the same readers as the site (`parse_timeline`, `parse_target`) and the same
Vietnamese wording for timelines as the plan pages (`describe_timeline`).
"""

from __future__ import annotations

import sys

from .facts import describe_timeline
from .targets import Comparator, Target, parse_target
from .timeline import TimelineKind, parse_timeline
from .vietnamese import format_date_short, format_number

_COMPARATORS = {
    Comparator.GE: "từ {} trở lên (≥)",
    Comparator.GT: "trên {} (>)",
    Comparator.LE: "không quá {} (≤)",
    Comparator.LT: "dưới {} (<)",
    Comparator.EQ: "đúng {} (=)",
}
_KINDS = {
    TimelineKind.DEADLINE: "hạn chót",
    TimelineKind.PERIOD: "khoảng thời gian",
    TimelineKind.RECURRING: "định kỳ",
    TimelineKind.CONTINUOUS: "thường xuyên",
    TimelineKind.UNSCHEDULED: "không có hạn cố định",
}
_CHANGES = {"increase": "tăng", "decrease": "giảm"}


def run_doc(kind: str, phrase: str, year: int | None) -> int:
    """Print the reading of `phrase`; an impossible date is a Vietnamese error (exit 1)."""
    try:
        lines = read_timeline(phrase, year or 0) if kind == "timeline" else read_target(phrase)
    except ValueError as exc:
        print(f"“{phrase}”: {exc}", file=sys.stderr)
        return 1
    print(f"“{phrase}”")
    for line in lines:
        print(f"  {line}")
    return 0


def read_timeline(text: str, year: int) -> list[str]:
    """Lines describing the reading of a timeline phrase; ValueError for impossible dates."""
    reading = parse_timeline(text, year)
    if reading is None:
        return ["Không ghi thời gian."]
    lines = [f"Cách đọc: {describe_timeline(reading)}", f"Loại: {_KINDS[reading.kind]}"]
    if reading.kind in (TimelineKind.DEADLINE, TimelineKind.PERIOD) and reading.end:
        lines.append(f"Trễ hạn nếu chưa hoàn thành sau ngày {format_date_short(reading.end)}.")
    else:
        lines.append("Không có hạn cố định: không bao giờ bị tính là trễ hạn.")
    return lines


def read_target(text: str) -> list[str]:
    target = parse_target(text)
    if target is None:
        return ["Không ghi chỉ tiêu."]
    if target.comparator is None or target.value is None:
        what = f" ({target.qualitative})" if target.qualitative else ""
        return [(f"Chỉ tiêu định tính{what}: không so sánh được bằng số; đạt hay chưa do báo "
                "cáo ghi.")]
    return [f"Cách đọc: {_describe(target)}",
            "Báo cáo ghi kết quả (achieved) thỏa điều kiện này thì chỉ tiêu là “đạt”."]


def _describe(target: Target) -> str:
    if target.comparator == Comparator.RANK_WITHIN:
        out_of = f"/{target.of}" if target.of else ""
        return f"xếp hạng trong nhóm {format_number(target.value or 0)}{out_of} (hạng ≤ " \
               f"{format_number(target.value or 0)})"
    unit = "%" if target.unit == "%" else f" {target.unit}" if target.unit else ""
    amount = f"{format_number(target.value or 0)}{unit}"
    if target.of:
        amount += f" trên {target.of}"
    change = f"{_CHANGES[target.change]} " if target.change else ""
    return change + _COMPARATORS[target.comparator].format(amount)
