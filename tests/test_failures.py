"""Unforeseen exceptions become one Vietnamese line naming the file being processed."""

from __future__ import annotations

import pytest

from generator.errors import InvalidProject, Location, Problems
from generator.failures import UnexpectedFailure, describe, details, processing


def test_an_exception_inside_names_the_innermost_file() -> None:
    with (pytest.raises(UnexpectedFailure) as caught, processing("data/plans/a.yaml"),
          processing("content/plans/a.md")):
        raise RecursionError("sâu quá")
    assert caught.value.name == "content/plans/a.md"
    assert describe(caught.value) == (
        "Lỗi không lường trước khi xử lý content/plans/a.md (RecursionError); trang đã xuất "
        "bản trước đó được giữ nguyên. Chạy lại với --debug để xem chi tiết và báo cho người "
        "phát triển.")
    assert "RecursionError: sâu quá" in details(caught.value)


def test_foreseen_problems_pass_through_unchanged() -> None:
    problems = Problems()
    problems.add(Location("a.yaml", 1, 1), "lỗi")
    with pytest.raises(InvalidProject), processing("a.yaml"):
        raise InvalidProject(problems)


def test_an_exception_outside_any_file_still_reads_in_vietnamese() -> None:
    assert describe(OverflowError("x")).startswith("Lỗi không lường trước (OverflowError);")


def test_the_file_is_forgotten_once_processed() -> None:
    with processing("a.yaml"):
        pass
    assert " khi xử lý " not in describe(ValueError())
