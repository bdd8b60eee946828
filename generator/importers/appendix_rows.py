"""Rows of appendix tables: section rows, data rows, and rows that only continue another.

Tables in plans repeat their header on every page, are sometimes cut into several
tables at a page break, and cut a long cell in two across the break. This module walks
the tables of one appendix in order and gives back its rows once each, whole.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .appendix_columns import Columns, Role
from .docx_reader import Row, Table

_ROMAN = r"[IVXLC]+"
# Section numbers are capitals (I, II, A, "Phần I"); "a)" is a sub-row, never a section.
_SECTION_NUMBER = re.compile(rf"^(?:[Pp]hần\s+|PHẦN\s+)?({_ROMAN}|[A-Z])[.):]?$")
_SECTION_TEXT = re.compile(rf"^((?:Phần\s+)?(?:{_ROMAN}|[A-Z]))[.):]?\s+(\S.*)$")
_COLUMN_NUMBERS = re.compile(r"^\(?\d+\)?$")


@dataclass(frozen=True)
class Where:
    table: int
    row: int  # 1-based, header rows included, as staff count them in Word

    def __str__(self) -> str:
        return f"bảng {self.table}, dòng {self.row}"


@dataclass
class SectionRow:
    number: str | None
    title: str
    where: Where


@dataclass
class DataRow:
    number: str | None
    values: dict[Role, str]
    notes: list[str]
    where: Where
    continued_from: list[Where] = field(default_factory=list)


AppendixRow = SectionRow | DataRow


@dataclass
class Appendix:
    """One appendix: its heading, its columns, its rows from every table it spans."""

    title: str
    columns: Columns
    rows: list[AppendixRow] = field(default_factory=list)
    tables: list[int] = field(default_factory=list)

    @property
    def kind(self) -> str:
        return self.columns.kind or ""

    def add_table(self, table: Table, header_rows: int) -> None:
        self.tables.append(table.number)
        fresh = True  # the first row after a page's header may finish the last row
        for index, row in enumerate(table.rows[header_rows:], start=header_rows + 1):
            where = Where(table.number, index)
            if not row.filled or _column_numbers(row):
                continue
            if self.columns.is_header(row):
                fresh = True
                continue
            self._add(row, where, fresh)
            fresh = False

    def _add(self, row: Row, where: Where, fresh: bool) -> None:
        section = self._section(row)
        if section is not None:
            self.rows.append(SectionRow(section[0], section[1], where))
            return
        values, notes = self._values(row)
        number = values.pop(Role.NUMBER, None)
        last = self.rows[-1] if self.rows else None
        if fresh and number is None and isinstance(last, DataRow) and _only_text(values):
            _continue(last, values, where)
            return
        self.rows.append(DataRow(number.rstrip(".") if number else None, values, notes, where))

    def _section(self, row: Row) -> tuple[str | None, str] | None:
        texts = [row.cells[i] for i in row.filled]
        number_col = self.columns.index(Role.NUMBER)
        if row.spans_row or len(texts) == 1:
            match = _SECTION_TEXT.match(texts[0])
            if match:
                return match.group(1), match.group(2)
            if row.spans_row:
                return None, texts[0]
        if (number_col is not None and len(texts) == 2 and row.cells[number_col]
                and _SECTION_NUMBER.match(row.cells[number_col])):
            title = next(t for i, t in zip(row.filled, texts, strict=True) if i != number_col)
            return row.cells[number_col].rstrip(".):"), title
        return None

    def _values(self, row: Row) -> tuple[dict[Role, str], list[str]]:
        values: dict[Role, str] = {}
        notes = []
        for col, text in enumerate(row.cells):
            if not text or col >= len(self.columns.roles):
                continue
            role = self.columns.roles[col]
            if role == Role.NOTE:
                notes.append(f"{self.columns.headers[col] or 'Ghi chú'}: {text}")
            elif role in values:  # two columns of one role: keep the second as written
                notes.append(f"{self.columns.headers[col]}: {text}")
            else:
                values[role] = text
        return values, notes


def _column_numbers(row: Row) -> bool:
    """The "(1) (2) (3)" row some tables put under their header."""
    texts = [row.cells[i] for i in row.filled]
    return len(texts) > 2 and all(_COLUMN_NUMBERS.match(t) for t in texts)


def _only_text(values: dict[Role, str]) -> bool:
    return set(values) <= {Role.TITLE, Role.INDICATOR} and bool(values)


def _continue(last: DataRow, values: dict[Role, str], where: Where) -> None:
    for role, text in values.items():
        last.values[role] = f"{last.values[role]} {text}" if role in last.values else text
    last.continued_from.append(where)
