"""The command line: Vietnamese throughout, global options anywhere, documented exit codes."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import pytest

from generator.cli import EXIT_INVALID, EXIT_OK, EXIT_USAGE, main

PLAN = "data/plans/tn-10-kh-ubnd-2024.yaml"
ENGLISH = ("usage:", "options:", "positional arguments", "the following arguments",
           "invalid choice", "error:", "show this help", "Done: Processed")


def _edit(root: Path, name: str, old: str, new: str) -> None:
    path = root / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    try:
        code = main(argv)
    except SystemExit as stop:
        code = int(stop.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(["--version"], capsys)
    assert code == EXIT_OK
    assert re.fullmatch(r"minhbach \d+\.\d+\.\d+\S*\n", out)


@pytest.mark.parametrize("argv", [["--help"], ["build", "--help"], ["check", "-h"]])
def test_help_is_vietnamese(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(argv, capsys)
    assert code == EXIT_OK
    assert out.startswith("cách dùng: minhbach")
    assert "tùy chọn:" in out and "hiện trợ giúp này rồi thoát" in out
    assert not [word for word in ENGLISH if word in out]


@pytest.mark.parametrize(("argv", "message"), [
    ([], "minhbach: lỗi: thiếu đối số bắt buộc: LỆNH"),
    (["chek"], "lựa chọn không hợp lệ: 'chek' (chọn một trong: 'check', 'build'"),
    (["serve", "--port", "x"], "minhbach serve: lỗi: đối số --port: giá trị không hợp lệ: 'x'"),
    (["check", "--bogus"], "minhbach: lỗi: không hiểu đối số: --bogus"),
    (["-q", "-v", "check"], "đối số -v/--verbose: không dùng cùng với -q/--quiet"),
])
def test_command_line_mistakes_exit_2_in_vietnamese(argv: list[str], message: str,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(argv, capsys)
    assert code == EXIT_USAGE
    assert err.startswith("cách dùng: minhbach")
    assert message in err
    assert not [word for word in ENGLISH if word in err]


def test_argparse_is_left_as_it_was(capsys: pytest.CaptureFixture[str]) -> None:
    _run(["--help"], capsys)
    assert argparse._("usage: ") == "usage: "  # type: ignore[attr-defined]


@pytest.mark.parametrize("where", ["before", "after"])
def test_global_options_before_or_after_the_command(site: Path, where: str,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    options = ["--root", str(site), "-q"]
    argv = options + ["check"] if where == "before" else ["check"] + options
    assert _run(argv, capsys) == (EXIT_OK, "", "")


def test_an_option_after_the_command_does_not_reset_one_before(
        site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(["--root", str(site), "check", "-v"], capsys)
    assert code == EXIT_OK and "2 kế hoạch" in out


def test_debug_flag_is_accepted_everywhere(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(["--debug", "check", "--root", str(site), "-q"], capsys)[0] == EXIT_OK
    assert _run(["check", "--root", str(site), "--debug", "-q"], capsys)[0] == EXIT_OK


def test_build_reports_its_phases_in_vietnamese(site: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(["build", "--root", str(site)], capsys)
    assert code == EXIT_OK
    lines = out.splitlines()
    assert re.fullmatch(r"Kiểm tra dữ liệu: 2 kế hoạch, 5 nhiệm vụ, 4 cơ quan, 0 báo cáo kết quả "
                        r"\(\d+,\d giây\)", lines[0])
    assert any(re.fullmatch(r"Dựng trang: \d+ trang \(\d+,\d giây\)", line) for line in lines)
    assert lines[-1] == f"Đã dựng trang vào {site / 'output'}"
    assert "Done" not in out and "Processed" not in out


def test_quiet_build_prints_nothing(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(["build", "-q", "--root", str(site)], capsys) == (EXIT_OK, "", "")
    assert (site / "output" / "index.html").exists()


def test_warnings_pass_but_fail_with_strict(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _edit(site, PLAN, "timeline: Tháng 8 đến 11/2024", "timeline: Đợt 2")
    code, out, err = _run(["check", "--root", str(site)], capsys)
    assert code == EXIT_OK and "Dữ liệu hợp lệ" in out
    assert f"{PLAN}:65:19: cảnh báo: không đọc được thời gian “Đợt 2”" in err
    assert err.splitlines()[-1] == "0 lỗi, 1 cảnh báo trong 1 tệp"
    code, _, err = _run(["check", "--strict", "--root", str(site)], capsys)
    assert code == EXIT_INVALID
    assert "0 lỗi, 1 cảnh báo trong 1 tệp" in err
    assert _run(["build", "--strict", "--root", str(site)], capsys)[0] == EXIT_INVALID
    assert not (site / "output").exists()


def test_errors_and_warnings_in_one_run_with_a_summary(site: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    _edit(site, PLAN, "area: cai-cach-the-che", "area: the-che")
    _edit(site, PLAN, "issued: 2023-12-29", "issued: 2023-02-30")
    _edit(site, PLAN, "timeline: Tháng 8 đến 11/2024", "timeline: Đợt 2")
    _edit(site, "data/areas.yaml", "order: 1", "order: một")
    code, _, err = _run(["check", "--root", str(site)], capsys)
    assert code == EXIT_INVALID
    lines = err.splitlines()
    assert sum("cảnh báo:" in line for line in lines) == 1
    assert "3 lỗi, 1 cảnh báo trong 2 tệp" in lines


def test_verbose_build_keeps_pelicans_own_report(site: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(["build", "-v", "--root", str(site)], capsys)
    assert code == EXIT_OK
    assert "Done: Processed" in out and "Dựng trang:" in out


@pytest.mark.parametrize("jobs", ["0", "-1", "hai"])
def test_build_jobs_must_be_a_positive_number(site: Path, jobs: str,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["--root", str(site), "build", "--jobs", jobs])
    assert stopped.value.code == EXIT_USAGE
    assert f"cần một số nguyên dương, không phải “{jobs}”" in capsys.readouterr().err
    assert not (site / "output").exists()


def test_build_with_one_job_builds(site: Path) -> None:
    assert main(["--root", str(site), "-q", "build", "--jobs", "1"]) == EXIT_OK
    assert (site / "output" / "index.html").exists()
