"""Findings: what one rule concluded about one measure, and why."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from art52.domain.citations import Citation
from art52.domain.principles import Effect, Principle


class FactRef(BaseModel):
    """A fact the finding relied on (or found missing): its path and value."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    path: str
    value: Any = None
    known: bool = True


class Finding(BaseModel):
    """One rule's conclusion. It cannot exist without a rule id, version and a citation."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    rule_id: str = Field(min_length=1)
    rule_version: int = Field(ge=1)
    title: str
    principle: Principle
    effect: Effect
    explanation: str = Field(min_length=1)
    sources: tuple[Citation, ...] = Field(min_length=1)
    later_confirmation: tuple[Citation, ...] = Field(
        default=(),
        description="the rule's sources dated after the legal date: they confirm the finding but do not ground it",
    )
    facts: tuple[FactRef, ...] = ()
    missing_facts: tuple[str, ...] = ()
    provisional: bool = False
    legal_review_required: bool = False
    remedy: dict[str, Any] | None = None
    safeguard: str | None = None
