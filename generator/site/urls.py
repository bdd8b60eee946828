"""The site's URL scheme, in one place: every page's ASCII path from its ids.

URLs are root-relative ("/ke-hoach/…/") so that the same output works on any
host and under `minhbach serve`; `save_as` gives the file each URL is written to.
"""

from __future__ import annotations

import re

# Staff link to a plan from Markdown as `[text]({plan}<plan-id>)`.
PLAN_LINK = re.compile(r"\{plan\}([a-z0-9-]+)")


def save_as(url: str) -> str:
    """The output file for a URL: folders get an index.html."""
    path = url.lstrip("/")
    return path + "index.html" if path == "" or path.endswith("/") else path


HOME = "/"
PLANS = "/ke-hoach/"
AGENCIES = "/co-quan/"
AREAS = "/linh-vuc/"
NEWS = "/tin-tuc/"
PROGRESS = "/tien-do/"
SEARCH = "/tim-kiem/"
# The browser editor (Decap CMS), added to the site by the build after the pages.
ADMIN = "/admin/"
OPEN_DATA = "/du-lieu/"
FEED = "/feeds/atom.xml"


def plan_url(plan_id: str) -> str:
    return f"{PLANS}{plan_id}/"


def task_url(plan_id: str, task_id: str) -> str:
    return f"{plan_url(plan_id)}nhiem-vu/{task_id}/"


def task_anchor(task_id: str) -> str:
    return f"nhiem-vu-{task_id}"


def indicator_anchor(indicator_id: str) -> str:
    return f"chi-tieu-{indicator_id}"


def agency_url(org_id: str) -> str:
    return f"{AGENCIES}{org_id}/"


def area_url(area_id: str) -> str:
    return f"{AREAS}{area_id}/"


def report_url(plan_id: str, period_id: str) -> str:
    return f"{plan_url(plan_id)}bao-cao/{period_id}/"


def progress_year_url(year: int) -> str:
    return f"{PROGRESS}{year}/"


def data_url(plan_id: str, name: str) -> str:
    return f"{OPEN_DATA}{plan_id}/{name}"


def open_data_url(name: str) -> str:
    """Site-wide open-data files (catalogue, schemas, all plans): /du-lieu/<name>."""
    return f"{OPEN_DATA}{name}"


def paged_url(url: str, number: int) -> str:
    """Page `number` of a list that starts at `url`: /co-quan/x/, /co-quan/x/trang-2/, …
    (the pattern of the news archive's pages)."""
    return url if number == 1 else f"{url}trang-{number}/"
