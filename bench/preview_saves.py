"""What a save costs in the preview: builds one after another in one process, as
`minhbach serve` runs them, after the edits of `rebuilds.EDITS`.

The first build is the preview starting (it reuses the pages `output/` already has); each
later one follows one edit and is given the facts of the one before, as `serve` does.
Prints the wall time of each build and of each phase, and the time outside the phases
(publishing and saving the page index).

    .venv/bin/python bench/preview_saves.py /tmp/M [--rounds 2]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from rebuilds import EDITS

from generator.build import build
from generator.facts.derive import Facts
from generator.phases import Phases


def timed_build(project: Path, previous: Facts | None) -> tuple[Facts, float, list[str]]:
    said: list[str] = []
    started = time.perf_counter()
    facts = build(project, phases=Phases(said.append), remove_later=True, previous=previous)
    return facts, time.perf_counter() - started, said


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("project", type=Path)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    facts, seconds, said = timed_build(args.project, None)
    print(f"preview starts: {seconds:.2f} s  ({'; '.join(said)})", flush=True)
    for round_ in range(args.rounds):
        for name, edit in EDITS.items():
            edit(args.project)
            facts, seconds, said = timed_build(args.project, facts)
            print(f"round {round_ + 1}, {name}: {seconds:.2f} s  ({'; '.join(said)})",
                  flush=True)


if __name__ == "__main__":
    main()
