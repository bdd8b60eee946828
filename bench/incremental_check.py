"""Random edits, one after another, each followed by an incremental build and a fresh
one: the two sites must be the same bytes (issue 11, item 3).

    .venv/bin/python -u bench/incremental_check.py --edits 30 --seed 1 [--short-pages]

The tests cover each kind of edit once (tests/test_incremental.py); this script chains
many at random, on a size-S corpus, to find a dependency a page does not name. With
`--short-pages`, long lists are split into pages of a few plans each (as at size L),
so that edits move plans between the pages of agency, area, progress and data lists.
Prints each edit, how many pages were reused, and any difference; exits 1 on one.
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from corpus import STATUSES, generate

from generator.build import build
from generator.errors import InvalidProject
from generator.facts import paging
from generator.phases import Phases

Edit = Callable[[random.Random, Path], str]

# Page limits (weights, see `generator.facts.paging`) that split the S corpus's lists.
SHORT_PAGES = {"AREA_ROWS": 40, "AGENCY_ROWS": 30, "PROGRESS_ROWS": 10, "OPEN_DATA_ROWS": 40,
               "PLAN_LIST_ROWS": 8}


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


def tasks_added(rng: random.Random, root: Path) -> str:
    """Tasks added to a section, led by the plan's first lead: the plan weighs more in
    its agencies' and areas' lists."""
    path = _pick(rng, root / "data" / "plans", "*.yaml")
    text = path.read_text(encoding="utf-8")
    lead = re.search(r"(?m)^    lead:\n    - (\S+)$", text)
    count = rng.randint(1, 20)
    added = "".join(f"  - id: nv-them-{rng.randint(1, 10**6)}\n    title: Nhiệm vụ thêm {n}\n"
                    f"    lead:\n    - {lead[1]}\n" for n in range(count)) if lead else ""
    path.write_text(text.replace("  tasks:\n", "  tasks:\n" + added, 1), encoding="utf-8")
    return f"{path.name}: {count if lead else 0} tasks added"


def plan_copied(rng: random.Random, root: Path) -> str:
    """A new plan (another's copy under a new id): rows move down the lists."""
    source = _pick(rng, root / "data" / "plans", "*.yaml")
    new_id = f"{source.stem}-sao-{rng.randint(1, 999)}"
    source.with_name(f"{new_id}.yaml").write_text(
        re.sub(r"(?m)^id: .+$", f"id: {new_id}", source.read_text(encoding="utf-8")),
        encoding="utf-8")
    return f"{source.name}: copied as {new_id}"


def plan_removed(rng: random.Random, root: Path) -> str:
    """A plan removed with its reports and text, and the news that named it unlinked."""
    path = _pick(rng, root / "data" / "plans", "*.yaml")
    path.unlink()
    shutil.rmtree(root / "data" / "reports" / path.stem, ignore_errors=True)
    (root / "content" / "plans" / f"{path.stem}.md").unlink(missing_ok=True)
    for news in (root / "content" / "news").glob("*.md"):
        text = news.read_text(encoding="utf-8")
        news.write_text(text.replace(f"plan: {path.stem}\n", ""), encoding="utf-8")
    return f"{path.name}: removed"


EDITS: list[Edit] = [report_status, report_status, plan_title, organisation_name, news_title,
                     plan_text, report_removed, tasks_added, plan_copied, plan_removed]


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def _restore(root: Path, inputs: dict[str, bytes]) -> None:
    """Put `content/` and `data/` back as they were (an edit the check refused)."""
    for folder in ("content", "data"):
        for name in _files(root / folder).keys() - inputs.keys():
            (root / folder / name).unlink()
    for name, content in inputs.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)  # a removed plan's reports
        (root / name).write_bytes(content)


def _inputs(root: Path) -> dict[str, bytes]:
    return {f"{folder}/{name}": content for folder in ("content", "data")
            for name, content in _files(root / folder).items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--edits", type=int, default=30)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--short-pages", action="store_true",
                        help="split every long list into pages of a few plans")
    args = parser.parse_args()
    if args.short_pages:
        for name, value in SHORT_PAGES.items():
            setattr(paging, name, value)
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
