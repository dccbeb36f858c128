"""In-memory fakes of the storage ports, so the use cases are tested without a database.

The fake unit of work works on a copy of the store and writes it back only on
commit, so a test notices a use case that forgets to commit or that relies on
a half-finished transaction.
"""

from __future__ import annotations

import copy
import datetime as dt
import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from types import TracebackType
from typing import Any, Self

import pytest

from art52.domain.access import Principal, Role, TokenRecord
from art52.domain.audit import GENESIS_HASH, AuditEvent, ChainHead
from art52.domain.interviews import InterviewRecord
from art52.domain.records import Contest, Decision, MeasureFilter, MeasureRecord, MeasureVersion, StoredAssessment
from art52.domain.sessions import SessionRecord
from art52.domain.workflow import TERMINAL
from art52.errors import ConflictError
from art52.services.assessments import Assessor
from art52.services.audit import AuditService
from art52.services.deadlines import DeadlineService
from art52.services.measures import MeasureService
from art52.services.reviews import ReviewService
from art52.services.sessions import SessionService
from art52.services.stored_assessments import AssessmentService
from art52.services.tokens import TokenService

# The fake clock advances a second per reading: a session lasts a few dozen readings.
SESSION_LIFETIME = dt.timedelta(seconds=30)


@dataclass
class Store:
    tokens: dict[str, TokenRecord] = field(default_factory=dict)
    sessions: dict[str, SessionRecord] = field(default_factory=dict)
    measures: dict[str, MeasureRecord] = field(default_factory=dict)
    versions: dict[tuple[str, int], MeasureVersion] = field(default_factory=dict)
    assessments: dict[str, StoredAssessment] = field(default_factory=dict)
    contests: list[Contest] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)
    interviews: dict[str, InterviewRecord] = field(default_factory=dict)
    events: list[AuditEvent] = field(default_factory=list)
    head: ChainHead = field(default_factory=lambda: ChainHead(0, GENESIS_HASH))
    commits: int = 0


class FakeTokens:
    def __init__(self, store: Store) -> None:
        self.s = store

    def add(self, token: TokenRecord) -> None:
        self.s.tokens[token.id] = token

    def get(self, token_id: str) -> TokenRecord | None:
        return self.s.tokens.get(token_id)

    def by_hash(self, token_hash: str) -> TokenRecord | None:
        return next((t for t in self.s.tokens.values() if t.token_hash == token_hash), None)

    def list(self) -> list[TokenRecord]:
        return sorted(self.s.tokens.values(), key=lambda t: (t.created_at, t.id))

    def revoke(self, token_id: str, at: dt.datetime) -> None:
        token = self.s.tokens[token_id]
        self.s.tokens[token_id] = TokenRecord(**{**token.__dict__, "revoked_at": at})


class FakeSessions:
    def __init__(self, store: Store) -> None:
        self.s = store

    def add(self, session: SessionRecord) -> None:
        assert session.session_hash not in self.s.sessions
        self.s.sessions[session.session_hash] = session

    def get(self, session_hash: str) -> SessionRecord | None:
        return self.s.sessions.get(session_hash)

    def delete(self, session_hash: str) -> None:
        self.s.sessions.pop(session_hash, None)

    def delete_expired(self, now: dt.datetime) -> None:
        self.s.sessions = {k: v for k, v in self.s.sessions.items() if v.expires_at > now}


