"""Guided interviews: the measure built so far, the answers, the organisation and the expiry.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-03
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "interviews",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("organisation", sa.String(64), nullable=False),
        sa.Column("created_by", sa.String(200), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("as_of", sa.Date, nullable=True),
        sa.Column("document", sa.Text, nullable=False),
        sa.Column("answers", sa.Text, nullable=False),
        sa.Column("passed", sa.Text, nullable=False),
        sa.Column("revision", sa.Integer, nullable=False),
        sa.Column("measure_id", sa.String(36), sa.ForeignKey("measures.id"), nullable=True),
    )
    op.create_index("ix_interviews_expires_at", "interviews", ["expires_at"])


def downgrade() -> None:
    op.drop_index("ix_interviews_expires_at", table_name="interviews")
    op.drop_table("interviews")
