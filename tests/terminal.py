"""Running a command on a pseudo-terminal, as a person at a keyboard does: what it printed, and
answers typed when it prompts."""

from __future__ import annotations

import os
import pty
import select
import time


def on_a_terminal(
    argv: list[str], env: dict[str, str], answers: tuple[str, ...] = (), timeout: float = 60
) -> tuple[int, str]:
    """Run `argv` on a pseudo-terminal, typing each answer when a prompt (": ") is shown; its
    exit code and everything it wrote (stdout and stderr share the terminal)."""
    pid, fd = pty.fork()
    if pid == 0:  # pragma: no cover - the child
        os.execve(argv[0], argv, env)
    output, pending, deadline = b"", list(answers), time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([fd], [], [], 0.5)
            if not ready:
                continue
            try:
                chunk = os.read(fd, 4096)
            except OSError:
                break
            if not chunk:
                break
            output += chunk
            if pending and chunk.endswith(b": "):  # a prompt (echo is off from then on)
                os.write(fd, pending.pop(0).encode() + b"\n")
    finally:
        os.close(fd)
        _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status), output.decode(errors="replace")
