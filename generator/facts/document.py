"""A plan's full text as a document: the header block, the body, the closing.

An administrative document opens with the issuing body and its number on one side and
the national motto with place and date on the other (Nghị định 30/2020/NĐ-CP), and ends
with the signature and "Nơi nhận". The page draws the header from the data, so the
source's own header lines are dropped from the body (drafts leave them blank: "Số:
/KH-SNN", "Bình Định, ngày tháng năm"), and the closing is drawn from the data only
when the transcribed text does not already carry it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..data.models import Plan, PlanStatus
from ..reading.vietnamese import fold, format_date_long

# How many leading lines of a transcription may belong to its header block.
_HEADER_LINES = 6
_RECIPIENTS = re.compile(r"^\W*noi nhan\W*:?", re.MULTILINE)


@dataclass(frozen=True)
class DocumentHead:
    issuer: str
    number: str | None  # "Số: 792/KH-UBND"; None for a draft without a number
    place_date: str | None  # "An Giang, ngày 29 tháng 12 năm 2017"; None when unknown
    draft: bool


@dataclass(frozen=True)
class Document:
    head: DocumentHead
    body: str  # Markdown, without the source's header lines
    closing_in_text: bool  # the text ends with its own signature and "Nơi nhận"


def head_of(plan: Plan, issuer_name: str) -> DocumentHead:
    place_date = None
    if plan.issued:
        date = format_date_long(plan.issued)
        place_date = f"{plan.place}, {date}" if plan.place else date.capitalize()
    return DocumentHead(issuer=issuer_name.upper(),
                        number=f"Số: {plan.number}" if plan.number else None,
                        place_date=place_date, draft=plan.status == PlanStatus.DU_THAO)


def _is_header_line(line: str, plan: Plan) -> bool:
    text = line.strip().strip("*_ ").strip()
    written = {plan.number_text, plan.issued_text} - {None}
    return bool(text) and (text in written or fold(text).startswith("so:"))


def without_header(markdown: str, plan: Plan) -> str:
    """The body without the source's own number and place/date lines at its top."""
    lines = markdown.splitlines(keepends=True)
    head, rest = lines[:_HEADER_LINES], lines[_HEADER_LINES:]
    return "".join(line for line in head if not _is_header_line(line, plan)) + "".join(rest)


def document_of(plan: Plan, issuer_name: str, markdown: str) -> Document:
    return Document(head=head_of(plan, issuer_name), body=without_header(markdown, plan),
                    closing_in_text=bool(_RECIPIENTS.search(fold(markdown))))
