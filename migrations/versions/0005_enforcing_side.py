"""The enforcing side of e-evidence: review deadlines, the perspective of assessments, refusal grounds.

``measures.deadline_at`` is the end of the enforcing authority's review period of a
notified order (null for any other measure). ``assessments.perspective`` records the
side an assessment took; every assessment stored before was the issuing side's.
``decisions.ground`` is the ground of a refusal, and the decision column widens to
hold ``no_objection``.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-03
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("measures") as batch:
        batch.add_column(sa.Column("deadline_at", sa.DateTime(timezone=True), nullable=True))
        batch.create_index("ix_measures_deadline_at", ["deadline_at"])
    with op.batch_alter_table("assessments") as batch:
        batch.add_column(sa.Column("perspective", sa.String(10), nullable=False, server_default="issuing"))
    with op.batch_alter_table("decisions") as batch:
        batch.alter_column("decision", type_=sa.String(20), existing_type=sa.String(10), existing_nullable=False)
        batch.add_column(sa.Column("ground", sa.String(40), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("decisions") as batch:
        batch.drop_column("ground")
        batch.alter_column("decision", type_=sa.String(10), existing_type=sa.String(20), existing_nullable=False)
    with op.batch_alter_table("assessments") as batch:
        batch.drop_column("perspective")
    with op.batch_alter_table("measures") as batch:
        batch.drop_index("ix_measures_deadline_at")
        batch.drop_column("deadline_at")
