"""Running one command and measuring it: wall time, CPU, peak memory, and Pagefind's own peak.

GNU time's peak memory is the largest single process of the tree (Linux reports the
maximum resident set of the command and of each child it waited for, not their sum), so
it cannot say how much of a build's peak is Pagefind's. Pagefind's own high-water mark
(`VmHWM` in /proc) is read while it runs instead: it only grows, so the last reading
before Pagefind exits is its peak, give or take what it allocates in its last 0.1 s.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

WATCHED = "pagefind"
POLL_SECONDS = 0.1


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_mb: float
    cpu: float  # user + system seconds: fairer than wall time on a shared machine
    output: str = ""
    pagefind_mb: float = 0.0


def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # the process ended while we looked
        tree.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    return tree


def _descendants(pid: int) -> list[int]:
    tree, found, todo = _children(), [], [pid]
    while todo:
        for child in tree.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def _high_water_mb(pid: int, name: str) -> float:
    """The peak resident memory of `pid` if it is the program `name`, else 0."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0.0
    fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
    if fields.get("Name", "").strip() != name or "VmHWM" not in fields:
        return 0.0
    return int(fields["VmHWM"].split()[0]) / 1024


def timed(command: list[str], cwd: Path) -> Run:
    """Wall time, peak resident memory and CPU time of one command (GNU time), and its output."""
    report = cwd / ".time"
    process = subprocess.Popen(["/usr/bin/time", "-f", "%e %M %U %S", "-o", str(report), *command],
                               cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    watched: dict[int, float] = {}
    # communicate() in a loop with a timeout drains both pipes while we poll /proc.
    while True:
        try:
            output, errors = process.communicate(timeout=POLL_SECONDS)
            break
        except subprocess.TimeoutExpired:
            for pid in _descendants(process.pid):
                peak = _high_water_mb(pid, WATCHED)
                if peak:
                    watched[pid] = max(peak, watched.get(pid, 0.0))
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{errors[-3000:]}")
    seconds, kilobytes, user, system = report.read_text().split()[-4:]
    report.unlink()
    return Run(float(seconds), int(kilobytes) / 1024, float(user) + float(system), output,
               max(watched.values(), default=0.0))


def best(command: list[str], cwd: Path, repeat: int) -> Run:
    runs = [timed(command, cwd) for _ in range(repeat)]
    return min(runs, key=lambda r: r.seconds)
