"""A published site is always whole: atomic publishing, leftovers, children, the search bundle.

Also the last guards on what Pelican itself produced, proven with `check`'s own content
checks switched off: they must hold even where a check has a gap.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator.build import build
from generator.errors import InvalidProject
from generator.publishing import can_publish_in_place, journal_path, publish, recover
from generator.search.pagefind_bundle import verify_bundle
from generator.search.pagefind_client import PagefindError
from generator.site.published_links import unsafe_markup

from .conftest import build_leftovers, snapshot

ROOT = Path(__file__).parent.parent


def _python(code: str, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-c", code, *args], cwd=ROOT, text=True,
                            stdout=subprocess.PIPE)


# Builds `argv[1]` from nothing, dying (as a kill would) between the two renames of publish().
_KILLED_WHILE_SWAPPING = """
import os, sys
from pathlib import Path
from generator.build import build
renames = []
original = Path.rename
def rename(self, target):
    renames.append(self)
    if len(renames) == 2:
        os._exit(9)
    return original(self, target)
Path.rename = rename
build(Path(sys.argv[1]), fresh=True)
"""

# Builds `argv[1]` reusing the last build's pages, dying once the journal is written and
# one changed file is in output/.
_KILLED_WHILE_MOVING = """
import os, sys
from pathlib import Path
from generator import build as pipeline
original_publish, original_replace = pipeline.publish_in_place, os.replace
def replace(source, target):
    replaced.append(target)
    if len(replaced) == 3:
        os._exit(9)
    original_replace(source, target)
def publish_in_place(*args):
    os.replace = replace
    original_publish(*args)
replaced = []
pipeline.publish_in_place = publish_in_place
pipeline.build(Path(sys.argv[1]))
"""


def _break_plan(site: Path) -> None:
    plan = site / "data/plans/tn-10-kh-ubnd-2024.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("year: 2024", "year: 20"),
                    encoding="utf-8")


def test_kill_between_renames_is_recovered_at_next_start(site: Path) -> None:
    build(site)
    before = snapshot(site / "output")
    killed = _python(_KILLED_WHILE_SWAPPING, str(site))
    assert killed.wait(timeout=300) == 9
    assert not (site / "output").exists()  # the window a swap leaves open
    _break_plan(site)
    with pytest.raises(InvalidProject):
        build(site)  # even a build that fails its check puts the last good site back
    assert snapshot(site / "output") == before
    assert not build_leftovers(site)


def test_kill_while_publishing_in_place_is_finished_at_next_start(site: Path,
                                                                   tmp_path: Path) -> None:
    build(site)
    plan = site / "data/plans/tn-10-kh-ubnd-2024.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace(
        "Ban hành kế hoạch kiểm tra cải cách hành chính",
        "Ban hành kế hoạch kiểm tra công vụ"), encoding="utf-8")
    expected = tmp_path / "expected"
    build(site, expected, fresh=True)
    killed = _python(_KILLED_WHILE_MOVING, str(site))
    assert killed.wait(timeout=300) == 9
    assert snapshot(site / "output") != snapshot(expected)  # half published
    assert journal_path(site / "output").exists()
    _break_plan(site)
    with pytest.raises(InvalidProject):
        build(site)  # even a build that fails its check finishes the publish
    assert snapshot(site / "output") == snapshot(expected)
    assert not build_leftovers(site)


def test_stale_staging_folders_are_removed_at_start(site: Path) -> None:
    stale = site / ".minhbach-build-output-x1y2z3"
    (stale / "ke-hoach").mkdir(parents=True)
    (stale / "ke-hoach/index.html").write_bytes(b"x" * 100_000)
    retired = site / ".minhbach-old-output-a1b2c3/site"
    retired.mkdir(parents=True)
    (site / ".minhbach-build-k3j_9dqz/pagefind").mkdir(parents=True)  # named by older versions
    other = site / ".minhbach-build-autre-x1y2z3"  # another output's build: not ours to remove
    other.mkdir()
    build(site)
    assert (site / "output/index.html").exists()
    assert build_leftovers(site) == [other.name]


def test_output_has_the_modes_the_umask_gives(site: Path) -> None:
    old = os.umask(0o022)
    try:
        build(site)
    finally:
        os.umask(old)
    assert (site / "output").stat().st_mode & 0o777 == 0o755


# Starts pagefind the way write_index does (in a worker thread) and waits forever.
_HOLDS_PAGEFIND = """
import asyncio
from concurrent.futures import ThreadPoolExecutor
from generator.search.pagefind_client import pagefind_index
async def main():
    async with pagefind_index({}) as index:
        print(index.process.pid, flush=True)
        await asyncio.sleep(600)