class FakeMeasures:
    def __init__(self, store: Store) -> None:
        self.s = store

    def add(self, record: MeasureRecord) -> None:
        assert record.id not in self.s.measures
        self.s.measures[record.id] = record

    def get(self, measure_id: str) -> MeasureRecord | None:
        return self.s.measures.get(measure_id)

    def update(self, record: MeasureRecord, expected_revision: int) -> None:
        if self.s.measures[record.id].revision != expected_revision:
            raise ConflictError("changed concurrently")
        self.s.measures[record.id] = record

    def page(self, where: MeasureFilter, after: tuple[dt.datetime, str] | None, limit: int) -> list[MeasureRecord]:
        found = sorted(self.s.measures.values(), key=lambda m: (m.created_at, m.id), reverse=True)
        found = [
            m
            for m in found
            if (where.status is None or m.status is where.status)
            and (where.organisation is None or m.organisation == where.organisation)
            and (where.verdict is None or m.verdict is where.verdict)
            and (where.created_by is None or m.created_by == where.created_by)
            and (after is None or (m.created_at, m.id) < after)
        ]
        return found[:limit]

    def with_open_deadline(self) -> list[MeasureRecord]:
        found = [m for m in self.s.measures.values() if m.deadline_at is not None and m.status not in TERMINAL]
        return sorted(found, key=lambda m: (m.deadline_at, m.id))

    def add_version(self, version: MeasureVersion) -> None:
        key = (version.measure_id, version.number)
        assert key not in self.s.versions, "versions are immutable"
        self.s.versions[key] = version

    def version(self, measure_id: str, number: int) -> MeasureVersion | None:
        return self.s.versions.get((measure_id, number))

    def versions(self, measure_id: str) -> list[MeasureVersion]:
        return sorted((v for k, v in self.s.versions.items() if k[0] == measure_id), key=lambda v: v.number)


class FakeAssessments:
    def __init__(self, store: Store) -> None:
        self.s = store

    def add(self, assessment: StoredAssessment) -> None:
        self.s.assessments[assessment.id] = assessment

    def get(self, assessment_id: str) -> StoredAssessment | None:
        return self.s.assessments.get(assessment_id)

    def for_measure(self, measure_id: str) -> list[StoredAssessment]:
        return [a for a in self.s.assessments.values() if a.measure_id == measure_id]

    def add_contest(self, contest: Contest) -> None:
        self.s.contests.append(contest)

    def contests(self, assessment_id: str) -> list[Contest]:
        return [c for c in self.s.contests if c.assessment_id == assessment_id]


class FakeDecisions:
    def __init__(self, store: Store) -> None:
        self.s = store

    def add(self, decision: Decision) -> None:
        self.s.decisions.append(decision)

    def for_measure(self, measure_id: str) -> list[Decision]:
        return [d for d in self.s.decisions if d.measure_id == measure_id]


class FakeInterviews:
    def __init__(self, store: Store) -> None:
        self.s = store

    def add(self, record: InterviewRecord) -> None:
        assert record.id not in self.s.interviews
        self.s.interviews[record.id] = record

    def get(self, interview_id: str) -> InterviewRecord | None:
        return self.s.interviews.get(interview_id)

    def update(self, record: InterviewRecord, expected_revision: int) -> None:
        if self.s.interviews[record.id].revision != expected_revision:
            raise ConflictError("changed concurrently")
        self.s.interviews[record.id] = record


class FakeAudit:
    def __init__(self, store: Store) -> None:
        self.s = store

    def head(self, *, lock: bool = False) -> ChainHead:
        return self.s.head

    def append(self, event: AuditEvent) -> None:
        assert event.seq == self.s.head.seq + 1
        assert event.prev_hash == self.s.head.hash
        self.s.events.append(event)
        self.s.head = ChainHead(event.seq, event.hash)

    def events_about(self, subject: str, kinds: Sequence[str]) -> list[AuditEvent]:
        return [e for e in self.s.events if e.subject == subject and e.kind in kinds]

    def events(self, after: int, limit: int | None = None, organisation: str | None = None) -> list[AuditEvent]:
        found = [e for e in self.s.events if e.seq > after and (organisation is None or e.organisation == organisation)]
        return found[:limit] if limit is not None else found

    def latest(self, before: int | None, limit: int, organisation: str | None = None) -> list[AuditEvent]:
        found = [
            e
            for e in reversed(self.s.events)
            if (before is None or e.seq < before) and (organisation is None or e.organisation == organisation)
        ]
        return found[:limit]


