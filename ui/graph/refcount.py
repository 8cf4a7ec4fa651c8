"""A guard against a PySide6 build that drops a reference to None on every call of a method
that returns nothing (seen with PySide6 6.12 on Python 3.11): after some thousands of calls
Python aborts with "deallocating None". Python 3.12 made None immortal; this does the same."""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject

_PLENTY = 1 << 40


def none_leaks() -> bool:
    """True if calling a Qt method that returns nothing costs None a reference."""
    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(20):
        probe.setObjectName("probe")
    return sys.getrefcount(None) <= before - 10


def protect_none() -> bool:
    """Give None enough references to outlive any number of such calls; True if it was needed."""
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    if sys.getrefcount(None) > _PLENTY // 2 or not none_leaks():
        return False
    ctypes.c_ssize_t.from_address(id(None)).value += _PLENTY
    return True
