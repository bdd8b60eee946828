"""`minhbach import PLAN.docx --id ID`: write a plan's data and text files from Word.

The files written pass `minhbach check` as they are: after writing, the project is
checked, and if the import broke it the files are taken back. Doubts are listed, in
Vietnamese, with their table, row and column, for staff to review before publishing.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

import yaml

from ..data.dataset import load_dataset
from ..errors import InvalidProject
from .agency_matching import Proposal
from .document_parts import split_document
from .docx_reader import ImportFailed, read_blocks
from .plan_builder import Context, ImportedPlan, build_plan

_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def targets(root: Path, plan_id: str) -> dict[str, Path]:
    return {"plan": root / "data" / "plans" / f"{plan_id}.yaml",
            "text": root / "content" / "plans" / f"{plan_id}.md",
            "proposals": root / "data" / "organisations" / f"de-xuat-{plan_id}.yaml"}


def run_import(root: Path, source: Path, plan_id: str, force: bool, year: int | None) -> int:
    try:
        imported, written = _import(root, source, plan_id, force, year)
    except ImportFailed as exc:
        print(f"Không nhập được: {exc}", file=sys.stderr)
        return 1
    print(summary(imported, source, [p.relative_to(root).as_posix() for p in written]))
    return 0


def _import(root: Path, source: Path, plan_id: str, force: bool,
            year: int | None) -> tuple[ImportedPlan, list[Path]]:
    if not _ID.match(plan_id) or len(plan_id) > 80:
        raise ImportFailed(f"mã kế hoạch “{plan_id}” chỉ gồm chữ thường không dấu, số và dấu "
                           "gạch nối, bắt đầu bằng mã tỉnh, ví dụ bd-15-kh-ubnd-2024")
    paths = targets(root, plan_id)
    existing = [p.relative_to(root).as_posix() for p in paths.values() if p.exists()]
    if existing and not force:
        raise ImportFailed(f"đã có {', '.join(existing)}; không ghi đè. Thêm --force để ghi đè")
    try:
        data = load_dataset(root)
    except InvalidProject as exc:
        raise ImportFailed("dự án đang có lỗi; chạy minhbach check và sửa trước khi nhập:\n"
                           + str(exc)) from exc
    context = Context(data.organisations, data.provinces, data.areas)
    imported = build_plan(split_document(read_blocks(source)), plan_id, source, context, year)
    return imported, _write_checked(root, paths, imported)


def _write_checked(root: Path, paths: dict[str, Path], imported: ImportedPlan) -> list[Path]:
    """Write the files; if the project no longer passes `check`, put everything back."""
    contents = {"plan": plan_yaml(imported.plan), "text": imported.text,
                "proposals": proposals_yaml(imported) if imported.proposals else None}
    before = {key: p.read_bytes() if p.exists() else None for key, p in paths.items()}
    written = []
    for key, text in contents.items():
        if text is not None:
            paths[key].parent.mkdir(parents=True, exist_ok=True)
            paths[key].write_text(text, encoding="utf-8")
            written.append(paths[key])
    try:
        load_dataset(root)
    except InvalidProject as exc:
        for key, old in before.items():
            if old is None:
                paths[key].unlink(missing_ok=True)
            else:
                paths[key].write_bytes(old)
        raise ImportFailed("tệp nhập ra chưa qua được kiểm tra (lỗi của trình nhập, xin báo lại "
                           "kèm tệp Word); đã hoàn lại như cũ:\n" + str(exc)) from exc
    return written


def _dump(data: Any) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)


def plan_yaml(plan: dict[str, Any]) -> str:
    return ("# Nhập từ Word bằng “minhbach import”. Hãy xem lại các chỗ được liệt kê khi nhập.\n"
            "# Cơ quan ghi như văn bản (lead_text, coordinating_text…); Minh Bạch tự tìm mã cơ "
            "quan theo tên và aliases.\n" + _dump(plan))


def proposals_yaml(imported: ImportedPlan) -> str:
    parts = ["# ĐỀ XUẤT từ “minhbach import”: cơ quan chưa có trong data/organisations/.\n"
             "# CẦN XEM LẠI từng mục: sửa tên, cấp (level), cơ quan cấp trên (parent); nếu thật ra "
             "là một cơ quan đã có,\n# xoá mục ở đây và thêm tên này vào aliases của cơ quan đó.\n"
             + _dump({"province": imported.province, "organisations": []}).replace(" []", "")]
    for proposal in imported.proposals:
        parts.append(_proposal(proposal))
    return "".join(parts)


def _proposal(proposal: Proposal) -> str:
    org = proposal.organisation.model_dump(exclude_defaults=True, mode="json")
    lines = [f"  # CẦN XEM LẠI — gặp tại {proposal.seen_in[0]}"]
    if proposal.suggestions:
        lines.append(f"  # gần giống cơ quan đã có: {', '.join(proposal.suggestions)}")
    body = _dump([org]).splitlines()
    return "\n".join(lines + [f"  {line}" for line in body]) + "\n"


def summary(imported: ImportedPlan, source: Path, written: list[str]) -> str:
    plan = imported.plan
    lines = [f"Đã nhập “{plan['title']}” ({plan['id']}) từ {source.name}:",
             (f"  - {len(plan['sections'])} phần, {imported.tasks} nhiệm vụ, "
             f"{len(plan['indicators'])} chỉ tiêu, {len(plan['legal_basis'])} căn cứ, "
             f"{len(plan['recipients'])} nơi nhận"),
             (f"  - cơ quan: {imported.agency_cells} ô, {len(imported.matched)} cơ quan đã có được "
             f"nhận ra, {len(imported.proposals)} tên mới (đề xuất, cần xem lại)"),
             f"Đã ghi: {', '.join(written)}"]
    if imported.doubts:
        lines.append(f"Cần xem lại ({len(imported.doubts)} chỗ):")
        lines.extend(f"  - {doubt}" for doubt in imported.doubts)
    lines.append("Tiếp theo: xem lại các chỗ trên, rồi chạy “minhbach build” để xuất bản.")
    return "\n".join(lines)
