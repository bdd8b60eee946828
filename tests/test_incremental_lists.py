"""Incremental builds of long lists (issue 11, item 3): a page of a paged list reads the
plans it shows and what it prints of the whole list, not every plan of the list.

The size-S corpus is built with the low page limits of `test_paging`, so agency, area,
progress, open-data and plan-list pages all run to several pages. Each test edits a copy,
rebuilds it (`test_incremental.rebuild` compares the result with a fresh build, byte for
byte) and reads which pages were rendered again from the page cache's index: a page
whose key changed was rendered, one whose key stayed was left as it was.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from bench.corpus import generate
from generator.build import build
from generator.data.dataset import load_dataset
from generator.facts import paging
from generator.facts.derive import derive
from generator.incremental.page_cache import cache_index
from generator.incremental.shown import shown_unit
from generator.site.pages import _year_weight
from tests.conftest import without_search
from tests.test_incremental import rebuild
from tests.test_paging import _RANGE, LOW_LIMITS

_LATER = re.compile(r"/trang-\d+/index\.html$")


@pytest.fixture
def low_limits() -> Iterator[None]:
    with pytest.MonkeyPatch.context() as patch:
        for name, value in LOW_LIMITS.items():
            patch.setattr(paging, name, value)
        yield


@pytest.fixture(scope="module")
def built_lists(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = without_search(generate("S", tmp_path_factory.mktemp("lists") / "project"))
    with pytest.MonkeyPatch.context() as patch:
        for name, value in LOW_LIMITS.items():
            patch.setattr(paging, name, value)
        build(root)
    return root


@pytest.fixture
def project(built_lists: Path, tmp_path: Path, low_limits: None) -> Path:
    return Path(shutil.copytree(built_lists, tmp_path / "project", symlinks=True))


def _keys(project: Path) -> dict[str, str]:
    index = json.loads(cache_index(project / "output").read_text(encoding="utf-8"))
    return {name: key for name, (key, _) in index["pages"].items()}


def _rendered(project: Path, tmp_path: Path) -> set[str]:
    """Rebuild (equal to a fresh build, see `rebuild`) and name the pages rendered again."""
    before = _keys(project)
    rebuild(project, tmp_path)
    return {name for name, key in _keys(project).items() if before.get(name) != key}


def _later_pages(project: Path, folder: str) -> dict[str, str]:
    """The second and later pages of the lists under `folder`, by name, with their HTML."""
    output = project / "output"
    return {p.relative_to(output).as_posix(): p.read_text(encoding="utf-8")
            for p in sorted((output / folder).rglob("index.html"))
            if _LATER.search(p.relative_to(output).as_posix())}


def _layout(project: Path) -> dict[str, str]:
    """Every paged list's "Trang n / N: kế hoạch a–b trong số t", page by page."""
    output = project / "output"
    found = {}
    for page in output.rglob("index.html"):
        said = _RANGE.search(page.read_text(encoding="utf-8"))
        if said:
            found[page.relative_to(output).as_posix()] = said[0]
    return found


_PLAN = "ag-16-kh-2022"  # in many agencies' and areas' lists, with a year report


def _shows_plan(html: str, plan_id: str = _PLAN) -> bool:
    return f'href="/ke-hoach/{plan_id}/"' in html


def _status_in_latest_report(project: Path, plan_id: str = _PLAN) -> None:
    report = project / "data" / "reports" / plan_id / "2022-nam.yaml"
    text = report.read_text(encoding="utf-8")
    assert "status: hoan-thanh\n" in text
    report.write_text(text.replace("status: hoan-thanh\n", "status: dang-thuc-hien\n", 1),
                      encoding="utf-8")


def _task_title(project: Path) -> None:
    plan = project / "data" / "plans" / f"{_PLAN}.yaml"
    text = plan.read_text(encoding="utf-8")
    plan.write_text(re.sub(r"(?m)^(    title: .+)$", r"\1 (đã sửa)", text, count=1),
                    encoding="utf-8")


