"""`minhbach new`: starting files for a plan, a report or a news post, with Vietnamese comments.

Each file is valid as written (it passes `minhbach check`), claims nothing that staff
have not said, and explains each field where it is to be filled in. A new report lists
every task and indicator of its plan, commented out: staff uncomment the rows they report
and give the status, so a row nobody reported stays "Chưa báo cáo".
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from pathlib import Path

from .data.dataset import load_dataset
from .data.models import Plan, TaskStatus
from .reading.periods import Period, parse_period
from .reading.vietnamese import slugify

_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_YEAR = re.compile(r"(?:^|-)((?:19|20)\d\d)(?:-|$)")


class CannotCreate(Exception):
    """A starting file cannot be written; the message is Vietnamese."""


def run_new(args: argparse.Namespace) -> int:
    """`minhbach new plan|report|post`: write the file, or say in Vietnamese why not."""
    makers = {"plan": lambda: new_plan(args.root, args.id, args.force),
              "report": lambda: new_report(args.root, args.plan, args.period, args.force),
              "post": lambda: new_post(args.root, args.title, args.force)}
    try:
        written = makers[args.kind]()
    except CannotCreate as exc:
        print(f"Không tạo được tệp: {exc}", file=sys.stderr)
        return 1
    for path in written:
        print(f"Đã tạo {path.relative_to(args.root).as_posix()}")
    return 0


def _write(path: Path, text: str, force: bool, root: Path) -> Path:
    if path.exists() and not force:
        raise CannotCreate(f"đã có {path.relative_to(root).as_posix()}; không ghi đè "
                           "(thêm --force để ghi đè)")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


# -- plan ---------------------------------------------------------------------------------

def new_plan(root: Path, plan_id: str, force: bool = False,
             today: dt.date | None = None) -> list[Path]:
    if not _ID.match(plan_id):
        raise CannotCreate(f"mã kế hoạch “{plan_id}” chỉ gồm chữ thường không dấu, số và dấu gạch "
                           "nối, bắt đầu bằng mã tỉnh, ví dụ bd-15-kh-ubnd-2024")
    data = load_dataset(root)
    code = plan_id.split("-", 1)[0]
    issuers = sorted((o for o in data.organisations.values() if o.id.startswith(f"{code}-")),
                     key=lambda o: (o.level != "tinh", o.id))
    if not issuers:
        raise CannotCreate(f"chưa có cơ quan nào mã “{code}-…” trong data/organisations/; thêm "
                           "cơ quan của tỉnh trước, rồi đặt mã kế hoạch bắt đầu bằng mã tỉnh đó")
    year_match = _YEAR.search(plan_id)
    year = int(year_match.group(1)) if year_match else (today or dt.date.today()).year
    data_file = _write(root / "data" / "plans" / f"{plan_id}.yaml",
                       plan_template(plan_id, issuers[0].id, year), force, root)
    text_file = _write(root / "content" / "plans" / f"{plan_id}.md", PLAN_TEXT, force, root)
    return [data_file, text_file]


def plan_template(plan_id: str, issuer: str, year: int) -> str:
    return f"""\
# Kế hoạch mới. Điền theo văn bản; chạy “minhbach check” sau mỗi lần sửa.
# Tài liệu từng trường: docs/data-format.md. Nhập từ Word nhanh hơn: minhbach import KE-HOACH.docx --id {plan_id}
id: {plan_id}               # trùng tên tệp; không đổi sau khi đã xuất bản
number: null                # số hiệu như văn bản, ví dụ "792/KH-UBND"; null khi là dự thảo chưa có số
type: Kế hoạch
title: "Tên kế hoạch (sửa theo văn bản)"
issuer: {issuer}            # mã cơ quan ban hành, trong data/organisations/
place: null                 # nơi ban hành, ví dụ "An Giang"
issued: null                # ngày ban hành, dạng 2024-12-29; null khi chưa có
year: {year}
status: du-thao             # du-thao | con-hieu-luc | het-hieu-luc | chua-xac-dinh
signer:
  name: null                # người ký
  title: null               # ví dụ "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"
legal_basis: []             # căn cứ: - text: "Quyết định số …", number: "…", date: 2023-12-29
recipients: []              # nơi nhận, mỗi nơi một dòng "- …"
indicators: []              # chỉ tiêu, ví dụ:
#  - id: ct-1
#    number: "1"
#    text: "Tỷ lệ hồ sơ giải quyết đúng hạn"
#    target: "đạt 100%"
#    monitoring_text: "Sở Nội vụ"      # ghi tên cơ quan như văn bản; Minh Bạch tự tìm mã
sections: []                # các phần nhiệm vụ, ví dụ:
#  - id: i
#    number: I
#    title: "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH"
#    area: chi-dao-dieu-hanh           # mã lĩnh vực trong data/areas.yaml
#    tasks:
#      - id: i-1
#        number: "1"
#        title: "Ban hành kế hoạch kiểm tra cải cách hành chính"
#        product: "Kế hoạch"
#        lead_text: "Sở Nội vụ"                       # cơ quan chủ trì, như văn bản
#        coordinating_text: "Các sở, ban, ngành"     # cơ quan phối hợp, như văn bản
#        timeline: "Quý I/{year}"                     # thời gian như văn bản
"""


PLAN_TEXT = """\
<!-- Toàn văn kế hoạch (Markdown). Tiêu đề “## I. …” cho mỗi phần, “### 1. …” cho mục nhỏ.
     Liên kết tới kế hoạch khác: [Kế hoạch số …]({plan}<mã-kế-hoạch>). Xoá dòng chú thích này. -->
