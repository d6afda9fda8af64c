"""Open a ledger and keep it open until killed (or until stdin closes).

Usage: python holder.py DATA_DIR — prints ``ready`` once the ledger (and its lock) is held.
"""

from __future__ import annotations

import sys

from app.config import resolve_paths
from app.db import Database


def main() -> None:
    db = Database.open(resolve_paths(sys.argv[1]), operator="另一个程序")
    print("ready", flush=True)
    sys.stdin.read()  # blocks until the test kills us or closes the pipe
    db.close()


if __name__ == "__main__":
    main()
