"""Read a Word document into plain blocks: paragraphs and tables of cell texts, in order.

python-docx gives the structure; everything after this module works on these blocks,
so the rest of the importer never touches Word's XML. Old binary `.doc` files are
converted first with LibreOffice when it is installed.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from ..reading.vietnamese import nfc


class ImportFailed(Exception):
    """The document cannot be read; the message is Vietnamese and says what to do."""


@dataclass(frozen=True)
class Paragraph:
    text: str


@dataclass(frozen=True)
class Row:
    cells: tuple[str, ...]
    spans_row: bool  # one cell merged across the whole row (a section title)

    @property
    def filled(self) -> list[int]:
        return [i for i, text in enumerate(self.cells) if text]


@dataclass(frozen=True)
class Table:
    number: int  # 1-based, in document order, as staff count tables in Word
    rows: tuple[Row, ...]


Block = Paragraph | Table

# Word documents over this size are not plans; refusing them keeps memory bounded.
MAX_BYTES = 30 * 1024 * 1024
_CONVERT_SECONDS = 120


def _clean(text: str) -> str:
    lines = (" ".join(line.split()) for line in nfc(text).replace("\r", "\n").split("\n"))
    return "\n".join(line for line in lines if line)


def _row(cells: list) -> Row:  # python-docx _Cell objects
    texts = tuple(_clean(cell.text) for cell in cells)
    merged = len(cells) > 1 and all(cell._tc is cells[0]._tc for cell in cells)
    if merged:
        texts = (texts[0],) + ("",) * (len(texts) - 1)
    else:  # a cell spanning columns is repeated by python-docx: keep its text once
        texts = tuple("" if i and cells[i]._tc is cells[i - 1]._tc else text
                      for i, text in enumerate(texts))
    return Row(texts, merged)


def read_blocks(path: Path) -> list[Block]:
    """The paragraphs and tables of `path` (.docx, or .doc through LibreOffice)."""
    if not path.is_file():
        raise ImportFailed(f"không tìm thấy tệp “{path}”")
    if path.suffix.lower() == ".doc":
        with tempfile.TemporaryDirectory() as folder:
            return _read_docx(convert_doc(path, Path(folder)))
    return _read_docx(path)


def _read_docx(path: Path) -> list[Block]:
    import docx  # python-docx: imported here so the site build never pays for it
    from docx.opc.exceptions import OpcError

    if path.stat().st_size > MAX_BYTES:
        raise ImportFailed(f"tệp “{path.name}” lớn hơn {MAX_BYTES // 2**20} MB; không phải một kế hoạch")
    try:
        document = docx.Document(str(path))
    except (OpcError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise ImportFailed(f"“{path.name}” không phải tệp Word .docx đọc được ({exc}); hãy mở "
                           "bằng Word và Lưu thành (Save As) định dạng .docx") from exc
    blocks: list[Block] = []
    tables = 0
    for item in document.iter_inner_content():
        if isinstance(item, docx.table.Table):
            tables += 1
            blocks.append(Table(tables, tuple(_row(list(r.cells)) for r in item.rows)))
        elif text := _clean(item.text):
            blocks.extend(Paragraph(line) for line in text.split("\n"))
    return blocks


def convert_doc(path: Path, folder: Path) -> Path:
    """Convert an old binary .doc to .docx with LibreOffice, or say clearly what to do."""
    program = shutil.which("libreoffice") or shutil.which("soffice")
    if program is None:
        raise ImportFailed(f"“{path.name}” là tệp Word cũ (.doc); cần LibreOffice để chuyển sang "
                           ".docx nhưng máy này chưa cài. Hãy mở tệp bằng Word và Lưu thành "
                           "(Save As) .docx, hoặc cài LibreOffice (gói libreoffice-writer)")
    try:
        subprocess.run([program, "--headless", "--convert-to", "docx", "--outdir", str(folder),
                        str(path)], check=True, capture_output=True, timeout=_CONVERT_SECONDS)
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as exc:
        raise ImportFailed(f"LibreOffice không chuyển được “{path.name}” sang .docx ({exc})") from exc
    converted = folder / f"{path.stem}.docx"
    if not converted.is_file():
        raise ImportFailed(f"LibreOffice không tạo ra tệp .docx từ “{path.name}”")
    return converted
