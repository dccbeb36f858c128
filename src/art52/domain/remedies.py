"""Why a measure is not compliant, and the smallest changes that would make it so.

Both are optional parts of the assessment, computed only on request: the search
for remedies re-assesses changed measures, which costs far more than one
assessment. Every remedy set was verified by assessing the changed measure.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from art52.domain.principles import Effect, Outcome, Principle, Verdict


class Flip(BaseModel):
    """A fact a rule relied on, and the values that would turn the rule's conclusion around."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    path: str
    value: Any = None
    derived: bool = Field(default=False, description="art52 derived this fact; change it through `inputs`")
    inputs: tuple[str, ...] = Field(default=(), description="the contract fields a derived fact is computed from")
    flips_with: tuple[Any, ...] = Field(
        default=(), description="values of this fact alone with which the measure would meet the rule"
    )
    out_of_scope_with: tuple[Any, ...] = Field(
        default=(), description="values of this fact alone with which the rule would no longer apply"
    )


class RuleWhyNot(BaseModel):
    """One rule that keeps a principle from being satisfied, with the facts that decided it."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    rule_id: str
    title: str
    effect: Effect
    facts: tuple[Flip, ...] = ()
    missing_facts: tuple[str, ...] = ()
    remedy: dict[str, Any] | None = Field(default=None, description="the change the rule itself names")


class WhyNot(BaseModel):
    """A principle that is not satisfied, and the rules that keep it so."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    principle: Principle
    outcome: Outcome
    rules: tuple[RuleWhyNot, ...]


class FactChange(BaseModel):
    """One change to a contract field of the measure."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    path: str
    value: Any
    was: Any = None


class RemedySet(BaseModel):
    """Changes that together lead to ``verdict``, verified by assessing the changed measure."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    changes: tuple[FactChange, ...] = Field(min_length=1)
    verdict: Verdict
    rules: tuple[str, ...] = Field(default=(), description="the rules whose remedy hints the changes come from")


class Remedies(BaseModel):
    """The smallest verified remedy sets, fewest changes first, or the reason there are none."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    sets: tuple[RemedySet, ...]
    reason: str | None = Field(default=None, description="why no set is offered, when none is")
    bound_reached: bool = Field(description="the search stopped at its bound: smaller or other sets may exist")
    max_changes: int = Field(description="the largest set size searched")
    assessments: int = Field(description="re-assessments the search ran")
