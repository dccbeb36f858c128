"""Balancing: the verdict read from its range, per basis of rule (R3), conditional verdicts (R9) and questions."""

from __future__ import annotations

from typing import Any

from art52.domain.citations import Citation
from art52.domain.derived_facts import fact_catalogue
from art52.domain.findings import Basis, Finding
from art52.domain.principles import Effect, Outcome, Principle, Verdict
from art52.reasoning.balancing import Balance, balance
from art52.reasoning.outlook import Outlook
from art52.rulebook.schema import RuleSpec, build_rule

CITE = (Citation(source_id="s", short="S", title="Source"),)


class Case:
    """A set of rules, each with the finding it gave and what it could still give."""

    def __init__(self) -> None:
        self.findings: list[Finding] = []
        self.outlooks: list[Outlook] = []

    def rule(
        self,
        rule_id: str,
        principle: Principle,
        effect: Effect,
        *,
        basis: Basis = Basis.CASE_LAW,
        could: tuple[Effect | None, ...] = (),
        missing: tuple[str, ...] = (),
        then: Effect = Effect.VIOLATION,
        provisional: bool = False,
    ) -> Case:
        raw: dict[str, Any] = {
            "id": rule_id,
            "version": 1,
            "title": f"The {rule_id} test is met",
            "basis": basis.value,
            "principle": principle.value,
            "status": "provisional" if provisional else "settled",
            "when": {"legal_basis.exists": {"eq": False}},
            "then": {"effect": then.value, "explanation": "x", "safeguard": f"Adopt the {rule_id} safeguard."},
            "sources": [{"ref": "s", "pinpoint": "p"}],
        }
        rule = build_rule(RuleSpec.model_validate(raw), "test", "test.yaml", 1)
        self.findings.append(
            Finding(
                rule_id=rule_id,
                rule_version=1,
                title=rule.spec.title,
                principle=principle,
                basis=basis,
                effect=effect,
                explanation=f"{rule_id} explanation",
                sources=CITE,
                missing_facts=missing,
                provisional=provisional,
                legal_review_required=provisional,
                safeguard="Add the safeguard." if effect is Effect.CONDITION else None,
            )
        )
        effects = frozenset(could) if could else frozenset({effect})
        self.outlooks.append(Outlook(rule, effects, missing, missing))
        return self

    def balance(self) -> Balance:
        return balance(tuple(self.findings), tuple(self.outlooks), fact_catalogue())


def test_a_stated_violation_is_final_whatever_is_still_open() -> None:
    result = (
        Case()
        .rule("AA-001", Principle.PROPORTIONALITY, Effect.VIOLATION)
        .rule(
            "AA-002",
            Principle.NECESSITY,
            Effect.NEEDS_INFORMATION,
            could=(Effect.VIOLATION, Effect.SATISFIED),
            missing=("objective",),
        )
        .balance()
    )
    assert result.verdict is Verdict.NON_COMPLIANT
    assert (result.verdict_range.best, result.verdict_range.worst) == (Verdict.NON_COMPLIANT, Verdict.NON_COMPLIANT)
    assert result.analysis_ended_at is Principle.PROPORTIONALITY
    assert result.principles[Principle.NECESSITY].outcome is Outcome.INSUFFICIENT_INFORMATION


def test_a_case_law_test_that_could_still_find_a_violation_withholds_the_verdict() -> None:
    result = (
        Case()
        .rule("AA-001", Principle.SAFEGUARDS, Effect.CONDITION)
        .rule(
            "AA-002",
            Principle.NECESSITY,
            Effect.NEEDS_INFORMATION,
            could=(Effect.VIOLATION, Effect.SATISFIED),
            missing=("objective",),
        )
        .balance()
    )
    assert result.verdict is Verdict.INSUFFICIENT_INFORMATION
    assert (result.verdict_range.best, result.verdict_range.worst) == (
        Verdict.COMPLIANT_WITH_CONDITIONS,
        Verdict.NON_COMPLIANT,
    )
    assert [(q.path, q.changes, q.principles) for q in result.missing_facts] == [
        ("objective", "verdict", (Principle.NECESSITY,))
    ]
    assert [c.rule_id for c in result.conditions] == ["AA-001"]


