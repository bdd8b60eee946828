"""The preview in real Chromium: a save reloads the open page; a broken file shows its errors
in the page, and fixing it makes them go — without the reader touching the browser."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from ..preview import LIMIT, preview
from ..test_serve import BROKEN_AT, PLAN
from .conftest import Problems

pytestmark = pytest.mark.browser
TIMEOUT_MS = LIMIT * 1000
EVENTS = "/__minhbach/events"


@pytest.fixture
def problems() -> Problems:
    """A reload cuts the page's event stream: that is how reloading works, not a failure."""
    return Problems(cut_on_purpose=(EVENTS,))


def test_page_reloads_after_save_and_shows_errors_until_fixed(site: Path, page: Any) -> None:
    plan = site / PLAN
    text = plan.read_text(encoding="utf-8")
    with preview(site) as server:
        server.wait_for_build()
        page.goto(f"{server.base}/ke-hoach/tn-10-kh-ubnd-2024/")
        heading = page.locator("h1")
        heading.filter(has_text="Thử Nghiệm năm 2024").wait_for(timeout=TIMEOUT_MS)

        plan.write_text(text.replace("tỉnh Thử Nghiệm năm 2024", "tỉnh Thử Nghiệm năm 2024 (sửa)"),
                        encoding="utf-8")
        heading.filter(has_text="năm 2024 (sửa)").wait_for(timeout=TIMEOUT_MS)

        plan.write_text(text.replace("area: cai-cach-the-che", "area: khong-co"), encoding="utf-8")
        box = page.locator("#minhbach-loi")
        box.wait_for(timeout=TIMEOUT_MS)
        assert BROKEN_AT in box.inner_text()
        assert "không tìm thấy lĩnh vực “khong-co”" in box.inner_text()
        assert box.is_visible()
        assert heading.inner_text(), "the last good page stays under the error box"

        plan.write_text(text, encoding="utf-8")
        box.wait_for(state="detached", timeout=TIMEOUT_MS)
        heading.filter(has_text="Thử Nghiệm năm 2024").wait_for(timeout=TIMEOUT_MS)
        assert "(sửa)" not in heading.inner_text()
        # Leave the page before the preview stops: Chromium fetches the favicon after a
        # reload's load event, and a server gone mid-fetch is the test's doing, not a fault.
        page.goto("about:blank")
