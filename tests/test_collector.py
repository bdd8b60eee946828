"""The garbage collector set aside from a build's lasting objects, and given them back."""

from __future__ import annotations

import gc
import weakref

from generator import collector


class _Cycle:
    def __init__(self) -> None:
        self.me = self


def test_what_a_build_kept_aside_is_collectable_after_it() -> None:
    assert not gc.get_freeze_count()
    with collector.lasting() as keep:
        cycle = _Cycle()
        alive = weakref.ref(cycle)
        keep()
        assert gc.get_freeze_count() > 0
        del cycle
        gc.collect()
        assert alive() is not None  # frozen: no collection looks at it
    assert not gc.get_freeze_count()
    gc.collect()
    assert alive() is None


def test_a_freeze_made_by_someone_else_stays() -> None:
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        with collector.lasting() as keep:
            keep()
        assert gc.get_freeze_count() >= frozen
    finally:
        gc.unfreeze()


def test_loading_pauses_the_collector_and_restores_it() -> None:
    assert gc.isenabled()
    with collector.paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with collector.paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
