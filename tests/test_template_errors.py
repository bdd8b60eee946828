"""A theme template that fails names its file and line, in Vietnamese, and keeps the site."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from generator.build import build
from generator.errors import InvalidProject
from generator.site import page_jobs

PLAN_TEMPLATE = "themes/minhbach/templates/plan.html"
HINT = "hãy chép lại themes/minhbach từ bản đang dùng"


def _break_line(site: Path, template: str, marker: str, added: str) -> int:
    """Append `added` to the first line of `template` holding `marker`; its line number."""
    path = site / template
    lines = path.read_text(encoding="utf-8").split("\n")
    number = next(n for n, line in enumerate(lines) if marker in line)
    lines[number] += added
    path.write_text("\n".join(lines), encoding="utf-8")
    return number + 1


def _only_problem(error: pytest.ExceptionInfo[InvalidProject]) -> str:
    problems = error.value.problems.sorted()
    assert len(problems) == 1
    return str(problems[0])


def test_a_value_an_older_theme_names_is_located(site: Path, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    line = _break_line(site, PLAN_TEMPLATE, "{{ plan.year }}", "{{ paging.url }}")
    monkeypatch.setattr(page_jobs, "MAX_PROCESSES", 1)
    with pytest.raises(InvalidProject) as error:
        build(site, tmp_path / "output")
    problem = _only_problem(error)
    assert problem.startswith(f"{PLAN_TEMPLATE}:{line}:1: mẫu giao diện không dựng được trang /ke-hoach/")
    assert "giá trị trình dựng không cung cấp ('paging' is undefined)" in problem
    assert HINT in problem
    assert not (tmp_path / "output").exists()
    # A render worker sends its failure back pickled.
    assert pickle.loads(pickle.dumps(error.value)).problems == error.value.problems


_FORKED = """
import sys
from pathlib import Path
from generator.build import build
from generator.errors import InvalidProject
from generator.site import page_jobs
page_jobs.MIN_PAGES_PER_PROCESS = 1
try:
    build(Path(sys.argv[1]), Path(sys.argv[2]), jobs=2)
except InvalidProject as error:
    print(*error.problems.sorted(), sep="\\n")
"""


def test_a_failure_in_a_render_worker_comes_back_located(site: Path, tmp_path: Path) -> None:
    line = _break_line(site, PLAN_TEMPLATE, "{{ plan.year }}", "{{ paging.url }}")
    run = subprocess.run([sys.executable, "-c", _FORKED, str(site), str(tmp_path / "output")],
                         capture_output=True, encoding="utf-8", check=True,
                         env={**os.environ, "PYTHONIOENCODING": "utf-8"})
    assert run.stdout.startswith(f"{PLAN_TEMPLATE}:{line}:1: mẫu giao diện"), run.stdout + run.stderr


def test_a_syntax_error_in_a_template_is_located(site: Path, tmp_path: Path) -> None:
    line = _break_line(site, "themes/minhbach/templates/area.html", "{% block content %}",
                       "{% if %}")
    with pytest.raises(InvalidProject) as error:
        build(site, tmp_path / "output")
    assert _only_problem(error).startswith(
        f"themes/minhbach/templates/area.html:{line}:1: mẫu giao diện không dựng được trang: "
        "lỗi cú pháp mẫu")


def test_a_missing_template_is_named(site: Path, tmp_path: Path) -> None:
    (site / "themes/minhbach/templates/area.html").unlink()
    with pytest.raises(InvalidProject) as error:
        build(site, tmp_path / "output")
    assert _only_problem(error).startswith(
        "themes/minhbach/templates/area.html: mẫu giao diện không dựng được trang: "
        "thiếu tệp mẫu “area.html”")
