"""What `check` keeps of each file: a kept result says exactly what reading it again would,
and an edit is seen wherever it matters, in another process or in the same one."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.build import build
from generator.cli import main
from generator.data import dataset, file_memo
from generator.data.dataset import Dataset, load_dataset
from generator.errors import InvalidProject
from generator.facts.derive import derive
from generator.incremental import file_identity, memo
from tests.conftest import edit

PLAN = "tn-10-kh-ubnd-2024"
PLAN_FILE = f"data/plans/{PLAN}.yaml"
ORGANISATIONS = "data/organisations/thu-nghiem.yaml"
REPORT = f"data/reports/{PLAN}/2024-quy-1.yaml"
REPORT_TEXT = f"""\
plan: {PLAN}
period: 2024-quy-1
number: 5/BC-UBND
date: 2024-03-20
cutoff: 2024-03-14
tasks:
  - task: i-1
    status: dang-thuc-hien
  - task: ii-1-1
    status: chua-thuc-hien
"""


pytestmark = pytest.mark.usefixtures("memo_secret")


def _with_report_and_warnings(site: Path) -> Path:
    """The fixture site with a report, and two warnings in its plan."""
    (site / REPORT).parent.mkdir(parents=True)
    (site / REPORT).write_text(REPORT_TEXT, encoding="utf-8")
    edit(site, PLAN_FILE, "timeline: Tháng 8 đến 11/2024", "timeline: Tuần thứ 3 của quý")
    edit(site, PLAN_FILE, "lead_text: Sở Nội vụ", "lead_text: Ban Quản lý dự án")
    return site


def _outcome(root: Path, keep: bool) -> tuple[list[str], list[str]]:
    """Errors and warnings of one load, as printed."""
    try:
        data = load_dataset(root, keep=keep)
    except InvalidProject as error:
        return [str(p) for p in error.problems.sorted()], [str(p) for p in error.warnings.sorted()]
    return [], [str(p) for p in data.warnings.sorted()]


def _new_process() -> None:
    """What a new process starts with: nothing kept in memory."""
    memo._IN_PROCESS.clear()


def test_warnings_are_printed_again_by_a_cached_check(site: Path, capsys: pytest.CaptureFixture[str],
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    root = _with_report_and_warnings(site)
    assert main(["--root", str(root), "check"]) == 0
    first = capsys.readouterr()
    assert "cảnh báo: không đọc được thời gian “Tuần thứ 3 của quý”" in first.err
    assert "cảnh báo: “Ban Quản lý dự án” không nêu tên" in first.err

    def never(*args: object) -> None:
        raise AssertionError("an unchanged plan was linted again")

    monkeypatch.setattr(dataset, "plan_warnings", never)
    for fresh_process in (True, False):
        if fresh_process:
            _new_process()
        assert main(["--root", str(root), "check"]) == 0
        assert capsys.readouterr() == first


def test_a_cached_check_reports_every_error_as_a_fresh_one(site: Path) -> None:
    root = _with_report_and_warnings(site)
    edit(root, PLAN_FILE, "lead: [tn-so-tu-phap]\n        timeline: Tuần",
          "lead: [tn-so-tu-phap, tn-so-noi-vuu]\n        timeline: Tuần")
    edit(root, "content/news/2024-02-01-tin-thu-hai.md", "title:", "titel:")
    (root / REPORT).write_text(REPORT_TEXT.replace("status: chua-thuc-hien",
                                                   "status: khong-thuc-hien"), encoding="utf-8")
    fresh = _outcome(root, keep=False)
    assert len(fresh[0]) >= 3 and fresh[1]
    assert _outcome(root, keep=True) == fresh  # made and kept
    _new_process()
    assert _outcome(root, keep=True) == fresh  # read back from disk
    assert _outcome(root, keep=True) == fresh  # kept in this process


# Each edit changes one file and makes another one wrong.
_BREAKING_EDITS = {
    "a task the report names is renamed in the plan": (
        PLAN_FILE, "      - id: ii-1-1\n", "      - id: ii-1-2\n", REPORT, "“ii-1-1”"),
    "an organisation the plan names is renamed": (
        ORGANISATIONS, "- id: tn-so-tu-phap", "- id: tn-so-tu-phap-moi", PLAN_FILE,
        "“tn-so-tu-phap”"),
}


@pytest.mark.parametrize("same_process", [False, True])
@pytest.mark.parametrize("change", sorted(_BREAKING_EDITS))
def test_an_edit_that_breaks_another_file_is_found(site: Path, change: str,
                                                   same_process: bool) -> None:
    root = _with_report_and_warnings(site)
    assert _outcome(root, keep=True)[0] == []
    if not same_process:
        _new_process()
    name, old, new, broken, named = _BREAKING_EDITS[change]
    edit(root, name, old, new)
    errors = _outcome(root, keep=True)[0]
    assert errors == _outcome(root, keep=False)[0]
    assert any(e.startswith(f"{broken}:") and named in e for e in errors)


def test_an_attachment_removed_is_found_though_no_data_file_changed(site: Path) -> None:
    root = _with_report_and_warnings(site)
    (root / "content" / "files").mkdir(parents=True)
    (root / "content" / "files" / "bc.pdf").write_bytes(b"%PDF-1.4")
    edit(root, REPORT, "status: dang-thuc-hien\n",
          "status: dang-thuc-hien\n    evidence:\n      - file: bc.pdf\n")
    assert _outcome(root, keep=True)[0] == []
    (root / "content" / "files" / "bc.pdf").unlink()
    assert _outcome(root, keep=True)[0] == [
        f"{REPORT}:10:15: không tìm thấy tệp “bc.pdf” trong content/files/"]


def _facts_of(data: Dataset) -> object:
    return (data.areas, data.organisations, data.provinces, data.plans, data.reports,
            data.plan_texts, data.plan_docs, data.report_docs, data.broken_ids,
            data.warnings.sorted())


def test_two_loads_in_one_process_are_equal_and_independent(site: Path,
                                                              tmp_path: Path) -> None:
    root = _with_report_and_warnings(site)
    before = _facts_of(load_dataset(root))
    first = load_dataset(root, keep=True)
    derive(first)
    build(root, tmp_path / "output", jobs=1)  # loads the same objects, derives and renders
    edit(root, REPORT, "status: dang-thuc-hien", "status: hoan-thanh")
    second = load_dataset(root, keep=True)
    assert _facts_of(second) == _facts_of(load_dataset(root))
    assert _facts_of(first) == before  # neither derive nor the second load changed it
    assert second.reports[PLAN]["2024-quy-1"].tasks[0].status == "hoan-thanh"
    assert first.reports[PLAN]["2024-quy-1"].tasks[0].status == "dang-thuc-hien"
    # What did not change is not read or unpickled again: the same objects.
    assert second.plans[PLAN] is first.plans[PLAN]
    assert second.plan_docs[PLAN] is first.plan_docs[PLAN]


def test_in_one_process_an_unchanged_file_is_not_read_again(site: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(file_identity, "RACY_NS", 0)
    root = _with_report_and_warnings(site)
    load_dataset(root, keep=True)
    read: list[str] = []
    content = file_memo.Source.content

    def reading(source: file_memo.Source) -> bytes:
        read.append(source.name)
        return content(source)

    monkeypatch.setattr(file_memo.Source, "content", reading)
    path = root / REPORT
    times = path.stat()
    # Same size and modification time: only the change time tells.
    path.write_text(REPORT_TEXT.replace("dang-thuc-hien", "chua-thuc-hien"), encoding="utf-8")
    os.utime(path, ns=(times.st_atime_ns, times.st_mtime_ns))
    assert path.stat().st_size == times.st_size
    data = load_dataset(root, keep=True)
    assert set(read) == {REPORT}
    assert data.reports[PLAN]["2024-quy-1"].tasks[0].status == "chua-thuc-hien"
