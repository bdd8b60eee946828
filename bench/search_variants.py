"""Variants of the search index, measured: Pagefind's chunk size, and leaving out the row records.

An experiment, not a setting: for each value of `search_index.TARGET_CHUNKS` given, the
project is built again in this process (the incremental cache reuses every page, so
only the search phase runs in earnest), and the bundle's chunk count, its meta file and
the bytes of a first search in Chromium (bench/search_bytes.py) are printed. The chunk
size trades the meta file (which lists the chunks) against the chunks a query loads.
`--no-records` indexes the pages alone, without one record per task and indicator.

    python bench/search_variants.py /tmp/bench-m/project 200 2000 20000
    python bench/search_variants.py /tmp/bench-m/project 20000 --no-records
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import search_bytes
from run import set_search

from generator.build import build
from generator.search import search_index


def _sizes(bundle: Path, pattern: str) -> list[int]:
    return [p.stat().st_size for p in bundle.rglob(pattern)]


def measure(project: Path, target_chunks: int) -> None:
    search_index.TARGET_CHUNKS = target_chunks
    started = time.process_time()
    build(project)
    cpu = time.process_time() - started
    bundle = project / "output" / "pagefind"
    chunks, meta = _sizes(bundle, "*.pf_index"), _sizes(bundle, "*.pf_meta")
    print(f"\nTARGET_CHUNKS {target_chunks}: {len(chunks)} index chunks, mean"
          f" {sum(chunks) / len(chunks) / 1024:.1f} KB, largest {max(chunks) / 1024:.1f} KB;"
          f" meta {sum(meta) / 1024:.1f} KB; build {cpu:.0f} s CPU in this process"
          " (Pagefind's own not counted)", flush=True)
    search_bytes.report(project / "output")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("project", type=Path, help="a project built once already")
    parser.add_argument("targets", nargs="+", type=int)
    parser.add_argument("--no-records", action="store_true", help="index the pages alone")
    args = parser.parse_args()
    if args.no_records:
        search_index.row_records = lambda facts: iter(())
    set_search(args.project, True)
    for target in args.targets:
        measure(args.project.resolve(), target)


if __name__ == "__main__":
    main()
