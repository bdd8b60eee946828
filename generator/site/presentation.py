"""What templates may call: Vietnamese formatting filters and URL helpers.

These format values; they never compute domain facts (see `facts`).
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..reading.vietnamese import format_date_long, format_date_short, format_number, format_percent
from . import charts, urls
from .assets import AssetUrls
from .wording import target_reading, validity


def _date_long(value: dt.date | dt.datetime | None) -> str:
    if value is None:
        return ""
    return _day(value.date() if isinstance(value, dt.datetime) else value, long=True)


def _date_short(value: dt.date | dt.datetime | None) -> str:
    if value is None:
        return ""
    return _day(value.date() if isinstance(value, dt.datetime) else value, long=False)


@lru_cache(maxsize=4096)
def _day(day: dt.date, long: bool) -> str:
    # A site prints the same few hundred dates thousands of times (cut-offs, deadlines).
    return format_date_long(day) if long else format_date_short(day)


def _iso(value: dt.date | dt.datetime) -> str:
    return value.isoformat()


FILTERS = {
    "ngay": _date_long,
    "ngay_ngan": _date_short,
    "so": format_number,
    "phan_tram": format_percent,
    "iso": _iso,
    "hieu_luc": validity,
    "muc": target_reading,
}


def globals_for(settings: dict[str, Any]) -> dict[str, Any]:
    return {
        "urls": urls,
        "config": settings["MINHBACH_CONFIG"],
        "charts": charts,  # SVG from numbers; charts.py escapes every text it draws
        "asset_url": AssetUrls(Path(settings["THEME"])),
        # For the shared macros (agency cells): as a global, not from each page's context,
        # they are imported once per environment instead of once per page.
        "facts": settings.get("MINHBACH_FACTS"),
    }
