"""Keeping Python's cyclic garbage collector off what lives as long as a build.

A build at size L holds millions of objects to its end (the dataset, then the facts) and
makes no garbage cycles among them; every full pass of the collector walks them all
(≈ 0.6 s each, 2 s of a 7 s `derive`), and in forked render workers its writes to each
object's header copy every memory page the parent shared.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    """No collection while loading, which makes lasting objects and no cycles; they are
    then moved to the oldest generation at once (freeze, unfreeze), or the first young
    collection would walk them all (≈ 1 s at L)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if not gc.get_freeze_count():  # never thaw what someone else froze on purpose
            gc.freeze()
            gc.unfreeze()
        if enabled:
            gc.enable()


@contextmanager
def lasting() -> Iterator[Callable[[], None]]:
    """Inside, `keep()` sets every object alive aside from collections until the end
    (a preview builds again and again in one process: what the last build made must be
    collectable once it is dropped)."""
    ours = not gc.get_freeze_count()
    try:
        yield gc.freeze
    finally:
        if ours:
            gc.unfreeze()
