"""Unexpected failures as one Vietnamese line naming the file being processed.

A problem we foresee is an `InvalidProject` with located messages. Anything else is
a bug or an input no check knew of; staff must still learn which file caused it, in
Vietnamese, without a traceback (shown only under `--debug`).
"""

from __future__ import annotations

import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from .errors import InvalidProject

_CURRENT: ContextVar[str | None] = ContextVar("minhbach_current_file", default=None)


class UnexpectedFailure(Exception):
    """An unforeseen exception, with the file that was being processed when it happened."""

    def __init__(self, name: str, error: BaseException) -> None:
        self.name = name
        self.error = error
        super().__init__(name)


@contextmanager
def processing(name: str) -> Iterator[None]:
    """Mark `name` as the file being processed; an unforeseen exception inside names it."""
    token = _CURRENT.set(name)
    try:
        yield
    except (InvalidProject, UnexpectedFailure):
        raise
    except Exception as error:
        raise UnexpectedFailure(name, error) from error
    finally:
        _CURRENT.reset(token)


def describe(error: BaseException) -> str:
    """The one line staff see for an unforeseen exception."""
    name = error.name if isinstance(error, UnexpectedFailure) else _CURRENT.get()
    cause = error.error if isinstance(error, UnexpectedFailure) else error
    where = f" khi xử lý {name}" if name else ""
    return (f"Lỗi không lường trước{where} ({type(cause).__name__}); trang đã xuất bản trước "
            "đó được giữ nguyên. Chạy lại với --debug để xem chi tiết và báo cho người phát triển.")


def details(error: BaseException) -> str:
    return "".join(traceback.format_exception(error))
