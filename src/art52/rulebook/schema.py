"""The rule-file format: one YAML list of rules per family (see rules/README.md)."""

from __future__ import annotations

import datetime as dt
from functools import cached_property
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from art52.domain.findings import Basis
from art52.domain.perspective import EnforcingRole, Perspective
from art52.domain.principles import Effect, Principle
from art52.rulebook.conditions import TRUE, Condition, parse_condition, paths

RULE_ID_PATTERN = r"^[A-Z]{2,5}-[0-9]{3}$"


class Citing(BaseModel):
    """A rule's reference to a registered source, with the pinpoint relied on."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    ref: str = Field(min_length=1)
    pinpoint: str = Field(min_length=1)
    verified: bool = False


class Consequence(BaseModel):
    """What a rule concludes: an effect, the reason for a reviewer, and a remedy hint."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    effect: Effect
    explanation: str = Field(min_length=1)
    safeguard: str | None = Field(default=None, description="the safeguard to impose, for conditions")
    remedy: dict[str, Any] | None = Field(default=None, description="fact values that would lift the finding")
    legal_review: bool | None = Field(
        default=None,
        description=(
            "for provisional rules: whether this conclusion rests on the unsettled law; by default every "
            "conclusion does except a prohibition's plain 'not triggered'"
        ),
    )


class RuleSpec(BaseModel):
    """One version of one rule, exactly as written in a rule file."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(pattern=RULE_ID_PATTERN)
    version: int = Field(ge=1)
    title: str = Field(min_length=1)
    basis: Basis = Field(description="case_law, legislation or method (legal review R3)")
    principle: Principle
    status: Literal["settled", "provisional"]
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    applies_to: dict[str, Any] | None = None
    when: dict[str, Any]
    then: Consequence
    otherwise: Consequence | None = None
    sources: tuple[Citing, ...] = Field(min_length=1)
    notes: str | None = None
    perspective: Perspective = Field(
        default=Perspective.ISSUING,
        description="whose duties the rule states: the issuing authority's (default) or the enforcing authority's",
    )
    refusal_ground: str | None = Field(
        default=None, description="for enforcing rules: the ground for refusal its violation establishes, in words"
    )
    enforcing_role: EnforcingRole | None = Field(
        default=None,
        description=(
            "for enforcing rules: 'notification' (its violation means the order was not notified, so no ground "
            "is examined) or 'consultation' (it states the duty to consult the issuing authority before refusing)"
        ),
    )

    @model_validator(mode="after")
    def _dates_in_order(self) -> RuleSpec:
        if self.valid_from and self.valid_to and self.valid_to < self.valid_from:
            raise ValueError("valid_to is before valid_from")
        return self


class Rule(BaseModel):
    """A validated rule ready for the engine: parsed conditions, family, position."""

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

    spec: RuleSpec
    family: str
    file: str
    line: int
    scope: Condition = TRUE
    condition: Condition
    otherwise: Consequence | None
    part_lines: dict[str, int] = Field(default_factory=dict, description="line of applies_to/when/then/otherwise")

    @property
    def id(self) -> str:
        return self.spec.id

    @property
    def version(self) -> int:
        return self.spec.version

    @cached_property
    def key(self) -> str:
        """Unique name of this rule version, e.g. ``RET-007@2`` (cached: every result is keyed by it)."""
        return f"{self.spec.id}@{self.spec.version}"

    @cached_property
    def reads(self) -> frozenset[str]:
        """The fact paths the scope and the condition read (cached: every assessment asks, per rule)."""
        return frozenset(paths(self.scope)) | frozenset(paths(self.condition))

    @property
    def basis(self) -> Basis:
        return self.spec.basis

    @property
    def provisional(self) -> bool:
        return self.spec.status == "provisional"

    @property
    def perspective(self) -> Perspective:
        return self.spec.perspective

    def in_force(self, on: dt.date) -> bool:
        """Whether this version applies on the legal date ``on``."""
        after_start = self.spec.valid_from is None or self.spec.valid_from <= on
        before_end = self.spec.valid_to is None or on <= self.spec.valid_to
        return after_start and before_end


def default_otherwise(spec: RuleSpec) -> Consequence | None:
    """What a rule says when its condition is false, unless the file says otherwise.

    A rule that finds a problem is satisfied when the problem is absent; a rule
    that grants a permission says nothing when its conditions are not met.
    """
    if "otherwise" in spec.model_fields_set:
        return spec.otherwise
    if spec.then.effect is Effect.SATISFIED:
        return None
    return Consequence(effect=Effect.SATISFIED, explanation=f"Met: {spec.title}.")


def build_rule(spec: RuleSpec, family: str, file: str, line: int, part_lines: dict[str, int] | None = None) -> Rule:
    """Parse the conditions of a validated spec (raises ConditionSyntaxError)."""
    scope = parse_condition(spec.applies_to, ("applies_to",)) if spec.applies_to is not None else TRUE
    condition = parse_condition(spec.when, ("when",))
    return Rule(
        spec=spec,
        family=family,
        file=file,
        line=line,
        scope=scope,
        condition=condition,
        otherwise=default_otherwise(spec),
        part_lines=part_lines or {},
    )