def test_open_questions_that_can_only_add_conditions_give_a_conditional_verdict() -> None:
    result = (
        Case()
        .rule("AA-001", Principle.LEGALITY, Effect.SATISFIED)
        .rule(
            "AA-002",
            Principle.SAFEGUARDS,
            Effect.NEEDS_INFORMATION,
            could=(Effect.CONDITION, Effect.SATISFIED),
            missing=("safeguards.sunset_clause",),
            then=Effect.CONDITION,
        )
        .balance()
    )
    assert result.verdict is Verdict.COMPLIANT_WITH_CONDITIONS
    assert (result.verdict_range.best, result.verdict_range.worst) == (
        Verdict.COMPLIANT,
        Verdict.COMPLIANT_WITH_CONDITIONS,
    )
    [condition] = result.conditions
    assert condition.rule_id == "AA-002"
    assert condition.confirm == ("safeguards.sunset_clause",)
    assert condition.safeguard == (
        "Confirm that the measure meets this requirement: The AA-002 test is met (safeguards.sunset_clause); "
        "otherwise adopt: adopt the AA-002 safeguard."
    )
    assert result.principles[Principle.SAFEGUARDS].outcome is Outcome.CONDITIONAL
    assert result.missing_facts[0].changes == "verdict"


def test_an_obligation_whose_fact_is_unknown_is_to_confirm_not_a_reason_to_withhold() -> None:
    result = (
        Case()
        .rule("LL-001", Principle.LEGALITY, Effect.SATISFIED)
        .rule(
            "OO-001",
            Principle.SAFEGUARDS,
            Effect.NEEDS_INFORMATION,
            basis=Basis.LEGISLATION,
            could=(Effect.VIOLATION, Effect.SATISFIED),
            missing=("led.dpia_done",),
        )
        .balance()
    )
    assert result.verdict is Verdict.COMPLIANT_WITH_CONDITIONS
    # The range stays sound: a stated breach of the obligation would be a violation.
    assert result.verdict_range.worst is Verdict.NON_COMPLIANT
    assert [(q.path, q.changes) for q in result.missing_facts] == [("led.dpia_done", "confirmation")]
    assert [c.confirm for c in result.conditions] == [("led.dpia_done",)]


def test_a_stated_breach_of_an_obligation_counts_as_the_law_says() -> None:
    result = Case().rule("OO-001", Principle.SAFEGUARDS, Effect.VIOLATION, basis=Basis.LEGISLATION).balance()
    assert result.verdict is Verdict.NON_COMPLIANT


def test_a_method_rule_only_recommends() -> None:
    result = (
        Case()
        .rule("LL-001", Principle.LEGALITY, Effect.SATISFIED)
        .rule("MM-001", Principle.NECESSITY, Effect.VIOLATION, basis=Basis.METHOD)
        .rule(
            "MM-002",
            Principle.NECESSITY,
            Effect.NEEDS_INFORMATION,
            basis=Basis.METHOD,
            could=(Effect.NEEDS_INFORMATION, Effect.SATISFIED),
            missing=("necessity.effectiveness_evidence",),
            then=Effect.NEEDS_INFORMATION,
        )
        .balance()
    )
    assert result.verdict is Verdict.COMPLIANT
    assert (result.verdict_range.best, result.verdict_range.worst) == (Verdict.COMPLIANT, Verdict.COMPLIANT)
    assert result.missing_facts == ()
    assert result.conditions == ()
    assert [r.rule_id for r in result.recommendations] == ["MM-001", "MM-002"]
    assert result.principles[Principle.NECESSITY].outcome is Outcome.NOT_APPLICABLE
    assert "Recommended (guidance, not a condition): MM-001, MM-002" in result.principles[Principle.NECESSITY].reasoning


