"""Paged lists in Chromium (issue 11, item 5): pages of a long list meet the same WCAG 2.1 AA
and landmark rules as the rest of the site, and are read without JavaScript.

The example site is built with page limits low enough that its lists run to several pages.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from generator.build import build
from generator.facts import paging

from ..conftest import example_copy
from . import test_accessibility
from .conftest import serve
from .test_accessibility import axe_violations, describe

axe_script = test_accessibility.axe_script  # the fixture, shared

pytestmark = pytest.mark.browser

LOW_LIMITS = {"AREA_ROWS": 8, "AGENCY_ROWS": 3, "PROGRESS_ROWS": 7, "OPEN_DATA_ROWS": 16,
              "PLAN_LIST_ROWS": 2}
PAGED = ["/linh-vuc/cai-cach-the-che/", "/linh-vuc/cai-cach-the-che/trang-2/",
         "/co-quan/hcm-snn/trang-2/", "/tien-do/trang-2/", "/du-lieu/trang-2/",
         "/ke-hoach/trang-3/"]


@pytest.fixture(scope="module")
def paged_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = example_copy(tmp_path_factory.mktemp("paged-example"))
    with pytest.MonkeyPatch.context() as patch:
        for name, value in LOW_LIMITS.items():
            patch.setattr(paging, name, value)
        build(root)
    yield from serve(root / "output")


@pytest.mark.parametrize("path", PAGED)
def test_no_axe_violations_on_pages_of_a_list(page: Any, paged_url: str, axe_script: str,
                                             path: str) -> None:
    page.goto(paged_url + path)
    assert page.locator("nav.pages").count() == 2, "the list should be paged"
    violations = axe_violations(page, axe_script)
    if violations:
        pytest.fail(f"axe found violations on {path}:\n{describe(violations)}", pytrace=False)


def test_pages_are_read_in_turn_without_javascript(page_without_js: Any, paged_url: str) -> None:
    tab = page_without_js
    first = "/linh-vuc/cai-cach-the-che/"
    tab.goto(paged_url + first)
    seen = []
    while True:
        nav = tab.get_by_role("navigation", name="Trang", exact=False).first
        seen.append((tab.title(), nav.locator("p").inner_text(),
                     tab.locator("table.tasks tbody tr").count()))
        following = nav.locator('a[rel="next"]')
        if following.count() == 0:
            break
        following.click()
    assert len(seen) > 2
    assert [title for title, _, _ in seen] == [
        f"Cải cách thể chế — Trang {n} / {len(seen)} — Minh Bạch" for n in range(1, len(seen) + 1)]
    assert seen[0][1].startswith(f"Trang 1 / {len(seen)}: kế hoạch 1–")
    assert all(rows > 0 for _, _, rows in seen)
    tab.get_by_role("link", name="1", exact=True).first.click()
    assert tab.url == paged_url + first
