"""Save temperature readings one commit at a time and acknowledge each on stdout.

Usage: python writer.py DATA_DIR DAY   (the ledger must already hold cases due on DAY)

After each ``record_reading`` returns (committed), prints ``case_id slot seq`` and flushes: a
line on stdout is a promise that the reading is on disk. The durability test kills this process
mid-stream and checks every promise was kept.
"""

from __future__ import annotations

import sys
from datetime import date
from itertools import count

from app.config import resolve_paths
from app.db import Database
from app.models import Slot
from app.services import rounds


def main() -> None:
    paths = resolve_paths(sys.argv[1])
    day = date.fromisoformat(sys.argv[2])
    db = Database.open(paths, operator="写入进程")
    keys = [(item.case_id, slot) for slot in Slot for item in rounds.due_list(db, day, slot)]
    for seq in count(1):
        case_id, slot = keys[seq % len(keys)]
        rounds.record_reading(db, case_id, day, slot, "36.6", note=f"#{seq}", today=day)
        print(f"{case_id} {slot.value} {seq}", flush=True)


if __name__ == "__main__":
    main()