class FakeUnitOfWork:
    def __init__(self, committed: Store, *, read_only: bool = False) -> None:
        self._committed = committed
        self._read_only = read_only

    def __enter__(self) -> Self:
        self._work = copy.deepcopy(self._committed)
        self.tokens = FakeTokens(self._work)
        self.sessions = FakeSessions(self._work)
        self.measures = FakeMeasures(self._work)
        self.assessments = FakeAssessments(self._work)
        self.decisions = FakeDecisions(self._work)
        self.interviews = FakeInterviews(self._work)
        self.audit = FakeAudit(self._work)
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        del self._work

    def commit(self) -> None:
        assert not self._read_only, "a read-only unit of work cannot commit"
        self._work.commits += 1
        self._committed.__dict__.update(copy.deepcopy(self._work).__dict__)


class FakeClock:
    """Advances one second per reading, so every record has a distinct, ordered time."""

    def __init__(self) -> None:
        self._ticks = itertools.count()

    def now(self) -> dt.datetime:
        return dt.datetime(2026, 3, 1, 9, 0, tzinfo=dt.UTC) + dt.timedelta(seconds=next(self._ticks))


@dataclass
class Services:
    store: Store
    tokens: TokenService
    sessions: SessionService
    measures: MeasureService
    assessments: AssessmentService
    reviews: ReviewService
    audit: AuditService
    clock: FakeClock
    deadlines: DeadlineService
    uow: Callable[..., FakeUnitOfWork]


@pytest.fixture
def services(reference_assessor: Assessor) -> Services:
    store = Store()
    clock = FakeClock()
    ids = (f"00000000-0000-4000-8000-{n:012d}" for n in itertools.count(1))

    def new_id() -> str:
        return next(ids)

    def uow(*, read_only: bool = False) -> FakeUnitOfWork:
        return FakeUnitOfWork(store, read_only=read_only)

    tokens = TokenService(uow, clock, new_id)
    return Services(
        store=store,
        tokens=tokens,
        sessions=SessionService(uow, clock, tokens, SESSION_LIFETIME),
        measures=MeasureService(uow, clock, new_id, reference_assessor.rulebook.law.review_periods),
        assessments=AssessmentService(uow, clock, new_id, lambda: reference_assessor),
        reviews=ReviewService(uow, clock, new_id),
        audit=AuditService(uow),
        clock=clock,
        deadlines=DeadlineService(uow, clock),
        uow=uow,
    )


def person(name: str, role: Role, organisation: str = "ministry", subject: str | None = None) -> Principal:
    """A principal holding its own token; ``subject`` ties several tokens to one person."""
    return Principal(
        token_id=f"token-{name}-{role.value}", name=name, organisation=organisation, role=role, subject=subject
    )


@pytest.fixture
def make_person() -> Any:
    """``make_person(name, role, organisation="ministry", subject=None)``: a principal holding its own token."""
    return person


@pytest.fixture
def alice() -> Principal:
    """A submitter."""
    return person("alice", Role.SUBMITTER)


@pytest.fixture
def bob() -> Principal:
    """A reviewer in the same organisation."""
    return person("bob", Role.REVIEWER)


@pytest.fixture
def carol() -> Principal:
    """A second reviewer in the same organisation."""
    return person("carol", Role.REVIEWER)


@pytest.fixture
def mallory() -> Principal:
    """A submitter of another organisation."""
    return person("mallory", Role.SUBMITTER, organisation="other-ministry")


@pytest.fixture
def auditor() -> Principal:
    return person("audrey", Role.AUDITOR, organisation="court-of-auditors")


QUICK_FREEZE: dict[str, Any] = {
    "title": "Court-ordered quick freeze of traffic data",
    "jurisdiction": "NL",
    "assessment_date": "2025-06-01",
    "actor_model": "provider_obligation",
    "measure_type": "expedited_preservation",
    "objective": "serious_crime",
    "data": {"categories": ["traffic", "location"]},
}


@pytest.fixture
def document() -> dict[str, Any]:
    return copy.deepcopy(QUICK_FREEZE)
