"""The `minhbach` command: check, build, serve and schema, in Vietnamese.

Global options (`--root`, `-q`, `-v`, `--debug`) are accepted before or after the
subcommand. Adding a subcommand is one small function that calls `Commands.add` and adds
its own options; list it in `SUBCOMMANDS`.

Exit codes: 0 success; 1 the data has errors (or warnings, with `--strict`), nothing was
published; 2 the command line itself is wrong.
"""

from __future__ import annotations

import argparse
import gc
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from .argparse_vi import vietnamese_argparse
from .errors import InvalidProject, Problem, summary
from .failures import describe, details

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2

Run = Callable[[argparse.Namespace], int]


def _say(args: argparse.Namespace) -> Callable[[str], None] | None:
    return None if args.quiet else print


def _print_problems(found: list[Problem]) -> None:
    problems = sorted(set(found))
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"\n{summary(problems)}", file=sys.stderr)


def _report(error: InvalidProject) -> int:
    _print_problems(error.problems.items + error.warnings.items)
    reason = "có lỗi" if error.problems else "có cảnh báo (--strict)"
    print(f"Dữ liệu {reason}: chưa dựng trang. Trang đã xuất bản trước đó được giữ nguyên.",
          file=sys.stderr)
    return EXIT_INVALID


def _check(args: argparse.Namespace) -> int:
    from .build import check
    from .phases import describe_dataset

    _, data = check(args.root, args.strict)
    _print_problems(data.warnings.items)
    if not args.quiet:
        print(f"Dữ liệu hợp lệ: {describe_dataset(data)}.")
    return EXIT_OK


def _build(args: argparse.Namespace) -> int:
    from .build import build
    from .phases import Phases

    output = args.output or args.root / "output"
    facts = build(args.root, output, Phases(_say(args)), args.strict, args.full, args.jobs)
    _print_problems(facts.data.warnings.items)
    if not args.quiet:
        print(f"Đã dựng trang vào {output}")
    return EXIT_OK


def _serve(args: argparse.Namespace) -> int:
    from .serve import serve

    return serve(args.root, args.output or args.root / "output", args.port, args.bind)


def _schema(args: argparse.Namespace) -> int:
    from .opendata.schemas import write_schemas

    for path in write_schemas(args.output):
        if not args.quiet:
            print(path)
    return EXIT_OK


class Commands:
    """Where subcommands are added; each one also takes the global options."""

    def __init__(self, main: argparse.ArgumentParser, shared: argparse.ArgumentParser) -> None:
        self._commands = main.add_subparsers(dest="command", required=True, title="lệnh",
                                             metavar="LỆNH")
        self._shared = shared

    def add(self, name: str, help: str, run: Run) -> argparse.ArgumentParser:
        command = self._commands.add_parser(name, help=help, description=help,
                                            parents=[self._shared])
        command.set_defaults(run=run)
        return command


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"cần một số nguyên dương, không phải “{text}”")
    return int(text)


def _strict(command: argparse.ArgumentParser) -> None:
    command.add_argument("--strict", action="store_true",
                         help="coi cảnh báo là lỗi (mã thoát 1); CI dùng tùy chọn này")


def _check_command(commands: Commands) -> None:
    _strict(commands.add("check", "kiểm tra dữ liệu, liệt kê mọi lỗi và cảnh báo", _check))


def _build_command(commands: Commands) -> None:
    build = commands.add("build", "kiểm tra rồi dựng trang vào output/", _build)
    build.add_argument("--output", type=Path, metavar="THƯ_MỤC",
                       help="thư mục xuất (mặc định: output/)")
    build.add_argument("--full", action="store_true",
                       help="dựng lại mọi trang, không dùng lại trang của lần dựng trước")
    build.add_argument("--jobs", type=_positive, metavar="SỐ",
                       help="số tiến trình dựng trang cùng lúc (mặc định: số nhân CPU)")
    _strict(build)


def _serve_command(commands: Commands) -> None:
    serve = commands.add("serve", "xem trước tại máy, tự dựng lại khi lưu tệp", _serve)
    serve.add_argument("--output", type=Path, metavar="THƯ_MỤC",
                       help="thư mục xuất (mặc định: output/)")
    serve.add_argument("--port", type=int, default=8000, metavar="CỔNG",
                       help="cổng (mặc định: 8000; 0 = một cổng trống bất kỳ)")
    serve.add_argument("--bind", default="127.0.0.1", metavar="ĐỊA_CHỈ",
                       help="địa chỉ lắng nghe (mặc định: 127.0.0.1, chỉ máy này xem được)")


def _schema_command(commands: Commands) -> None:
    schema = commands.add("schema", "xuất JSON Schema của từng loại tệp dữ liệu", _schema)
    schema.add_argument("--output", type=Path, default=Path("docs/schema"), metavar="THƯ_MỤC",
                        help="thư mục xuất (mặc định: docs/schema)")


def _global_options(parser: argparse.ArgumentParser, *, defaults: bool) -> None:
    """The options every command takes; after a subcommand they must not reset the defaults."""
    def default(value: object) -> object:
        return value if defaults else argparse.SUPPRESS

    parser.add_argument("--root", type=Path, default=default(Path.cwd()), metavar="THƯ_MỤC",
                        help="thư mục dự án (mặc định: thư mục hiện tại)")
    talk = parser.add_mutually_exclusive_group()
    talk.add_argument("-q", "--quiet", action="store_true", default=default(False),
                      help="chỉ in lỗi và cảnh báo")
    talk.add_argument("-v", "--verbose", action="store_true", default=default(False),
                      help="in thêm chi tiết, kể cả nhật ký của Pelican")
    parser.add_argument("--debug", action="store_true", default=default(False),
                        help="in đầy đủ dấu vết (traceback) khi gặp lỗi ngoài dự kiến")


