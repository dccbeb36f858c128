"""The reasoned assessment: the public, reproducible result of art52.

Its JSON form is a contract for integrating systems; ``assessment_json_schema``
publishes it. Everything in it is derived from the measure, the rulebook and
the as-of date, so the same inputs always give byte-identical JSON.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, SerializerFunctionWrapHandler, model_serializer, model_validator

from art52.domain.findings import Finding
from art52.domain.perspective import Perspective
from art52.domain.principles import Outcome, Principle, Verdict
from art52.domain.remedies import Remedies, WhyNot

ASSESSMENT_SCHEMA_VERSION = "1.1"
OPTIONAL_PARTS = ("why_not", "remedies", "perspective", "enforcing_outcome")
"""Parts of the result present only when asked for; absent, the JSON is as before they existed."""


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


Change = Literal["verdict", "principle", "confirmation"]


class Option(BaseModel):
    """One answer the official may choose, with its label."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    value: str | bool
    label: str


class MissingFact(BaseModel):
    """A question for the official: the field, what its answer could still change, and the rules that need it."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    path: str
    question: str
    rules: tuple[str, ...]
    changes: Change = Field(
        description="verdict: the answer could move the verdict; principle: only the outcome of the principles "
        "listed; confirmation: nothing decisive (an obligation to confirm, or an outcome already fixed)"
    )
    principles: tuple[Principle, ...] = Field(default=(), description="principles whose outcome the answer could move")
    options: tuple[Option, ...] = Field(
        default=(), description="the answers to choose from, for yes/no and enum fields"
    )


class ImposedCondition(BaseModel):
    """A safeguard the measure must adopt to be acceptable, or a fact the official must confirm."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    rule_id: str
    safeguard: str
    remedy: dict[str, Any] | None = None
    provisional: bool = False
    confirm: tuple[str, ...] = Field(
        default=(), description="fields to confirm: the condition holds unless their answers meet the rule"
    )


class Recommendation(BaseModel):
    """Good practice from a method rule (guidance, soft law): never a condition, never a reason to withhold."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    rule_id: str
    title: str
    recommendation: str
    missing_facts: tuple[str, ...] = ()


class VerdictRange(BaseModel):
    """The best and the worst verdict the open questions could still produce (sound: never narrower)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    best: Verdict
    worst: Verdict


class EnforcingDecision(StrEnum):
    """What the enforcing authority may do with a notified order (Reg. 2023/1543, Art. 12)."""

    NO_GROUND_FOR_REFUSAL = "no_ground_for_refusal"
    GROUND_FOR_REFUSAL = "ground_for_refusal"
    INSUFFICIENT_INFORMATION = "insufficient_information"
    NO_ORDER_UNDER_REVIEW = "no_order_under_review"
    """The enforcing rules apply but no notification was received, so no ground was examined."""
    NOT_APPLICABLE = "not_applicable"
    """No enforcing rule applies: the measure is not a notified European Production Order on the legal date."""


class RefusalGround(BaseModel):
    """A ground for refusal the findings establish, and the rule that establishes it."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    rule_id: str
    ground: str


class EnforcingOutcome(BaseModel):
    """The assessment in the enforcing authority's words: its decision, the grounds and the reasons."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    decision: EnforcingDecision
    statement: str
    grounds: tuple[RefusalGround, ...] = ()
    reasons: tuple[str, ...] = ()


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
    verdict_range: VerdictRange
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
    recommendations: tuple[Recommendation, ...] = ()
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
    # Decision aid, only on request (omitted from the JSON otherwise, so the default result is unchanged).
    why_not: tuple[WhyNot, ...] | None = Field(
        default=None, description="on request: each principle not satisfied, the rules and facts that keep it so"
    )
    remedies: Remedies | None = Field(
        default=None, description="on request: the smallest verified changes that make the measure compliant"
    )
    # Only for the enforcing side of a cross-border order (omitted for the default, issuing, side).
    perspective: Perspective | None = Field(
        default=None, description="the side assessed, when it is the enforcing authority's (absent: the issuing side)"
    )
    enforcing_outcome: EnforcingOutcome | None = Field(
        default=None, description="from the enforcing side: the decision the findings support, in its words"
    )

    @model_serializer(mode="wrap")
    def _omit_unrequested(self, handler: SerializerFunctionWrapHandler) -> Any:
        data = handler(self)
        if isinstance(data, dict):
            for name in OPTIONAL_PARTS:
                if data.get(name) is None:
                    data.pop(name, None)
        return data

    @model_validator(mode="before")
    @classmethod
    def _read_older_versions(cls, data: Any) -> Any:
        """Read results stored under schema 1.0 (see :func:`upgrade_from_1_0`)."""
        if isinstance(data, dict) and data.get("schema_version") == "1.0":
            return upgrade_from_1_0(data)
        return data

    def to_json(self) -> str:
        """Canonical JSON: same measure + same rulebook ⇒ the same bytes."""
        return self.model_dump_json(indent=2)


def upgrade_from_1_0(data: dict[str, Any]) -> dict[str, Any]:
    """A schema 1.0 result in the 1.1 form, claiming nothing the old result did not say.

    1.0 had no range: a withheld verdict gets the widest one, any other verdict
    (which 1.0 gave only without open questions) itself at both ends. 1.0 asked
    only questions that withheld its verdict or came with a violation, so its
    questions are marked as moving the verdict, or the principles of the rules
    that asked them. Findings keep ``basis`` null: 1.0 did not record it. The
    result keeps ``schema_version`` 1.0, so a reader knows which rules made it.
    """
    upgraded = dict(data)
    verdict = data.get("verdict")
    withheld = verdict == Verdict.INSUFFICIENT_INFORMATION.value
    upgraded["verdict_range"] = (
        {"best": Verdict.COMPLIANT.value, "worst": Verdict.NON_COMPLIANT.value}
        if withheld
        else {"best": verdict, "worst": verdict}
    )
    principle_of = {f.get("rule_id"): f.get("principle") for f in data.get("findings", []) if isinstance(f, dict)}
    upgraded["missing_facts"] = [
        {
            **question,
            "changes": "verdict" if withheld else "principle",
            "principles": sorted({principle_of[r] for r in question.get("rules", []) if principle_of.get(r)}),
        }
        for question in data.get("missing_facts", [])
        if isinstance(question, dict)
    ]
    return upgraded


def assessment_json_schema() -> dict[str, Any]:
    """The published JSON Schema of the assessment contract."""
    schema = Assessment.model_json_schema()
    schema["$id"] = f"urn:art52:schema:assessment:{ASSESSMENT_SCHEMA_VERSION}"
    return schema
