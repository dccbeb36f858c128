"""The reasoned assessment: the public, reproducible result of art52.

Its JSON form is a contract for integrating systems; ``assessment_json_schema``
publishes it. Everything in it is derived from the measure, the rulebook and
the as-of date, so the same inputs always give byte-identical JSON.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from art52.domain.findings import Finding
from art52.domain.principles import Outcome, Principle, Verdict

ASSESSMENT_SCHEMA_VERSION = "1.0"


class AsOfSource(StrEnum):
    """Where the legal date of the assessment came from (vocabulary D1)."""

    REQUESTED = "requested"
    ASSESSMENT_DATE = "assessment_date"
    PLANNED_ENTRY_INTO_FORCE = "planned_entry_into_force"
    DEFAULT_TODAY = "default_today"


class PrincipleAssessment(BaseModel):
    """The outcome for one principle and the rules behind it (worst first)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    outcome: Outcome
    findings: tuple[str, ...] = Field(description="rule ids of the findings, worst effect first")
    reasoning: str


class MissingFact(BaseModel):
    """A fact the assessment needs: the question to ask and the rules that need it."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    path: str
    question: str
    rules: tuple[str, ...]


class ImposedCondition(BaseModel):
    """A safeguard the measure must adopt to be acceptable."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    rule_id: str
    safeguard: str
    remedy: dict[str, Any] | None = None
    provisional: bool = False


class EngineInfo(BaseModel):
    """Which backend produced the findings; part of reproducibility."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    backend: str
    version: str


class Assessment(BaseModel):
    """A reasoned Art. 52(1) assessment of one measure on one legal date."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    schema_version: str = ASSESSMENT_SCHEMA_VERSION
    measure_id: str | None
    measure_title: str
    verdict: Verdict
    legal_review_required: bool = Field(
        description="true when a decisive finding rests on provisional law (no court ruling yet)"
    )
    analysis_ended_at: Principle | None = Field(
        description="the principle whose violation ends the Art. 52(1) analysis (essence first)"
    )
    principles: dict[Principle, PrincipleAssessment]
    findings: tuple[Finding, ...]
    missing_facts: tuple[MissingFact, ...]
    conditions: tuple[ImposedCondition, ...]
    warnings: tuple[str, ...]
    derived_facts: dict[str, Any]
    as_of: dt.date
    as_of_source: AsOfSource
    legal_question: str | None = Field(
        default=None, description="the question the legal date answers: the law as stated on that date, or as now"
    )
    rulebook_version: str
    engine: EngineInfo
    art52_version: str

    def to_json(self) -> str:
        """Canonical JSON: same measure + same rulebook ⇒ the same bytes."""
        return self.model_dump_json(indent=2)


def assessment_json_schema() -> dict[str, Any]:
    """The published JSON Schema of the assessment contract."""
    schema = Assessment.model_json_schema()
    schema["$id"] = f"urn:art52:schema:assessment:{ASSESSMENT_SCHEMA_VERSION}"
    return schema
