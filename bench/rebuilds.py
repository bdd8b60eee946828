"""Incremental rebuilds: one edit to the corpus, `minhbach build` again, and what it cost.

The build prints one line per phase ("Dựng trang: 1.119 trang, 1.049 trang giữ nguyên từ
lần dựng trước (1,8 giây)", generator/phases.py); from them come the pages rendered and
reused, the search phase's time and the time before Pagefind (every phase but search).
The edits are deterministic, and each one changes the file again when repeated.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import yaml
from corpus import dump
from measuring import Run, timed

SEARCH_PHASE = "Lập chỉ mục tìm kiếm"
RENDER_PHASE = "Dựng trang"
_PHASE = re.compile(r"^(?P<name>[^:(]+?)(?:: (?P<detail>.*))? \((?P<seconds>\d+,\d+) giây\)$")
_COUNT = r"(\d[\d.]*)"
# Statuses that need nothing else in the row (khong-thuc-hien needs a reason).
_STATUS_CYCLE = ("hoan-thanh", "dang-thuc-hien", "chua-thuc-hien")


@dataclass(frozen=True)
class Phase:
    name: str
    detail: str
    seconds: float


def phases(output: str) -> list[Phase]:
    found = (_PHASE.match(line) for line in output.splitlines())
    return [Phase(m["name"], m["detail"] or "", float(m["seconds"].replace(",", ".")))
            for m in found if m]


def _number(text: str) -> int:
    return int(text.replace(".", ""))


def counts(line: str, pattern: str) -> list[int]:
    """The numbers of a phase line's detail ("1.119 trang, 1.049 trang …") by `pattern`."""
    found = re.match(pattern, line)
    return [_number(n) if n else 0 for n in found.groups()] if found else []


@dataclass(frozen=True)
class Rebuild:
    edit: str
    search: bool
    run: Run
    pages: int
    reused: int
    search_seconds: float
    before_search: float  # sum of the printed phase times, search excepted
    printed: list[Phase]

    @property
    def rendered(self) -> int:
        return self.pages - self.reused


def measure(project: Path, minhbach: Path, edit: str, search: bool) -> Rebuild:
    run = timed([str(minhbach), "build"], project)
    printed = phases(run.output)
    render = next(p for p in printed if p.name == RENDER_PHASE)
    pages, reused = counts(render.detail, rf"{_COUNT} trang(?:, {_COUNT} trang giữ nguyên)?")
    searched = sum(p.seconds for p in printed if p.name == SEARCH_PHASE)
    return Rebuild(edit, search, run, pages, reused, searched,
                   sum(p.seconds for p in printed) - searched, printed)


def indexed(output: str) -> tuple[int, int]:
    """Pages and row records given to Pagefind, from the search phase's line."""
    line = next(p.detail for p in phases(output) if p.name == SEARCH_PHASE)
    pages, records = counts(line, rf"{_COUNT} trang, {_COUNT} mục")
    return pages, records


def _first(project: Path, folder: str) -> Path:
    return min((project / "data" / folder).rglob("*.yaml"))


def edit_report_status(project: Path) -> None:
    """The first task of the first report moves to the next status of a fixed cycle."""
    path = _first(project, "reports")
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    row = next(r for r in data["tasks"] if r["status"] in _STATUS_CYCLE)
    row["status"] = _STATUS_CYCLE[(_STATUS_CYCLE.index(row["status"]) + 1) % len(_STATUS_CYCLE)]
    dump(path, data)


def edit_task_title(project: Path) -> None:
    """The first task of the first plan gets one more word in its title."""
    path = _first(project, "plans")
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    task = data["sections"][0]["tasks"][0]
    task["title"] = f"{task['title']} (sửa)"
    dump(path, data)


EDITS: dict[str, Callable[[Path], None]] = {
    "nothing touched": lambda project: None,
    "one task status in a report": edit_report_status,
    "one task title in a plan": edit_task_title,
}


def rebuild_all(project: Path, minhbach: Path, search: bool) -> list[Rebuild]:
    """Every edit of EDITS in turn, each followed by an incremental build."""
    results = []
    for name, edit in EDITS.items():
        edit(project)
        results.append(measure(project, minhbach, name, search))
    return results


def _each_phase(printed: list[Phase]) -> str:
    return " + ".join(f"{p.seconds:.1f}" for p in printed if p.name != SEARCH_PHASE)


def report(rebuilds: list[Rebuild]) -> None:
    print("incremental rebuild after…           search   wall     cpu  rendered/reused"
          "  before Pagefind  search phase  (check + derive + render + server files)")
    for r in rebuilds:
        print(f"  {r.edit:<34} {'on ' if r.search else 'off'} {r.run.seconds:6.1f} s "
              f"{r.run.cpu:6.1f} s  {r.rendered:6d}/{r.reused:<6d}  {r.before_search:8.1f} s"
              f"       {r.search_seconds:6.1f} s     ({_each_phase(r.printed)})", flush=True)