@pytest.mark.parametrize("edit", [_status_in_latest_report, _task_title])
def test_an_edit_leaves_the_pages_of_a_list_that_do_not_show_its_plan(
        project: Path, tmp_path: Path, edit: Callable[[Path], None]) -> None:
    agencies = _later_pages(project, "co-quan") | _later_pages(project, "linh-vuc")
    edit(project)
    rendered = _rendered(project, tmp_path)
    # Agency and area pages weigh a plan by its rows, not their status: none moved, and a
    # later page is rendered again exactly when it shows the plan.
    assert {name for name in agencies if name in rendered} == \
        {name for name, html in agencies.items() if _shows_plan(html)}
    kept = [name for name, html in agencies.items() if not _shows_plan(html)]
    assert kept and not set(kept) & rendered
    # Every other list too: no later page that does not show the plan was rendered.
    for folder in ("tien-do", "du-lieu", "ke-hoach"):
        later = _later_pages(project, folder)
        assert {n for n in later if n in rendered} <= {n for n, h in later.items() if _shows_plan(h)}


def test_a_task_title_leaves_first_pages_that_do_not_show_the_plan(project: Path,
                                                                    tmp_path: Path) -> None:
    """A title is no list-wide figure: only the pages showing its plan change."""
    output = project / "output"
    firsts = {p.relative_to(output).as_posix(): p.read_text(encoding="utf-8")
              for folder in ("co-quan", "linh-vuc") for p in (output / folder).glob("*/index.html")}
    _task_title(project)
    rendered = _rendered(project, tmp_path)
    assert {n for n in firsts if n in rendered} == {n for n, h in firsts.items() if _shows_plan(h)}


def test_a_status_edit_renders_the_totals_on_first_pages(project: Path, tmp_path: Path) -> None:
    """An agency's "All plans" rows and a year's totals are printed on the first page of
    their list only; the status edit changes them, so those first pages are rendered (and
    `rebuild` finds them equal to a fresh build's)."""
    output = project / "output"
    plan = "hcm-6-kh-2022"  # on the second page of the year's list
    year = (output / "tien-do" / "2022" / "index.html").read_text(encoding="utf-8")
    assert not _shows_plan(year, plan) and "trang-2" in year
    _status_in_latest_report(project, plan)
    rendered = _rendered(project, tmp_path)
    assert {"tien-do/2022/index.html", "tien-do/2022/trang-2/index.html"} <= rendered
    assert "tien-do/2021/index.html" not in rendered


def _counted_elsewhere(project: Path) -> tuple[str, str, str, str]:
    """An agency whose first page prints its "All plans" rows but not a plan it leads a
    task of in that plan's latest report: the agency, the plan, the report, the task."""
    facts = derive(load_dataset(project))
    for org_id, record in sorted(facts.records.items()):
        first = (project / "output" / "co-quan" / org_id / "index.html").read_text(encoding="utf-8")
        if 'data-role="chu-tri-tong"' not in first:
            continue
        for row in record.rows:
            led = [t for t in row.report.tasks if org_id in t.fact.task.lead]
            if led and not _shows_plan(first, row.plan.id):
                return org_id, row.plan.id, row.report.period.id, led[0].fact.task.id
    raise AssertionError("no agency counts a plan its first page does not show")


def test_a_status_edit_renders_the_agency_first_page_that_counts_it(project: Path,
                                                                     tmp_path: Path) -> None:
    org_id, plan_id, period, task = _counted_elsewhere(project)
    report = project / "data" / "reports" / plan_id / f"{period}.yaml"
    text = report.read_text(encoding="utf-8")
    status = re.search(rf"(?m)^- task: {task}\n  status: (\S+)$", text)
    other = "dang-thuc-hien" if status[1] == "hoan-thanh" else "hoan-thanh"
    report.write_text(text.replace(status[0], status[0].replace(status[1], other)),
                      encoding="utf-8")
    rendered = _rendered(project, tmp_path)  # the totals equal a fresh build's
    assert f"co-quan/{org_id}/index.html" in rendered


