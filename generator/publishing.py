"""Putting a built site in place of the last one, so readers never see a broken site.

Two ways, chosen by the build:

* **swap** — the staging folder holds the whole site; two renames put it in place of
  `output/` (the old site aside, the new one in). A build killed between them left no
  `output/`, so every build first puts a set-aside site back.
* **in place** — the staging folder holds only the files this build wrote; the pages the
  last build left unchanged stay where they are in `output/`. A journal names every file
  to move in and every file to remove before the first one moves; a build killed while
  publishing is finished by the next one (`recover`), so `output/` is never left half old.
  Each file is replaced by a rename, so a reader sees either its old or its new bytes; for
  the few milliseconds of publishing, the site can mix old and new pages.

Files put in `output/` by hand stay there until a build swaps the whole site (`--full`):
an in-place publish removes only what earlier builds published.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import tempfile
import threading
from collections.abc import Iterable
from pathlib import Path

JOURNAL_FORMAT = 1


def inside(name: str) -> bool:
    """A relative path that stays inside the folder it is relative to (string tests: a
    build checks every file of the site's index, 50,000 at size L)."""
    return bool(name) and not name.startswith("/") and "\\" not in name \
        and ".." not in name.split("/")


def _leftovers(output: Path, kind: str) -> list[Path]:
    """Folders beside `output` that builds of it create: kind "build" (staging) or "old",
    and those of versions that did not name the output (".minhbach-build-k3j_9dqz")."""
    prefix = f".minhbach-{kind}-{output.name}-"
    unnamed = re.compile(rf"\A\.minhbach-{kind}-[a-z0-9_]{{8}}\Z")
    return sorted(p for p in output.parent.iterdir()
                  if p.name.startswith(prefix) or unnamed.match(p.name))


def journal_path(output: Path) -> Path:
    return output.parent / f".minhbach-journal-{output.name}.json"


def recover(output: Path) -> None:
    """Finish a publish a killed build began, and remove what killed builds left."""
    if not output.parent.is_dir():
        return
    _finish_journal(output)
    retired = _leftovers(output, "old")
    if not output.exists():
        previous = next((p / "site" for p in retired if (p / "site").is_dir()), None)
        if previous is not None:
            previous.rename(output)
    for folder in retired + _leftovers(output, "build"):
        shutil.rmtree(folder, ignore_errors=True)


def folder_beside(output: Path, kind: str) -> Path:
    """A new folder beside `output`, readable as the umask allows (mkdtemp makes it 0700)."""
    folder = Path(tempfile.mkdtemp(prefix=f".minhbach-{kind}-{output.name}-", dir=output.parent))
    umask = os.umask(0)
    os.umask(umask)
    folder.chmod(0o777 & ~umask)
    return folder


def publish(staging: Path, output: Path, remove_later: bool = False) -> None:
    """Swap the whole new site in with renames.

    With `remove_later` the old site is removed by a thread once the new one is in place
    (a preview shows the page first; at 10,000 pages removing the old tree took seconds).
    A removal cut short is finished by the next build's `recover`.
    """
    retired = None
    if output.exists():
        retired = folder_beside(output, "old")
        output.rename(retired / "site")
    staging.rename(output)
    if retired is None:
        return
    if remove_later:
        threading.Thread(target=shutil.rmtree, args=(retired,), kwargs={"ignore_errors": True},
                         daemon=True).start()
    else:
        shutil.rmtree(retired)


def staged_files(staging: Path) -> list[str]:
    """Every file in `staging`, relative to it."""
    found = []
    for folder, _, files in os.walk(staging):
        base = Path(folder).relative_to(staging)
        found += [(base / name).as_posix() for name in files]
    return sorted(found)


def can_publish_in_place(output: Path, moves: Iterable[str]) -> bool:
    """No file to move in would land where `output/` has a folder, or under a file."""
    for name in moves:
        target = output / name
        if target.is_dir() or any(p.is_file() for p in target.parents if output in p.parents):
            return False
    return True


def publish_in_place(staging: Path, output: Path, moves: list[str], removes: list[str]) -> None:
    """Move the files `moves` names from `staging` into `output` and remove `removes`."""
    journal = journal_path(output)
    partial = journal.with_name(journal.name + ".partial")
    partial.write_text(json.dumps({"format": JOURNAL_FORMAT, "staging": staging.name,
                                   "moves": moves, "removes": removes}), encoding="utf-8")
    os.replace(partial, journal)
    _finish_journal(output)


def _finish_journal(output: Path) -> None:
    """Carry out the journal beside `output`, if any; each step can be done twice."""
    journal = journal_path(output)
    try:
        saved = json.loads(journal.read_text(encoding="utf-8"))
        staging = output.parent / str(saved["staging"])
        moves = [str(name) for name in saved["moves"] if inside(str(name))]
        removes = [str(name) for name in saved["removes"] if inside(str(name))]
    except (OSError, ValueError, KeyError, TypeError):
        journal.unlink(missing_ok=True)  # none, or cut short before it was complete
        return
    if staging.parent != output.parent or not staging.name.startswith(".minhbach-build-") \
            or staging.is_symlink():
        journal.unlink()
        return
    for name in moves:
        source = staging / name
        # A build writes files; a link found here was put by someone else, and would
        # publish what it points to.
        if source.is_file() and not source.is_symlink():
            (output / name).parent.mkdir(parents=True, exist_ok=True)
            os.replace(source, output / name)
    for name in removes:
        with contextlib.suppress(FileNotFoundError):
            (output / name).unlink()
        _remove_empty_parents(output, output / name)
    journal.unlink()
    shutil.rmtree(staging, ignore_errors=True)


def _remove_empty_parents(output: Path, removed: Path) -> None:
    """A folder left empty would be listed by a preview server instead of a 404."""
    for folder in removed.parents:
        if folder == output or output not in folder.parents:
            return
        try:
            folder.rmdir()
        except OSError:
            return
