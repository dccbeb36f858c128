"""The relational schema, as SQLAlchemy Core tables.

The tables describe what the queries in ``repository`` may rely on; they are
created only by the Alembic migrations (a test compares the migrated database
with this metadata). Documents and results are stored as JSON text, byte for
byte, because a stored assessment must reproduce exactly.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    BigInteger,
    Column,
    Date,
    DateTime,
    Dialect,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.types import TypeDecorator

metadata = MetaData()

ID = 36
NAME = 200
ORG = 64
HASH = 64
KEY_ID = 16


class UTCDateTime(TypeDecorator[dt.datetime]):
    """Timezone-aware UTC in Python on every database (SQLite keeps no zone: store naive UTC)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetimes are not stored; use UTC")
        value = value.astimezone(dt.UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: Any, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        moment: dt.datetime = value
        return moment.replace(tzinfo=dt.UTC) if moment.tzinfo is None else moment.astimezone(dt.UTC)


tokens = Table(
    "tokens",
    metadata,
    Column("id", String(ID), primary_key=True),
    Column("name", String(NAME), nullable=False),
    Column("organisation", String(ORG), nullable=False),
    Column("role", String(20), nullable=False),
    Column("token_hash", String(HASH), nullable=False, unique=True),
    Column("created_at", UTCDateTime(), nullable=False),
    Column("revoked_at", UTCDateTime(), nullable=True),
    Column("subject", String(NAME), nullable=True),
)

web_sessions = Table(
    "web_sessions",
    metadata,
    Column("session_hash", String(HASH), primary_key=True),
    Column("token_id", String(ID), ForeignKey("tokens.id"), nullable=False),
    Column("csrf_token", String(HASH), nullable=False),
    Column("created_at", UTCDateTime(), nullable=False),
    Column("expires_at", UTCDateTime(), nullable=False),
    Index("ix_web_sessions_expires_at", "expires_at"),
)

measures = Table(
    "measures",
    metadata,
    Column("id", String(ID), primary_key=True),
    Column("organisation", String(ORG), nullable=False),
    Column("title", Text, nullable=False),
    Column("status", String(20), nullable=False),
    Column("version", Integer, nullable=False),
    Column("revision", Integer, nullable=False),
    Column("created_by", String(NAME), nullable=False),
    Column("created_at", UTCDateTime(), nullable=False),
    Column("updated_at", UTCDateTime(), nullable=False),
    Column("submitted_by", String(NAME), nullable=True),
    Column("reviewer", String(NAME), nullable=True),
    Column("verdict", String(40), nullable=True),
    Column("latest_assessment_id", String(ID), nullable=True),
    Column("involved", Text, nullable=True),
    Column("deadline_at", UTCDateTime(), nullable=True),
    Index("ix_measures_listing", "created_at", "id"),
    Index("ix_measures_deadline_at", "deadline_at"),
    Index("ix_measures_organisation_status", "organisation", "status"),
)

measure_versions = Table(
    "measure_versions",
    metadata,
    Column("measure_id", String(ID), ForeignKey("measures.id"), primary_key=True),
    Column("number", Integer, primary_key=True),
    Column("document", Text, nullable=False),
    Column("created_by", String(NAME), nullable=False),
    Column("created_at", UTCDateTime(), nullable=False),
)

assessments = Table(
    "assessments",
    metadata,
    Column("id", String(ID), primary_key=True),
    Column("measure_id", String(ID), nullable=False),
    Column("measure_version", Integer, nullable=False),
    Column("organisation", String(ORG), nullable=False),
    Column("verdict", String(40), nullable=False),
    Column("as_of", Date, nullable=False),
    Column("as_of_requested", Date, nullable=True),
    Column("rulebook_version", String(80), nullable=False),
    Column("backend", String(40), nullable=False),
    Column("engine_version", String(NAME), nullable=False),
    Column("result", Text, nullable=False),
    Column("created_by", String(NAME), nullable=False),
    Column("created_at", UTCDateTime(), nullable=False),
    Column("perspective", String(10), nullable=False, server_default="issuing"),
    ForeignKeyConstraint(["measure_id", "measure_version"], ["measure_versions.measure_id", "measure_versions.number"]),
    Index("ix_assessments_measure", "measure_id"),
)

decisions = Table(
    "decisions",
    metadata,
    Column("id", String(ID), primary_key=True),
    Column("measure_id", String(ID), ForeignKey("measures.id"), nullable=False),
    Column("measure_version", Integer, nullable=False),
    Column("assessment_id", String(ID), ForeignKey("assessments.id"), nullable=True),
    Column("decision", String(20), nullable=False),
    Column("reason", Text, nullable=False),
    Column("conditions", Text, nullable=False),
    Column("decided_by", String(NAME), nullable=False),
    Column("decided_at", UTCDateTime(), nullable=False),
    Column("ground", String(40), nullable=True),
    Index("ix_decisions_measure", "measure_id"),
)

contests = Table(
    "contests",
    metadata,
    Column("id", String(ID), primary_key=True),
    Column("assessment_id", String(ID), ForeignKey("assessments.id"), nullable=False),
    Column("rule_id", String(20), nullable=False),
    Column("reason", Text, nullable=False),
    Column("contested_by", String(NAME), nullable=False),
    Column("contested_at", UTCDateTime(), nullable=False),
    Index("ix_contests_assessment", "assessment_id"),
)

interviews = Table(
    "interviews",
    metadata,
    Column("id", String(ID), primary_key=True),
    Column("organisation", String(ORG), nullable=False),
    Column("created_by", String(NAME), nullable=False),
    Column("created_at", UTCDateTime(), nullable=False),
    Column("expires_at", UTCDateTime(), nullable=False),
    Column("as_of", Date, nullable=True),
    Column("document", Text, nullable=False),
    Column("answers", Text, nullable=False),
    Column("passed", Text, nullable=False),
    Column("revision", Integer, nullable=False),
    Column("measure_id", String(ID), ForeignKey("measures.id"), nullable=True),
    Index("ix_interviews_expires_at", "expires_at"),
)

audit_events = Table(
    "audit_events",
    metadata,
    Column("seq", BigInteger, primary_key=True, autoincrement=False),
    Column("occurred_at", UTCDateTime(), nullable=False),
    Column("kind", String(64), nullable=False),
    Column("actor", String(NAME), nullable=False),
    Column("organisation", String(ORG), nullable=True),
    Column("subject", String(ID), nullable=True),
    Column("data", Text, nullable=False),
    Column("prev_hash", String(HASH), nullable=False),
    Column("hash", String(HASH), nullable=False),
    Column("mac_key", String(KEY_ID), nullable=True),
    Column("mac", String(HASH), nullable=True),
    Index("ix_audit_events_organisation", "organisation", "seq"),
)

audit_head = Table(
    "audit_head",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("seq", BigInteger, nullable=False),
    Column("hash", String(HASH), nullable=False),
    Column("mac_from", BigInteger, nullable=True),
)

idempotency_keys = Table(
    "idempotency_keys",
    metadata,
    Column("scope", String(300), primary_key=True),
    Column("key", String(255), primary_key=True),
    Column("fingerprint", String(HASH), nullable=False),
    Column("status", Integer, nullable=True),
    Column("headers", Text, nullable=True),
    Column("body", LargeBinary, nullable=True),
    Column("created_at", UTCDateTime(), nullable=False),
    Column("expires_at", UTCDateTime(), nullable=False),
    Index("ix_idempotency_keys_expires_at", "expires_at"),
)

# Impact analysis (migration 0008): candidate rulebooks, analyses split in chunks, one result row per measure.
rulebooks = Table(
    "rulebooks",
    metadata,
    Column("id", String(ID), primary_key=True),
    Column("version", String(80), nullable=False),
    Column("source", Text, nullable=False),
    Column("files", Text, nullable=False),
    Column("loaded_by", String(NAME), nullable=False),
    Column("loaded_at", UTCDateTime(), nullable=False),
    Column("adopted_by", String(NAME), nullable=True),
    Column("adopted_at", UTCDateTime(), nullable=True),
    Index("ix_rulebooks_version", "version"),
)

impact_analyses = Table(
    "impact_analyses",
    metadata,
    Column("id", String(ID), primary_key=True),
    Column("rulebook_id", String(ID), ForeignKey("rulebooks.id"), nullable=False),
    Column("organisation", String(ORG), nullable=True),
    Column("status", String(20), nullable=True),
    Column("as_of", Date, nullable=True),
    Column("requested_by", String(NAME), nullable=False),
    Column("requester_organisation", String(ORG), nullable=True),
    Column("created_at", UTCDateTime(), nullable=False),
    Column("total", Integer, nullable=False),
    Column("chunks", Integer, nullable=False),
    Column("state", String(20), nullable=False),
    Column("finished_at", UTCDateTime(), nullable=True),
)

impact_chunks = Table(
    "impact_chunks",
    metadata,
    Column("analysis_id", String(ID), ForeignKey("impact_analyses.id"), primary_key=True),
    Column("number", Integer, primary_key=True, autoincrement=False),
    Column("measure_ids", Text, nullable=False),
    Column("done_at", UTCDateTime(), nullable=True),
)

impact_results = Table(
    "impact_results",
    metadata,
    Column("analysis_id", String(ID), ForeignKey("impact_analyses.id"), primary_key=True),
    Column("measure_id", String(ID), primary_key=True),
    Column("organisation", String(ORG), nullable=False),
    Column("kind", String(24), nullable=False),
    Column("previous_verdict", String(40), nullable=True),
    Column("verdict", String(40), nullable=True),
    Column("principles", Text, nullable=False),
    Column("findings_added", Text, nullable=False),
    Column("findings_removed", Text, nullable=False),
    Column("rules", Text, nullable=False),
    Column("error", Text, nullable=True),
)

# Webhooks (migration 0008): endpoints, their deliveries (one per event and endpoint), and how far the feed was read.
webhooks = Table(
    "webhooks",
    metadata,
    Column("id", String(ID), primary_key=True),
    Column("organisation", String(ORG), nullable=False),
    Column("url", Text, nullable=False),
    Column("event_types", Text, nullable=False),
    Column("secret", String(80), nullable=False),
    Column("created_by", String(NAME), nullable=False),
    Column("created_at", UTCDateTime(), nullable=False),
    Column("from_seq", BigInteger, nullable=False),
    Column("failures", Integer, nullable=False),
    Column("disabled_at", UTCDateTime(), nullable=True),
    Index("ix_webhooks_organisation", "organisation"),
)

webhook_deliveries = Table(
    "webhook_deliveries",
    metadata,
    Column("id", String(ID), primary_key=True),
    Column("webhook_id", String(ID), ForeignKey("webhooks.id"), nullable=False),
    Column("event_seq", BigInteger, nullable=False),
    Column("event_type", String(64), nullable=False),
    Column("subject", String(ID), nullable=True),
    Column("payload", Text, nullable=False),
    Column("state", String(20), nullable=False),
    Column("attempts", Integer, nullable=False),
    Column("created_at", UTCDateTime(), nullable=False),
    Column("next_attempt_at", UTCDateTime(), nullable=False),
    Column("last_status", Integer, nullable=True),
    Column("last_error", Text, nullable=True),
    Column("delivered_at", UTCDateTime(), nullable=True),
    UniqueConstraint("webhook_id", "event_seq", name="uq_webhook_deliveries_event"),
    Index("ix_webhook_deliveries_pending", "webhook_id", "state", "event_seq"),
)

webhook_cursor = Table(
    "webhook_cursor",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("seq", BigInteger, nullable=False),
)
