"""An imported plan assembled: attributes, legal basis, rows, full text and proposed bodies.

The result is plain data (dicts ready for YAML, Markdown text) plus the doubts met on
the way; writing files is the command's business.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..data.models import Area, Organisation
from ..reading.agency_names import NameIndex
from .agency_matching import AgencyMatcher, Proposal
from .document_parts import DocumentParts
from .docx_reader import ImportFailed
from .plan_rows import Doubt, RowBuilder

_YEAR = re.compile(r"\bnăm\s+(\d{4})\b", re.IGNORECASE)
_HEADING = (
    (re.compile(r"^[IVXL]+\.\s"), "## "),
    (re.compile(r"^\d+\.\d+\.?\s"), "#### "),
    (re.compile(r"^\d+\.\s"), "### "),
)
_LIST = re.compile(r"^[-–+•]\s+")
_MARKDOWN_START = re.compile(r"^([#>*|`~=]|\d+\))")


@dataclass
class ImportedPlan:
    plan: dict[str, Any]
    text: str  # Markdown of the full text
    proposals: list[Proposal]
    doubts: list[Doubt]
    province: str
    matched: set[str] = field(default_factory=set)
    agency_cells: int = 0

    @property
    def tasks(self) -> int:
        return sum(len(s["tasks"]) for s in self.plan.get("sections", []))


@dataclass(frozen=True)
class Context:
    """What the project already knows: organisations by province, and the reform areas."""

    organisations: dict[str, Organisation]
    provinces: dict[str, str]
    areas: dict[str, Area]


def build_plan(parts: DocumentParts, plan_id: str, source: Path, context: Context,
               year: int | None = None) -> ImportedPlan:
    if not parts.header.type_found and not parts.appendices:
        raise ImportFailed(f"“{source.name}” không giống một kế hoạch: không có dòng loại văn bản "
                           "(KẾ HOẠCH, QUYẾT ĐỊNH…) và không có bảng nhiệm vụ hay chỉ tiêu nào")
    code = plan_id.split("-", 1)[0]
    known = [o for o in context.organisations.values() if o.id.startswith(f"{code}-")]
    if not known:
        codes = sorted({o.split("-", 1)[0] for o in context.organisations})
        raise ImportFailed(f"mã kế hoạch “{plan_id}” phải bắt đầu bằng mã tỉnh của cơ quan ban "
                           f"hành; chưa có cơ quan nào mã “{code}-…” trong data/organisations/ "
                           f"(các mã đang có: {', '.join(codes)})")
    province = context.provinces[known[0].id]
    matcher = AgencyMatcher(code, known, context.provinces)
    year = year or _year(parts, plan_id)
    rows = RowBuilder(year, context.areas, matcher)
    plan = _attributes(parts, plan_id, source, year, matcher, rows)
    indicator_tables = [a for a in parts.appendices if a.kind == "indicators"]
    plan["indicators"] = [i for n, a in enumerate(indicator_tables, start=1)
                          for i in rows.indicators(a, "ct" if n == 1 else f"ct{n}")]
    plan["sections"] = [s for a in parts.appendices if a.kind == "tasks" for s in rows.sections(a)]
    for table in parts.unread_tables:
        rows.doubt(f"bảng {table}", None, "không nhận ra cột nào (nhiệm vụ, chỉ tiêu, chủ trì…); "
                   "bảng này không được nhập")
    for proposal in matcher.proposals.values():
        hint = f"; gần giống: {', '.join(proposal.suggestions)}" if proposal.suggestions else ""
        rows.doubt(proposal.seen_in[0], None, f"cơ quan chưa có “{proposal.organisation.name}”; "
                   f"đề xuất mã {proposal.organisation.id}{hint}")
    return ImportedPlan(plan, markdown(parts.body), list(matcher.proposals.values()), rows.doubts,
                        province, matcher.matched, matcher.cells)


def _year(parts: DocumentParts, plan_id: str) -> int:
    """The year the plan is for: its title says it ("… năm 2018"), or its id; a plan issued
    in December is for the next year, so the issue date comes last."""
    for text in (parts.header.title, plan_id.replace("-", " năm ")):
        if match := _YEAR.search(text):
            return int(match.group(1))
    if parts.header.issued:
        return parts.header.issued.year
    raise ImportFailed("không tìm thấy năm của kế hoạch (ngày ban hành hay “năm …” trong tên); "
                       "ghi thêm --year, ví dụ --year 2024")


def _attributes(parts: DocumentParts, plan_id: str, source: Path, year: int,
                matcher: AgencyMatcher, rows: RowBuilder) -> dict[str, Any]:
    header, signature = parts.header, parts.signature
    if not header.title:
        rows.doubt("phần đầu văn bản", None, "không thấy tên văn bản sau loại văn bản (KẾ HOẠCH)")
    number = header.number
    plan: dict[str, Any] = {
        "id": plan_id,
        "number": number,
        "number_text": header.number_text,
        "type": header.type,
        "title": header.title or f"{header.type} {plan_id}",
        "issuer": _issuer(header.issuer_lines, matcher, rows),
        "place": header.place,
        "issued": header.issued,
        "issued_text": header.issued_text,
        "signer": {"name": signature.name, "title": signature.title},
        "year": year,
        "status": "con-hieu-luc" if number else "du-thao",
        "source": {"description": f"Nhập từ tệp {source.name} bằng lệnh minhbach import"},
        "legal_basis": [{k: v for k, v in vars(c).items() if v is not None}
                        for c in parts.citations],
        "recipients": signature.recipients,
    }
    if number:
        rows.doubt("phần đầu văn bản", None, "trạng thái hiệu lực ghi là “con-hieu-luc” (còn "
                   "hiệu lực); hãy kiểm tra")
    if not signature.name:
        rows.doubt("khối chữ ký", None, "không thấy tên người ký")
    return plan


def _issuer(lines: list[str], matcher: AgencyMatcher, rows: RowBuilder) -> str:
    """The issuing body: the header's lowest line(s) that name one known body."""
    index: NameIndex = matcher.index
    candidates = [" ".join(lines[i:]) for i in range(len(lines) - 1, -1, -1)] + [" ".join(lines)]
    for text in candidates:
        reading = index.read(text)
        if text and not reading.unknown and len(reading.orgs) == 1 and not reading.ambiguous:
            return reading.orgs[0]
    name = lines[-1] if lines else "Cơ quan ban hành"
    return matcher.propose(name, "phần đầu văn bản (cơ quan ban hành)").organisation.id


def markdown(body: list[str]) -> str:
    """The body as Markdown: I./1./1.1. headings, dash lists kept, one paragraph per line."""
    out: list[str] = []
    for line in body:
        heading = next((mark for pattern, mark in _HEADING if pattern.match(line)), None)
        if heading and len(line) < 120 and not line.rstrip().endswith((".", ";", ":")):
            out.append(heading + line)
        elif _LIST.match(line):
            item = "- " + _LIST.sub("", line)
            # Dash items that follow each other are one list, not one list per line.
            if out and out[-1].startswith("- "):
                out[-1] += "\n" + item
            else:
                out.append(item)
        else:
            out.append("\\" + line if _MARKDOWN_START.match(line) else line)
    return "\n\n".join(out) + "\n"
