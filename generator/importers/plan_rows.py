"""Appendix rows turned into the plan's sections, tasks and indicators (as YAML-ready dicts).

Ids come from the numbers the document prints ("1.1" → "i-1-1"); "1.1" is a child of
"1", "a)" of the last numbered row, and an unnumbered row is a child when it reads as one
("- …" under a row ending in ":"). Every guess the document does not settle is a doubt.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..data.models import Area
from ..reading.timeline import TimelineKind, parse_timeline
from ..reading.vietnamese import fold, slugify
from .agency_matching import AgencyMatcher, cell_text
from .appendix_columns import Role
from .appendix_rows import Appendix, DataRow, SectionRow, Where

SHORT = 300  # the longest text a short field (product, timeline, agency cell) may hold
_SUB_ROW = re.compile(r"^[a-zđ]\)?$")
_BULLET = re.compile(r"^[-–+•]\s*")
# "Theo Quyết định số 12/QĐ-UBND": numbers that name a document, not a date.
_DEFERRED = re.compile(r"^(theo|khi|sau khi|căn cứ)\b", re.IGNORECASE)
# Words every area name shares; they say nothing about which area a title belongs to.
_AREA_STOP = frozenset({"cai", "cach", "cong", "tac", "va", "hanh", "chinh", "nha", "nuoc", "xay",
                        "dung", "phat", "trien", "cac", "cua", "trong", "nam", "thuc", "hien",
                        "co", "che"})
_TASK_AGENCIES = ((Role.LEAD, "lead"), (Role.COORDINATING, "coordinating"))
_INDICATOR_AGENCIES = ((Role.MONITORING, "monitoring"), (Role.IMPLEMENTING, "implementing"))


@dataclass(frozen=True)
class Doubt:
    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


@dataclass
class RowBuilder:
    """Builds rows for one plan; ids stay unique across all its appendices."""

    year: int
    areas: dict[str, Area]
    agencies: AgencyMatcher
    doubts: list[Doubt] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)

    def unique(self, wanted: str) -> str:
        candidate, n = wanted[:76].rstrip("-"), 1
        while candidate in self.ids:
            n += 1
            candidate = f"{wanted[:72].rstrip('-')}-{n}"
        self.ids.add(candidate)
        return candidate

    def doubt(self, where: Where | str, column: str | None, message: str) -> None:
        place = f"{where}, cột “{column}”" if column else str(where)
        self.doubts.append(Doubt(place, message))

    # -- sections and tasks ------------------------------------------------------------

    def sections(self, appendix: Appendix) -> list[dict[str, Any]]:
        sections: list[dict[str, Any]] = []
        tree = _Tree()
        for row in appendix.rows:
            if isinstance(row, SectionRow):
                sections.append(self._section(row.number, row.title, row.where))
                continue
            if not sections:
                where = row.where
                self.doubt(where, None, "dòng nhiệm vụ trước mọi dòng tên phần; đã xếp vào một "
                           f"phần mang tên phụ lục “{appendix.title}”")
                sections.append(self._section(None, appendix.title, where))
            task = self._task(row, appendix, sections[-1]["id"], tree)
            if task is not None:
                sections[-1]["tasks"].append(task)
        return sections

    def _section(self, number: str | None, title: str, where: Where) -> dict[str, Any]:
        section_id = self.unique(slugify(number) if number else f"phan-{len(self.ids) + 1}")
        return {"id": section_id, "number": number, "title": _short(title),
                "area": self._area(title, where), "tasks": []}

    def _area(self, title: str, where: Where) -> str:
        """The reform area whose name shares most words with the title; on a tie, the one
        the title names first ("CHỈ ĐẠO, TUYÊN TRUYỀN, KIỂM TRA" is chỉ đạo), as a doubt."""
        words_ = [w for w in re.findall(r"\w+", fold(title)) if w not in _AREA_STOP]
        scored = sorted((-len(set(words_) & _area_words(a)),
                         min((words_.index(w) for w in set(words_) & _area_words(a)), default=0),
                         a.id) for a in self.areas.values())
        if not scored or not scored[0][0]:
            fallback = "khac" if "khac" in self.areas else min(self.areas.values(),
                                                               key=lambda a: a.order).id
            self.doubt(where, None, f"không đoán được lĩnh vực của phần “{title}”; đã ghi "
                       f"“{fallback}”, hãy chọn mã trong data/areas.yaml")
            return fallback
        ties = [s[2] for s in scored[1:] if s[0] == scored[0][0]]
        if ties or -scored[0][0] * 2 < len(set(words_)):  # a tie, or most words unexplained
            also = f" (cũng có thể: {', '.join(ties)})" if ties else ""
            self.doubt(where, None, f"lĩnh vực của phần “{title}” đoán là “{scored[0][2]}”{also}")
        return scored[0][2]

    def _task(self, row: DataRow, appendix: Appendix, section_id: str,
              tree: _Tree) -> dict[str, Any] | None:
        title = row.values.get(Role.TITLE) or row.values.get(Role.INDICATOR)
        if not title:
            self.doubt(row.where, None, "dòng không có nội dung nhiệm vụ; đã bỏ qua: "
                       + "; ".join(row.values.values()))
            return None
        notes = list(row.notes)
        parent = self._parent(row, tree, title)
        number_slug = slugify(row.number) if row.number else f"dong-{row.where.row}"
        task_id = self.unique(f"{parent or section_id}-{number_slug}" if parent and not row.number
                              else f"{section_id}-{number_slug}")
        tree.add(row, task_id)
        task: dict[str, Any] = {"id": task_id, "number": row.number}
        if parent:
            task["parent"] = parent
        task["title"] = _join(title)
        task["product"] = self._short(row, Role.PRODUCT, appendix, notes)
        # A task table with only "Đơn vị thực hiện" names who leads each task there.
        cells = _TASK_AGENCIES if Role.LEAD in appendix.columns.roles else (
            (Role.IMPLEMENTING, "lead"), (Role.COORDINATING, "coordinating"))
        self._agencies(task, row, cells, appendix, notes)
        task["timeline"] = self._timeline(row, appendix, notes)
        self._continued(row)
        if notes:
            task["note"] = "\n".join(notes)
        return {k: v for k, v in task.items() if v is not None or k in ("number", "product")}

    def _parent(self, row: DataRow, tree: _Tree, title: str) -> str | None:
        if row.number and "." in row.number:
            parent_number = row.number.rsplit(".", 1)[0]
            if parent_number in tree.by_number:
                return tree.by_number[parent_number]
            self.doubt(row.where, None, f"không thấy dòng số {parent_number} (dòng cha của "
                       f"{row.number}); để là dòng độc lập")
            return None
        if row.number and _SUB_ROW.match(fold(row.number)):
            return tree.last_numbered
        if row.number:
            return None
        if _BULLET.match(title) or tree.last_ends_with_colon:
            return tree.last_numbered
        self.doubt(row.where, None, "dòng không có số thứ tự; để là một dòng độc lập")
        return None

    def _continued(self, row: DataRow) -> None:
        for where in row.continued_from:
            self.doubt(where, None, f"dòng không số chỉ có chữ ngay sau tiêu đề trang; đã nối vào "
                       f"dòng trước ({row.where}) như phần chữ bị ngắt trang")

    # -- indicators --------------------------------------------------------------------

    def indicators(self, appendix: Appendix, prefix: str) -> list[dict[str, Any]]:
        result = []
        tree = _Tree()
        group = appendix.title
        for row in appendix.rows:
            if isinstance(row, SectionRow):
                group = " ".join(filter(None, [row.number, row.title]))
                continue
            text = row.values.get(Role.INDICATOR) or row.values.get(Role.TITLE)
            if not text:
                self.doubt(row.where, None, "dòng không có nội dung chỉ tiêu; đã bỏ qua")
                continue
            notes = list(row.notes)
            parent = self._parent(row, tree, text)
            slug = slugify(row.number) if row.number else f"dong-{row.where.row}"
            row_id = self.unique(f"{prefix}-{slug}")
            tree.add(row, row_id)
            indicator: dict[str, Any] = {"id": row_id, "number": row.number}
            if parent:
                indicator["parent"] = parent
            indicator.update(group=_short(group), text=_join(text),
                             target=self._short(row, Role.TARGET, appendix, notes))
            self._agencies(indicator, row, _INDICATOR_AGENCIES, appendix, notes)
            for role in (Role.LEAD, Role.COORDINATING, Role.TIMELINE, Role.PRODUCT):
                if role in row.values:
                    notes.append(f"{_header(appendix, role)}: {row.values[role]}")
            self._continued(row)
            if notes:
                indicator["note"] = "\n".join(notes)
            result.append({k: v for k, v in indicator.items()
                           if v is not None or k in ("number", "target")})
        return result

    # -- cells -------------------------------------------------------------------------

    def _short(self, row: DataRow, role: Role, appendix: Appendix, notes: list[str]) -> str | None:
        text = row.values.get(role)
        if text is None:
            return None
        joined = _join(text)
        if len(joined) <= SHORT:
            return joined
        notes.append(f"{_header(appendix, role)}: {joined}")
        self.doubt(row.where, _header(appendix, role), f"dài hơn {SHORT} ký tự; đã chép vào "
                   "ghi chú (note) của dòng")
        return None

    def _timeline(self, row: DataRow, appendix: Appendix, notes: list[str]) -> str | None:
        text = self._short(row, Role.TIMELINE, appendix, notes)
        if text is None:
            return None
        column = _header(appendix, Role.TIMELINE)
        try:
            reading = parse_timeline(text, self.year)
        except ValueError as exc:
            notes.append(f"{column}: {text}")
            self.doubt(row.where, column, f"“{text}”: {exc}; đã chép vào ghi chú (note)")
            return None
        if (reading and reading.kind == TimelineKind.UNSCHEDULED and re.search(r"\d", text)
                and not _DEFERRED.match(text)):
            self.doubt(row.where, column, f"“{text}” có số nhưng không đọc ra hạn nào (không có "
                       "hạn cố định); thử: minhbach doc timeline")
        return text

    def _agencies(self, item: dict[str, Any], row: DataRow, cells: tuple[tuple[Role, str], ...],
                  appendix: Appendix, notes: list[str]) -> None:
        for role, key in cells:
            raw = row.values.get(role)
            if not raw:
                continue
            text = cell_text(raw)
            column = _header(appendix, role)
            if len(text) > SHORT:
                notes.append(f"{column}: {text}")
                self.doubt(row.where, column, f"dài hơn {SHORT} ký tự; đã chép vào ghi chú")
                continue
            ids, doubts = self.agencies.read(text, f"{row.where}, cột “{column}”")
            for message in doubts:
                self.doubt(row.where, column, message)
            if ids:
                item[key] = ids
            item[f"{key}_text"] = text


@dataclass
class _Tree:
    """Numbers seen so far in one appendix, to find each row's parent."""

    by_number: dict[str, str] = field(default_factory=dict)
    last_numbered: str | None = None
    last_ends_with_colon: bool = False

    def add(self, row: DataRow, row_id: str) -> None:
        title = row.values.get(Role.TITLE) or row.values.get(Role.INDICATOR) or ""
        if row.number and not _SUB_ROW.match(fold(row.number)):
            self.by_number[row.number] = row_id
            self.last_numbered = row_id
            self.last_ends_with_colon = title.rstrip().endswith(":")


def _area_words(area: Area) -> set[str]:
    return set(re.findall(r"\w+", fold(f"{area.name} {area.description or ''}"))) - _AREA_STOP


def _join(text: str) -> str:
    """A cell's lines: a dash list stays one item a line, wrapped text becomes one line."""
    lines = text.split("\n")
    return "\n".join(lines) if all(_BULLET.match(line) for line in lines[1:]) and \
        _BULLET.match(lines[0]) else " ".join(lines)


def _short(text: str) -> str:
    return text if len(text) <= SHORT else text[:SHORT - 1].rstrip() + "…"


def _header(appendix: Appendix, role: Role) -> str:
    index = appendix.columns.index(role)
    return appendix.columns.headers[index] if index is not None else role.value
