"""The HTTP representations of measures, assessments, the workflow and events (rules: ``rule_schemas``).

They are translated from the domain records by the ``from_*`` constructors;
storage columns and domain internals never appear here by accident. The
assessment itself is the published domain contract and is embedded as is.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

from art52.domain.assessment import Assessment
from art52.domain.audit import AuditEvent
from art52.domain.principles import Verdict
from art52.domain.records import Contest, Decision, MeasureRecord, MeasureVersion, StoredAssessment
from art52.domain.workflow import Action, DecisionKind, Status, allowed_actions
from art52.services.stored_assessments import AssessmentDetail

MAX_TEXT = 10_000
ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _iso_date_only(value: Any) -> Any:
    """Dates are written YYYY-MM-DD; a number is not a date (pydantic would read it as a timestamp)."""
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str) or not ISO_DATE.fullmatch(value):
        raise ValueError("a date is written YYYY-MM-DD")
    return value


IsoDate = Annotated[dt.date, BeforeValidator(_iso_date_only)]


class _Out(BaseModel):
    model_config = ConfigDict(frozen=True)


class _In(BaseModel):
    model_config = ConfigDict(extra="forbid")


class MeasureSummary(_Out):
    id: str
    organisation: str
    title: str
    status: Status
    allowed_actions: list[Action] = Field(description="workflow actions the current status allows")
    version: int = Field(description="number of the current document version")
    revision: int = Field(description="changes to the record so far; the ETag, to send back in If-Match")
    verdict: Verdict | None = Field(description="verdict of the latest assessment of the current version")
    latest_assessment_id: str | None
    created_by: str
    created_at: dt.datetime
    updated_at: dt.datetime
    submitted_by: str | None
    reviewer: str | None

    @classmethod
    def from_record(cls, r: MeasureRecord) -> MeasureSummary:
        return cls(
            id=r.id,
            organisation=r.organisation,
            title=r.title,
            status=r.status,
            allowed_actions=list(allowed_actions(r.status)),
            version=r.version,
            revision=r.revision,
            verdict=r.verdict,
            latest_assessment_id=r.latest_assessment_id,
            created_by=r.created_by,
            created_at=r.created_at,
            updated_at=r.updated_at,
            submitted_by=r.submitted_by,
            reviewer=r.reviewer,
        )


class DecisionOut(_Out):
    id: str
    decision: DecisionKind
    reason: str
    conditions: list[str]
    measure_version: int
    assessment_id: str | None
    decided_by: str
    decided_at: dt.datetime

    @classmethod
    def from_record(cls, d: Decision) -> DecisionOut:
        return cls(
            id=d.id,
            decision=d.kind,
            reason=d.reason,
            conditions=list(d.conditions),
            measure_version=d.measure_version,
            assessment_id=d.assessment_id,
            decided_by=d.decided_by,
            decided_at=d.decided_at,
        )


class MeasureOut(MeasureSummary):
    document: dict[str, Any] = Field(description="the current version of the measure document")
    decisions: list[DecisionOut]


class MeasurePage(_Out):
    items: list[MeasureSummary]
    next: str | None = Field(description="cursor for the next page (pass as ?after=); null on the last page")


class VersionSummary(_Out):
    number: int
    created_by: str
    created_at: dt.datetime


class VersionOut(VersionSummary):
    measure_id: str
    document: dict[str, Any]

    @classmethod
    def from_record(cls, v: MeasureVersion) -> VersionOut:
        return cls(
            measure_id=v.measure_id,
            number=v.number,
            created_by=v.created_by,
            created_at=v.created_at,
            document=v.document,
        )


class VersionList(_Out):
    items: list[VersionSummary]


class AssessRequest(_In):
    as_of: IsoDate | None = Field(
        default=None,
        description="legal date; default: the measure's assessment_date, planned entry into force, or today",
    )


class ContestIn(_In):
    reason: str = Field(
        min_length=1, max_length=MAX_TEXT, pattern=r"\S", description="why the finding is contested (not blank)"
    )


class ContestOut(_Out):
    id: str
    assessment_id: str
    rule_id: str
    reason: str
    contested_by: str
    contested_at: dt.datetime

    @classmethod
    def from_record(cls, c: Contest) -> ContestOut:
        return cls(
            id=c.id,
            assessment_id=c.assessment_id,
            rule_id=c.rule_id,
            reason=c.reason,
            contested_by=c.contested_by,
            contested_at=c.contested_at,
        )


class StoredAssessmentSummary(_Out):
    id: str
    measure_id: str
    measure_version: int
    organisation: str
    verdict: Verdict
    as_of: dt.date
    as_of_requested: dt.date | None
    rulebook_version: str
    backend: str
    engine_version: str
    created_by: str
    created_at: dt.datetime

    @classmethod
    def fields_of(cls, s: StoredAssessment) -> dict[str, Any]:
        return {
            "id": s.id,
            "measure_id": s.measure_id,
            "measure_version": s.measure_version,
            "organisation": s.organisation,
            "verdict": s.verdict,
            "as_of": s.as_of,
            "as_of_requested": s.as_of_requested,
            "rulebook_version": s.rulebook_version,
            "backend": s.backend,
            "engine_version": s.engine_version,
            "created_by": s.created_by,
            "created_at": s.created_at,
        }


class StoredAssessmentOut(StoredAssessmentSummary):
    result: Assessment
    contests: list[ContestOut]

    @classmethod
    def from_detail(cls, d: AssessmentDetail) -> StoredAssessmentOut:
        return cls(
            **cls.fields_of(d.stored),
            result=d.assessment,
            contests=[ContestOut.from_record(c) for c in d.contests],
        )


class AssessmentList(_Out):
    items: list[StoredAssessmentSummary]


Condition = Annotated[str, Field(min_length=1, max_length=MAX_TEXT, pattern=r"\S")]


class DecisionIn(_In):
    decision: DecisionKind
    reason: str = Field(min_length=1, max_length=MAX_TEXT, pattern=r"\S", description="the written reason; not blank")
    conditions: list[Condition] = Field(
        default_factory=list,
        max_length=50,
        description="safeguards the measure must adopt; only with an approval",
    )


class DecisionResult(_Out):
    measure: MeasureSummary
    decision: DecisionOut


class EventOut(_Out):
    seq: int
    occurred_at: dt.datetime
    kind: str
    actor: str
    organisation: str | None
    subject: str | None
    data: dict[str, Any]
    prev_hash: str
    hash: str

    @classmethod
    def from_record(cls, e: AuditEvent) -> EventOut:
        return cls(
            seq=e.seq,
            occurred_at=e.occurred_at,
            kind=e.kind,
            actor=e.actor,
            organisation=e.organisation,
            subject=e.subject,
            data=e.data,
            prev_hash=e.prev_hash,
            hash=e.hash,
        )


class EventPage(_Out):
    events: list[EventOut]
    next: str = Field(description="cursor to pass as ?after= to get the events after these")


class Health(_Out):
    status: str


class Ready(_Out):
    ready: bool
    checks: dict[str, str]
