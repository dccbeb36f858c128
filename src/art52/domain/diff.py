"""What changed between two assessments: the shape of a what-if answer.

Two measures (or one measure on two legal dates) are assessed and compared
part by part, so an official sees at once whether a change moves the verdict,
which principles it moves, which findings it adds, removes or changes, and
which questions it opens or closes.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, SerializerFunctionWrapHandler, model_serializer

from art52.domain.assessment import Assessment, VerdictRange
from art52.domain.principles import Effect, Outcome, Principle, Verdict

DIFF_SCHEMA_VERSION = "1.0"


class VerdictChange(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    old: Verdict
    new: Verdict
    old_range: VerdictRange
    new_range: VerdictRange
    changed: bool


class OutcomeChange(BaseModel):
    """A principle whose outcome differs between the two assessments."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    principle: Principle
    old: Outcome
    new: Outcome


class FindingRef(BaseModel):
    """A finding named by its rule, with its effect."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    rule_id: str
    title: str
    principle: Principle
    effect: Effect


class FindingChange(BaseModel):
    """A rule that gave a finding in both assessments, but not the same one."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    rule_id: str
    title: str
    principle: Principle
    old_effect: Effect
    new_effect: Effect
    changed: tuple[str, ...] = Field(description="the parts of the finding that differ: effect, facts, ...")


class QuestionRef(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    path: str
    question: str


class Side(BaseModel):
    """What one side of the comparison was: which measure, on which legal date."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    measure_id: str | None
    measure_title: str
    as_of: dt.date


class AssessmentDiff(BaseModel):
    """The differences between an old and a new assessment; empty lists mean nothing changed there."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    schema_version: str = DIFF_SCHEMA_VERSION
    old: Side
    new: Side
    verdict: VerdictChange
    principles: tuple[OutcomeChange, ...]
    findings_added: tuple[FindingRef, ...]
    findings_removed: tuple[FindingRef, ...]
    findings_changed: tuple[FindingChange, ...]
    questions_opened: tuple[QuestionRef, ...]
    questions_closed: tuple[QuestionRef, ...]
    changed: bool = Field(description="whether anything above differs")
    old_assessment: Assessment | None = Field(default=None, description="on request: the full old assessment")
    new_assessment: Assessment | None = Field(default=None, description="on request: the full new assessment")

    @model_serializer(mode="wrap")
    def _omit_unrequested(self, handler: SerializerFunctionWrapHandler) -> Any:
        data = handler(self)
        if isinstance(data, dict):
            for name in ("old_assessment", "new_assessment"):
                if data.get(name) is None:
                    data.pop(name, None)
        return data

    def to_json(self) -> str:
        """Canonical JSON: the same two assessments give the same bytes."""
        return self.model_dump_json(indent=2)
