"""The floor for start-up: a bare PySide6 window (QApplication + QMainWindow), same paint probe.

python -m bench.bare_window  (with RAPPORT_BENCH_PAINTED=1 it prints a line once painted, quits)
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QMainWindow

from ui import paint_probe


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1280, 800)
    if paint_probe.armed():
        paint_probe.watch(window)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
