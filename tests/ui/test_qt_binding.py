"""The Qt binding itself: PySide6 6.12.0 on Python 3.11 lost a reference to None on every call
returning nothing, and Python aborted after some thousands of calls. pyproject.toml excludes it;
this test fails at once if a binding with that fault is installed."""

from __future__ import annotations

import sys

from PySide6.QtGui import QPainterPath


def test_calls_returning_nothing_keep_none_alive(qapp) -> None:
    path = QPainterPath()
    before = sys.getrefcount(None)
    for _ in range(1_000):
        path.lineTo(1.0, 1.0)
    assert sys.getrefcount(None) >= before - 10
