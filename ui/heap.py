"""What the window keeps for its whole life is set aside from the cycle collector once it runs."""

from __future__ import annotations

import gc


def set_aside_after_start() -> None:
    """Collect once, then freeze what is left (modules, classes, the window's own widgets).

    Those objects live as long as the process; the collector's full passes walked them all
    again and again, holding the interpreter 0.2-0.3 s at a time under load while an import's
    plan, Today's rows or an export were being made (the window's longest stalls). Objects made
    later are collected as usual.
    """
    gc.collect()
    gc.freeze()
