"""The parts of an administrative document: header block, title, body, signature, appendices.

Vietnamese administrative documents follow one layout (Nghị định 30/2020/NĐ-CP): the
issuing body and "Số: …" on the left, the national motto and "<place>, ngày … tháng …
năm …" on the right, the document type in capitals, its title, the body (often opening
with "Căn cứ …"), "Nơi nhận:" beside the signature block, then the appendices. Header and
signature blocks are often borderless tables; they are read column by column, as a
person reads them.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from ..reading.vietnamese import fold
from .appendix_columns import recognise
from .appendix_rows import Appendix
from .docx_reader import Block, Paragraph, Table

DOCUMENT_TYPES = ("ke hoach", "quyet dinh", "chuong trinh", "chuong trinh hanh dong",
                  "ke hoach hanh dong", "chi thi", "bao cao", "thong bao", "de an")
_MOTTO = re.compile(r"cong hoa xa hoi chu nghia|doc lap\s*-?\s*tu do|^[-_=*.\s]+$")
_NUMBER = re.compile(r"^Số\s*:?\s*(.*)$", re.IGNORECASE)
_PLACE_DATE = re.compile(r"^(?P<place>[^,]+),\s*ngày\s*(?P<d>\d*)\s*tháng\s*(?P<m>\d*)\s*"
                         r"năm\s*(?P<y>\d*)", re.IGNORECASE)
_LONG_DATE = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", re.IGNORECASE)
_SHORT_DATE = re.compile(r"ngày\s+(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", re.IGNORECASE)
_SIGNER_ROLE = re.compile(r"^(TM|KT|Q|TL|TUQ)\.\s|^(PHÓ\s+)?(GIÁM ĐỐC|CHỦ TỊCH|TRƯỞNG BAN|"
                          r"CHÁNH VĂN PHÒNG|BÍ THƯ|THỦ TRƯỞNG)\b")
_SIGNED = re.compile(r"^\((đã ký|ký|ký tên|ký, ghi rõ họ tên|ký tên, đóng dấu)[^)]*\)$",
                     re.IGNORECASE)
_BULLET = re.compile(r"^[-–+•]\s*")
_APPENDIX = re.compile(r"^PHỤ LỤC\b", re.IGNORECASE)
_ATTACHED = re.compile(r"^\((kèm theo|ban hành kèm)", re.IGNORECASE)
_HEADING = re.compile(r"^[IVX]+\.\s")
_BODY_START = re.compile(r"^(Căn cứ|Thực hiện|Triển khai|Để|Nhằm)\b|^[IVX]+\.\s")
_CITATION = re.compile(r"^(?P<type>[A-ZĐ][^\s]*(?:\s+[^\s]+){0,4}?)\s+số\s+(?P<number>[^\s,;]+)")
_CITED_TYPES = ("Luật", "Bộ luật", "Nghị định", "Nghị quyết", "Quyết định", "Kế hoạch", "Chỉ thị",
                "Thông tư", "Công văn", "Chương trình", "Kết luận", "Hướng dẫn", "Thông báo")
_TITLE_VERBS = re.compile(r"\s(Quy định|quy định|Ban hành|ban hành|về|Về|V/v|phê duyệt|Phê "
                          r"duyệt|hướng dẫn|Hướng dẫn|triển khai|Triển khai|thực hiện|Thực hiện)\s")


@dataclass
class Header:
    issuer_lines: list[str] = field(default_factory=list)
    number_text: str | None = None
    place: str | None = None
    issued: dt.date | None = None
    issued_text: str | None = None
    type: str = "Kế hoạch"
    type_found: bool = False  # the document names its type ("KẾ HOẠCH") on a line of its own
    title_lines: list[str] = field(default_factory=list)

    @property
    def number(self) -> str | None:
        """The number as written after "Số:"; None for a draft ("Số: /KH-SNN")."""
        match = _NUMBER.match(self.number_text or "")
        rest = match.group(1).strip() if match else ""
        return rest if rest and not rest.startswith("/") else None

    @property
    def title(self) -> str:
        return " ".join(self.title_lines)


@dataclass
class Signature:
    roles: list[str] = field(default_factory=list)
    name: str | None = None
    recipients: list[str] = field(default_factory=list)

    @property
    def title(self) -> str | None:
        return " / ".join(self.roles) or None


@dataclass
class Citation:
    text: str
    type: str | None
    number: str | None
    date: dt.date | None
    issuer_text: str | None


@dataclass
class DocumentParts:
    header: Header
    body: list[str]  # paragraphs as written, motto and signature left out
    citations: list[Citation]
    signature: Signature
    appendices: list[Appendix]
    unread_tables: list[int]  # tables outside the header/signature that hold no plan rows


def parse_date(text: str) -> dt.date | None:
    """ "ngày 10 tháng 12 năm 2013" or "ngày 23/12/2021" → a date; None when absent or impossible."""
    match = _LONG_DATE.search(text) or _SHORT_DATE.search(text)
    if not match:
        return None
    day, month, year = (int(g) for g in match.groups())
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _is_upper(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def _width(table: Table) -> int:
    return max((len(r.cells) for r in table.rows), default=0)


def _lines(table: Table) -> list[str]:
    """A layout table read column by column: the left block, then the right block."""
    return [line for col in range(_width(table)) for row in table.rows
            if col < len(row.cells) for line in row.cells[col].split("\n") if line]


class _Reader:
    """One pass over the blocks, moving from header to title to body to signature."""

    def __init__(self) -> None:
        self.header = Header()
        self.signature = Signature()
        self.body: list[str] = []
        self.appendices: list[Appendix] = []
        self.unread: list[int] = []
        self.stage = "header"
        self.appendix_title: list[str] = []
        self.in_recipients = False

    def table(self, table: Table) -> None:
        columns = recognise(table.rows)
        last = self.appendices[-1] if self.appendices else None
        if columns is None and last and self.stage == "appendix" and not self.appendix_title \
                and _width(table) == len(last.columns.roles):
            last.add_table(table, 0)  # Word split the table at a page without repeating its header
            return
        if columns is None or columns.kind is None:
            if self.stage in ("header", "signature") or self._layout(table):
                for line in _lines(table):
                    self.line(line)
            else:
                self.unread.append(table.number)
            return
        if last is None or self.appendix_title or last.columns.roles != columns.roles:
            title = " ".join(self.appendix_title) or f"Bảng {table.number}"
            last = Appendix(title, columns)
            self.appendices.append(last)
            self.appendix_title = []
        last.add_table(table, len(columns.header_rows))
        self.stage = "appendix"

    def _layout(self, table: Table) -> bool:
        """A borderless signature table after the body: "Nơi nhận" beside the signer."""
        text = fold(" ".join(_lines(table)))
        return self.stage == "body" and "noi nhan" in text

    def line(self, line: str) -> None:
        getattr(self, f"_{self.stage}")(line)

    def _header(self, line: str) -> None:
        folded = fold(line)
        if _MOTTO.search(folded):
            return
        if _NUMBER.match(line):
            self.header.number_text = line
        elif place := _PLACE_DATE.match(line):
            self.header.place = place.group("place").strip()
            self.header.issued_text = line
            self.header.issued = parse_date(line)
        elif _is_upper(line) and folded in DOCUMENT_TYPES:
            self.header.type = line[0] + line[1:].lower()
            self.header.type_found = True
            self.stage = "title"
        elif _BODY_START.match(line):
            self.stage = "body"
            self._body(line)
        else:
            self.header.issuer_lines.append(line)

    def _title(self, line: str) -> None:
        # The first line is the title even when it opens like the body ("Thực hiện công tác…").
        starts_body = _BODY_START.match(line) and (
            self.header.title_lines or line.startswith("Căn cứ") or _HEADING.match(line))
        ends = self.header.title_lines and (_MOTTO.search(fold(line)) or len(line) > 160)
        if starts_body or ends:
            self.stage = "body"
            if not _MOTTO.search(fold(line)):
                self._body(line)
        elif not _MOTTO.search(fold(line)):
            self.header.title_lines.append(line)

    def _body(self, line: str) -> None:
        if fold(line).startswith("noi nhan") or _SIGNER_ROLE.match(line):
            self.stage = "signature"
            self._signature(line)
        elif _APPENDIX.match(line):
            self._appendix(line)
        else:
            self.body.append(line)

    def _signature(self, line: str) -> None:
        folded = fold(line)
        if folded.startswith("noi nhan"):
            self.in_recipients = True
            rest = line.split(":", 1)[1].strip() if ":" in line else ""
            if rest:
                self._signature(rest)
        elif _APPENDIX.match(line):
            self._appendix(line)
        elif _BULLET.match(line) and self.in_recipients:
            self.signature.recipients.append(_BULLET.sub("", line))
        elif _SIGNER_ROLE.match(line) or (_is_upper(line) and not self.signature.name):
            self.in_recipients = False
            self.signature.roles.append(line)
        elif not _SIGNED.match(line):
            self.in_recipients = False
            self.signature.name = line

    def _appendix(self, line: str) -> None:
        self.stage = "appendix"
        if _APPENDIX.match(line):
            label = line.split(":", 1)
            self.appendix_title = [_APPENDIX.sub("Phụ lục", label[0].strip())]
            if len(label) > 1 and label[1].strip():
                self.appendix_title.append(label[1].strip())
        elif not _ATTACHED.match(line) and not _MOTTO.search(fold(line)):
            self.appendix_title.append(line)


def split_document(blocks: list[Block]) -> DocumentParts:
    reader = _Reader()
    for block in blocks:
        if isinstance(block, Paragraph):
            reader.line(block.text)
        else:
            reader.table(block)
    return DocumentParts(reader.header, reader.body, citations(reader.body), reader.signature,
                         reader.appendices, reader.unread)


def citations(body: list[str]) -> list[Citation]:
    """Every "Căn cứ …" of the body, one per document cited (a paragraph may cite several)."""
    found = []
    for paragraph in body:
        if _HEADING.match(paragraph):
            break  # the legal basis comes before the first part; later "Căn cứ" is prose
        if not paragraph.startswith("Căn cứ"):
            continue
        for part in re.split(r";\s*(?=Căn cứ\b)|;\s*$", paragraph):
            text = re.sub(r"^Căn cứ\s+", "", part).strip().rstrip(";,.")
            text = re.split(r"\.\s+(?=[A-ZĐ])", text)[0]  # a following sentence is prose
            if text:
                found.append(_citation(text))
    return found


def _citation(text: str) -> Citation:
    match = _CITATION.match(text)
    known = [t for t in _CITED_TYPES if text.startswith(t + " ")]
    doc_type = max(known, key=len) if known else (match.group("type") if match else None)
    number = match.group("number").rstrip(".") if match else None
    issuer = None
    if " của " in text:
        after = text.split(" của ", 1)[1]
        issuer = _TITLE_VERBS.split(f" {after} ", maxsplit=1)[0].strip() or None
    return Citation(text, doc_type, number, parse_date(text), issuer)
