"""A file read before is taken as unchanged only when `stat` says so, and never when it
changed in the last seconds."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from generator.incremental import file_identity, inputs


def test_a_rewrite_that_keeps_size_and_mtime_is_still_seen(tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(file_identity, "RACY_NS", 0)
    path = tmp_path / "bao-cao.yaml"
    path.write_text("status: hoan-thanh\n", encoding="utf-8")
    first = inputs._file_digest(path)
    times = path.stat()
    path.write_text("status: dang-lam-x\n", encoding="utf-8")
    os.utime(path, ns=(times.st_atime_ns, times.st_mtime_ns))
    assert path.stat().st_size == times.st_size
    assert inputs._file_digest(path) != first


def test_a_file_changed_just_now_is_not_remembered(tmp_path: Path) -> None:
    path = tmp_path / "tin.md"
    path.write_text("x", encoding="utf-8")
    assert not file_identity.settled(path.stat(), time.time_ns())
    assert file_identity.settled(path.stat(), time.time_ns() + 3 * file_identity.RACY_NS)
