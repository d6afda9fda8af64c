"""Schema 1: the first released schema of Fangyi Ledger (防疫台账), with its reference lists.

Frozen as released (it was ``0001_initial.sql`` of the numbered SQL ladder): later changes go in
new revisions. tests/test_migrations.py checks that all revisions together build the models.

Revision ID: 0001
Revises: (none)
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from app.migrations.seed import insert_rows

revision = "0001"
down_revision: str | None = None
branch_labels = None
depends_on = None

LIVE_ID_NUMBER = sa.text("deleted_at IS NULL AND id_number IS NOT NULL")


def upgrade() -> None:
    _tables()
    _reference_lists()


def _tables() -> None:
    op.create_table(
        "audit_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("operator", sa.String(length=50), nullable=False),
        sa.Column("action", sa.String(length=20), nullable=False),
        sa.Column("entity", sa.String(length=30), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=True),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("changes", sa.Text(), nullable=False),
        sa.Column("summary", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_entry")),
    )
    op.create_index(op.f("ix_audit_entry_at"), "audit_entry", ["at"], unique=False)
    op.create_index("ix_audit_entry_entity", "audit_entry", ["entity", "entity_id"], unique=False)
    op.create_index(op.f("ix_audit_entry_person_id"), "audit_entry", ["person_id"], unique=False)
    op.create_table(
        "category",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=50), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_category")),
        sa.UniqueConstraint("name", name=op.f("uq_category_name")),
    )
    op.create_table(
        "checkpoint",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=50), nullable=False),
        sa.Column("location", sa.String(length=100), nullable=True),
        sa.Column("level", sa.String(length=10), nullable=False),
        sa.Column("responsible", sa.String(length=50), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column(
            "created_at", sa.DateTime(), server_default=sa.text("CURRENT_TIMESTAMP"), nullable=False
        ),
        sa.Column(
            "updated_at", sa.DateTime(), server_default=sa.text("CURRENT_TIMESTAMP"), nullable=False
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_checkpoint")),
        sa.UniqueConstraint("name", name=op.f("uq_checkpoint_name")),
    )
    op.create_table(
        "end_reason",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=30), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_end_reason")),
        sa.UniqueConstraint("name", name=op.f("uq_end_reason_name")),
    )
    op.create_table(
        "measure",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=50), nullable=False),
        sa.Column("default_days", sa.Integer(), nullable=False),
        sa.Column("needs_readings", sa.Boolean(), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_measure")),
        sa.UniqueConstraint("name", name=op.f("uq_measure_name")),
    )
    op.create_table(
        "person",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=50), nullable=False),
        sa.Column("search_key", sa.String(length=200), nullable=False),
        sa.Column("sex", sa.String(length=2), nullable=True),
        sa.Column("id_type", sa.String(length=30), nullable=False),
        sa.Column("id_number", sa.String(length=30), nullable=True),
        sa.Column("birth_date", sa.Date(), nullable=True),
        sa.Column("phone", sa.String(length=30), nullable=True),
        sa.Column("address", sa.String(length=200), nullable=True),
        sa.Column("group_name", sa.String(length=50), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column(
            "created_at", sa.DateTime(), server_default=sa.text("CURRENT_TIMESTAMP"), nullable=False
        ),
        sa.Column(
            "updated_at", sa.DateTime(), server_default=sa.text("CURRENT_TIMESTAMP"), nullable=False
        ),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_person")),
    )
    op.create_index(op.f("ix_person_group_name"), "person", ["group_name"], unique=False)
    op.create_index("ix_person_search_key", "person", ["search_key"], unique=False)
    op.create_index(
        "uq_person_live_id_number",
        "person",
        ["id_number"],
        unique=True,
        sqlite_where=LIVE_ID_NUMBER,
        postgresql_where=LIVE_ID_NUMBER,
    )
    op.create_table(
        "setting",
        sa.Column("key", sa.String(length=50), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_setting")),
    )
    op.create_table(
        "staff_role",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=30), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_staff_role")),
        sa.UniqueConstraint("name", name=op.f("uq_staff_role_name")),
    )
    op.create_table(
        "unit_profile",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("unit_name", sa.String(length=100), nullable=False),
        sa.Column("township", sa.String(length=100), nullable=False),
        sa.Column("reporter", sa.String(length=50), nullable=False),
        sa.Column("phone", sa.String(length=30), nullable=False),
        sa.Column("reviewer", sa.String(length=50), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_unit_profile")),
    )
    op.create_table(
        "measure_required_role",
        sa.Column("measure_id", sa.Integer(), nullable=False),
        sa.Column("role_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["measure_id"], ["measure.id"], name=op.f("fk_measure_required_role_measure_id_measure")
        ),
        sa.ForeignKeyConstraint(
            ["role_id"], ["staff_role.id"], name=op.f("fk_measure_required_role_role_id_staff_role")
        ),
        sa.PrimaryKeyConstraint("measure_id", "role_id", name=op.f("pk_measure_required_role")),
    )
    op.create_table(
        "staff",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=50), nullable=False),
        sa.Column("role_id", sa.Integer(), nullable=False),
        sa.Column("phone", sa.String(length=30), nullable=True),
        sa.Column("organisation", sa.String(length=100), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column(
            "created_at", sa.DateTime(), server_default=sa.text("CURRENT_TIMESTAMP"), nullable=False
        ),
        sa.Column(
            "updated_at", sa.DateTime(), server_default=sa.text("CURRENT_TIMESTAMP"), nullable=False
        ),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["role_id"], ["staff_role.id"], name=op.f("fk_staff_role_id_staff_role")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_staff")),
    )
    op.create_table(
        "vehicle_pass",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("checkpoint_id", sa.Integer(), nullable=False),
        sa.Column("passed_at", sa.DateTime(), nullable=False),
        sa.Column("direction", sa.String(length=2), nullable=False),
        sa.Column("plate", sa.String(length=20), nullable=False),
        sa.Column("plate_kind", sa.String(length=20), nullable=False),
        sa.Column("vehicle_type", sa.String(length=20), nullable=True),
        sa.Column("driver_name", sa.String(length=50), nullable=True),
        sa.Column("driver_id_number", sa.String(length=30), nullable=True),
        sa.Column("driver_phone", sa.String(length=30), nullable=True),
        sa.Column("people_aboard", sa.Integer(), nullable=False),
        sa.Column("origin", sa.String(length=100), nullable=True),
        sa.Column("destination", sa.String(length=100), nullable=True),
        sa.Column("purpose", sa.String(length=100), nullable=True),
        sa.Column("max_temperature", sa.Float(), nullable=True),
        sa.Column("disinfected", sa.Boolean(), nullable=False),
        sa.Column("disposition", sa.String(length=10), nullable=False),
        sa.Column("abnormal", sa.Boolean(), nullable=False),
        sa.Column("action_taken", sa.String(length=200), nullable=True),
        sa.Column("duty_staff", sa.String(length=100), nullable=True),
        sa.Column(
            "created_at", sa.DateTime(), server_default=sa.text("CURRENT_TIMESTAMP"), nullable=False
        ),
        sa.Column(
            "updated_at", sa.DateTime(), server_default=sa.text("CURRENT_TIMESTAMP"), nullable=False
        ),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["checkpoint_id"],
            ["checkpoint.id"],
            name=op.f("fk_vehicle_pass_checkpoint_id_checkpoint"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_vehicle_pass")),
    )
    op.create_index(
        "ix_vehicle_pass_checkpoint_time",
        "vehicle_pass",
        ["checkpoint_id", "passed_at"],
        unique=False,
    )
    op.create_index(op.f("ix_vehicle_pass_passed_at"), "vehicle_pass", ["passed_at"], unique=False)
    op.create_index("ix_vehicle_pass_plate", "vehicle_pass", ["plate"], unique=False)
    op.create_table(
        "case_record",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("category_id", sa.Integer(), nullable=False),
        sa.Column("measure_id", sa.Integer(), nullable=False),
        sa.Column("origin", sa.String(length=200), nullable=True),
        sa.Column("arrival_date", sa.Date(), nullable=True),
        sa.Column("registered_on", sa.Date(), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("planned_end", sa.Date(), nullable=True),
        sa.Column("ended_on", sa.Date(), nullable=True),
        sa.Column("end_reason_id", sa.Integer(), nullable=True),
        sa.Column("source_pass_id", sa.Integer(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column(
            "created_at", sa.DateTime(), server_default=sa.text("CURRENT_TIMESTAMP"), nullable=False
        ),
        sa.Column(
            "updated_at", sa.DateTime(), server_default=sa.text("CURRENT_TIMESTAMP"), nullable=False
        ),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["category_id"], ["category.id"], name=op.f("fk_case_record_category_id_category")
        ),
        sa.ForeignKeyConstraint(
            ["end_reason_id"],
            ["end_reason.id"],
            name=op.f("fk_case_record_end_reason_id_end_reason"),
        ),
        sa.ForeignKeyConstraint(
            ["measure_id"], ["measure.id"], name=op.f("fk_case_record_measure_id_measure")
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_case_record_person_id_person")
        ),
        sa.ForeignKeyConstraint(
            ["source_pass_id"],
            ["vehicle_pass.id"],
            name=op.f("fk_case_record_source_pass_id_vehicle_pass"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_record")),
    )
    op.create_index("ix_case_record_ended_on", "case_record", ["ended_on"], unique=False)
    op.create_index(
        "ix_case_record_period", "case_record", ["start_date", "ended_on"], unique=False
    )
    op.create_index(op.f("ix_case_record_person_id"), "case_record", ["person_id"], unique=False)
    op.create_index("ix_case_record_registered_on", "case_record", ["registered_on"], unique=False)
    op.create_table(
        "assignment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=False),
        sa.Column("role_id", sa.Integer(), nullable=False),
        sa.Column("since", sa.Date(), nullable=False),
        sa.Column("until", sa.Date(), nullable=True),
        sa.Column(
            "created_at", sa.DateTime(), server_default=sa.text("CURRENT_TIMESTAMP"), nullable=False
        ),
        sa.Column(
            "updated_at", sa.DateTime(), server_default=sa.text("CURRENT_TIMESTAMP"), nullable=False
        ),
        sa.ForeignKeyConstraint(
            ["case_id"], ["case_record.id"], name=op.f("fk_assignment_case_id_case_record")
        ),
        sa.ForeignKeyConstraint(
            ["role_id"], ["staff_role.id"], name=op.f("fk_assignment_role_id_staff_role")
        ),
        sa.ForeignKeyConstraint(
            ["staff_id"], ["staff.id"], name=op.f("fk_assignment_staff_id_staff")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assignment")),
    )
    op.create_index("ix_assignment_case_role", "assignment", ["case_id", "role_id"], unique=False)
    op.create_index(op.f("ix_assignment_staff_id"), "assignment", ["staff_id"], unique=False)
    op.create_table(
        "occupant",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("pass_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=50), nullable=False),
        sa.Column("id_number", sa.String(length=30), nullable=True),
        sa.Column("phone", sa.String(length=30), nullable=True),
        sa.Column("temperature", sa.Float(), nullable=True),
        sa.Column("case_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["case_id"], ["case_record.id"], name=op.f("fk_occupant_case_id_case_record")
        ),
        sa.ForeignKeyConstraint(
            ["pass_id"], ["vehicle_pass.id"], name=op.f("fk_occupant_pass_id_vehicle_pass")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_occupant")),
    )
    op.create_index(op.f("ix_occupant_pass_id"), "occupant", ["pass_id"], unique=False)
    op.create_table(
        "temperature_reading",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("reading_date", sa.Date(), nullable=False),
        sa.Column("slot", sa.String(length=2), nullable=False),
        sa.Column("celsius", sa.Float(), nullable=False),
        sa.Column("symptoms", sa.String(length=100), nullable=False),
        sa.Column("measured_by", sa.String(length=50), nullable=True),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.Column("note", sa.String(length=200), nullable=True),
        sa.Column(
            "created_at", sa.DateTime(), server_default=sa.text("CURRENT_TIMESTAMP"), nullable=False
        ),
        sa.Column(
            "updated_at", sa.DateTime(), server_default=sa.text("CURRENT_TIMESTAMP"), nullable=False
        ),
        sa.ForeignKeyConstraint(
            ["case_id"], ["case_record.id"], name=op.f("fk_temperature_reading_case_id_case_record")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_temperature_reading")),
    )
    op.create_index(
        "ix_reading_day_slot", "temperature_reading", ["reading_date", "slot"], unique=False
    )
    op.create_index(
        "uq_reading_case_day_slot",
        "temperature_reading",
        ["case_id", "reading_date", "slot"],
        unique=True,
    )
    op.create_table(
        "anomaly",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=True),
        sa.Column("reading_id", sa.Integer(), nullable=True),
        sa.Column("pass_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("detected_on", sa.Date(), nullable=False),
        sa.Column("slot", sa.String(length=2), nullable=True),
        sa.Column("observation", sa.String(length=200), nullable=False),
        sa.Column("action", sa.String(length=200), nullable=True),
        sa.Column("handled_by", sa.String(length=50), nullable=True),
        sa.Column("handled_at", sa.DateTime(), nullable=True),
        sa.Column("closed", sa.Boolean(), nullable=False),
        sa.Column("outcome", sa.Text(), nullable=True),
        sa.Column("closed_at", sa.DateTime(), nullable=True),
        sa.Column(
            "created_at", sa.DateTime(), server_default=sa.text("CURRENT_TIMESTAMP"), nullable=False
        ),
        sa.Column(
            "updated_at", sa.DateTime(), server_default=sa.text("CURRENT_TIMESTAMP"), nullable=False
        ),
        sa.ForeignKeyConstraint(
            ["case_id"], ["case_record.id"], name=op.f("fk_anomaly_case_id_case_record")
        ),
        sa.ForeignKeyConstraint(
            ["pass_id"], ["vehicle_pass.id"], name=op.f("fk_anomaly_pass_id_vehicle_pass")
        ),
        sa.ForeignKeyConstraint(
            ["reading_id"],
            ["temperature_reading.id"],
            name=op.f("fk_anomaly_reading_id_temperature_reading"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_anomaly")),
    )
    op.create_index(op.f("ix_anomaly_case_id"), "anomaly", ["case_id"], unique=False)
    op.create_index("ix_anomaly_open", "anomaly", ["closed", "detected_on"], unique=False)


def _reference_lists() -> None:
    """Lists a clerk can edit later in Settings."""
    insert_rows(
        "staff_role",
        ("id", "name", "sort_order"),
        [
            (1, "医护人员", 1),
            (2, "村干部", 2),
            (3, "乡镇干部", 3),
            (4, "民警", 4),
            (5, "网格员", 5),
        ],
    )
    insert_rows(
        "category",
        ("id", "name", "sort_order", "active"),
        [
            (1, "密切接触者", 1, True),
            (2, "次密切接触者", 2, True),
            (3, "中高风险地区返乡人员", 3, True),
            (4, "境外入境人员", 4, True),
            (5, "发热人员", 5, True),
            (6, "其他重点人员", 6, True),
        ],
    )
    # Default lengths follow the 9th edition of the national protocol; policies change, so they
    # are settings.
    insert_rows(
        "measure",
        ("id", "name", "default_days", "needs_readings", "sort_order", "active"),
        [
            (1, "居家隔离医学观察", 7, True, 1, True),
            (2, "居家健康监测", 3, True, 2, True),
            (3, "集中隔离医学观察", 7, False, 3, True),
            (4, "仅登记", 0, False, 4, True),
        ],
    )
    # 三包一: a medical worker, a village cadre and a township cadre for each person at home.
    insert_rows(
        "measure_required_role",
        ("measure_id", "role_id"),
        [(1, 1), (1, 2), (1, 3), (2, 1), (2, 2), (2, 3)],
    )
    insert_rows(
        "end_reason",
        ("id", "name", "kind", "sort_order"),
        [
            (1, "期满解除", "release", 1),
            (2, "转集中隔离", "transfer", 2),
            (3, "送医/转诊", "medical", 3),
            (4, "确诊", "medical", 4),
            (5, "迁出", "other", 5),
            (6, "其他", "other", 6),
        ],
    )
    insert_rows(
        "unit_profile",
        ("id", "unit_name", "township", "reporter", "phone", "reviewer"),
        [(1, "", "", "", "", "")],
    )