with ThreadPoolExecutor(max_workers=1) as worker:
    worker.submit(asyncio.run, main()).result()
"""


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    return state != "Z"


@pytest.mark.skipif(sys.platform != "linux", reason="the kernel's parent-death signal")
def test_pagefind_ends_with_a_killed_build() -> None:
    holder = _python(_HOLDS_PAGEFIND)
    assert holder.stdout is not None
    pid = int(holder.stdout.readline())
    assert _alive(pid)
    holder.send_signal(signal.SIGKILL)
    holder.wait()
    deadline = time.monotonic() + 30
    while _alive(pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _alive(pid)


def test_a_broken_bundle_is_never_published(site: Path, tmp_path: Path) -> None:
    build(site)
    bundle = site / "output/pagefind"
    verify_bundle(bundle)
    entry = bundle / "pagefind-entry.json"
    whole = entry.read_bytes()
    fragment = next((bundle / "fragment").iterdir())
    for damage in (lambda: entry.write_bytes(b""),
                   lambda: fragment.write_bytes(fragment.read_bytes()[:-9]),
                   lambda: (bundle / "pagefind.js").write_bytes(b"")):
        kept = {p: p.read_bytes() for p in (entry, fragment, bundle / "pagefind.js")}
        damage()
        with pytest.raises(PagefindError, match="chỉ mục tìm kiếm không đầy đủ"):
            verify_bundle(bundle)
        for path, content in kept.items():
            path.write_bytes(content)
    assert entry.read_bytes() == whole
    verify_bundle(bundle)


# Keep one CPU busy, or the disk, until killed: the load under which Pagefind's own
# WriteFiles published an empty pagefind-entry.json (3 bundles in 20 when measured).
_BUSY = "while True:\n    pass\n"
_WRITING = """
import os, sys
while True:
    with open(sys.argv[1], "wb") as f:
        f.write(bytes(16 << 20))
        os.fsync(f.fileno())
