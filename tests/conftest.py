"""Shared fixtures: a copy of the small fixture site that each test may break."""

from __future__ import annotations

import shutil
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
