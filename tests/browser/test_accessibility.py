"""WCAG 2.1 AA on representative pages of the example site, in Chromium at a phone and a
desktop viewport: axe-core's WCAG 2.0/2.1 A and AA rules and its landmark rules (axe-core is
the reference rule engine; axe-playwright-python bundles it, so nothing is fetched at run
time, and the pages may load nothing but the test server), plus what axe does not fully
check: one <h1>, lang="vi", a working skip link, named charts and a visible focus ring."""

from __future__ import annotations

from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from .conftest import Problems
from .searching import wait_for_results

pytestmark = pytest.mark.browser

VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# axe's landmark rules are "best practice", not WCAG-tagged, but they are what lets a
# screen-reader user jump around a long plan or report: run them too.
LANDMARK_RULES = ["landmark-one-main", "landmark-unique", "landmark-no-duplicate-banner",
                  "landmark-no-duplicate-contentinfo", "landmark-no-duplicate-main",
                  "landmark-banner-is-top-level", "landmark-contentinfo-is-top-level",
                  "landmark-main-is-top-level", "landmark-complementary-is-top-level", "region"]
SEARCH = "/tim-kiem/?q=cai+cach"

# Pages by kind. "task" and "news-post" are found in the built site (see `resolve`).
PAGES = {
    "home": "/",
    "plans": "/ke-hoach/",
    "plan-an-giang": "/ke-hoach/ag-792-kh-ubnd-2018/",
    "plan-binh-dinh": "/ke-hoach/bd-kh-snn-2024/",
    "report": "/ke-hoach/ag-792-kh-ubnd-2018/bao-cao/2018-6-thang/",
    "task": None,
    "agency": "/co-quan/ag-so-noi-vu/",
    "area": "/linh-vuc/cai-cach-the-che/",
    "progress": "/tien-do/",
    "progress-year": "/tien-do/2018/",
    "open-data": "/du-lieu/",
    "news": "/tin-tuc/",
    "news-post": None,
    "search": SEARCH,
    "not-found": "/404.html",
}
# Pages that must show at least one chart, so the chart check cannot pass on nothing.
WITH_CHARTS = {"plan-an-giang", "plan-binh-dinh", "report", "agency", "progress", "progress-year"}


def _url_of(site: Path, index: Path) -> str:
    return "/" + index.parent.relative_to(site).as_posix() + "/"


def resolve(site: Path, kind: str) -> str:
    """The path of page `kind`: a task history page that has a history table, or a post."""
    if PAGES[kind] is not None:
        return PAGES[kind]
    if kind == "task":
        for index in sorted(site.glob("ke-hoach/*/nhiem-vu/*/index.html")):
            if 'class="rows history"' in index.read_text(encoding="utf-8"):
                return _url_of(site, index)
        pytest.fail("no task page with a history table in the example site")
    posts = sorted(p for p in site.glob("tin-tuc/*/*/index.html") if p.parent.parent.name.isdigit())
    assert posts, "no news post in the example site"
    return _url_of(site, posts[0])


@pytest.fixture(scope="module")
def axe_script() -> str:
    # Read the bundled axe.min.js ourselves: the package's own module reads it in the
    # locale's encoding when imported, and the build sets LOCALE "C" (ASCII) before this runs.
    return (resources.files("axe_playwright_python") / "axe.min.js").read_text(encoding="utf-8")


@pytest.fixture(params=list(VIEWPORTS), ids=list(VIEWPORTS))
def tab(request: pytest.FixtureRequest, browser: Any, problems: Problems,
        example_url: str) -> Iterator[Any]:
    """A page at a phone or desktop viewport that may load nothing but the test server."""
    context = browser.new_context(viewport=VIEWPORTS[request.param])
    outside: list[str] = []

    def only_local(route: Any) -> None:
        if route.request.url.startswith(example_url + "/"):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    context.route("**/*", only_local)
    page = context.new_page()
    problems.watch(page)
    yield page
    context.close()
    assert not outside, f"requests outside the test server: {outside}"
    assert not problems.items, "\n".join(problems.items)


def open_page(page: Any, base: str, path: str) -> None:
    page.goto(base + path)
    if path == SEARCH:  # the results are drawn by search.js: check them, not an empty list
        wait_for_results(page)
        page.wait_for_selector("#search-results > li")


def axe_violations(page: Any, script: str) -> list[dict[str, Any]]:
    """Violations of the WCAG 2.0/2.1 A and AA rules and of the landmark rules."""
    page.evaluate(script)
    found = []
    for run_only in ({"type": "tag", "values": WCAG_TAGS},
                     {"type": "rule", "values": LANDMARK_RULES}):
        results = page.evaluate("options => axe.run(document, options)",
                                {"runOnly": run_only, "resultTypes": ["violations"]})
        found += results["violations"]
    return found


