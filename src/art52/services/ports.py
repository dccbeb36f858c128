"""The ports the service layer needs from the outside world.

The storage adapter implements them with SQLAlchemy; the service tests with
in-memory fakes. A unit of work is one transaction: everything done through
its repositories is committed together or not at all, so a state change and
its audit event can never be separated.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from types import TracebackType
from typing import Protocol, Self

from art52.domain.access import TokenRecord
from art52.domain.audit import AuditEvent, ChainHead
from art52.domain.idempotency import KeyUse, StoredResponse
from art52.domain.impact import MeasureImpact
from art52.domain.interviews import InterviewRecord
from art52.domain.records import (
    Contest,
    Decision,
    MeasureFilter,
    MeasureRecord,
    MeasureVersion,
    StoredAssessment,
)
from art52.domain.rulebook_records import ImpactAnalysis, RulebookRecord, StoredMeasureInput
from art52.domain.sessions import SessionRecord
from art52.domain.webhooks import Delivery, Webhook

# Keyset position in a listing of measures, newest first: (created_at, id) of the last item seen.
MeasureKey = tuple[dt.datetime, str]


class Clock(Protocol):
    """The current time, always timezone-aware UTC."""

    def now(self) -> dt.datetime: ...


class TokenRepository(Protocol):
    def add(self, token: TokenRecord) -> None: ...

    def get(self, token_id: str) -> TokenRecord | None: ...

    def by_hash(self, token_hash: str) -> TokenRecord | None: ...

    def list(self) -> list[TokenRecord]: ...

    def revoke(self, token_id: str, at: dt.datetime) -> None: ...


class SessionRepository(Protocol):
    def add(self, session: SessionRecord) -> None: ...

    def get(self, session_hash: str) -> SessionRecord | None: ...

    def delete(self, session_hash: str) -> None: ...

    def delete_expired(self, now: dt.datetime) -> None: ...


class MeasureRepository(Protocol):
    def add(self, record: MeasureRecord) -> None: ...

    def get(self, measure_id: str) -> MeasureRecord | None: ...

    def update(self, record: MeasureRecord, expected_revision: int) -> None:
        """Replace the record if its stored revision is still ``expected_revision``; else ConflictError."""
        ...

    def page(self, where: MeasureFilter, after: MeasureKey | None, limit: int) -> list[MeasureRecord]:
        """Up to ``limit`` measures matching ``where``, newest first, strictly after ``after``."""
        ...

    def with_open_deadline(self) -> list[MeasureRecord]:
        """Measures with a review deadline (notified orders) and no final decision, earliest deadline first."""
        ...

    def add_version(self, version: MeasureVersion) -> None: ...

    def version(self, measure_id: str, number: int) -> MeasureVersion | None: ...

    def versions(self, measure_id: str) -> list[MeasureVersion]: ...


class AssessmentRepository(Protocol):
    def add(self, assessment: StoredAssessment) -> None: ...

    def get(self, assessment_id: str) -> StoredAssessment | None: ...

    def for_measure(self, measure_id: str) -> list[StoredAssessment]:
        """Oldest first."""
        ...

    def add_contest(self, contest: Contest) -> None: ...

    def contests(self, assessment_id: str) -> list[Contest]:
        """Oldest first."""
        ...


class DecisionRepository(Protocol):
    def add(self, decision: Decision) -> None: ...

    def for_measure(self, measure_id: str) -> list[Decision]:
        """Oldest first."""
        ...


class InterviewRepository(Protocol):
    def add(self, record: InterviewRecord) -> None: ...

    def get(self, interview_id: str) -> InterviewRecord | None: ...

    def update(self, record: InterviewRecord, expected_revision: int) -> None:
        """Replace the record if its stored revision is still ``expected_revision``; else ConflictError."""
        ...


class AuditLog(Protocol):
    def head(self, *, lock: bool = False) -> ChainHead:
        """The chain head; ``lock`` holds it until commit so that appends are serialised."""
        ...

    def append(self, event: AuditEvent) -> None:
        """Store ``event`` and move the head to it (the caller holds the lock)."""
        ...

    def events_about(self, subject: str, kinds: Sequence[str]) -> list[AuditEvent]:
        """The events of ``kinds`` about ``subject`` (a measure id), in order."""
        ...

    def events(self, after: int, limit: int | None = None, organisation: str | None = None) -> list[AuditEvent]:
        """Events with seq > ``after`` in order, optionally only those of ``organisation``."""
        ...

    def latest(self, before: int | None, limit: int, organisation: str | None = None) -> list[AuditEvent]:
        """Up to ``limit`` events with seq < ``before`` (any if None), newest first."""
        ...


class IdempotencyStore(Protocol):
    """Keys and the responses they produced; each call is a transaction of its own."""

    def claim(
        self,
        scope: str,
        key: str,
        fingerprint: str,
        now: dt.datetime,
        expires_at: dt.datetime,
        stale_before: dt.datetime,
    ) -> KeyUse | None:
        """Take ``key`` for a new request (None), or the earlier, unexpired use of it.

        Expired keys are forgotten first, and so is an unfinished use started before ``stale_before``
        (its request died with its process).
        """
        ...

    def complete(self, scope: str, key: str, response: StoredResponse) -> None: ...

    def release(self, scope: str, key: str) -> None:
        """Forget an unfinished use (its request failed), so that a retry runs again."""
        ...


class ImpactRepository(Protocol):
    def add_rulebook(self, record: RulebookRecord) -> None: ...

    def rulebook(self, rulebook_id: str) -> RulebookRecord | None: ...

    def adopt(self, rulebook_id: str, by: str, at: dt.datetime) -> None: ...

    def adopted(self) -> RulebookRecord | None: ...

    def add_analysis(self, analysis: ImpactAnalysis, chunks: Sequence[Sequence[str]]) -> None: ...

    def analysis(self, analysis_id: str, *, lock: bool = False) -> ImpactAnalysis | None: ...

    def chunk(self, analysis_id: str, number: int) -> list[str] | None: ...

    def finish_chunk(self, analysis_id: str, number: int, at: dt.datetime) -> int:
        """Mark a chunk done; the number of chunks still open."""
        ...

    def finish(self, analysis_id: str, at: dt.datetime) -> bool: ...

    def measure_ids(self, where: MeasureFilter) -> list[str]: ...

    def inputs(self, measure_ids: Sequence[str]) -> list[StoredMeasureInput]: ...

    def done(self, analysis_id: str, measure_ids: Sequence[str]) -> set[str]: ...

    def add_results(self, analysis_id: str, impacts: Iterable[MeasureImpact]) -> None:
        """Store results; one already stored for the same (analysis, measure) is kept, the new one dropped."""
        ...

    def count_results(self, analysis_id: str) -> int: ...

    def results(self, analysis_id: str) -> list[MeasureImpact]: ...


class WebhookRepository(Protocol):
    def add(self, webhook: Webhook) -> None: ...

    def get(self, webhook_id: str) -> Webhook | None: ...

    def active(self) -> list[Webhook]: ...

    def for_organisation(self, organisation: str) -> list[Webhook]: ...

    def set_failures(self, webhook_id: str, failures: int, disabled_at: dt.datetime | None = None) -> None: ...

    def cursor(self) -> int:
        """The last event dispatched, locked until commit."""
        ...

    def move_cursor(self, seq: int) -> None: ...

    def add_deliveries(self, deliveries: Sequence[Delivery]) -> None:
        """Store deliveries; one already stored for the same (endpoint, event) is kept."""
        ...

    def pending(self, webhook_id: str, limit: int) -> list[Delivery]: ...

    def update_delivery(self, delivery: Delivery) -> None: ...

    def fail_pending(self, webhook_id: str) -> None: ...

    def deliveries(self, webhook_id: str, limit: int) -> list[Delivery]: ...


class UnitOfWork(Protocol):
    """One transaction over every repository; rolled back unless committed."""

    @property
    def tokens(self) -> TokenRepository: ...

    @property
    def sessions(self) -> SessionRepository: ...

    @property
    def measures(self) -> MeasureRepository: ...

    @property
    def assessments(self) -> AssessmentRepository: ...

    @property
    def decisions(self) -> DecisionRepository: ...

    @property
    def interviews(self) -> InterviewRepository: ...

    @property
    def audit(self) -> AuditLog: ...

    @property
    def impact(self) -> ImpactRepository: ...

    @property
    def webhooks(self) -> WebhookRepository: ...

    def __enter__(self) -> Self: ...

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None: ...

    def commit(self) -> None: ...


class UnitOfWorkFactory(Protocol):
    """Opens a unit of work; ``read_only`` for one that never commits.

    A read-only unit of work never waits on the lock writers hold (on SQLite, a deferred BEGIN
    in WAL mode reads the last committed state while another transaction writes).
    """

    def __call__(self, *, read_only: bool = False) -> UnitOfWork: ...
