"""Golden checks: the fixture site's key pages, rendered, compared with committed copies.

A change to templates or derived facts shows here as a readable diff. After checking
the diff is intended, refresh the copies with:

    MINHBACH_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_golden.py
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.build import build

GOLDEN = Path(__file__).parent / "fixtures" / "golden"
PAGES = [
    "index.html",
    "ke-hoach/tn-10-kh-ubnd-2024/index.html",
    "ke-hoach/tn-20-kh-snn-2024/index.html",
    "co-quan/tn-so-noi-vu/index.html",
    "linh-vuc/cai-cach-the-che/index.html",
    "tin-tuc/index.html",
    "feeds/atom.xml",
    "sitemap.xml",
]


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import shutil

    from .conftest import FIXTURE_SITE, PROJECT_ROOT

    root = tmp_path_factory.mktemp("golden") / "site"
    shutil.copytree(FIXTURE_SITE, root)
    shutil.copytree(PROJECT_ROOT / "themes", root / "themes")
    build(root, root / "output")
    return root / "output"


@pytest.mark.parametrize("page", PAGES)
def test_page_matches_golden_copy(rendered: Path, page: str) -> None:
    actual = (rendered / page).read_text(encoding="utf-8")
    golden = GOLDEN / page
    if os.environ.get("MINHBACH_UPDATE_GOLDEN"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(actual, encoding="utf-8")
    assert actual == golden.read_text(encoding="utf-8"), f"{page} differs from {golden}"
