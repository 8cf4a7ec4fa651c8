"""Holds a journal's write lock for a test, as another Rapport writing a long import would.

python tests/busy_holder.py JOURNAL   takes the lock (BEGIN IMMEDIATE and an insert), prints
"holding", and commits when a line arrives on stdin (or stdin closes), then prints "committed".
"""

from __future__ import annotations

import sqlite3
import sys


def main(path: str) -> None:
    con = sqlite3.connect(path, isolation_level=None)
    con.execute("BEGIN IMMEDIATE")
    con.execute("INSERT OR REPLACE INTO setting (key, value) VALUES ('busy_holder', 'held')")
    print("holding", flush=True)
    sys.stdin.readline()
    con.execute("COMMIT")
    con.close()
    print("committed", flush=True)


if __name__ == "__main__":
    main(sys.argv[1])
