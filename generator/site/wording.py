"""Plain Vietnamese words for readings the model holds as codes.

Legal validity ("hiệu lực") and the reading of a target are shown to citizens; these
say them in one consistent vocabulary, apart from a task's status (`progress`).
"""

from __future__ import annotations

from ..data.models import PlanStatus
from ..reading.targets import Comparator, Target
from ..reading.vietnamese import format_number

VALIDITY = {
    PlanStatus.CON_HIEU_LUC: "còn hiệu lực",
    PlanStatus.HET_HIEU_LUC: "hết hiệu lực",
    PlanStatus.CHUA_XAC_DINH: "chưa xác định",
    PlanStatus.DU_THAO: "chưa có (dự thảo)",
}

_COMPARATORS = {Comparator.GE: "≥", Comparator.GT: ">", Comparator.LE: "≤",
                Comparator.LT: "<", Comparator.EQ: "="}
_CHANGES = {"increase": "tăng", "decrease": "giảm"}


def validity(status: PlanStatus | str) -> str:
    return VALIDITY[PlanStatus(status)]


def _amount(value: float, target: Target) -> str:
    unit = "%" if target.unit == "%" else f" {target.unit}" if target.unit else ""
    return f"{format_number(value)}{unit}"


def _level(target: Target) -> str:
    value = format_number(target.value or 0)
    if target.unit == "rank":
        return f"hạng {value}/{target.of} trở lên" if target.of else f"hạng {value} trở lên"
    sign = _COMPARATORS.get(target.comparator, "") if target.comparator else ""
    if target.of:
        level = f"{sign} {value}/{target.of}" + (f" {target.unit}" if target.unit else "")
    else:
        level = f"{sign} {_amount(target.value or 0, target)}"
    if target.upper is not None and target.upper_comparator is not None:
        level += f" và {_COMPARATORS[target.upper_comparator]} {_amount(target.upper, target)}"
    if target.qualitative and target.of:
        level += f", {target.qualitative}"
    change = _CHANGES.get(target.change or "")
    return f"{change} {level.strip()}" if change else level.strip()


def _part(target: Target) -> str:
    level = _level(target) if target.value is not None else "không có mức số"
    return f"{target.label}: {level}" if target.label else level


def target_reading(target: Target | None) -> str:
    """"Đọc là: ≥ 95%", "Đọc là: ≥ 80% và < 90%", "Đọc là: cấp tỉnh: ≥ 100%; cấp huyện: …",
    or why no level was read ("Không có mức số để so sánh (xếp loại tốt)")."""
    if target is None:
        return ""
    if target.parts:
        return "Đọc là: " + "; ".join(_part(part) for part in target.parts)
    if target.value is None:
        return "Không có mức số để so sánh" + (
            f" ({target.qualitative})" if target.qualitative and target.qualitative
            != target.text else "")
    return f"Đọc là: {_level(target)}"
