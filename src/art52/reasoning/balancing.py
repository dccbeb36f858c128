"""Art. 52(1) balancing: per-principle outcomes, the verdict and its range.

The verdict is read from the range the open questions leave
(:mod:`art52.reasoning.verdict_range`): a violation on the stated facts is
final; when both ends agree that is the verdict; when only conditions or
obligations to confirm are still open the measure is compliant with conditions,
each open point becoming a condition ("confirm that X, or adopt Y"); only a
case-law test that could still find a violation withholds the verdict.
Principles are read in the Charter's order; the first violated one "ends the
analysis" (an essence violation cannot be saved by any balancing), but every
principle is still evaluated so the official sees all that must change. Method
rules (guidance) only recommend.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from art52.domain.assessment import (
    ImposedCondition,
    MissingFact,
    PrincipleAssessment,
    Recommendation,
    VerdictRange,
)
from art52.domain.fields import FieldSpec
from art52.domain.findings import Basis, Finding
from art52.domain.principles import EFFECT_PRECEDENCE, PRINCIPLE_ORDER, Effect, Outcome, Principle, Verdict
from art52.reasoning.outlook import Outlook
from art52.reasoning.questions import questions
from art52.reasoning.verdict_range import (
    VERDICT_OF_LEVEL,
    Level,
    Range,
    levels,
    outcome_of,
    principle_ranges,
    range_of,
    verdict_of,
    withholds,
)

NOTHING_TESTED = Range(Level.COMPLIANT, Level.NON_COMPLIANT, withheld=True)
"""No compatibility test or obligation applies: nothing was decided, anything remains possible."""


@dataclass(frozen=True)
class Balance:
    """Everything the balancing concludes from a set of findings and what is still open."""

    verdict: Verdict
    verdict_range: VerdictRange
    legal_review_required: bool
    analysis_ended_at: Principle | None
    principles: dict[Principle, PrincipleAssessment]
    missing_facts: tuple[MissingFact, ...]
    conditions: tuple[ImposedCondition, ...]
    recommendations: tuple[Recommendation, ...]


def worst_first(findings: Iterable[Finding]) -> list[Finding]:
    """Findings ordered by effect precedence, then rule id."""
    return sorted(findings, key=lambda f: (EFFECT_PRECEDENCE[f.effect], f.rule_id))


def balance(findings: tuple[Finding, ...], outlooks: Sequence[Outlook], fields: Mapping[str, FieldSpec]) -> Balance:
    """Balance the findings of one assessment, given what each rule could still conclude."""
    weighed = [f for f in findings if f.basis is not Basis.METHOD]
    overall = range_of(outlooks) if weighed else NOTHING_TESTED
    verdict = verdict_of(overall)
    ranges = principle_ranges(outlooks)
    principles = {
        p: _principle(p, [f for f in findings if f.principle is p], outlooks, ranges[p]) for p in PRINCIPLE_ORDER
    }
    ended = next((p for p in PRINCIPLE_ORDER if principles[p].outcome is Outcome.NOT_SATISFIED), None)
    return Balance(
        verdict=verdict,
        verdict_range=VerdictRange(best=VERDICT_OF_LEVEL[overall.best], worst=VERDICT_OF_LEVEL[overall.worst]),
        legal_review_required=any(f.legal_review_required for f in _decisive(weighed, outlooks, verdict)),
        analysis_ended_at=ended,
        principles=principles,
        missing_facts=questions(outlooks, overall, ranges, verdict, fields),
        conditions=_conditions(weighed, outlooks, verdict),
        recommendations=tuple(
            Recommendation(
                rule_id=f.rule_id,
                title=f.title,
                recommendation=f.safeguard or f.explanation,
                missing_facts=f.missing_facts,
            )
            for f in sorted(findings, key=lambda f: f.rule_id)
            if f.basis is Basis.METHOD and f.effect is not Effect.SATISFIED
        ),
    )


def _decisive(findings: list[Finding], outlooks: Sequence[Outlook], verdict: Verdict) -> list[Finding]:
    """The findings the verdict rests on (for "legal review required")."""
    if verdict is Verdict.INSUFFICIENT_INFORMATION:
        held = {o.rule_id for o in outlooks if withholds(o)}
        return [f for f in findings if f.rule_id in held]
    effects = {
        Verdict.NON_COMPLIANT: {Effect.VIOLATION},
        Verdict.COMPLIANT_WITH_CONDITIONS: {Effect.CONDITION, Effect.NEEDS_INFORMATION},
        Verdict.COMPLIANT: {Effect.SATISFIED},
    }[verdict]
    return [f for f in findings if f.effect in effects]


def _conditions(findings: list[Finding], outlooks: Sequence[Outlook], verdict: Verdict) -> tuple[ImposedCondition, ...]:
    """Safeguards to impose; with a conditional verdict, also each open point as "confirm that X, or adopt Y"."""
    stated = {
        f.rule_id: ImposedCondition(
            rule_id=f.rule_id, safeguard=f.safeguard or f.explanation, remedy=f.remedy, provisional=f.provisional
        )
        for f in findings
        if f.effect is Effect.CONDITION
        or (f.effect is Effect.NEEDS_INFORMATION and f.basis is Basis.LEGISLATION and not f.missing_facts)
    }
    if verdict is Verdict.COMPLIANT_WITH_CONDITIONS:
        for outlook in outlooks:
            if outlook.open and outlook.rule_id not in stated and max(levels(outlook)) > Level.COMPLIANT:
                stated[outlook.rule_id] = _confirm(outlook)
    return tuple(stated[rule_id] for rule_id in sorted(stated))


def _confirm(outlook: Outlook) -> ImposedCondition:
    spec = outlook.rule.spec
    adopt = spec.then.safeguard or "change the measure so that it meets it"
    fields = ", ".join(outlook.unknowns)
    return ImposedCondition(
        rule_id=outlook.rule_id,
        safeguard=f"Confirm that the measure meets this requirement: {spec.title} ({fields}); "
        f"otherwise adopt: {adopt[:1].lower() + adopt[1:]}",
        remedy=spec.then.remedy if spec.then.effect is not Effect.SATISFIED else None,
        provisional=outlook.rule.provisional,
        confirm=outlook.unknowns,
    )


def _principle(
    principle: Principle, findings: list[Finding], outlooks: Sequence[Outlook], span: Range
) -> PrincipleAssessment:
    ranked = worst_first(findings)
    ids = tuple(f.rule_id for f in ranked)
    if not ranked:
        return PrincipleAssessment(
            outcome=Outcome.NOT_APPLICABLE, findings=(), reasoning=f"No {principle} rule applies to this measure."
        )
    weighed = [f for f in ranked if f.basis is not Basis.METHOD]
    outcome = outcome_of(span) if weighed else Outcome.NOT_APPLICABLE
    mine = [o for o in outlooks if o.principle is principle]
    if outcome is Outcome.NOT_SATISFIED:
        reasoning = f"Not satisfied: {_ids(f for f in weighed if f.effect is Effect.VIOLATION)} found a violation."
        if principle is Principle.ESSENCE:
            reasoning += " The essence of the right is affected: no balancing can save the measure."
    elif outcome is Outcome.INSUFFICIENT_INFORMATION:
        reasoning = f"Cannot be decided: {_ids(o for o in mine if withholds(o))} need facts that are not stated."
    elif outcome is Outcome.CONDITIONAL:
        pending = [o for o in mine if o.open and max(levels(o)) > Level.COMPLIANT]
        reasons = {f.rule_id for f in weighed if f.effect in (Effect.CONDITION, Effect.NEEDS_INFORMATION)}
        reasons |= {o.rule_id for o in pending}
        reasoning = (
            f"Satisfied only if the safeguards required by {', '.join(sorted(reasons))}"
            " are adopted or the facts they need are confirmed."
        )
    elif outcome is Outcome.NOT_APPLICABLE:
        reasoning = f"No compatibility test or legal obligation of {principle} applies; only guidance does."
    else:
        reasoning = f"Satisfied on the stated facts ({_ids(f for f in weighed if f.effect is Effect.SATISFIED)})."
    advice = [f.rule_id for f in ranked if f.basis is Basis.METHOD and f.effect is not Effect.SATISFIED]
    if advice:
        reasoning += f" Recommended (guidance, not a condition): {', '.join(advice)}."
    return PrincipleAssessment(outcome=outcome, findings=ids, reasoning=reasoning)


def _ids(items: Iterable[Finding | Outlook]) -> str:
    return ", ".join(sorted({item.rule_id for item in items}))
