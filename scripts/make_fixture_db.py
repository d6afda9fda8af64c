"""Write the migration fixture for the current schema: tests/fixtures/schema_vN.sqlite3.

Every released schema keeps one small ledger written by the code of that release, so that
tests/test_migrations.py can prove each one still opens and upgrades with nothing lost. Run this
once when a schema is released (right after adding its migration), then commit the file; never
regenerate an old one (it must stay what that release wrote).

    .venv/bin/python scripts/make_fixture_db.py            # refuses to overwrite
    .venv/bin/python scripts/make_fixture_db.py --force

The ledger: a demo village (12 people, 5 days up to 2022-02-10) with staff, 三包一 assignments,
readings, anomalies, two checkpoints with passes and occupants, plus a few changes made through
the services so the audit trail holds real entries (新增, 修改, 删除, 恢复).
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import tempfile
from datetime import date, datetime, time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.config import Settings, resolve_paths  # noqa: E402
from app.db import Database, copy_database, latest_version  # noqa: E402
from app.models import Slot  # noqa: E402
from app.services import assignments, demo, reference, roster, rounds  # noqa: E402

TODAY = date(2022, 2, 10)
FIXTURES = ROOT / "tests" / "fixtures"


def build(db: Database) -> None:
    demo.generate(
        db, persons=12, days=5, seed=7, today=TODAY, now=datetime(2022, 2, 10, 21, 0),
        vehicles_per_day=3,
    )  # fmt: skip
    # Changes through the services, so the audit trail holds what a clerk's work leaves.
    person = roster.PersonInput(
        name="李四", id_number="330302198503120015", phone="13800138000", group_name="十组"
    )
    case = roster.register_case(
        db,
        person,
        roster.CaseInput(
            category_id=1, measure_id=1, start_date=date(2022, 2, 8), registered_on=date(2022, 2, 8)
        ),
        today=TODAY,
    )
    staff = assignments.add_staff(
        db, assignments.StaffInput("赵医生", role_id=1, phone="13900000001")
    )
    assignments.assign(db, [case.id], staff.id, since=date(2022, 2, 8))
    rounds.record_reading(db, case.id, date(2022, 2, 9), Slot.AM, "36.5", today=TODAY)
    rounds.record_reading(db, case.id, date(2022, 2, 9), Slot.PM, "37.8", today=TODAY)
    roster.update_person(
        db, case.person_id, roster.PersonInput(**{**person.__dict__, "address": "十组8号"})
    )
    roster.delete_case(db, case.id)
    roster.restore_case(db, case.id)
    reference.write_setting(db, Settings.STAT_CUTOFF, time(15, 0))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--force", action="store_true", help="overwrite an existing fixture")
    args = parser.parse_args()
    version = latest_version()
    target = FIXTURES / f"schema_v{version}.sqlite3"
    if target.exists() and not args.force:
        print(f"{target} exists; a released schema's fixture is never regenerated (--force)")
        return 1
    with tempfile.TemporaryDirectory() as folder:
        paths = resolve_paths(folder)
        with Database.open(paths, operator="夹具") as db:
            build(db)
        # One self-contained file (journal_mode DELETE); copies never replace a file unasked.
        copy_database(paths.database, target, overwrite=args.force)
    connection = sqlite3.connect(target)
    try:
        connection.execute("VACUUM")
    finally:
        connection.close()
    print(f"wrote {target} ({target.stat().st_size} bytes, schema {version})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
