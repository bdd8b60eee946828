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
    serve.add_argument("--output", type=Path, help="thư mục xuất (mặc định: output/)")
    serve.add_argument("--port", type=int, default=8000,
                       help="cổng (mặc định: 8000; 0 = một cổng trống bất kỳ)")
    serve.add_argument("--bind", default="127.0.0.1",
                       help="địa chỉ lắng nghe (mặc định: 127.0.0.1, chỉ máy này xem được)")
    serve.set_defaults(run=_serve)
    schema = commands.add_parser("schema", help="xuất JSON Schema của từng loại tệp dữ liệu")
    schema.add_argument("--output", type=Path, default=Path("docs/schema"))
    schema.set_defaults(run=_schema)
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