def _version() -> str:
    try:
        return version("minhbach")
    except PackageNotFoundError:  # run from a source tree that was never installed
        return "không rõ"


def _import(args: argparse.Namespace) -> int:
    from .importers.import_command import run_import

    return run_import(args.root, args.document, args.id, args.force, args.year)


def _import_command(commands: Commands) -> None:
    command = commands.add("import", "nhập kế hoạch từ tệp Word (.docx, .doc)", _import)
    command.add_argument("document", type=Path, metavar="TỆP", help="tệp Word của kế hoạch")
    command.add_argument("--id", required=True, metavar="MÃ",
                         help="mã kế hoạch, ví dụ bd-15-kh-ubnd-2024")
    command.add_argument("--year", type=int, metavar="NĂM",
                         help="năm của kế hoạch khi văn bản không ghi")
    command.add_argument("--force", action="store_true", help="ghi đè tệp đã có")


def _new(args: argparse.Namespace) -> int:
    from .starting_files import run_new

    return run_new(args)


def _new_command(commands: Commands) -> None:
    command = commands.add("new", "tạo tệp khởi đầu: kế hoạch, báo cáo, tin", _new)
    kinds = command.add_subparsers(dest="kind", required=True, title="loại tệp", metavar="LOẠI")
    plan = kinds.add_parser("plan", help="kế hoạch mới: data/plans/ID.yaml và toàn văn")
    plan.add_argument("id", metavar="MÃ", help="mã kế hoạch, ví dụ bd-15-kh-ubnd-2024")
    report = kinds.add_parser("report", help="báo cáo kết quả một kỳ, liệt kê sẵn mọi nhiệm vụ")
    report.add_argument("plan", metavar="KẾ_HOẠCH", help="mã kế hoạch")
    report.add_argument("period", metavar="KỲ",
                        help="mã kỳ, ví dụ 2024-quy-1, 2024-6-thang, 2024-nam")
    post = kinds.add_parser("post", help="tin mới trong content/news/")
    post.add_argument("title", metavar="TIÊU_ĐỀ", help="tiêu đề tin")
    for sub in (plan, report, post):
        sub.add_argument("--force", action="store_true", help="ghi đè tệp đã có")


def _doc(args: argparse.Namespace) -> int:
    from .phrase_readings import run_doc

    return run_doc(args.kind, args.phrase, args.year if args.kind == "timeline" else None)


def _doc_command(commands: Commands) -> None:
    command = commands.add("doc", "xem Minh Bạch đọc một cụm từ thế nào", _doc)
    kinds = command.add_subparsers(dest="kind", required=True, title="loại cụm từ",
                                   metavar="LOẠI")
    timeline = kinds.add_parser("timeline", help="đọc thời gian thực hiện, ví dụ “Quý II/2018”")
    timeline.add_argument("phrase", metavar="CỤM_TỪ")
    timeline.add_argument("--year", type=int, required=True, metavar="NĂM",
                          help="năm của kế hoạch, dùng khi cụm từ không ghi năm")
    target = kinds.add_parser("target", help="đọc chỉ tiêu, ví dụ “từ 80% trở lên”")
    target.add_argument("phrase", metavar="CỤM_TỪ")


SUBCOMMANDS: tuple[Callable[[Commands], None], ...] = (
    _check_command, _build_command, _serve_command, _schema_command, _import_command,
    _new_command, _doc_command)


def parser() -> argparse.ArgumentParser:
    with vietnamese_argparse():
        main = argparse.ArgumentParser(
            prog="minhbach", description="Minh Bạch: dựng trang công khai kế hoạch cải cách "
            "hành chính từ Markdown và YAML.", epilog="Mã thoát: 0 thành công; 1 dữ liệu có lỗi "
            "(hoặc cảnh báo, với --strict); 2 dòng lệnh sai.")
        main.add_argument("--version", action="version", version=f"minhbach {_version()}",
                          help="in phiên bản rồi thoát")
        _global_options(main, defaults=True)
        shared = argparse.ArgumentParser(add_help=False)
        _global_options(shared, defaults=False)
        commands = Commands(main, shared)
        for add in SUBCOMMANDS:
            add(commands)
    return main


@contextmanager
def _pelican_console(verbose: bool) -> Iterator[None]:
    """Pelican prints English progress ("Done: Processed…"); ours replaces it unless -v."""
    from pelican.log import console

    quiet = console.quiet
    console.quiet = not verbose
    try:
        yield
    finally:
        console.quiet = quiet


def main(argv: list[str] | None = None) -> int:
    command_line = parser()
    with vietnamese_argparse():
        args = command_line.parse_args(argv)
    args.root = args.root.resolve()
    try:
        with _pelican_console(args.verbose):
            return int(args.run(args))
    except InvalidProject as error:
        return _report(error)
    except Exception as error:  # noqa: BLE001 - staff get one Vietnamese line, not a traceback
        print(details(error) if args.debug else describe(error), file=sys.stderr)
        return EXIT_INVALID
    finally:
        if argv is None:
            # The program ends next: the interpreter's last full collection would walk all
            # a check or a build loaded (3.5 s at size L); it skips frozen objects.
            gc.freeze()


if __name__ == "__main__":
    sys.exit(main())
