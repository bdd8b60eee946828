"""Results kept between builds: read back only if this machine wrote them."""

from __future__ import annotations

import os
import pickle
from pathlib import Path

import pytest

from generator.incremental import memo
from generator.incremental.memo import MISSING, Memo

pytestmark = pytest.mark.usefixtures("memo_secret")


class _MakesFolder:
    """Unpickling it makes a folder: proof that a payload was (or was not) unpickled."""

    def __init__(self, where: Path) -> None:
        self.where = where

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return os.mkdir, (str(self.where),)


def test_a_kept_value_comes_back(tmp_path: Path) -> None:
    Memo(tmp_path / "m").keep("k1", {"a": [1, 2]})
    assert Memo(tmp_path / "m").recall("k1") == {"a": [1, 2]}
    assert (tmp_path / "home-cache" / "minhbach" / "secret").stat().st_mode & 0o777 == 0o600


def test_a_planted_pickle_is_never_unpickled(tmp_path: Path) -> None:
    folder = tmp_path / "m"
    folder.mkdir()
    planted = pickle.dumps(_MakesFolder(tmp_path / "ran"))
    (folder / "k1.pickle").write_bytes(b"\0" * 32 + planted)
    (folder / "k2.pickle").write_bytes(planted)
    assert Memo(folder).recall("k1") is MISSING
    assert Memo(folder).recall("k2") is MISSING
    assert not (tmp_path / "ran").exists()


def test_an_entry_signed_elsewhere_or_changed_is_not_read(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "m"
    Memo(folder).keep("k1", "giá trị")
    entry = folder / "k1.pickle"
    changed = bytearray(entry.read_bytes())
    changed[-2] ^= 1
    (folder / "k2.pickle").write_bytes(bytes(changed))
    assert Memo(folder).recall("k2") is MISSING  # a changed payload
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "another-machine"))
    memo._secret.cache_clear()
    assert Memo(folder).recall("k1") is MISSING  # written with another secret


def test_a_short_secret_is_not_used(tmp_path: Path) -> None:
    secret = tmp_path / "home-cache" / "minhbach" / "secret"
    secret.parent.mkdir(parents=True)
    secret.write_bytes(b"")
    assert len(memo._secret()) == 32


def test_prune_keeps_only_what_this_build_used(tmp_path: Path) -> None:
    Memo(tmp_path / "m").keep("old", 1)
    current = Memo(tmp_path / "m")
    current.get("new", lambda: 2)
    current.prune()
    assert sorted(p.name for p in (tmp_path / "m").iterdir()) == ["new.pickle"]
