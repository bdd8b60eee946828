"""Plain Vietnamese words for readings the model holds as codes.

Legal validity ("hiệu lực") and the reading of a target are shown to citizens; these
say them in one consistent vocabulary, apart from a task's status (`progress`).
"""

from __future__ import annotations

from .models import PlanStatus
from .targets import Comparator, Target
from .vietnamese import format_number

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


def _level(target: Target) -> str:
    value = format_number(target.value or 0)
    if target.unit == "rank":
        return f"hạng {value}/{target.of} trở lên" if target.of else f"hạng {value} trở lên"
    if target.of:
        value = f"{value}/{target.of}"
    unit = "%" if target.unit == "%" else f" {target.unit}" if target.unit else ""
    sign = _COMPARATORS.get(target.comparator, "") if target.comparator else ""
    return f"{sign} {value}{unit}".strip()


def target_reading(target: Target | None) -> str:
    """"Đọc là: ≥ 95%", or why no level was read ("không có mức số: xếp loại tốt")."""
    if target is None:
        return ""
    if target.value is None:
        return "Không có mức số để so sánh" + (
            f" ({target.qualitative})" if target.qualitative and target.qualitative
            != target.text else "")
    change = _CHANGES.get(target.change or "")
    return f"Đọc là: {change} {_level(target)}" if change else f"Đọc là: {_level(target)}"