def test_when_both_ends_agree_that_is_the_verdict_and_the_open_question_is_still_listed() -> None:
    result = (
        Case()
        .rule("AA-001", Principle.LEGALITY, Effect.SATISFIED)
        .rule(
            "PP-001",
            Principle.PROPORTIONALITY,
            Effect.NEEDS_INFORMATION,
            could=(Effect.SATISFIED, None),
            missing=("measure_type",),
            then=Effect.SATISFIED,
        )
        .balance()
    )
    assert result.verdict is Verdict.COMPLIANT
    assert [(q.path, q.changes) for q in result.missing_facts] == [("measure_type", "confirmation")]


def test_a_non_compliant_measure_asks_only_what_could_move_a_principle_not_yet_violated() -> None:
    result = (
        Case()
        .rule("EE-001", Principle.ESSENCE, Effect.VIOLATION)
        .rule(
            "EE-002",
            Principle.ESSENCE,
            Effect.NEEDS_INFORMATION,
            could=(Effect.VIOLATION, Effect.SATISFIED),
            missing=("safeguards.data_security_rules_specified",),
        )
        .rule(
            "NN-001",
            Principle.NECESSITY,
            Effect.NEEDS_INFORMATION,
            could=(Effect.VIOLATION, Effect.SATISFIED),
            missing=("access.limited_to",),
        )
        .rule(
            "OO-001",
            Principle.SAFEGUARDS,
            Effect.NEEDS_INFORMATION,
            basis=Basis.LEGISLATION,
            could=(Effect.VIOLATION, Effect.SATISFIED),
            missing=("led.dpia_done",),
        )
        .balance()
    )
    assert result.verdict is Verdict.NON_COMPLIANT
    assert [(q.path, q.changes, q.principles) for q in result.missing_facts] == [
        ("access.limited_to", "principle", (Principle.NECESSITY,))
    ]


def test_questions_come_most_decisive_first() -> None:
    result = (
        Case()
        .rule(
            "CC-001",
            Principle.SAFEGUARDS,
            Effect.NEEDS_INFORMATION,
            could=(Effect.CONDITION, Effect.SATISFIED),
            missing=("safeguards.sunset_clause",),
            then=Effect.CONDITION,
        )
        .rule(
            "VV-001",
            Principle.PROPORTIONALITY,
            Effect.NEEDS_INFORMATION,
            could=(Effect.VIOLATION, Effect.SATISFIED),
            missing=("retention.period_days",),
        )
        .rule(
            "VV-002",
            Principle.LEGALITY,
            Effect.NEEDS_INFORMATION,
            could=(Effect.VIOLATION, Effect.SATISFIED),
            missing=("legal_basis.accessible",),
        )
        .rule(
            "OO-001",
            Principle.LEGALITY,
            Effect.NEEDS_INFORMATION,
            basis=Basis.LEGISLATION,
            could=(Effect.VIOLATION, Effect.SATISFIED),
            missing=("led.dpia_done",),
        )
        .balance()
    )
    # Verdict before confirmation; a possible violation before a possible condition; legality before proportionality.
    assert [q.path for q in result.missing_facts] == [
        "legal_basis.accessible",
        "retention.period_days",
        "safeguards.sunset_clause",
        "led.dpia_done",
    ]


def test_legal_review_when_decisive_findings_rest_on_provisional_law() -> None:
    decisive = Case().rule("XX-001", Principle.ESSENCE, Effect.VIOLATION, provisional=True).balance()
    assert decisive.legal_review_required
    not_decisive = (
        Case()
        .rule("XX-001", Principle.ESSENCE, Effect.VIOLATION)
        .rule("XX-002", Principle.SAFEGUARDS, Effect.CONDITION, provisional=True)
        .balance()
    )
    assert not not_decisive.legal_review_required


def test_no_findings_means_nothing_was_decided() -> None:
    result = balance((), (), fact_catalogue())
    assert result.verdict is Verdict.INSUFFICIENT_INFORMATION
    assert (result.verdict_range.best, result.verdict_range.worst) == (Verdict.COMPLIANT, Verdict.NON_COMPLIANT)
    assert all(p.outcome is Outcome.NOT_APPLICABLE for p in result.principles.values())
