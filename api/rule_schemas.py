"""The HTTP representations of the rulebook: rules, their versions, sources and scenarios."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from pydantic import Field

from art52.api.schemas import Output
from art52.domain.citations import Citation
from art52.domain.findings import Basis
from art52.domain.principles import Effect, Principle
from art52.rulebook.conditions import to_data
from art52.rulebook.scenarios import ScenarioRef
from art52.rulebook.schema import Consequence, Rule
from art52.services.rules import RulebookSummary, RuleDetail, SourceDetail


class RuleSummary(Output):
    id: str
    version: int
    title: str
    family: str
    principle: Principle
    basis: Basis = Field(
        description="case_law (compatibility test), legislation (legal obligation) or method (guidance)"
    )
    status: str
    valid_from: dt.date | None
    valid_to: dt.date | None

    @classmethod
    def fields_of(cls, r: Rule) -> dict[str, Any]:
        s = r.spec
        return {
            "id": r.id,
            "version": r.version,
            "title": s.title,
            "family": r.family,
            "principle": s.principle,
            "basis": s.basis,
            "status": s.status,
            "valid_from": s.valid_from,
            "valid_to": s.valid_to,
        }


class RuleList(Output):
    items: list[RuleSummary]


class ConsequenceOut(Output):
    effect: Effect
    explanation: str
    safeguard: str | None
    remedy: dict[str, Any] | None

    @classmethod
    def from_spec(cls, c: Consequence) -> ConsequenceOut:
        return cls.copied(c)


class RuleVersionOut(RuleSummary):
    applies_to: Any = Field(description="scope condition, in the rule-file condition language")
    when: Any = Field(description="condition tested inside the scope")
    then: ConsequenceOut
    otherwise: ConsequenceOut | None
    sources: list[Citation]
    notes: str | None
    defined_at: str = Field(description="rule file and line")


class ScenarioOut(Output):
    feature: str
    name: str
    line: int
    tags: list[str]
    steps: list[str]

    @classmethod
    def from_record(cls, s: ScenarioRef) -> ScenarioOut:
        return cls.copied(s, tags=[f"@{tag}" for tag in s.ordered_tags], steps=list(s.steps))


class RuleDetailOut(Output):
    id: str
    versions: list[RuleVersionOut]
    scenarios: list[ScenarioOut] = Field(description="Gherkin scenarios documenting the rule")

    @classmethod
    def from_detail(cls, d: RuleDetail) -> RuleDetailOut:
        return cls(
            id=d.rule_id,
            versions=[
                RuleVersionOut(
                    **RuleSummary.fields_of(v.rule),
                    applies_to=to_data(v.rule.scope),
                    when=to_data(v.rule.condition),
                    then=ConsequenceOut.from_spec(v.rule.spec.then),
                    otherwise=ConsequenceOut.from_spec(v.rule.otherwise) if v.rule.otherwise else None,
                    sources=list(v.citations),
                    notes=v.rule.spec.notes,
                    defined_at=f"rules/{Path(v.rule.file).name}:{v.rule.line}",
                )
                for v in d.versions
            ],
            scenarios=[ScenarioOut.from_record(s) for s in d.scenarios],
        )


class SourceOut(Output):
    id: str
    short: str
    title: str
    authority: str
    kind: str
    case: str | None
    identifier: str | None
    date: dt.date | None
    url: str | None
    verified: bool
    note: str | None
    cited_by: list[str] = Field(description="ids of the rules citing this source")

    @classmethod
    def from_detail(cls, d: SourceDetail) -> SourceOut:
        return cls(**d.source.model_dump(), cited_by=list(d.cited_by))


class RulebookOut(Output):
    version: str = Field(description="content hash of the rulebook, recorded in every assessment")
    rules: int
    rule_versions: int
    sources: int
    families: dict[str, int]
    principles: dict[str, int]

    @classmethod
    def from_summary(cls, s: RulebookSummary) -> RulebookOut:
        return cls.copied(s)
