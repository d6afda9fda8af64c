"""demo, unit, backup, restore, check."""

from __future__ import annotations

import argparse
from contextlib import suppress
from datetime import date
from pathlib import Path

from app import clock
from app.cli_support import CommandContext, out
from app.services import assignments, demo, ledger, reference, roster, rounds, stats
from app.services.access import Permission, require
from app.services.reference import UnitInfo
from app.services.values import local_now


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("demo", help="生成演示村数据（只能写入空台账）")
    p.add_argument("--persons", type=int, default=60, help="人数（默认 60）")
    p.add_argument("--days", type=int, default=14, help="天数（默认 14）")
    p.add_argument("--seed", type=int, default=1, help="随机种子（相同种子得到相同数据）")
    p.add_argument("--today", type=date.fromisoformat, help="以哪天为“今天”（默认今天）")
    p.set_defaults(handler=run_demo)

    p = sub.add_parser("unit", help="查看或设置填报单位信息（每张导出的表都会打印）")
    p.add_argument("--name", help="填报单位")
    p.add_argument("--township", help="上级乡镇")
    p.add_argument("--reporter", help="填报人")
    p.add_argument("--phone", help="联系电话")
    p.add_argument("--reviewer", help="审核人")
    p.set_defaults(handler=run_unit)

    p = sub.add_parser("backup", help="备份台账（默认写入数据目录下的 backups）")
    p.add_argument("--out", type=Path, help="备份文件路径（已存在时不覆盖）")
    p.add_argument(
        "--force", action="store_true", help="覆盖已存在的 --out 文件（使用中的台账除外）"
    )
    p.set_defaults(handler=run_backup)

    p = sub.add_parser("restore", help="从备份恢复（当前台账会先备份）")
    p.add_argument("file", type=Path)
    p.set_defaults(handler=run_restore)

    p = sub.add_parser("check", help="检查台账文件完整性，并列出包保缺口和今日待测")
    p.add_argument("--date", type=date.fromisoformat, default=None, help="日期（默认今天）")
    p.set_defaults(handler=run_check)


def run_demo(args: argparse.Namespace, ctx: CommandContext) -> int:
    summary = demo.generate(
        ctx.db, persons=args.persons, days=args.days, seed=args.seed, today=args.today
    )
    out(
        f"已生成演示数据：{summary.persons} 人，包保人员 {summary.staff} 人，"
        f"体温 {summary.readings} 条，异常 {summary.anomalies} 条，"
        f"车辆登记 {summary.vehicle_passes} 条。"
    )
    return 0


def run_unit(args: argparse.Namespace, ctx: CommandContext) -> int:
    current = reference.unit_profile(ctx.db)
    changes = {
        "unit_name": args.name, "township": args.township, "reporter": args.reporter,
        "phone": args.phone, "reviewer": args.reviewer,
    }  # fmt: skip
    if any(v is not None for v in changes.values()):
        merged = {k: (v if v is not None else getattr(current, k)) for k, v in changes.items()}
        current = reference.save_unit_profile(ctx.db, UnitInfo(**merged))
        out("填报单位信息已保存。")
    out(f"填报单位：{current.unit_name or '（未设置）'}")
    out(f"上级乡镇：{current.township}")
    out(f"填报人：{current.reporter}")
    out(f"联系电话：{current.phone}")
    out(f"审核人：{current.reviewer}")
    return 0


def run_backup(args: argparse.Namespace, ctx: CommandContext) -> int:
    target = args.out.resolve() if args.out else None
    target = ledger.backup_to(ctx.db, target, overwrite=args.force)
    out(f"已备份到：{target}")
    return 0


