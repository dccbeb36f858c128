"""The HTTP representations of measures, assessments, the workflow and events (rules: ``rule_schemas``).

They are translated from the domain records by the ``from_*`` constructors,
which read only the fields declared here; storage columns and domain internals
never appear by accident. The
assessment itself is the published domain contract and is embedded as is.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Self

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, field_validator

from art52.domain.assessment import Assessment
from art52.domain.audit import AuditEvent
from art52.domain.perspective import Perspective
from art52.domain.principles import Verdict
from art52.domain.records import Contest, Decision, MeasureRecord, MeasureVersion, StoredAssessment
from art52.domain.workflow import Action, DecisionKind, RefusalGroundKind, Status, allowed_actions
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


class Output(BaseModel):
    """A response body, built from a domain value."""

    model_config = ConfigDict(frozen=True)

    @classmethod
    def copied(cls, source: object, **given: Any) -> Self:
        """Every declared field read from the attribute of ``source`` of the same name, unless ``given``."""
        return cls(**{name: getattr(source, name) for name in cls.model_fields if name not in given}, **given)


class _In(BaseModel):
    model_config = ConfigDict(extra="forbid")


class MeasureSummary(Output):
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
    deadline_at: dt.datetime | None = Field(
        default=None,
        description="for an order notified to the enforcing authority: the end of its review period (10 days from "
        "the notification, 96 hours in an emergency or when that is not stated); null otherwise",
    )

    @classmethod
    def from_record(cls, r: MeasureRecord) -> MeasureSummary:
        return cls.copied(r, allowed_actions=list(allowed_actions(r.status)))


class DecisionOut(Output):
    id: str
    decision: DecisionKind
    reason: str
    conditions: list[str]
    ground: RefusalGroundKind | None = Field(default=None, description="the ground of a refusal")
    measure_version: int
    assessment_id: str | None
    decided_by: str
    decided_at: dt.datetime

    @classmethod
    def from_record(cls, d: Decision) -> DecisionOut:
        return cls.copied(d, decision=d.kind, conditions=list(d.conditions))


class MeasureOut(MeasureSummary):
    document: dict[str, Any] = Field(description="the current version of the measure document")
    decisions: list[DecisionOut]


class MeasurePage(Output):
    items: list[MeasureSummary]
    next: str | None = Field(description="cursor for the next page (pass as ?after=); null on the last page")


class VersionSummary(Output):
    number: int
    created_by: str
    created_at: dt.datetime


class VersionOut(VersionSummary):
    measure_id: str
    document: dict[str, Any]

    @classmethod
    def from_record(cls, v: MeasureVersion) -> VersionOut:
        return cls.copied(v)


class VersionList(Output):
    items: list[VersionSummary]


class AssessRequest(_In):
    as_of: IsoDate | None = Field(
        default=None,
        description="legal date; default: the measure's assessment_date, planned entry into force, or today",
    )
    perspective: Perspective = Field(
        default=Perspective.ISSUING,
        description="whose duties to apply to a cross-border order: the issuing authority's (default) or the "
        "enforcing authority's, which adds `enforcing_outcome` to the result",
    )


class ContestIn(_In):
    reason: str = Field(
        min_length=1, max_length=MAX_TEXT, pattern=r"\S", description="why the finding is contested (not blank)"
    )


class ContestOut(Output):
    id: str
    assessment_id: str
    rule_id: str
    reason: str
    contested_by: str
    contested_at: dt.datetime

    @classmethod
    def from_record(cls, c: Contest) -> ContestOut:
        return cls.copied(c)


class StoredAssessmentSummary(Output):
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
    perspective: Perspective = Field(default=Perspective.ISSUING, description="the side the assessment took")

    @classmethod
    def from_record(cls, s: StoredAssessment) -> StoredAssessmentSummary:
        return cls.copied(s)


class StoredAssessmentOut(StoredAssessmentSummary):
    result: Assessment
    contests: list[ContestOut]

    @classmethod
    def from_detail(cls, d: AssessmentDetail) -> StoredAssessmentOut:
        return cls.copied(d.stored, result=d.assessment, contests=[ContestOut.from_record(c) for c in d.contests])


class AssessmentList(Output):
    items: list[StoredAssessmentSummary]


Condition = Annotated[str, Field(min_length=1, max_length=MAX_TEXT, pattern=r"\S")]


def _assessment_id_required(schema: dict[str, Any]) -> None:
    """Documented as a required string: the alternative, If-Match on the measure's revision, is a header."""
    required = schema.setdefault("required", [])
    if "assessment_id" not in required:
        required.append("assessment_id")
    documented = schema["properties"]["assessment_id"]
    string = next(option for option in documented.pop("anyOf") if option.get("type") == "string")
    documented.pop("default", None)
    documented.update(string)


class DecisionIn(_In):
    """A reviewer's decision on the assessment it names.

    ``assessment_id`` is required, except that a request carrying ``If-Match`` (the measure's
    revision, which changes with every new assessment) may leave it out; with neither, 428.
    """

    model_config = ConfigDict(extra="forbid", json_schema_extra=_assessment_id_required)

    assessment_id: str | None = Field(
        default=None,
        pattern=r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$",
        description="the assessment decided: the measure's latest (its latest_assessment_id); 409 if it is not. "
        "May be left out only when If-Match is sent.",
    )
    decision: DecisionKind
    reason: str = Field(min_length=1, max_length=MAX_TEXT, pattern=r"\S", description="the written reason; not blank")
    conditions: list[Condition] = Field(
        default_factory=list,
        max_length=50,
        description="safeguards the measure must adopt; only with an approval, or (at least one) with conditions",
    )
    ground: RefusalGroundKind | None = Field(
        default=None,
        description="with refuse (the enforcing authority's decision on a notified order): the ground of "
        "Reg. 2023/1543, Art. 12(1) it raises",
    )

    @field_validator("assessment_id", mode="before")
    @classmethod
    def _not_null(cls, value: Any) -> Any:
        if value is None:
            raise ValueError("an assessment id string; leave the field out to decide by If-Match instead")
        return value


class DecisionResult(Output):
    measure: MeasureSummary
    decision: DecisionOut


class EventOut(Output):
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
        return cls.copied(e)


class EventPage(Output):
    events: list[EventOut]
    next: str = Field(description="cursor to pass as ?after= to get the events after these")


class Health(Output):
    status: str


class Ready(Output):
    ready: bool
    checks: dict[str, str]
