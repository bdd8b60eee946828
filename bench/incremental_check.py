"""Random edits, one after another, each followed by an incremental build and a fresh
one: the two sites must be the same bytes (issue 11, item 3).

    .venv/bin/python -u bench/incremental_check.py --edits 30 --seed 1

The tests cover each kind of edit once (tests/test_incremental.py); this script chains
many at random, on a size-S corpus, to find a dependency a page does not name.
Prints each edit, how many pages were reused, and any difference; exits 1 on one.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from corpus import STATUSES, generate

from generator.build import build
from generator.errors import InvalidProject
from generator.phases import Phases

Edit = Callable[[random.Random, Path], str]


def _pick(rng: random.Random, folder: Path, pattern: str) -> Path:
    return rng.choice(sorted(folder.glob(pattern)))


def _replace_line(rng: random.Random, path: Path, line: re.Pattern[str],
                  change: Callable[[re.Match[str]], str]) -> str:
    text = path.read_text(encoding="utf-8")
    matches = list(line.finditer(text))
    if not matches:
        return f"{path.name}: nothing to change"
    m = rng.choice(matches)
    path.write_text(text[:m.start()] + change(m) + text[m.end():], encoding="utf-8")
    return f"{path.name}: {m.group()!r} → {change(m)!r}"


def report_status(rng: random.Random, root: Path) -> str:
    path = _pick(rng, root / "data" / "reports", "*/*.yaml")
    new = rng.choice(STATUSES)
    return _replace_line(rng, path, re.compile(r"(?m)^  status: [a-z-]+$"),
                         lambda m: f"  status: {new}")


def _append(rng: random.Random, path: Path, key: str, words: str) -> str:
    """Add words to a plain (unquoted) `key:` value somewhere in the file."""
    line = re.compile(rf"(?m)^( *){key}: ([^'\"\n].*)$")
    return _replace_line(rng, path, line, lambda m: f"{m[1]}{key}: {m[2]} {words}")


def plan_title(rng: random.Random, root: Path) -> str:
    path = _pick(rng, root / "data" / "plans", "*.yaml")
    return _append(rng, path, "title", f"sửa {rng.randint(1, 99)}")


def organisation_name(rng: random.Random, root: Path) -> str:
    return _append(rng, _pick(rng, root / "data" / "organisations", "*.yaml"), "name", "mới")


def news_title(rng: random.Random, root: Path) -> str:
    return _append(rng, _pick(rng, root / "content" / "news", "*.md"), "title", "– cập nhật")


def plan_text(rng: random.Random, root: Path) -> str:
    path = _pick(rng, root / "content" / "plans", "*.md")
    path.write_text(path.read_text(encoding="utf-8") + f"\nĐoạn thêm {rng.randint(1, 999)}.\n",
                    encoding="utf-8")
    return f"{path.name}: a paragraph added"


def report_removed(rng: random.Random, root: Path) -> str:
    path = _pick(rng, root / "data" / "reports", "*/*.yaml")
    path.unlink()
    return f"{path.parent.name}/{path.name}: removed"


EDITS: list[Edit] = [report_status, report_status, plan_title, organisation_name, news_title,
                     plan_text, report_removed]


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def _restore(root: Path, inputs: dict[str, bytes]) -> None:
    """Put `content/` and `data/` back as they were (an edit the check refused)."""
    for folder in ("content", "data"):
        for name in _files(root / folder).keys() - inputs.keys():
            (root / folder / name).unlink()
    for name, content in inputs.items():
        (root / name).write_bytes(content)


def _inputs(root: Path) -> dict[str, bytes]:
    return {f"{folder}/{name}": content for folder in ("content", "data")
            for name, content in _files(root / folder).items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--edits", type=int, default=30)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as scratch:
        root = generate("S", Path(scratch) / "project")
        config = root / "minhbach.toml"
        config.write_text(config.read_text(encoding="utf-8").replace(
            "[site]\n", "[site]\nsearch = false\n", 1), encoding="utf-8")
        build(root)
        for number in range(1, args.edits + 1):
            before = _inputs(root)
            said = rng.choice(EDITS)(rng, root)
            lines: list[str] = []
            try:
                build(root, phases=Phases(lines.append))
            except InvalidProject as error:  # an edit real staff would have to finish
                print(f"{number}. {said}: refused ({error.problems.sorted()[0]}), undone")
                _restore(root, before)
                continue
            build(root, Path(scratch) / "fresh", fresh=True)
            ours, fresh = _files(root / "output"), _files(Path(scratch) / "fresh")
            differ = sorted(n for n in ours.keys() | fresh.keys() if ours.get(n) != fresh.get(n))
            pages = next(line for line in lines if line.startswith("Dựng trang"))
            print(f"{number}. {said}\n   {pages}\n   {len(differ)} files differ {differ[:5]}",
                  flush=True)
            if differ:
                return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
