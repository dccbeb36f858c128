"""Balancing: precedence per principle and overall, and the Art. 52(1) order."""

from __future__ import annotations

from art52.domain.citations import Citation
from art52.domain.findings import Finding
from art52.domain.principles import Effect, Outcome, Principle, Verdict
from art52.reasoning.balancing import balance
from art52.rulebook.loader import fact_catalogue

CITE = (Citation(source_id="s", short="S", title="Source"),)


def finding(
    rule_id: str,
    principle: Principle,
    effect: Effect,
    *,
    provisional: bool = False,
    missing: tuple[str, ...] = (),
) -> Finding:
    return Finding(
        rule_id=rule_id,
        rule_version=1,
        title=rule_id,
        principle=principle,
        effect=effect,
        explanation=f"{rule_id} explanation",
        sources=CITE,
        missing_facts=missing,
        provisional=provisional,
        legal_review_required=provisional,
        safeguard="Add the safeguard." if effect is Effect.CONDITION else None,
    )


def test_a_violation_outranks_missing_information_which_outranks_conditions() -> None:
    result = balance(
        (
            finding("A-001", Principle.NECESSITY, Effect.CONDITION),
            finding("A-002", Principle.NECESSITY, Effect.NEEDS_INFORMATION, missing=("objective",)),
            finding("A-003", Principle.NECESSITY, Effect.SATISFIED),
        ),
        fact_catalogue(),
    )
    assert result.principles[Principle.NECESSITY].outcome is Outcome.INSUFFICIENT_INFORMATION
    assert result.principles[Principle.NECESSITY].findings == ("A-002", "A-001", "A-003")
    assert result.verdict is Verdict.INSUFFICIENT_INFORMATION
    # Conditions alone cannot make the measure acceptable while facts are missing, but are still listed.
    assert [c.rule_id for c in result.conditions] == ["A-001"]
    assert [(m.path, m.rules) for m in result.missing_facts] == [("objective", ("A-002",))]
    assert result.missing_facts[0].question.startswith("Please state: The main general-interest objective")


def test_verdicts_follow_the_worst_effect() -> None:
    fields = fact_catalogue()
    only = [finding("A-001", Principle.LEGALITY, Effect.SATISFIED)]
    assert balance(tuple(only), fields).verdict is Verdict.COMPLIANT
    with_condition = [*only, finding("A-002", Principle.SAFEGUARDS, Effect.CONDITION)]
    assert balance(tuple(with_condition), fields).verdict is Verdict.COMPLIANT_WITH_CONDITIONS
    with_violation = [*with_condition, finding("A-003", Principle.PROPORTIONALITY, Effect.VIOLATION)]
    result = balance(tuple(with_violation), fields)
    assert result.verdict is Verdict.NON_COMPLIANT
    assert result.analysis_ended_at is Principle.PROPORTIONALITY


def test_an_essence_violation_ends_the_analysis_but_every_principle_is_reported() -> None:
    result = balance(
        (
            finding("E-001", Principle.ESSENCE, Effect.VIOLATION),
            finding("N-001", Principle.NECESSITY, Effect.NEEDS_INFORMATION, missing=("objective",)),
            finding("P-001", Principle.PROPORTIONALITY, Effect.CONDITION),
        ),
        fact_catalogue(),
    )
    assert result.verdict is Verdict.NON_COMPLIANT
    assert result.analysis_ended_at is Principle.ESSENCE
    assert "no balancing can save" in result.principles[Principle.ESSENCE].reasoning
    assert result.principles[Principle.NECESSITY].outcome is Outcome.INSUFFICIENT_INFORMATION
    assert result.principles[Principle.PROPORTIONALITY].outcome is Outcome.CONDITIONAL
    assert result.principles[Principle.OBJECTIVE].outcome is Outcome.NOT_APPLICABLE


def test_legal_review_when_decisive_findings_rest_on_provisional_law() -> None:
    fields = fact_catalogue()
    decisive = balance((finding("X-001", Principle.ESSENCE, Effect.VIOLATION, provisional=True),), fields)
    assert decisive.legal_review_required
    not_decisive = balance(
        (
            finding("X-001", Principle.ESSENCE, Effect.VIOLATION),
            finding("X-002", Principle.SAFEGUARDS, Effect.CONDITION, provisional=True),
        ),
        fields,
    )
    assert not not_decisive.legal_review_required


def test_no_findings_means_nothing_was_decided() -> None:
    result = balance((), fact_catalogue())
    assert result.verdict is Verdict.INSUFFICIENT_INFORMATION
    assert all(p.outcome is Outcome.NOT_APPLICABLE for p in result.principles.values())