def run_restore(args: argparse.Namespace, ctx: CommandContext) -> int:
    # A damaged or too-new ledger cannot say who may restore; restore() keeps it as a copy anyway.
    with suppress(ledger.DatabaseDamaged, ledger.DatabaseTooNew):
        require(ctx.db, Permission.RESTORE)
    # restore() takes the data dir's lock itself: ours (from checking the role) must go first.
    ctx.close()
    safety = ledger.restore_backup(ctx.paths, args.file)
    out(f"已从 {args.file} 恢复。")
    out(f"恢复前的台账已另存为：{safety}" if safety else "（之前没有台账文件，无需另存。）")
    return 0


def run_check(args: argparse.Namespace, ctx: CommandContext) -> int:
    """Opening the ledger runs ``PRAGMA quick_check``; the full ``integrity_check`` (indexes
    against their tables too, seconds on a county ledger) runs here. A damaged file is reported
    in one line with exit code 3 by ``cli.main``. On a server: it answers, and its schema
    revision is this app's (the server checks its own pages; pg_amcheck is the admin's tool)."""
    day = args.date or clock.today()
    db = ctx.db
    if db.on_server:
        out(f"台账：数据库服务器 {db.location}")
        out(f"连接：正常（数据版本 {db.stored_version()}）")
    else:
        version = ledger.check_file(ctx.paths)
        out(f"台账文件：{ctx.paths.database}")
        out(f"完整性检查：正常（数据版本 {version}）")
    numbers = stats.day_numbers(db, day)
    by_measure = "，".join(f"{k} {v}" for k, v in numbers.by_measure.items() if v)
    out(f"\n{day:%Y-%m-%d} 概况")
    out(f"  在管人数：{numbers.under_management}（{by_measure}）")
    out(
        f"  累计排查 {numbers.registered_total}，当日新增 {numbers.registered_today}，"
        f"当日解除 {numbers.released_today}，累计解除 {numbers.released_total}"
    )
    missed, now = numbers.missed_readings, local_now()
    if day == now.date():  # a round still under way is not missed yet
        with db.reading() as session:
            missed = rounds.missing_count(session, day, as_of=now)
    out(f"  当日发热(异常) {numbers.fever_today} 人，当日漏测 {missed} 人次")
    cp = numbers.checkpoint
    out(
        f"  卡点：检查车辆 {cp.vehicles} 辆，检查人数 {cp.people} 人次，"
        f"劝返车辆 {cp.turned_back_vehicles} 辆，劝返人数 {cp.turned_back_people} 人次"
    )
    gaps = assignments.coverage_gaps(db, day)
    out(f"\n包保未落实：{len(gaps)} 人")
    for gap in gaps[:LISTED]:
        missing_roles = "、".join(gap.missing_roles)
        out(f"  {gap.group_name or ''} {gap.name}（{gap.measure}）缺：{missing_roles}")
    _more(len(gaps))
    for slot in (rounds.Slot.AM, rounds.Slot.PM):
        due = rounds.due_list(db, day, slot)
        missing = [d for d in due if d.reading is None]
        out(f"\n{slot.label}体温：应测 {len(due)} 人，未测 {len(missing)} 人")
        for item in missing[:LISTED]:
            out(f"  {item.group_name or ''} {item.name}  {item.medical_staff or '（无医护人员）'}")
        _more(len(missing))
    opened = rounds.anomalies(db, open_only=True)
    out(f"\n未关闭的异常：{len(opened)} 条")
    for anomaly in opened[:LISTED]:
        out(
            f"  {anomaly.detected_on:%m-%d} {anomaly.person_name} {anomaly.observation}"
            f" — {anomaly.action or '尚未处置'}"
        )
    _more(len(opened))
    releases = roster.due_for_release(db, day)
    out(f"\n观察期已满待解除：{len(releases)} 人")
    for row in releases[:LISTED]:
        out(f"  {row.group_name or ''} {row.name} 计划解除 {row.planned_end:%Y-%m-%d}")
    _more(len(releases))
    return 0


LISTED = 20  # names printed per section; the rest are counted


def _more(total: int) -> None:
    if total > LISTED:
        out(f"  …… 另有 {total - LISTED} 人")
