"""SQL repositories: rows in, domain records out, nothing else.

Every repository works on the one connection of its unit of work, inside its
transaction. Updates of measures are conditional on the revision the caller
read; a lost race is a ConflictError, never a silent overwrite.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import fields
from enum import Enum
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy import Connection, RowMapping, and_, delete, func, insert, or_, select, update

from art52.adapters import tables as t
from art52.domain.access import Role, TokenRecord
from art52.domain.audit import GENESIS_HASH, AuditEvent, ChainHead, seal
from art52.domain.audit_keys import KeyRing
from art52.domain.interviews import Answer, InterviewRecord
from art52.domain.perspective import Perspective
from art52.domain.principles import Verdict
from art52.domain.records import (
    Contest,
    Decision,
    MeasureFilter,
    MeasureRecord,
    MeasureVersion,
    StoredAssessment,
)
from art52.domain.sessions import SessionRecord
from art52.domain.workflow import TERMINAL, DecisionKind, RefusalGroundKind, Status
from art52.errors import ConflictError

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

R = TypeVar("R", bound="DataclassInstance")


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _columns(record: DataclassInstance, **converted: Any) -> dict[str, Any]:
    """A record as the values of its row: each field in the column of its name, an enum as its value.

    ``converted`` gives the columns that hold something else than the field as it is (JSON text).
    """
    values = {f.name: getattr(record, f.name) for f in fields(record)}
    return {name: value.value if isinstance(value, Enum) else value for name, value in values.items()} | converted


def _record(cls: type[R], row: RowMapping, **converted: Any) -> R:
    """A record from its row: each field from the column of its name, unless ``converted`` gives it."""
    return cls(**{f.name: row[f.name] for f in fields(cls) if f.name not in converted}, **converted)


class SqlTokenRepository:
    def __init__(self, connection: Connection) -> None:
        self._c = connection

    def add(self, token: TokenRecord) -> None:
        self._c.execute(insert(t.tokens).values(**_columns(token)))

    def get(self, token_id: str) -> TokenRecord | None:
        row = self._c.execute(select(t.tokens).where(t.tokens.c.id == token_id)).mappings().first()
        return _token(row) if row else None

    def by_hash(self, token_hash: str) -> TokenRecord | None:
        row = self._c.execute(select(t.tokens).where(t.tokens.c.token_hash == token_hash)).mappings().first()
        return _token(row) if row else None

    def list(self) -> list[TokenRecord]:
        rows = self._c.execute(select(t.tokens).order_by(t.tokens.c.created_at, t.tokens.c.id)).mappings()
        return [_token(r) for r in rows]

    def revoke(self, token_id: str, at: dt.datetime) -> None:
        self._c.execute(update(t.tokens).where(t.tokens.c.id == token_id).values(revoked_at=at))


def _token(row: RowMapping) -> TokenRecord:
    return _record(TokenRecord, row, role=Role(row["role"]))


class SqlSessionRepository:
    def __init__(self, connection: Connection) -> None:
        self._c = connection

    def add(self, session: SessionRecord) -> None:
        self._c.execute(insert(t.web_sessions).values(**_columns(session)))

    def get(self, session_hash: str) -> SessionRecord | None:
        row = self._c.execute(select(t.web_sessions).where(t.web_sessions.c.session_hash == session_hash)).mappings()
        found = row.first()
        return _record(SessionRecord, found) if found else None

    def delete(self, session_hash: str) -> None:
        self._c.execute(delete(t.web_sessions).where(t.web_sessions.c.session_hash == session_hash))

    def delete_expired(self, now: dt.datetime) -> None:
        self._c.execute(delete(t.web_sessions).where(t.web_sessions.c.expires_at <= now))


class SqlMeasureRepository:
    def __init__(self, connection: Connection) -> None:
        self._c = connection

    def add(self, record: MeasureRecord) -> None:
        self._c.execute(insert(t.measures).values(**_measure_columns(record)))

    def get(self, measure_id: str) -> MeasureRecord | None:
        row = self._c.execute(select(t.measures).where(t.measures.c.id == measure_id)).mappings().first()
        return _measure(row) if row else None

    def update(self, record: MeasureRecord, expected_revision: int) -> None:
        values = _measure_columns(record)
        del values["id"]
        result = self._c.execute(
            update(t.measures)
            .where(t.measures.c.id == record.id, t.measures.c.revision == expected_revision)
            .values(**values)
        )
        if result.rowcount != 1:
            raise ConflictError(
                f"measure {record.id} was changed by someone else at the same time; nothing was written, "
                "read it again and retry"
            )

    def page(self, where: MeasureFilter, after: tuple[dt.datetime, str] | None, limit: int) -> list[MeasureRecord]:
        m = t.measures.c
        query = select(t.measures)
        if where.status is not None:
            query = query.where(m.status == where.status.value)
        if where.organisation is not None:
            query = query.where(m.organisation == where.organisation)
        if where.verdict is not None:
            query = query.where(m.verdict == where.verdict.value)
        if where.created_by is not None:
            query = query.where(m.created_by == where.created_by)
        if after is not None:
            created, measure_id = after
            query = query.where(or_(m.created_at < created, and_(m.created_at == created, m.id < measure_id)))
        rows = self._c.execute(query.order_by(m.created_at.desc(), m.id.desc()).limit(limit)).mappings()
        return [_measure(r) for r in rows]

    def with_open_deadline(self) -> list[MeasureRecord]:
        m = t.measures.c
        query = (
            select(t.measures)
            .where(m.deadline_at.is_not(None), m.status.not_in([s.value for s in TERMINAL]))
            .order_by(m.deadline_at, m.id)
        )
        return [_measure(r) for r in self._c.execute(query).mappings()]

    def add_version(self, version: MeasureVersion) -> None:
        self._c.execute(insert(t.measure_versions).values(**_columns(version, document=_json(version.document))))

    def version(self, measure_id: str, number: int) -> MeasureVersion | None:
        v = t.measure_versions.c
        row = (
            self._c.execute(select(t.measure_versions).where(v.measure_id == measure_id, v.number == number))
            .mappings()
            .first()
        )
        return _version(row) if row else None

    def versions(self, measure_id: str) -> list[MeasureVersion]:
        v = t.measure_versions.c
        rows = self._c.execute(
            select(t.measure_versions).where(v.measure_id == measure_id).order_by(v.number)
        ).mappings()
        return [_version(r) for r in rows]


def _measure_columns(record: MeasureRecord) -> dict[str, Any]:
    return _columns(record, involved=_json(list(record.involved)))


def _measure(row: RowMapping) -> MeasureRecord:
    verdict = Verdict(row["verdict"]) if row["verdict"] else None
    involved = tuple(json.loads(row["involved"])) if row["involved"] else ()
    return _record(MeasureRecord, row, status=Status(row["status"]), verdict=verdict, involved=involved)


def _version(row: RowMapping) -> MeasureVersion:
    return _record(MeasureVersion, row, document=json.loads(row["document"]))


class SqlAssessmentRepository:
    def __init__(self, connection: Connection) -> None:
        self._c = connection

    def add(self, assessment: StoredAssessment) -> None:
        self._c.execute(insert(t.assessments).values(**_columns(assessment)))

    def get(self, assessment_id: str) -> StoredAssessment | None:
        row = self._c.execute(select(t.assessments).where(t.assessments.c.id == assessment_id)).mappings().first()
        return _assessment(row) if row else None

    def for_measure(self, measure_id: str) -> list[StoredAssessment]:
        a = t.assessments.c
        rows = self._c.execute(
            select(t.assessments).where(a.measure_id == measure_id).order_by(a.created_at, a.id)
        ).mappings()
        return [_assessment(r) for r in rows]

    def add_contest(self, contest: Contest) -> None:
        self._c.execute(insert(t.contests).values(**_columns(contest)))

    def contests(self, assessment_id: str) -> list[Contest]:
        c = t.contests.c
        rows = self._c.execute(
            select(t.contests).where(c.assessment_id == assessment_id).order_by(c.contested_at, c.id)
        ).mappings()
        return [_record(Contest, r) for r in rows]


def _assessment(row: RowMapping) -> StoredAssessment:
    return _record(StoredAssessment, row, verdict=Verdict(row["verdict"]), perspective=Perspective(row["perspective"]))


class SqlDecisionRepository:
    def __init__(self, connection: Connection) -> None:
        self._c = connection

    def add(self, decision: Decision) -> None:
        values = _columns(decision, conditions=_json(list(decision.conditions)))
        values["decision"] = values.pop("kind")  # the column of the decision's kind is called ``decision``
        self._c.execute(insert(t.decisions).values(**values))

    def for_measure(self, measure_id: str) -> list[Decision]:
        d = t.decisions.c
        rows = self._c.execute(
            select(t.decisions).where(d.measure_id == measure_id).order_by(d.decided_at, d.id)
        ).mappings()
        return [
            _record(
                Decision,
                r,
                kind=DecisionKind(r["decision"]),
                conditions=tuple(json.loads(r["conditions"])),
                ground=RefusalGroundKind(r["ground"]) if r["ground"] else None,
            )
            for r in rows
        ]


class SqlInterviewRepository:
    def __init__(self, connection: Connection) -> None:
        self._c = connection

    def add(self, record: InterviewRecord) -> None:
        self._c.execute(insert(t.interviews).values(**_interview_columns(record)))

    def get(self, interview_id: str) -> InterviewRecord | None:
        row = self._c.execute(select(t.interviews).where(t.interviews.c.id == interview_id)).mappings().first()
        return _interview(row) if row else None

    def update(self, record: InterviewRecord, expected_revision: int) -> None:
        values = _interview_columns(record)
        del values["id"]
        result = self._c.execute(
            update(t.interviews)
            .where(t.interviews.c.id == record.id, t.interviews.c.revision == expected_revision)
            .values(**values)
        )
        if result.rowcount != 1:
            raise ConflictError(f"interview {record.id} was answered by someone else at the same time; ask again")


def _interview_columns(record: InterviewRecord) -> dict[str, Any]:
    return _columns(
        record,
        document=_json(record.document),
        answers=_json([{"path": a.path, "value": a.value} for a in record.answers]),
        passed=_json(list(record.passed)),
    )


def _interview(row: RowMapping) -> InterviewRecord:
    return _record(
        InterviewRecord,
        row,
        document=json.loads(row["document"]),
        answers=tuple(Answer(a["path"], a["value"]) for a in json.loads(row["answers"])),
        passed=tuple(json.loads(row["passed"])),
    )


class SqlAuditLog:
    """The chain lives in ``audit_events``; ``audit_head`` holds its newest link and is the append lock.

    Events are sealed with the current key of ``keys`` as they are stored; the head records the first
    sealed event (``mac_from``), and a trigger keeps it from ever moving back (migration 0002).
    """

    def __init__(self, connection: Connection, keys: KeyRing | None = None) -> None:
        self._c = connection
        self._keys = keys or KeyRing()
        self.appended = False  # whether this transaction added events (their webhooks are dispatched on commit)

    def head(self, *, lock: bool = False) -> ChainHead:
        h = t.audit_head.c
        query = select(h.seq, h.hash, h.mac_from).where(h.id == 1)
        row = self._c.execute(query.with_for_update() if lock else query).first()
        return ChainHead(row.seq, row.hash, row.mac_from) if row else ChainHead(0, GENESIS_HASH)

    def append(self, event: AuditEvent) -> None:
        sealed = seal(event, self._keys)
        data = json.dumps(event.data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        self._c.execute(insert(t.audit_events).values(**_columns(sealed, data=data)))
        h = t.audit_head.c
        moved = self._c.execute(
            update(t.audit_head)
            .where(h.id == 1, h.seq == event.seq - 1)
            .values(
                seq=event.seq,
                hash=event.hash,
                mac_from=func.coalesce(h.mac_from, event.seq) if sealed.mac is not None else h.mac_from,
            )
        )
        if moved.rowcount != 1:
            raise ConflictError("the audit chain moved while an event was appended; nothing was written")
        self.appended = True

    def events(self, after: int, limit: int | None = None, organisation: str | None = None) -> list[AuditEvent]:
        e = t.audit_events.c
        query = select(t.audit_events).where(e.seq > after)
        if organisation is not None:
            query = query.where(e.organisation == organisation)
        query = query.order_by(e.seq)
        if limit is not None:
            query = query.limit(limit)
        return [_record(AuditEvent, r, data=json.loads(r["data"])) for r in self._c.execute(query).mappings()]

    def latest(self, before: int | None, limit: int, organisation: str | None = None) -> list[AuditEvent]:
        e = t.audit_events.c
        query = select(t.audit_events)
        if before is not None:
            query = query.where(e.seq < before)
        if organisation is not None:
            query = query.where(e.organisation == organisation)
        query = query.order_by(e.seq.desc()).limit(limit)
        return [_record(AuditEvent, r, data=json.loads(r["data"])) for r in self._c.execute(query).mappings()]

    def events_about(self, subject: str, kinds: Sequence[str]) -> list[AuditEvent]:
        e = t.audit_events.c
        query = select(t.audit_events).where(e.subject == subject, e.kind.in_(list(kinds))).order_by(e.seq)
        return [_record(AuditEvent, r, data=json.loads(r["data"])) for r in self._c.execute(query).mappings()]
