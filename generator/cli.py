"""The `minhbach` command: check, build and serve a project."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .errors import InvalidProject


def _report(error: InvalidProject) -> int:
    problems = error.problems.sorted()
    for problem in problems:
        print(problem, file=sys.stderr)
    print(f"\nCó {len(problems)} lỗi; chưa dựng trang. Trang đã xuất bản trước đó được giữ nguyên.",
          file=sys.stderr)
    return 1


def _check(args: argparse.Namespace) -> int:
    from .build import check

    _, data = check(args.root)
    tasks = sum(len(p.tasks()) for p in data.plans.values())
    reports = sum(len(r) for r in data.reports.values())
    print(f"Dữ liệu hợp lệ: {len(data.plans)} kế hoạch, {tasks} nhiệm vụ, "
          f"{len(data.organisations)} cơ quan, {reports} báo cáo kết quả.")
    return 0


def _build(args: argparse.Namespace) -> int:
    from .build import build

    output = args.output or args.root / "output"
    build(args.root, output)
    print(f"Đã dựng trang vào {output}")
    return 0


def _serve(args: argparse.Namespace) -> int:
    from .serve import serve

    return serve(args.root, args.output or args.root / "output", args.port, args.bind)


def _schema(args: argparse.Namespace) -> int:
    from .schemas import write_schemas

    for path in write_schemas(args.output):
        print(path)
    return 0


def _import(args: argparse.Namespace) -> int:
    from .importers.import_command import run_import

    return run_import(args.root, args.document, args.id, args.force, args.year)


def _add_import(commands: argparse._SubParsersAction) -> None:
    command = commands.add_parser("import", help="nhập kế hoạch từ tệp Word (.docx, .doc)")
    command.add_argument("document", type=Path, help="tệp Word của kế hoạch")
    command.add_argument("--id", required=True, help="mã kế hoạch, ví dụ bd-15-kh-ubnd-2024")
    command.add_argument("--year", type=int, help="năm của kế hoạch khi văn bản không ghi")
    command.add_argument("--force", action="store_true", help="ghi đè tệp đã có")
    command.set_defaults(run=_import)


def _new(args: argparse.Namespace) -> int:
    from .starting_files import run_new

    return run_new(args)


def _add_new(commands: argparse._SubParsersAction) -> None:
    command = commands.add_parser("new", help="tạo tệp khởi đầu: kế hoạch, báo cáo, tin")
    kinds = command.add_subparsers(dest="kind", required=True)
    plan = kinds.add_parser("plan", help="kế hoạch mới: data/plans/ID.yaml và toàn văn")
    plan.add_argument("id", help="mã kế hoạch, ví dụ bd-15-kh-ubnd-2024")
    report = kinds.add_parser("report", help="báo cáo kết quả một kỳ, liệt kê sẵn mọi nhiệm vụ")
    report.add_argument("plan", help="mã kế hoạch")
    report.add_argument("period", help="mã kỳ, ví dụ 2024-quy-1, 2024-6-thang, 2024-nam")
    post = kinds.add_parser("post", help="tin mới trong content/news/")
    post.add_argument("title", help="tiêu đề tin")
    for sub in (plan, report, post):
        sub.add_argument("--force", action="store_true", help="ghi đè tệp đã có")
    command.set_defaults(run=_new)


def _doc(args: argparse.Namespace) -> int:
    from .phrase_readings import run_doc

    return run_doc(args.kind, args.phrase, args.year if args.kind == "timeline" else None)


def _add_doc(commands: argparse._SubParsersAction) -> None:
    command = commands.add_parser("doc", help="xem Minh Bạch đọc một cụm từ thế nào")
    kinds = command.add_subparsers(dest="kind", required=True)
    timeline = kinds.add_parser("timeline", help="đọc thời gian thực hiện, ví dụ “Quý II/2018”")
    timeline.add_argument("phrase")
    timeline.add_argument("--year", type=int, required=True,
                          help="năm của kế hoạch, dùng khi cụm từ không ghi năm")
    target = kinds.add_parser("target", help="đọc chỉ tiêu, ví dụ “từ 80% trở lên”")
    target.add_argument("phrase")
    command.set_defaults(run=_doc)


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(prog="minhbach", description="Minh Bạch: dựng trang công khai "
                                   "kế hoạch cải cách hành chính từ Markdown và YAML.")
    main.add_argument("--root", type=Path, default=Path.cwd(),
                      help="thư mục dự án (mặc định: thư mục hiện tại)")
    commands = main.add_subparsers(dest="command", required=True)
    commands.add_parser("check", help="kiểm tra dữ liệu, liệt kê mọi lỗi").set_defaults(run=_check)
    build = commands.add_parser("build", help="dựng trang vào output/")
    build.add_argument("--output", type=Path, help="thư mục xuất (mặc định: output/)")
    build.set_defaults(run=_build)
    serve = commands.add_parser("serve", help="xem trước tại máy, tự dựng lại khi lưu tệp")
    serve.add_argument("--output", type=Path)
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--bind", default="127.0.0.1")
    serve.set_defaults(run=_serve)
    schema = commands.add_parser("schema", help="xuất JSON Schema của từng loại tệp dữ liệu")
    schema.add_argument("--output", type=Path, default=Path("docs/schema"))
    schema.set_defaults(run=_schema)
    _add_import(commands)
    _add_new(commands)
    _add_doc(commands)
    return main


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    args.root = args.root.resolve()
    try:
        return args.run(args)
    except InvalidProject as error:
        return _report(error)


if __name__ == "__main__":
    sys.exit(main())
