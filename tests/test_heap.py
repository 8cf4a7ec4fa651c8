"""The window's start-up objects are set aside from the cycle collector; what comes later is
still collected."""

from __future__ import annotations

import gc
import weakref

from ui.heap import set_aside_after_start


class _Node:
    other: object = None


def test_what_lives_from_the_start_is_frozen_and_later_cycles_are_still_collected() -> None:
    try:
        set_aside_after_start()
        assert gc.get_freeze_count() > 0
        first, second = _Node(), _Node()
        first.other, second.other = second, first
        gone = weakref.ref(first)
        del first, second
        gc.collect()
        assert gone() is None
    finally:
        gc.unfreeze()
