"""Impact analysis and webhooks: candidate rulebooks with their files, analyses in chunks, one result per
measure; webhook endpoints, their deliveries (one per event and endpoint) and how far the event feed was read.

A result row is keyed by (analysis, measure): a chunk run again after its worker
died adds nothing for the measures already done, so no measure is counted twice.

On PostgreSQL it also creates the job queue's tables and functions
(procrastinate's schema): jobs live in the same database (README, "Workers").

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-03
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _when() -> sa.DateTime:
    return sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "rulebooks",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("version", sa.String(80), nullable=False),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("files", sa.Text, nullable=False),
        sa.Column("loaded_by", sa.String(200), nullable=False),
        sa.Column("loaded_at", _when(), nullable=False),
        sa.Column("adopted_by", sa.String(200), nullable=True),
        sa.Column("adopted_at", _when(), nullable=True),
    )
    op.create_index("ix_rulebooks_version", "rulebooks", ["version"])
    op.create_table(
        "impact_analyses",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("rulebook_id", sa.String(36), sa.ForeignKey("rulebooks.id"), nullable=False),
        sa.Column("organisation", sa.String(64), nullable=True),
        sa.Column("status", sa.String(20), nullable=True),
        sa.Column("as_of", sa.Date, nullable=True),
        sa.Column("requested_by", sa.String(200), nullable=False),
        sa.Column("requester_organisation", sa.String(64), nullable=True),
        sa.Column("created_at", _when(), nullable=False),
        sa.Column("total", sa.Integer, nullable=False),
        sa.Column("chunks", sa.Integer, nullable=False),
        sa.Column("state", sa.String(20), nullable=False),
        sa.Column("finished_at", _when(), nullable=True),
    )
    op.create_table(
        "impact_chunks",
        sa.Column("analysis_id", sa.String(36), sa.ForeignKey("impact_analyses.id"), primary_key=True),
        sa.Column("number", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("measure_ids", sa.Text, nullable=False),
        sa.Column("done_at", _when(), nullable=True),
    )
    op.create_table(
        "impact_results",
        sa.Column("analysis_id", sa.String(36), sa.ForeignKey("impact_analyses.id"), primary_key=True),
        sa.Column("measure_id", sa.String(36), primary_key=True),
        sa.Column("organisation", sa.String(64), nullable=False),
        sa.Column("kind", sa.String(24), nullable=False),
        sa.Column("previous_verdict", sa.String(40), nullable=True),
        sa.Column("verdict", sa.String(40), nullable=True),
        sa.Column("principles", sa.Text, nullable=False),
        sa.Column("findings_added", sa.Text, nullable=False),
        sa.Column("findings_removed", sa.Text, nullable=False),
        sa.Column("rules", sa.Text, nullable=False),
        sa.Column("error", sa.Text, nullable=True),
    )
    op.create_table(
        "webhooks",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("organisation", sa.String(64), nullable=False),
        sa.Column("url", sa.Text, nullable=False),
        sa.Column("event_types", sa.Text, nullable=False),
        sa.Column("secret", sa.String(80), nullable=False),
        sa.Column("created_by", sa.String(200), nullable=False),
        sa.Column("created_at", _when(), nullable=False),
        sa.Column("from_seq", sa.BigInteger, nullable=False),
        sa.Column("failures", sa.Integer, nullable=False),
        sa.Column("disabled_at", _when(), nullable=True),
    )
    op.create_index("ix_webhooks_organisation", "webhooks", ["organisation"])
    op.create_table(
        "webhook_deliveries",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("webhook_id", sa.String(36), sa.ForeignKey("webhooks.id"), nullable=False),
        sa.Column("event_seq", sa.BigInteger, nullable=False),
        sa.Column("event_type", sa.String(64), nullable=False),
        sa.Column("subject", sa.String(36), nullable=True),
        sa.Column("payload", sa.Text, nullable=False),
        sa.Column("state", sa.String(20), nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False),
        sa.Column("created_at", _when(), nullable=False),
        sa.Column("next_attempt_at", _when(), nullable=False),
        sa.Column("last_status", sa.Integer, nullable=True),
        sa.Column("last_error", sa.Text, nullable=True),
        sa.Column("delivered_at", _when(), nullable=True),
        sa.UniqueConstraint("webhook_id", "event_seq", name="uq_webhook_deliveries_event"),
    )
    op.create_index("ix_webhook_deliveries_pending", "webhook_deliveries", ["webhook_id", "state", "event_seq"])
    op.create_table(
        "webhook_cursor",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("seq", sa.BigInteger, nullable=False),
    )
    if op.get_bind().dialect.name == "postgresql":
        from procrastinate.schema import SchemaManager

        op.get_bind().exec_driver_sql(SchemaManager.get_schema().replace("%", "%%"))  # no parameters: %% is %


PROCRASTINATE_TABLES = (
    "procrastinate_events",
    "procrastinate_periodic_defers",
    "procrastinate_jobs",
    "procrastinate_workers",
)
PROCRASTINATE_TYPES = ("procrastinate_job_event_type", "procrastinate_job_status", "procrastinate_job_to_defer_v1")
DROP_PROCRASTINATE_FUNCTIONS = """
DO $$ DECLARE f record; BEGIN
  FOR f IN SELECT p.oid::regprocedure AS signature FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
           WHERE n.nspname = current_schema() AND p.proname LIKE 'procrastinate%' LOOP
    EXECUTE 'DROP FUNCTION ' || f.signature || ' CASCADE';
  END LOOP;
END $$
"""


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table in PROCRASTINATE_TABLES:
            op.execute(f"DROP TABLE IF EXISTS {table} CASCADE")
        op.get_bind().exec_driver_sql(DROP_PROCRASTINATE_FUNCTIONS.replace("%", "%%"))
        for kind in PROCRASTINATE_TYPES:
            op.execute(f"DROP TYPE IF EXISTS {kind} CASCADE")
    op.drop_table("webhook_cursor")
    op.drop_index("ix_webhook_deliveries_pending", "webhook_deliveries")
    op.drop_table("webhook_deliveries")
    op.drop_index("ix_webhooks_organisation", "webhooks")
    op.drop_table("webhooks")
    op.drop_table("impact_results")
    op.drop_table("impact_chunks")
    op.drop_table("impact_analyses")
    op.drop_index("ix_rulebooks_version", "rulebooks")
    op.drop_table("rulebooks")
