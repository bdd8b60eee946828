"""The search index split by year, measured on a generated project: a full build (its search
phase, Pagefind's own peak memory), the search phase after each edit of `rebuilds.EDITS`
(how many shards were indexed again), and the bytes of a first search in Chromium, of the
newest years (what a reader gets first) and of every year (after "Tìm cả các năm trước").

    python bench/corpus.py M /tmp/sb-M
    python bench/search_shards.py /tmp/sb-M

To measure an older commit, put its `generator/` first on PYTHONPATH (bench/RESULTS.md).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import search_bytes
from measuring import timed
from rebuilds import EDITS, SEARCH_PHASE, measure, phases

MINHBACH = Path(sys.executable).parent / "minhbach"


def full_build(project: Path) -> None:
    run = timed([str(MINHBACH), "build", "--full"], project)
    search = next(p for p in phases(run.output) if p.name == SEARCH_PHASE)
    print(f"build --full: {run.seconds:.1f} s wall, {run.cpu:.1f} s CPU, peak {run.peak_mb:.0f} MB"
          f" (largest process), Pagefind's own peak {run.pagefind_mb:.0f} MB; search phase"
          f" {search.seconds:.1f} s: {search.detail}", flush=True)


def edits(project: Path) -> None:
    for name, edit in EDITS.items():
        edit(project)
        rebuild = measure(project, MINHBACH, name, search=True)
        search = next(p for p in rebuild.printed if p.name == SEARCH_PHASE)
        print(f"after {name}: {rebuild.run.seconds:.1f} s wall, {rebuild.run.cpu:.1f} s CPU;"
              f" search phase {search.seconds:.1f} s: {search.detail}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("project", type=Path, help="a generated project (bench/corpus.py)")
    parser.add_argument("--bytes-only", action="store_true", help="measure the built output only")
    args = parser.parse_args()
    project = args.project.resolve()
    if not args.bytes_only:
        full_build(project)
        edits(project)
    output = project / "output"
    search_bytes.report(output)
    if (output / "pagefind" / "minhbach-shards.json").is_file():
        print("the same, every year searched (?cac-nam=tat-ca):")
        search_bytes.report(output, all_years=True)


if __name__ == "__main__":
    main()