"""


def test_bundle_is_whole_and_identical_under_contention(site: Path, tmp_path: Path) -> None:
    hogs = [_python(_BUSY) for _ in range(2 * (os.cpu_count() or 1))]
    hogs.append(_python(_WRITING, str(tmp_path / "ballast")))
    try:
        bundles = []
        for run in range(3):
            output = tmp_path / f"run-{run}"
            build(site, output)
            verify_bundle(output / "pagefind")
            bundles.append(snapshot(output / "pagefind"))
    finally:
        for hog in hogs:
            hog.kill()
            hog.wait()
    assert bundles[0] == bundles[1] == bundles[2]
    entry = json.loads(bundles[0]["pagefind-entry.json"])
    assert entry["languages"]["vi"]["page_count"] > 0


def _without_content_checks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("generator.data.dataset.check_files", lambda *_: None)


@pytest.mark.parametrize(("body", "refusal"), [
    ("[x]({attach}../../../../../../../../etc/hostname)",
     "etc/hostname: tệp nằm ngoài content/files/"),
    ("[a]({index}javascript:x?%0aalert(1))", "liên kết “javascript:http"),
])
def test_what_pelican_made_of_a_marker_is_refused(site: Path, monkeypatch, body: str,
                                                  refusal: str) -> None:
    """With check's content checks off, the guards on Pelican's own results still hold."""
    monkeypatch.setattr("generator.data.dataset.check_files", lambda *_: None)
    (site / "content/news/x.md").write_text(
        f"---\ntitle: Tin\ndate: 2024-03-01\n---\n{body}\n", encoding="utf-8")
    with pytest.raises(InvalidProject, match=refusal):
        build(site)
    assert not (site / "output").exists()
    assert not build_leftovers(site)


def test_markup_scan_reads_every_way_a_script_can_hide(tmp_path: Path) -> None:
    pages = {
        "a.html": '<a href="java\tscript:alert(1)">x</a>',
        "b.html": "<img src=x onerror=alert(1)>",
        "c.html": '<meta http-equiv="Refresh" content="0;url=//x.vn">',
        "d.html": "<a href='&#106;avascript:alert(1)'>x</a>",
        "e.html": '<form action="data:text/html,x"></form>',
        # Attribute names that start right after a quote or a slash, or in capitals.
        "f.html": '<a href="/x/"onclick=alert(1)>x</a>',
        "g.html": "<svg/onload=alert(1)>",
        "h.html": "<A HREF=/x/ ONMOUSEOVER=alert(1)>x</A>",
        "ok.html": ('<a href="/ke-hoach/">k</a><a href="https://x.vn/?a=1&amp;b=2">w</a>'
                    '<a href="mailto:a@x.vn">m</a><a href="#neo">n</a>'),
    }
    for name, text in pages.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    found = {str(p.location).rsplit("/", 1)[1] for p in unsafe_markup(tmp_path).sorted()}
    assert found == {"a.html", "b.html", "c.html", "d.html", "e.html", "f.html", "g.html",
                     "h.html"}


def test_example_site_has_no_unsafe_markup(example_site: Path) -> None:
    assert not unsafe_markup(example_site)


def test_old_site_removed_later_is_gone_after_the_next_recover(tmp_path: Path) -> None:
    """serve publishes and lets a thread remove the old site; whatever the thread has not
    removed yet, the next build's `recover` removes, and never touches the new site."""
    output, staging = tmp_path / "output", tmp_path / "staging"
    output.mkdir()
    (output / "cu.html").write_text("cũ", encoding="utf-8")
    staging.mkdir()
    (staging / "moi.html").write_text("mới", encoding="utf-8")
    publish(staging, output, remove_later=True)
    assert [p.name for p in output.iterdir()] == ["moi.html"]
    recover(output)
    assert not build_leftovers(tmp_path)
    assert (output / "moi.html").read_text(encoding="utf-8") == "mới"


def test_in_place_publishing_refuses_a_file_where_a_folder_is_and_back(tmp_path: Path) -> None:
    output = tmp_path / "output"
    (output / "b").mkdir(parents=True)
    (output / "a").write_text("tệp", encoding="utf-8")
    assert can_publish_in_place(output, ["c/index.html", "a2"])
    assert not can_publish_in_place(output, ["a/index.html"])  # under a file
    assert not can_publish_in_place(output, ["b"])  # over a folder


def test_a_journal_never_moves_a_link_into_the_site(tmp_path: Path) -> None:
    """A journal and a staging folder committed to a repository must not publish a file
    from outside the project."""
    output = tmp_path / "output"
    output.mkdir()
    staging = tmp_path / ".minhbach-build-output-abc123"
    staging.mkdir()
    (staging / "mat-khau.txt").symlink_to("/etc/passwd")
    (staging / "trang.html").write_text("<p>mới</p>", encoding="utf-8")
    journal_path(output).write_text(json.dumps({
        "format": 1, "staging": staging.name, "moves": ["mat-khau.txt", "trang.html", "../x"],
        "removes": []}), encoding="utf-8")
    recover(output)
    assert sorted(p.name for p in output.iterdir()) == ["trang.html"]
    assert not journal_path(output).exists() and not staging.exists()
