"""Shared fixtures: a copy of the small fixture site that each test may break."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

FIXTURE_SITE = Path(__file__).parent / "fixtures" / "site"
PROJECT_ROOT = Path(__file__).parent.parent


@pytest.fixture
def site(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    shutil.copytree(FIXTURE_SITE, root)
    shutil.copytree(PROJECT_ROOT / "themes", root / "themes")
    return root


@pytest.fixture
def memo_secret(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Kept results signed with this test's own secret, and none kept in memory after it."""
    from generator.incremental import memo

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "home-cache"))
    memo._secret.cache_clear()
    yield
    memo._secret.cache_clear()
    memo._IN_PROCESS.clear()


def edit(root: Path, name: str, old: str, new: str) -> None:
    """Replace the first `old` of a project's file by `new`."""
    path = root / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture no longer contains {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture(scope="session")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example site shipped with the project, built once per test session."""
    from generator.build import build

    output = tmp_path_factory.mktemp("example") / "output"
    build(PROJECT_ROOT, output)
    return output


def build_leftovers(folder: Path) -> list[str]:
    """Folders builds left beside their output (the page cache is meant to stay)."""
    from generator.incremental.page_cache import CACHE_FOLDER

    return sorted(p.name for p in folder.iterdir()
                  if p.name.startswith(".minhbach-") and p.name != CACHE_FOLDER)


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` by its path relative to it, with its bytes."""
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def without_search(root: Path) -> Path:
    """Turn the search index off in a project's minhbach.toml (Pagefind is slow to build)."""
    config = root / "minhbach.toml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "[site]\n", "[site]\nsearch = false\n", 1), encoding="utf-8")
    return root


def example_copy(root: Path) -> Path:
    """The example project's inputs copied to `root`, to edit and build, search off."""
    for name in ("content", "data", "themes", "minhbach.toml"):
        copy = shutil.copytree if (PROJECT_ROOT / name).is_dir() else shutil.copy
        copy(PROJECT_ROOT / name, root / name)
    return without_search(root)
