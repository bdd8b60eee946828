"""`minhbach doc timeline|target "…"`: how Minh Bạch reads a phrase, before staff trust a page.

Uses the same readers as the site (`parse_timeline`, `parse_target`) and the same
Vietnamese wording for timelines as the plan pages (`describe_timeline`).
"""

from __future__ import annotations

import sys

from .facts.derive import describe_timeline
from .reading.targets import parse_target
from .reading.timeline import TimelineKind, parse_timeline
from .reading.vietnamese import format_date_short
from .site.wording import target_reading

_KINDS = {
    TimelineKind.DEADLINE: "hạn chót",
    TimelineKind.PERIOD: "khoảng thời gian",
    TimelineKind.RECURRING: "định kỳ",
    TimelineKind.CONTINUOUS: "thường xuyên",
    TimelineKind.UNSCHEDULED: "không có hạn cố định",
}


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
    """The reading the plan page shows (`wording.target_reading`), and how it is judged."""
    target = parse_target(text)
    if target is None:
        return ["Không ghi chỉ tiêu."]
    if target.parts:
        how = ("Mỗi phần được so với kết quả ghi cho phần đó (ví dụ “cấp tỉnh 100%, cấp huyện "
               "85%”); chỉ một con số cho cả cụm thì không tự đánh giá được.")
    elif target.value is None:
        how = "Chỉ tiêu định tính: không so sánh được bằng số; đạt hay chưa do báo cáo ghi."
    else:
        how = "Báo cáo ghi kết quả (achieved) thỏa điều kiện này thì chỉ tiêu là “đạt”."
    return [target_reading(target), how]
