"""核酸检测台账 export: every case under management in a range, its due days and its samples."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import or_, select

from app.db import Database
from app.models import Case, Measure, NucleicAcidTest, Person
from app.services.access import Permission, require
from app.services.nucleic_schedule import get_schedule
from app.services.reports import ExportResult, _check_range, _signature, _unit
from app.services.roster import group_rank

FORM_TESTS = "核酸检测台账"


def export_tests(db: Database, first: date, last: date, target: Path) -> ExportResult:
    """核酸检测台账 for ``first``..``last`` (sample dates), written atomically to ``target``."""
    from app.excel.nucleic_ledger import CaseTests, TestLine, TestsLedger, write_tests_ledger

    require(db, Permission.EXPORT)
    _check_range(first, last)
    info = _unit(db)
    with db.reading() as session:
        schedule = get_schedule(session)
        tests = session.execute(
            select(
                NucleicAcidTest, Person.name, Person.id_number, Person.group_name
            )
            .join(Person, Person.id == NucleicAcidTest.person_id)
            .where(NucleicAcidTest.sample_date.between(first, last))
            .order_by(
                Person.group_name.is_not(None), group_rank(session), Person.search_key,
                NucleicAcidTest.sample_date,
            )
        ).all()  # fmt: skip
        scheduled = [m for m, days in schedule.days_by_measure.items() if days]
        tested_cases = {t.case_id for t, *_ in tests if t.case_id is not None}
        cases = session.execute(
            select(Case, Person.name, Person.id_number, Person.group_name, Measure.name)
            .join(Person, Person.id == Case.person_id)
            .join(Measure, Measure.id == Case.measure_id)
            .where(
                Case.deleted_at.is_(None),
                Case.start_date <= last,
                or_(Case.ended_on.is_(None), Case.ended_on > first),
                or_(Measure.name.in_(scheduled), Case.id.in_(tested_cases)),
            )
            .order_by(
                Person.group_name.is_not(None), group_rank(session), Person.search_key, Case.id
            )
        ).all()
    samples: dict[int, list[tuple[date, str]]] = {}
    for test, *_ in tests:
        if test.case_id is not None:
            samples.setdefault(test.case_id, []).append((test.sample_date, test.result))
    ledger = TestsLedger(
        signature=_signature(info),
        first=first,
        last=last,
        cases=[
            CaseTests(
                name,
                id_number,
                group,
                measure,
                case.start_date,
                case.planned_end,
                schedule.describe(measure),
                tuple(samples.get(case.id, ())),
            )
            for case, name, id_number, group, measure in cases
        ],
        tests=[
            TestLine(name, id_number, group, t.sample_date, t.tested_on, t.result, t.lab, t.source)
            for t, name, id_number, group in tests
        ],
    )
    write_tests_ledger(Path(target), ledger)
    return ExportResult(
        Path(target),
        len(ledger.tests),
        f"已导出核酸检测台账（{len(ledger.cases)} 人，{len(ledger.tests)} 条检测）",
    )
