"""Word documents built with python-docx for the importer's tests, in the layouts plans use."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import docx
from docx.document import Document
from docx.table import Table, _Cell

# A row is its cell texts; "\n" in a text is a line break inside the cell. A row given as
# a single string is a section title merged across the whole row.
RowSpec = Sequence[str] | str


def fill(cell: _Cell, text: str) -> None:
    """Cell text with Word line breaks (not paragraphs) between lines."""
    run = cell.paragraphs[0].add_run()
    for i, line in enumerate(text.split("\n")):
        if i:
            run.add_break()
        run.add_text(line)


def add_table(document: Document, header: Sequence[Sequence[str]], rows: Sequence[RowSpec],
              width: int | None = None) -> Table:
    width = width or len(header[0])
    table = document.add_table(rows=0, cols=width)
    for spec in [*header, *rows]:
        cells = table.add_row().cells
        if isinstance(spec, str):
            merged = cells[0].merge(cells[-1])
            fill(merged, spec)
        else:
            for cell, text in zip(cells, spec, strict=True):
                if text:
                    fill(cell, text)
    return table


def header_block(document: Document, issuer: Sequence[str], number: str, place_date: str) -> None:
    """The two-column, borderless header: issuer and number left, motto and date right."""
    table = document.add_table(rows=1, cols=2)
    fill(table.cell(0, 0), "\n".join([*issuer, "", number]))
    fill(table.cell(0, 1), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
         f"________\n{place_date}")


def signature_block(document: Document, recipients: Sequence[str], roles: Sequence[str],
                    name: str) -> None:
    table = document.add_table(rows=1, cols=2)
    fill(table.cell(0, 0), "\n".join(["Nơi nhận:", *(f"- {r}" for r in recipients)]))
    fill(table.cell(0, 1), "\n".join([*roles, "", "(Đã ký)", "", name]))


def paragraphs(document: Document, lines: Sequence[str]) -> None:
    for line in lines:
        document.add_paragraph(line)


def save(document: Document, path: Path) -> Path:
    document.save(str(path))
    return path


def new() -> Document:
    return docx.Document()
