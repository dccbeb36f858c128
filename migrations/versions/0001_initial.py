"""Initial schema: tokens, measures and versions, assessments, decisions, contests, audit chain.

Revision ID: 0001
Revises:
Create Date: 2025-06-01
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

GENESIS_HASH = "0" * 64
APPEND_ONLY = "audit_events is append-only"


def _when() -> sa.DateTime:
    return sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "tokens",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("organisation", sa.String(64), nullable=False),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("created_at", _when(), nullable=False),
        sa.Column("revoked_at", _when(), nullable=True),
    )
    op.create_table(
        "measures",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("organisation", sa.String(64), nullable=False),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("revision", sa.Integer, nullable=False),
        sa.Column("created_by", sa.String(200), nullable=False),
        sa.Column("created_at", _when(), nullable=False),
        sa.Column("updated_at", _when(), nullable=False),
        sa.Column("submitted_by", sa.String(200), nullable=True),
        sa.Column("reviewer", sa.String(200), nullable=True),
        sa.Column("verdict", sa.String(40), nullable=True),
        sa.Column("latest_assessment_id", sa.String(36), nullable=True),
    )
    op.create_index("ix_measures_listing", "measures", ["created_at", "id"])
    op.create_index("ix_measures_organisation_status", "measures", ["organisation", "status"])
    op.create_table(
        "measure_versions",
        sa.Column("measure_id", sa.String(36), sa.ForeignKey("measures.id"), primary_key=True),
        sa.Column("number", sa.Integer, primary_key=True),
        sa.Column("document", sa.Text, nullable=False),
        sa.Column("created_by", sa.String(200), nullable=False),
        sa.Column("created_at", _when(), nullable=False),
    )
    op.create_table(
        "assessments",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("measure_id", sa.String(36), nullable=False),
        sa.Column("measure_version", sa.Integer, nullable=False),
        sa.Column("organisation", sa.String(64), nullable=False),
        sa.Column("verdict", sa.String(40), nullable=False),
        sa.Column("as_of", sa.Date, nullable=False),
        sa.Column("as_of_requested", sa.Date, nullable=True),
        sa.Column("rulebook_version", sa.String(80), nullable=False),
        sa.Column("backend", sa.String(40), nullable=False),
        sa.Column("engine_version", sa.String(200), nullable=False),
        sa.Column("result", sa.Text, nullable=False),
        sa.Column("created_by", sa.String(200), nullable=False),
        sa.Column("created_at", _when(), nullable=False),
        sa.ForeignKeyConstraint(
            ["measure_id", "measure_version"], ["measure_versions.measure_id", "measure_versions.number"]
        ),
    )
    op.create_index("ix_assessments_measure", "assessments", ["measure_id"])
    op.create_table(
        "decisions",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("measure_id", sa.String(36), sa.ForeignKey("measures.id"), nullable=False),
        sa.Column("measure_version", sa.Integer, nullable=False),
        sa.Column("assessment_id", sa.String(36), sa.ForeignKey("assessments.id"), nullable=True),
        sa.Column("decision", sa.String(10), nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("conditions", sa.Text, nullable=False),
        sa.Column("decided_by", sa.String(200), nullable=False),
        sa.Column("decided_at", _when(), nullable=False),
    )
    op.create_index("ix_decisions_measure", "decisions", ["measure_id"])
    op.create_table(
        "contests",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("assessment_id", sa.String(36), sa.ForeignKey("assessments.id"), nullable=False),
        sa.Column("rule_id", sa.String(20), nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("contested_by", sa.String(200), nullable=False),
        sa.Column("contested_at", _when(), nullable=False),
    )
    op.create_index("ix_contests_assessment", "contests", ["assessment_id"])
    op.create_table(
        "audit_events",
        sa.Column("seq", sa.BigInteger, primary_key=True, autoincrement=False),
        sa.Column("occurred_at", _when(), nullable=False),
        sa.Column("kind", sa.String(64), nullable=False),
        sa.Column("actor", sa.String(200), nullable=False),
        sa.Column("organisation", sa.String(64), nullable=True),
        sa.Column("subject", sa.String(36), nullable=True),
        sa.Column("data", sa.Text, nullable=False),
        sa.Column("prev_hash", sa.String(64), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
    )
    op.create_index("ix_audit_events_organisation", "audit_events", ["organisation", "seq"])
    head = op.create_table(
        "audit_head",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("seq", sa.BigInteger, nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
    )
    op.bulk_insert(head, [{"id": 1, "seq": 0, "hash": GENESIS_HASH}])
    _refuse_changes_to_audit_events()


def _refuse_changes_to_audit_events() -> None:
    """Defence in depth: the database itself refuses UPDATE and DELETE on the audit trail.

    Someone with DDL rights can drop the triggers; the hash chain is what detects that.
    """
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS "
            f"$$ BEGIN RAISE EXCEPTION '{APPEND_ONLY}'; END $$"
        )
        op.execute(
            "CREATE TRIGGER audit_events_no_change BEFORE UPDATE OR DELETE ON audit_events "
            "FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()"
        )
        op.execute(
            "CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events "
            "FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only()"
        )
    else:
        for verb in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER audit_events_no_{verb.lower()} BEFORE {verb} ON audit_events "
                f"BEGIN SELECT RAISE(ABORT, '{APPEND_ONLY}'); END"
            )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS audit_events_no_truncate ON audit_events")
        op.execute("DROP TRIGGER IF EXISTS audit_events_no_change ON audit_events")
        op.execute("DROP FUNCTION IF EXISTS audit_events_append_only()")
    for table in ("audit_head", "audit_events", "contests", "decisions", "assessments", "measure_versions"):
        op.drop_table(table)
    op.drop_table("measures")
    op.drop_table("tokens")
