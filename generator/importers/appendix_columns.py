"""Columns of an appendix table, recognised by what their header says, not where they stand.

Plans name the same column many ways ("Cơ quan chủ trì", "Đơn vị chủ trì", "Chủ trì");
each role lists the folded words that give it away, tried in an order where the more
specific wins ("Thời gian thực hiện" is a timeline before "thực hiện" is an implementer).
A column no role claims is kept: its cells become the row's note.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from ..reading.vietnamese import fold
from .docx_reader import Row


class Role(StrEnum):
    NUMBER = "number"
    TARGET = "target"
    LEAD = "lead"
    COORDINATING = "coordinating"
    MONITORING = "monitoring"
    TIMELINE = "timeline"
    IMPLEMENTING = "implementing"
    PRODUCT = "product"
    TITLE = "title"
    INDICATOR = "indicator"
    NOTE = "note"


# (role, patterns on the folded header); the first role with a matching pattern wins.
_PATTERNS: tuple[tuple[Role, tuple[str, ...]], ...] = (
    (Role.NUMBER, (r"^(s\.?\s*)?t\.?\s*t\.?$", r"^so thu tu$", r"^so tt$")),
    (Role.TARGET, (r"phan dau", r"^muc\b", r"can dat", r"^chi tieu nam\b", r"gia tri",
                   r"^muc tieu")),
    (Role.LEAD, (r"chu tri",)),
    (Role.COORDINATING, (r"phoi hop",)),
    (Role.MONITORING, (r"theo doi",)),
    (Role.TIMELINE, (r"thoi gian", r"thoi han", r"tien do", r"^han\b")),
    (Role.IMPLEMENTING, (r"thuc hien",)),
    (Role.PRODUCT, (r"san pham", r"ket qua")),
    (Role.TITLE, (r"nhiem vu", r"noi dung", r"cong viec", r"hoat dong", r"de an")),
    (Role.INDICATOR, (r"chi tieu", r"chi so")),
    (Role.NOTE, (r"ghi chu",)),
)


def role_of(header: str) -> Role | None:
    text = " ".join(re.findall(r"\w+", fold(header)))
    return next((role for role, patterns in _PATTERNS
                 if any(re.search(p, text) for p in patterns)), None)


@dataclass(frozen=True)
class Columns:
    """What each column of a table holds, and how many rows its header takes."""

    roles: tuple[Role, ...]
    headers: tuple[str, ...]  # as written, for notes and doubts
    header_rows: tuple[Row, ...]

    @property
    def kind(self) -> str | None:
        """"tasks", "indicators", or None when the table is not an appendix table."""
        roles = set(self.roles)
        if Role.TITLE in roles and roles & {Role.LEAD, Role.COORDINATING}:
            return "tasks"
        if Role.INDICATOR in roles or {Role.TITLE, Role.TARGET} <= roles:
            return "indicators"
        if Role.TITLE in roles and roles & {Role.IMPLEMENTING, Role.TIMELINE}:
            return "tasks"
        return None

    def index(self, role: Role) -> int | None:
        return self.roles.index(role) if role in self.roles else None

    def is_header(self, row: Row) -> bool:
        return any(_key(row) == _key(h) for h in self.header_rows)


def _key(row: Row) -> tuple[str, ...]:
    return tuple(fold(c) for c in row.cells)


def _looks_like_header(row: Row) -> bool:
    known = [text for text in row.cells if text and role_of(text)]
    return len(known) >= 2 or (len(known) == 1 and len(row.filled) == 1 and not row.spans_row
                               and role_of(row.cells[row.filled[0]]) is not None)


def recognise(rows: tuple[Row, ...]) -> Columns | None:
    """The columns of a table whose first rows are its header, or None."""
    header: list[Row] = []
    for row in rows[:3]:
        if not header and not _looks_like_header(row):
            return None
        if header and not _continues_header(row):
            break
        header.append(row)
    width = max(len(r.cells) for r in header)
    headers, roles = [], []
    for col in range(width):
        pieces = list(dict.fromkeys(r.cells[col] for r in header if col < len(r.cells)
                                    and r.cells[col]))
        # The lowest header row is the most specific ("Đơn vị theo dõi" under "Trách nhiệm").
        role = next((r for p in reversed(pieces) if (r := role_of(p))), Role.NOTE)
        headers.append(pieces[-1] if pieces else "")
        roles.append(role)
    return Columns(tuple(roles), tuple(headers), tuple(header))


def _continues_header(row: Row) -> bool:
    """A second header row holds only column names (sub-headers), never a number."""
    return bool(row.filled) and all(len(row.cells[i]) < 60 and role_of(row.cells[i])
                                    for i in row.filled)