"""


# -- report -------------------------------------------------------------------------------

def new_report(root: Path, plan_id: str, period_id: str, force: bool = False) -> list[Path]:
    data = load_dataset(root)
    plan = data.plans.get(plan_id)
    if plan is None:
        raise CannotCreate(f"không có kế hoạch “{plan_id}” trong data/plans/")
    try:
        period = parse_period(period_id)
    except ValueError as exc:
        raise CannotCreate(str(exc)) from exc
    if period.year != plan.year:
        raise CannotCreate(f"kỳ {period_id} không thuộc kế hoạch năm {plan.year}; dùng "
                           f"{plan.year}-quy-1, {plan.year}-6-thang, {plan.year}-nam…")
    path = root / "data" / "reports" / plan_id / f"{period_id}.yaml"
    return [_write(path, report_template(plan, period), force, root)]


def report_template(plan: Plan, period: Period) -> str:
    cutoff = period.official_cutoff
    statuses = " | ".join(s.value for s in TaskStatus)
    lines = [
        f"# Báo cáo kết quả {period.phrase} của kế hoạch {plan.number or plan.id}: {plan.title}",
        "# Mỗi nhiệm vụ, chỉ tiêu của kế hoạch được liệt kê sẵn nhưng đang là chú thích (#).",
        "# Với dòng bạn báo cáo: bỏ dấu “# ” ở đầu các dòng của nó và ghi trạng thái/kết quả.",
        "# Dòng để nguyên chú thích hiện là “Chưa báo cáo” trên trang.",
        f"plan: {plan.id}",
        f"period: {period.id}",
        f"title: {_quoted(f'Báo cáo kết quả thực hiện kế hoạch {period.phrase}')}",
        "number: null              # số hiệu báo cáo, ví dụ \"45/BC-UBND\"",
        f"date: {period.end.isoformat()}          # ngày ký báo cáo (sửa)",
        (f"cutoff: {cutoff.isoformat()}        # ngày chốt số liệu; đề xuất theo Nghị định "
        "09/2019/NĐ-CP (ngày 14 tháng cuối kỳ)"),
        f"issuer: {plan.issuer}",
        "tasks:",
        f"  # trạng thái: {statuses}",
        "  # khong-thuc-hien cần “reason”; hoan-thanh có thể ghi “completed: YYYY-MM-DD”",
    ]
    for _, task in plan.tasks():
        label = f"{task.number + '. ' if task.number else ''}{task.title}"
        timeline = f" — thời gian: {task.timeline}" if task.timeline else ""
        lines += [f"  # {_one_line(label)}{timeline}", f"  # - task: {task.id}", "  #   status: "]
    lines.append("indicators:")
    for indicator in plan.indicators:
        target = f" — chỉ tiêu: {indicator.target}" if indicator.target else ""
        lines += [f"  # {_one_line(indicator.text)}{target}",
                  f"  # - indicator: {indicator.id}", "  #   achieved: "]
    return "\n".join(lines) + "\n"


def _one_line(text: str, limit: int = 90) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[:limit - 1] + "…"


# -- news post ----------------------------------------------------------------------------

def new_post(root: Path, title: str, force: bool = False,
             now: dt.datetime | None = None) -> list[Path]:
    title = " ".join(title.split())
    slug = slugify(title)[:60].rstrip("-")
    if not slug:
        raise CannotCreate("tiêu đề tin cần có chữ, ví dụ: minhbach new post \"Ban hành kế hoạch "
                           "cải cách hành chính năm 2025\"")
    moment = now or dt.datetime.now()
    path = root / "content" / "news" / f"{moment:%Y-%m-%d}-{slug}.md"
    text = f"""\
---
title: {_quoted(title)}
date: {moment:%Y-%m-%d %H:%M}          # ngày giờ đăng
# category: "Chương trình - báo cáo"   # chuyên mục (tuỳ chọn)
# plan: ma-ke-hoach                    # kế hoạch mà tin nói tới (tuỳ chọn)
# summary: "Một câu tóm tắt hiện trong danh sách tin"
---
Nội dung tin (Markdown). Liên kết tới kế hoạch: [Kế hoạch số …]({{plan}}<mã-kế-hoạch>).
"""
    return [_write(path, text, force, root)]
