"""A TCP forwarder between Rapport and the test server that a test stops (every live connection
cut, new ones refused) and starts again: the network going away, for real, without stopping the
server the other tests share. It can also lose the answer to a COMMIT: the server gets it and
commits, the client never hears back."""

from __future__ import annotations

import contextlib
import socket
import threading
from urllib.parse import urlsplit, urlunsplit


class TcpProxy:
    """Listens on 127.0.0.1:`port` (a free one, kept across restarts), forwards to `upstream`."""

    def __init__(self, upstream: tuple[str, int]) -> None:
        self.upstream = upstream
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port: int = probe.getsockname()[1]
        self._listening: socket.socket | None = None
        self._accepting: threading.Thread | None = None
        self._live: set[socket.socket] = set()
        self._lock = threading.Lock()
        self._lose_commit_answer = False

    def url_for(self, url: str) -> str:
        """`url` (a server journal's) going through this proxy."""
        parts = urlsplit(url)
        userinfo = parts.netloc.rsplit("@", 1)[0] + "@" if "@" in parts.netloc else ""
        return urlunsplit(parts._replace(netloc=f"{userinfo}127.0.0.1:{self.port}"))

    def start(self) -> None:
        listening = socket.socket()
        listening.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listening.bind(("127.0.0.1", self.port))
        listening.listen()
        self._listening = listening
        self._accepting = threading.Thread(target=self._accept, args=(listening,), daemon=True)
        self._accepting.start()

    def stop(self) -> None:
        """Refuse new connections and cut the live ones (each side sees the other gone)."""
        if self._listening is not None:
            self._listening.shutdown(socket.SHUT_RDWR)  # wakes accept()
            self._listening.close()
            self._listening = None
        if self._accepting is not None:
            self._accepting.join(5)
            self._accepting = None
        with self._lock:
            live, self._live = self._live, set()
        for sock in live:
            _close(sock)

    def lose_the_next_commit_answer(self) -> None:
        """The next client packet holding a COMMIT goes to the server; what the server answers
        is dropped and that connection cut, both sides (the network failing at that moment)."""
        with self._lock:
            self._lose_commit_answer = True

    @property
    def commit_answer_pending(self) -> bool:
        """Armed by `lose_the_next_commit_answer` and no COMMIT has come through since."""
        with self._lock:
            return self._lose_commit_answer

    @property
    def connections(self) -> int:
        with self._lock:
            return len(self._live) // 2

    def _accept(self, listening: socket.socket) -> None:
        while True:
            try:
                client, _ = listening.accept()
            except OSError:
                return
            try:
                server = socket.create_connection(self.upstream, timeout=5)
                server.settimeout(None)
            except OSError:
                client.close()
                continue
            with self._lock:
                self._live |= {client, server}
            muted = threading.Event()  # the server's next answer on this connection is lost
            for src, dst, upstream in ((client, server, True), (server, client, False)):
                args = (src, dst, muted, upstream)
                threading.Thread(target=self._pump, args=args, daemon=True).start()

    def _pump(
        self, src: socket.socket, dst: socket.socket, muted: threading.Event, upstream: bool
    ) -> None:
        try:
            while data := src.recv(65536):
                if upstream and b"COMMIT" in data:
                    with self._lock:
                        if self._lose_commit_answer:
                            self._lose_commit_answer = False
                            muted.set()  # before the server can answer
                elif not upstream and muted.is_set():
                    break  # the server has answered the COMMIT: it is in; the client never knows
                dst.sendall(data)
        except OSError:
            pass
        with self._lock:
            self._live -= {src, dst}
        _close(src)
        _close(dst)


def _close(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)
    sock.close()
