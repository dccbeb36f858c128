"""Art. 52(1) balancing: per-principle outcomes and the overall verdict.

Precedence, per principle and overall: a violation outranks missing
information, which outranks a condition, which outranks satisfied. Conditions
alone can never make a measure acceptable while decisive facts are missing.
Principles are read in the Charter's order; the first violated one "ends the
analysis" (an essence violation cannot be saved by any balancing), but every
principle is still evaluated so the official sees all that must change.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from art52.domain.assessment import ImposedCondition, MissingFact, PrincipleAssessment
from art52.domain.derived_facts import DERIVED_INPUTS
from art52.domain.fields import FieldSpec
from art52.domain.findings import Finding
from art52.domain.principles import (
    EFFECT_PRECEDENCE,
    OUTCOME_OF_EFFECT,
    PRINCIPLE_ORDER,
    VERDICT_OF_EFFECT,
    Effect,
    Outcome,
    Principle,
    Verdict,
)


@dataclass(frozen=True)
class Balance:
    """Everything the balancing concludes from a set of findings."""

    verdict: Verdict
    legal_review_required: bool
    analysis_ended_at: Principle | None
    principles: dict[Principle, PrincipleAssessment]
    missing_facts: tuple[MissingFact, ...]
    conditions: tuple[ImposedCondition, ...]


def worst_first(findings: Iterable[Finding]) -> list[Finding]:
    """Findings ordered by effect precedence, then rule id."""
    return sorted(findings, key=lambda f: (EFFECT_PRECEDENCE[f.effect], f.rule_id))


def balance(findings: tuple[Finding, ...], fields: Mapping[str, FieldSpec]) -> Balance:
    """Balance the findings of one assessment."""
    principles = {p: _principle(p, [f for f in findings if f.principle is p]) for p in PRINCIPLE_ORDER}
    ranked = worst_first(findings)
    worst = ranked[0].effect if ranked else None
    verdict = VERDICT_OF_EFFECT[worst] if worst is not None else Verdict.INSUFFICIENT_INFORMATION
    ended = next((p for p in PRINCIPLE_ORDER if principles[p].outcome is Outcome.NOT_SATISFIED), None)
    return Balance(
        verdict=verdict,
        legal_review_required=any(f.legal_review_required for f in ranked if f.effect is worst),
        analysis_ended_at=ended,
        principles=principles,
        missing_facts=_missing_facts(findings, fields),
        conditions=tuple(
            ImposedCondition(
                rule_id=f.rule_id, safeguard=f.safeguard or f.explanation, remedy=f.remedy, provisional=f.provisional
            )
            for f in sorted(findings, key=lambda f: f.rule_id)
            if f.effect is Effect.CONDITION
        ),
    )


def _principle(principle: Principle, findings: list[Finding]) -> PrincipleAssessment:
    ranked = worst_first(findings)
    if not ranked:
        return PrincipleAssessment(
            outcome=Outcome.NOT_APPLICABLE, findings=(), reasoning=f"No {principle} rule applies to this measure."
        )
    worst = ranked[0].effect
    outcome = OUTCOME_OF_EFFECT[worst]
    decisive = [f.rule_id for f in ranked if f.effect is worst]
    reasoning = {
        Effect.VIOLATION: f"Not satisfied: {', '.join(decisive)} found a violation.",
        Effect.NEEDS_INFORMATION: f"Cannot be decided: {', '.join(decisive)} need facts that are not stated.",
        Effect.CONDITION: f"Satisfied only if the safeguards required by {', '.join(decisive)} are adopted.",
        Effect.SATISFIED: f"Satisfied on the stated facts ({', '.join(decisive)}).",
    }[worst]
    if principle is Principle.ESSENCE and worst is Effect.VIOLATION:
        reasoning += " The essence of the right is affected: no balancing can save the measure."
    return PrincipleAssessment(outcome=outcome, findings=tuple(f.rule_id for f in ranked), reasoning=reasoning)


def _missing_facts(findings: tuple[Finding, ...], fields: Mapping[str, FieldSpec]) -> tuple[MissingFact, ...]:
    needed: dict[str, list[str]] = {}
    for finding in findings:
        if finding.effect is Effect.NEEDS_INFORMATION:
            for path in finding.missing_facts:
                needed.setdefault(path, []).append(finding.rule_id)
    return tuple(
        MissingFact(path=path, question=_question(path, fields), rules=tuple(sorted(set(rules))))
        for path, rules in sorted(needed.items())
    )


def _question(path: str, fields: Mapping[str, FieldSpec]) -> str:
    spec = fields.get(path)
    if spec is None or not spec.description:
        return f"Please state {path}."
    text = spec.description.rstrip(".")
    if spec.values:
        text += f" (one of: {', '.join(spec.values)})"
    inputs = DERIVED_INPUTS.get(path)
    if inputs:
        return f"{text}. It is derived; please state: {', '.join(inputs)}."
    return f"{text}?" if text.lower().startswith("whether") else f"Please state: {text}."