def _more_tasks(project: Path) -> None:
    """The plan gains 15 tasks, led by the agency that leads its first task."""
    plan = project / "data" / "plans" / f"{_PLAN}.yaml"
    text = plan.read_text(encoding="utf-8")
    lead = re.search(r"(?m)^    lead:\n    - (\S+)$", text)[1]
    added = "".join(f"  - id: nv-them-{n}\n    title: Nhiệm vụ bổ sung {n}\n"
                    f"    lead:\n    - {lead}\n" for n in range(1, 16))
    plan.write_text(text.replace("  tasks:\n", "  tasks:\n" + added, 1), encoding="utf-8")


def _late_tasks(project: Path) -> None:
    """Every task done in the plan's latest report is marked not started: late ones push
    the year's list."""
    report = project / "data" / "reports" / _PLAN / "2022-nam.yaml"
    text = report.read_text(encoding="utf-8")
    report.write_text(text.replace("status: hoan-thanh\n", "status: chua-thuc-hien\n"),
                      encoding="utf-8")


def test_late_tasks_push_a_plan_to_the_next_page(project: Path, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """A year's two plans just fit one page; the plan's new late tasks (listed under it)
    push the second plan to a page of its own."""
    year = next(y for y in derive(load_dataset(project)).years if y.year == 2022)
    monkeypatch.setattr(paging, "PROGRESS_ROWS", sum(_year_weight(p) for p in year.plans))
    build(project)
    assert not (project / "output" / "tien-do" / "2022" / "trang-2").exists()
    _late_tasks(project)
    rendered = _rendered(project, tmp_path)
    assert "tien-do/2022/trang-2/index.html" in rendered


def _new_plan(project: Path) -> None:
    source = project / "data" / "plans" / f"{_PLAN}.yaml"
    source.with_name("ag-0-kh-2022.yaml").write_text(re.sub(
        r"(?m)^id: .+$", "id: ag-0-kh-2022", source.read_text(encoding="utf-8")), encoding="utf-8")


def _deleted_plan(project: Path) -> None:
    (project / "data" / "plans" / f"{_PLAN}.yaml").unlink()
    shutil.rmtree(project / "data" / "reports" / _PLAN)
    (project / "content" / "plans" / f"{_PLAN}.md").unlink()
    for news in (project / "content" / "news").glob("*.md"):  # news may name the plan
        text = news.read_text(encoding="utf-8")
        news.write_text(text.replace(f"plan: {_PLAN}\n", ""), encoding="utf-8")


@pytest.mark.parametrize("edit", [_more_tasks, _new_plan, _deleted_plan])
def test_plans_moving_between_pages_are_rebuilt_like_a_fresh_build(
        project: Path, tmp_path: Path, edit: Callable[[Path], None]) -> None:
    before = _layout(project)
    edit(project)
    _rendered(project, tmp_path)  # equal to a fresh build
    after = _layout(project)
    moved = {n for n in before.keys() & after.keys() if before[n] != after[n]}
    assert moved or before.keys() != after.keys()


def test_a_value_unit_is_a_stable_digest_of_plain_data() -> None:
    value = (paging.Paging(2, ("/a/", "/a/trang-2/"), 3, 4, 4), ["p1", "p2"], {"b": 1, "a": None})
    assert shown_unit(value) == shown_unit(value)
    assert shown_unit(value).startswith("shown:")
    assert shown_unit(value) != shown_unit((*value[:2], {"b": 2, "a": None}))
    assert shown_unit(1) != shown_unit(True) != shown_unit("1")  # equal in Python, not here
    for unstable in ({"p1", "p2"}, b"bytes", object(), float("nan")):
        with pytest.raises((TypeError, ValueError)):
            shown_unit(unstable)
