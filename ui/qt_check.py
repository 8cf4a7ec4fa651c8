"""Qt's system libraries: which package provides each, and a plain message when one is missing.

`python -m ui.qt_check` tries Qt in a child process and prints the fix instead of a traceback
(`make test` runs it first); `--packages` prints the Debian packages to install. Imports no Qt.
"""

from __future__ import annotations

import re
import subprocess
import sys
from typing import NamedTuple


class Library(NamedTuple):
    soname: str
    debian: str  # the Debian/Ubuntu package that provides it
    fedora: str
    window_only: bool  # needed only for a real window (X11), not headless or offscreen
    listed: bool  # named in the install lists; the others come as their dependencies


LIBRARIES = (
    Library("libglib-2.0.so.0", "libglib2.0-0", "glib2", False, True),
    Library("libgthread-2.0.so.0", "libglib2.0-0", "glib2", False, False),
    Library("libEGL.so.1", "libegl1", "libglvnd-egl", False, True),
    Library("libGL.so.1", "libgl1", "libglvnd-glx", False, True),
    Library("libxkbcommon.so.0", "libxkbcommon0", "libxkbcommon", False, True),
    Library("libfontconfig.so.1", "libfontconfig1", "fontconfig", False, True),
    Library("libdbus-1.so.3", "libdbus-1-3", "dbus-libs", False, True),
    Library("libfreetype.so.6", "libfreetype6", "freetype", False, False),
    Library("libX11.so.6", "libx11-6", "libX11", False, False),
    Library("libzstd.so.1", "libzstd1", "libzstd", False, False),
    Library("libz.so.1", "zlib1g", "zlib", False, False),
    Library("libxcb-cursor.so.0", "libxcb-cursor0", "xcb-util-cursor", True, True),
    Library("libxcb-icccm.so.4", "libxcb-icccm4", "xcb-util-wm", True, True),
    Library("libxcb-image.so.0", "libxcb-image0", "xcb-util-image", True, True),
    Library("libxcb-keysyms.so.1", "libxcb-keysyms1", "xcb-util-keysyms", True, True),
    Library("libxcb-render-util.so.0", "libxcb-render-util0", "xcb-util-renderutil", True, True),
    Library("libxcb-shape.so.0", "libxcb-shape0", "libxcb", True, True),
    Library("libxcb-xkb.so.1", "libxcb-xkb1", "libxcb", True, True),
    Library("libxkbcommon-x11.so.0", "libxkbcommon-x11-0", "libxkbcommon-x11", True, True),
    Library("libxcb-util.so.1", "libxcb-util1", "xcb-util", True, False),
    Library("libxcb-randr.so.0", "libxcb-randr0", "libxcb", True, False),
    Library("libxcb-shm.so.0", "libxcb-shm0", "libxcb", True, False),
    Library("libxcb-sync.so.1", "libxcb-sync1", "libxcb", True, False),
    Library("libxcb-xfixes.so.0", "libxcb-xfixes0", "libxcb", True, False),
    Library("libxcb-render.so.0", "libxcb-render0", "libxcb", True, False),
    Library("libxcb.so.1", "libxcb1", "libxcb", True, False),
    Library("libX11-xcb.so.1", "libx11-xcb1", "libX11-xcb", True, False),
)
MISSING = re.compile(r"([\w.+-]+\.so(?:\.\d+)*): cannot open shared object file")
QT_MODULES = ("PySide6.QtCore", "PySide6.QtGui", "PySide6.QtWidgets", "PySide6.QtSvg")


def packages(window: bool = False, system: str = "debian") -> list[str]:
    """The packages to install for Qt (`window`: only those a real window adds), in order."""
    names = [getattr(lib, system) for lib in LIBRARIES if lib.listed and lib.window_only == window]
    return list(dict.fromkeys(names))


def missing_library(error_text: str) -> str | None:
    """The library the dynamic loader could not find, named in an ImportError's text."""
    found = MISSING.search(error_text)
    return found.group(1) if found else None


def explain(error_text: str) -> str | None:
    """One plain paragraph saying which system library is missing and how to install it; None
    when `error_text` is not about a missing shared library."""
    soname = missing_library(error_text)
    if soname is None:
        return None
    library = next((lib for lib in LIBRARIES if lib.soname == soname), None)
    if library is None:
        return (
            f"Qt, which Rapport's window uses, needs the system library {soname}, which is not "
            f"installed. On Debian or Ubuntu, `apt-file search {soname}` names the package that "
            "provides it. The command-line commands (see `rapport --help`) work without it."
        )
    needed = [library.debian, *packages()]
    fedora = [library.fedora, *packages(system="fedora")]
    if library.window_only:
        needed += packages(window=True)
        fedora += packages(window=True, system="fedora")
    debian_line = " ".join(dict.fromkeys(needed))
    fedora_line = " ".join(dict.fromkeys(fedora))
    return (
        f"Qt, which Rapport's window uses, needs the system library {soname} "
        f"(Debian/Ubuntu package {library.debian}), which is not installed. Install it "
        f"together with the other libraries Qt needs: `sudo apt-get install {debian_line}` "
        f"(as root, leave out sudo; on Fedora: `sudo dnf install {fedora_line}`), then try "
        "again. "
        "The command-line commands (see `rapport --help`) work without it."
    )


def check(python: str = sys.executable) -> str | None:
    """Load Qt in a child process (a missing library can also abort one); the problem or None."""
    code = "import " + ", ".join(QT_MODULES)
    result = subprocess.run([python, "-c", code], capture_output=True, text=True)
    if result.returncode == 0:
        return None
    text = result.stderr.strip()
    explained = explain(text)
    if explained is not None:
        return explained
    last = text.splitlines()[-1] if text else f"exit status {result.returncode}"
    return f"Qt (PySide6) could not be loaded: {last}"


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args == ["--packages"]:
        print(" ".join(packages() + packages(window=True)))
        return 0
    problem = check()
    if problem is None:
        return 0
    print(problem, file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
