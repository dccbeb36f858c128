"""Audit hardening: keyed seals on events, where sealing starts, and a head that only moves forward.

Events already stored keep no MAC: sealing starts with the first event appended
while an audit key is configured, and ``audit_head.mac_from`` records it. The
head's trigger refuses inserts, deletes, truncation and any update other than
one step forward onto a stored event, and keeps ``mac_from`` once it is set.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-03
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

FORWARD_ONLY = "audit_head only moves forward, one stored event at a time"

# An update that is not one step forward onto a stored event, or that moves where sealing starts.
BACKWARD = """
    NEW.id <> OLD.id
    OR NEW.seq <> OLD.seq + 1
    OR NOT EXISTS (SELECT 1 FROM audit_events e WHERE e.seq = NEW.seq AND e.hash = NEW.hash)
    OR (OLD.mac_from IS NOT NULL AND (NEW.mac_from IS NULL OR NEW.mac_from <> OLD.mac_from))
    OR (OLD.mac_from IS NULL AND NEW.mac_from IS NOT NULL AND NEW.mac_from <> NEW.seq)
"""


def upgrade() -> None:
    op.add_column("audit_events", sa.Column("mac_key", sa.String(16), nullable=True))
    op.add_column("audit_events", sa.Column("mac", sa.String(64), nullable=True))
    op.add_column("audit_head", sa.Column("mac_from", sa.BigInteger, nullable=True))
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "CREATE FUNCTION audit_head_forward_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            f"IF TG_OP <> 'UPDATE' OR {BACKWARD} THEN RAISE EXCEPTION '{FORWARD_ONLY}'; END IF; "
            "RETURN NEW; END $$"
        )
        op.execute(
            "CREATE TRIGGER audit_head_forward BEFORE INSERT OR UPDATE OR DELETE ON audit_head "
            "FOR EACH ROW EXECUTE FUNCTION audit_head_forward_only()"
        )
        op.execute(
            "CREATE TRIGGER audit_head_no_truncate BEFORE TRUNCATE ON audit_head "
            "FOR EACH STATEMENT EXECUTE FUNCTION audit_head_forward_only()"
        )
        return
    op.execute(
        f"CREATE TRIGGER audit_head_forward BEFORE UPDATE ON audit_head WHEN {BACKWARD} "
        f"BEGIN SELECT RAISE(ABORT, '{FORWARD_ONLY}'); END"
    )
    for verb in ("INSERT", "DELETE"):
        op.execute(
            f"CREATE TRIGGER audit_head_no_{verb.lower()} BEFORE {verb} ON audit_head "
            f"BEGIN SELECT RAISE(ABORT, '{FORWARD_ONLY}'); END"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS audit_head_no_truncate ON audit_head")
        op.execute("DROP TRIGGER IF EXISTS audit_head_forward ON audit_head")
        op.execute("DROP FUNCTION IF EXISTS audit_head_forward_only()")
    else:
        for name in ("audit_head_forward", "audit_head_no_insert", "audit_head_no_delete"):
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_column("audit_head", "mac_from")
    op.drop_column("audit_events", "mac")
    op.drop_column("audit_events", "mac_key")
