"""Page-level facts (generator/page_facts.py) as pages show them: descriptions, canonical
and Open Graph tags, sitemap dates from the data, robots.txt, the home page at a glance."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from generator.build import build
from generator.data.dataset import load_dataset
from generator.facts.derive import derive
from generator.facts.page_facts import DESCRIPTION_LIMIT, descriptions, last_changed, plan_outline


@pytest.fixture
def built(site: Path) -> Path:
    build(site, site / "output")
    return site / "output"


def _meta(html: str, attribute: str, name: str) -> str:
    found = re.search(rf'<meta {attribute}="{re.escape(name)}" content="([^"]*)">', html)
    assert found, name
    return found.group(1)


def test_plan_descriptions_and_outline(site: Path) -> None:
    facts = derive(load_dataset(site))
    found = descriptions(facts)
    plan = found["/ke-hoach/tn-10-kh-ubnd-2024/"]
    assert plan.startswith("Kế hoạch 10/KH-UBND của ")
    assert "nhiệm vụ" in plan and "chỉ tiêu" in plan
    assert found["/ke-hoach/tn-20-kh-snn-2024/"].startswith("Kế hoạch (dự thảo) của ")
    assert all(len(text) <= DESCRIPTION_LIMIT for text in found.values())
    outline = plan_outline(facts.plans["tn-10-kh-ubnd-2024"])
    assert outline.tasks == len(facts.plans["tn-10-kh-ubnd-2024"].tasks)
    assert sum(outline.sections.values()) == outline.tasks


def test_dates_come_from_the_data(site: Path) -> None:
    changed = last_changed(derive(load_dataset(site)))
    assert changed["/ke-hoach/tn-10-kh-ubnd-2024/"].isoformat() == "2023-12-29"
    assert "/ke-hoach/tn-20-kh-snn-2024/" not in changed  # a draft without any date


def test_sitemap_lastmod_and_robots(built: Path) -> None:
    sitemap = (built / "sitemap.xml").read_text(encoding="utf-8")
    entries = dict(re.findall(r"<loc>([^<]+)</loc><lastmod>([^<]+)</lastmod>", sitemap))
    assert len(entries) == sitemap.count("<url>")  # every page has a lastmod
    site = "https://thu-nghiem.example"
    assert entries[f"{site}/ke-hoach/tn-10-kh-ubnd-2024/"] == "2023-12-29"
    post = f"{site}/tin-tuc/2024/ban-hanh-ke-hoach-cai-cach-hanh-chinh-nam-2024/"
    assert entries[post] == "2024-01-05"
    assert entries[f"{site}/"] == "2024-02-01"  # the newest date of the whole site
    robots = (built / "robots.txt").read_text(encoding="utf-8")
    assert robots == f"User-agent: *\nAllow: /\nSitemap: {site}/sitemap.xml\n"


def test_pages_carry_canonical_and_sharing_tags(built: Path) -> None:
    html = (built / "ke-hoach/tn-10-kh-ubnd-2024/index.html").read_text(encoding="utf-8")
    url = "https://thu-nghiem.example/ke-hoach/tn-10-kh-ubnd-2024/"
    assert f'<link rel="canonical" href="{url}">' in html
    assert _meta(html, "property", "og:url") == url
    assert _meta(html, "property", "og:description") == _meta(html, "name", "description")
    assert _meta(html, "property", "og:description").startswith("Kế hoạch 10/KH-UBND")
    assert re.fullmatch(r"https://thu-nghiem\.example/theme/img/social\.png\?v=[0-9a-f]+",
                        _meta(html, "property", "og:image"))
    assert _meta(html, "name", "twitter:card") == "summary_large_image"
    post = (built / "tin-tuc/2024/ban-hanh-ke-hoach-cai-cach-hanh-chinh-nam-2024/index.html")
    assert _meta(post.read_text(encoding="utf-8"), "property", "og:type") == "article"
    for image in ("favicon.png", "favicon.svg", "social.png"):
        assert (built / "theme/img" / image).stat().st_size > 100


def test_example_site_pages_mostly_describe_themselves(example_site: Path) -> None:
    found = Counter()
    for page in example_site.rglob("index.html"):
        if page.parent.name == "admin":  # the editor is no page for readers
            continue
        found[_meta(page.read_text(encoding="utf-8"), "name", "description")] += 1
    generic = found.most_common(1)[0][1]
    # Only list pages without their own facts (news archive pages) may share one.
    assert generic <= 3, found.most_common(3)
    assert len(found) >= sum(found.values()) - 3


def test_home_page_shows_each_plans_latest_report(example_site: Path) -> None:
    html = (example_site / "index.html").read_text(encoding="utf-8")
    cards = re.findall(r'<li><a href="(/ke-hoach/[^/]+/bao-cao/[^/]+/)">', html)
    assert cards == ["/ke-hoach/bd-kh-snn-2024/bao-cao/2024-nam/",
                     "/ke-hoach/ag-792-kh-ubnd-2018/bao-cao/2018-nam/"]
    assert "Cơ quan công bố" in html and "Phản ánh, kiến nghị" in html