def describe(violations: list[dict[str, Any]], shown: int = 4) -> str:
    """What a developer needs to act: rule, impact, help, URL and the first few elements."""
    lines = []
    for v in violations:
        lines.append(f"- {v['id']} ({v['impact']}): {v['help']} [{len(v['nodes'])} elements]"
                     f"\n    {v['helpUrl']}")
        for node in v["nodes"][:shown]:
            lines.append(f"    {' > '.join(map(str, node['target']))}")
            summary = (node.get("failureSummary") or "").replace("\n", " ")
            if summary:
                lines.append(f"      {summary[:300]}")
        if len(v["nodes"]) > shown:
            lines.append(f"    … and {len(v['nodes']) - shown} more")
    return "\n".join(lines)


@pytest.mark.parametrize("kind", list(PAGES))
def test_no_axe_violations(tab: Any, example_url: str, example_site: Path, axe_script: str,
                           kind: str) -> None:
    path = resolve(example_site, kind)
    open_page(tab, example_url, path)
    violations = axe_violations(tab, axe_script)
    if violations:
        pytest.fail(f"axe found violations on {path}:\n{describe(violations)}", pytrace=False)


_STRUCTURE = """() => {
  const name = svg => {
    const ids = (svg.getAttribute("aria-labelledby") || "").split(/\\s+/).filter(Boolean);
    const labelled = ids.map(id => document.getElementById(id)?.textContent ?? "").join(" ");
    const title = [...svg.children].find(c => c.localName === "title")?.textContent ?? "";
    return (labelled || svg.getAttribute("aria-label") || title).trim();
  };
  const charts = [...document.querySelectorAll('svg[role="img"]')];
  return {
    lang: document.documentElement.getAttribute("lang"),
    h1: [...document.querySelectorAll("h1")].map(h => h.textContent.trim()),
    charts: charts.length,
    unnamed: charts.filter(svg => !name(svg)).map(svg => svg.id || svg.outerHTML.slice(0, 120)),
  };
}"""


@pytest.mark.parametrize("kind", list(PAGES))
def test_page_structure(page: Any, example_url: str, example_site: Path, kind: str) -> None:
    """One <h1>, Vietnamese as the page language, and every chart named for screen readers."""
    path = resolve(example_site, kind)
    open_page(page, example_url, path)
    found = page.evaluate(_STRUCTURE)
    assert found["lang"] == "vi", path
    assert len(found["h1"]) == 1 and found["h1"][0], f"{path}: <h1> elements {found['h1']}"
    assert not found["unnamed"], f"{path}: charts without an accessible name {found['unnamed']}"
    if kind in WITH_CHARTS:
        assert found["charts"] > 0, f"{path} should show charts"


@pytest.mark.parametrize("kind", list(PAGES))
def test_skip_link_moves_focus_to_main(tab: Any, example_url: str, example_site: Path,
                                       kind: str) -> None:
    path = resolve(example_site, kind)
    open_page(tab, example_url, path)
    tab.keyboard.press("Tab")
    first = tab.evaluate("""() => {
      const a = document.activeElement;
      const box = a.getBoundingClientRect();
      return {cls: a.className, href: a.getAttribute("href"),
              visible: box.left >= 0 && box.top >= 0 && box.width > 0 && box.height > 0};
    }""")
    assert first["cls"] == "skip" and first["href"] == "#noi-dung", first
    assert first["visible"], "the focused skip link must be on screen"
    tab.keyboard.press("Enter")
    tab.wait_for_function("document.activeElement.id === 'noi-dung'")
    assert tab.evaluate("document.activeElement.localName") == "main"
    # The next Tab continues inside the main content, not back at the header.
    tab.keyboard.press("Tab")
    assert tab.evaluate("document.getElementById('noi-dung').contains(document.activeElement)")


def _luminance(rgb: tuple[int, int, int]) -> float:
    def channel(c: int) -> float:
        c = c / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = map(channel, rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: tuple[int, int, int], b: tuple[int, int, int]) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_focus_ring_contrasts_with_white(page: Any, example_url: str) -> None:
    """axe does not check focus indicators: on the white page, a focused link must be ringed
    in a colour of at least 3:1 against white (WCAG 1.4.11 non-text contrast)."""
    page.goto(example_url + "/")
    page.focus("main a")
    colours = page.evaluate("""() => {
      const style = getComputedStyle(document.activeElement);
      const rgb = text => (text.match(/rgba?\\(([^)]*)\\)/g) || [])
        .map(c => c.replace(/[^\\d,.]/g, "").split(",").slice(0, 3).map(Number));
      return {outline: style.outlineStyle === "none" ? [] : rgb(style.outlineColor),
              shadow: rgb(style.boxShadow)};
    }""")
    rings = [tuple(c) for c in colours["outline"] + colours["shadow"]]
    assert rings, "a focused link shows no ring"
    best = max(contrast(ring, (255, 255, 255)) for ring in rings)
    assert best >= 3, f"focus ring colours {rings}: best contrast on white {best:.2f}:1"
