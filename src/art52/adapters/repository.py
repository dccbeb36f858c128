"""SQL repositories: rows in, domain records out, nothing else.

Every repository works on the one connection of its unit of work, inside its
transaction. Updates of measures are conditional on the revision the caller
read; a lost race is a ConflictError, never a silent overwrite.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from sqlalchemy import Connection, RowMapping, and_, insert, or_, select, update

from art52.adapters import tables as t
from art52.domain.access import Role, TokenRecord
from art52.domain.audit import GENESIS_HASH, AuditEvent, ChainHead
from art52.domain.principles import Verdict
from art52.domain.records import (
    Contest,
    Decision,
    MeasureFilter,
    MeasureRecord,
    MeasureVersion,
    StoredAssessment,
)
from art52.domain.workflow import DecisionKind, Status
from art52.errors import ConflictError


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


class SqlTokenRepository:
    def __init__(self, connection: Connection) -> None:
        self._c = connection

    def add(self, token: TokenRecord) -> None:
        self._c.execute(
            insert(t.tokens).values(
                id=token.id,
                name=token.name,
                organisation=token.organisation,
                role=token.role.value,
                token_hash=token.token_hash,
                created_at=token.created_at,
                revoked_at=token.revoked_at,
            )
        )

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
    return TokenRecord(
        id=row["id"],
        name=row["name"],
        organisation=row["organisation"],
        role=Role(row["role"]),
        token_hash=row["token_hash"],
        created_at=row["created_at"],
        revoked_at=row["revoked_at"],
    )


class SqlMeasureRepository:
    def __init__(self, connection: Connection) -> None:
        self._c = connection

    def add(self, record: MeasureRecord) -> None:
        self._c.execute(insert(t.measures).values(**_measure_values(record)))

    def get(self, measure_id: str) -> MeasureRecord | None:
        row = self._c.execute(select(t.measures).where(t.measures.c.id == measure_id)).mappings().first()
        return _measure(row) if row else None

    def update(self, record: MeasureRecord, expected_revision: int) -> None:
        values = _measure_values(record)
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
        if after is not None:
            created, measure_id = after
            query = query.where(or_(m.created_at < created, and_(m.created_at == created, m.id < measure_id)))
        rows = self._c.execute(query.order_by(m.created_at.desc(), m.id.desc()).limit(limit)).mappings()
        return [_measure(r) for r in rows]

    def add_version(self, version: MeasureVersion) -> None:
        self._c.execute(
            insert(t.measure_versions).values(
                measure_id=version.measure_id,
                number=version.number,
                document=_json(version.document),
                created_by=version.created_by,
                created_at=version.created_at,
            )
        )

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


def _measure_values(record: MeasureRecord) -> dict[str, Any]:
    return {
        "id": record.id,
        "organisation": record.organisation,
        "title": record.title,
        "status": record.status.value,
        "version": record.version,
        "revision": record.revision,
        "created_by": record.created_by,
        "created_at": record.created_at,
        "updated_at": record.updated_at,
        "submitted_by": record.submitted_by,
        "reviewer": record.reviewer,
        "verdict": record.verdict.value if record.verdict else None,
        "latest_assessment_id": record.latest_assessment_id,
    }


def _measure(row: RowMapping) -> MeasureRecord:
    return MeasureRecord(
        id=row["id"],
        organisation=row["organisation"],
        title=row["title"],
        status=Status(row["status"]),
        version=row["version"],
        revision=row["revision"],
        created_by=row["created_by"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
        submitted_by=row["submitted_by"],
        reviewer=row["reviewer"],
        verdict=Verdict(row["verdict"]) if row["verdict"] else None,
        latest_assessment_id=row["latest_assessment_id"],
    )


def _version(row: RowMapping) -> MeasureVersion:
    return MeasureVersion(
        measure_id=row["measure_id"],
        number=row["number"],
        document=json.loads(row["document"]),
        created_by=row["created_by"],
        created_at=row["created_at"],
    )


class SqlAssessmentRepository:
    def __init__(self, connection: Connection) -> None:
        self._c = connection

    def add(self, assessment: StoredAssessment) -> None:
        a = assessment
        self._c.execute(
            insert(t.assessments).values(
                id=a.id,
                measure_id=a.measure_id,
                measure_version=a.measure_version,
                organisation=a.organisation,
                verdict=a.verdict.value,
                as_of=a.as_of,
                as_of_requested=a.as_of_requested,
                rulebook_version=a.rulebook_version,
                backend=a.backend,
                engine_version=a.engine_version,
                result=a.result,
                created_by=a.created_by,
                created_at=a.created_at,
            )
        )

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
        self._c.execute(
            insert(t.contests).values(
                id=contest.id,
                assessment_id=contest.assessment_id,
                rule_id=contest.rule_id,
                reason=contest.reason,
                contested_by=contest.contested_by,
                contested_at=contest.contested_at,
            )
        )

    def contests(self, assessment_id: str) -> list[Contest]:
        c = t.contests.c
        rows = self._c.execute(
            select(t.contests).where(c.assessment_id == assessment_id).order_by(c.contested_at, c.id)
        ).mappings()
        return [
            Contest(
                id=r["id"],
                assessment_id=r["assessment_id"],
                rule_id=r["rule_id"],
                reason=r["reason"],
                contested_by=r["contested_by"],
                contested_at=r["contested_at"],
            )
            for r in rows
        ]


def _assessment(row: RowMapping) -> StoredAssessment:
    return StoredAssessment(
        id=row["id"],
        measure_id=row["measure_id"],
        measure_version=row["measure_version"],
        organisation=row["organisation"],
        verdict=Verdict(row["verdict"]),
        as_of=row["as_of"],
        as_of_requested=row["as_of_requested"],
        rulebook_version=row["rulebook_version"],
        backend=row["backend"],
        engine_version=row["engine_version"],
        result=row["result"],
        created_by=row["created_by"],
        created_at=row["created_at"],
    )


class SqlDecisionRepository:
    def __init__(self, connection: Connection) -> None:
        self._c = connection

    def add(self, decision: Decision) -> None:
        d = decision
        self._c.execute(
            insert(t.decisions).values(
                id=d.id,
                measure_id=d.measure_id,
                measure_version=d.measure_version,
                assessment_id=d.assessment_id,
                decision=d.kind.value,
                reason=d.reason,
                conditions=_json(list(d.conditions)),
                decided_by=d.decided_by,
                decided_at=d.decided_at,
            )
        )

    def for_measure(self, measure_id: str) -> list[Decision]:
        d = t.decisions.c
        rows = self._c.execute(
            select(t.decisions).where(d.measure_id == measure_id).order_by(d.decided_at, d.id)
        ).mappings()
        return [
            Decision(
                id=r["id"],
                measure_id=r["measure_id"],
                measure_version=r["measure_version"],
                assessment_id=r["assessment_id"],
                kind=DecisionKind(r["decision"]),
                reason=r["reason"],
                conditions=tuple(json.loads(r["conditions"])),
                decided_by=r["decided_by"],
                decided_at=r["decided_at"],
            )
            for r in rows
        ]


class SqlAuditLog:
    """The chain lives in ``audit_events``; ``audit_head`` holds its newest link and is the append lock."""

    def __init__(self, connection: Connection) -> None:
        self._c = connection

    def head(self, *, lock: bool = False) -> ChainHead:
        query = select(t.audit_head.c.seq, t.audit_head.c.hash).where(t.audit_head.c.id == 1)
        row = self._c.execute(query.with_for_update() if lock else query).first()
        return ChainHead(row.seq, row.hash) if row else ChainHead(0, GENESIS_HASH)

    def append(self, event: AuditEvent) -> None:
        self._c.execute(
            insert(t.audit_events).values(
                seq=event.seq,
                occurred_at=event.occurred_at,
                kind=event.kind,
                actor=event.actor,
                organisation=event.organisation,
                subject=event.subject,
                data=json.dumps(event.data, ensure_ascii=False, sort_keys=True, separators=(",", ":")),
                prev_hash=event.prev_hash,
                hash=event.hash,
            )
        )
        moved = self._c.execute(
            update(t.audit_head)
            .where(t.audit_head.c.id == 1, t.audit_head.c.seq == event.seq - 1)
            .values(seq=event.seq, hash=event.hash)
        )
        if moved.rowcount != 1:
            raise ConflictError("the audit chain moved while an event was appended; nothing was written")

    def events(self, after: int, limit: int | None = None, organisation: str | None = None) -> list[AuditEvent]:
        e = t.audit_events.c
        query = select(t.audit_events).where(e.seq > after)
        if organisation is not None:
            query = query.where(e.organisation == organisation)
        query = query.order_by(e.seq)
        if limit is not None:
            query = query.limit(limit)
        return [
            AuditEvent(
                seq=r["seq"],
                occurred_at=r["occurred_at"],
                kind=r["kind"],
                actor=r["actor"],
                organisation=r["organisation"],
                subject=r["subject"],
                data=json.loads(r["data"]),
                prev_hash=r["prev_hash"],
                hash=r["hash"],
            )
            for r in self._c.execute(query).mappings()
        ]
