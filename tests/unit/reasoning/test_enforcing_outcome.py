"""The enforcing authority's decision from its findings: grounds first, then missing facts, never a guessed yes."""

from __future__ import annotations

import datetime as dt

from art52.domain.assessment import EnforcingDecision
from art52.domain.citations import Citation
from art52.domain.findings import Finding
from art52.domain.perspective import EnforcingRole
from art52.domain.principles import Effect, Principle
from art52.reasoning.enforcing_outcome import enforcing_outcome

CITATION = Citation(
    source_id="reg_2023_1543",
    short="Reg. 2023/1543",
    title="Regulation (EU) 2023/1543",
    identifier="CELEX:32023R1543",
    date=dt.date(2023, 7, 12),
    url=None,
    pinpoint="Art. 12(1)",
    verified=True,
)
GROUNDS = {
    "EEVE-003": "privileges (Art. 12(1)(a))",
    "EEVE-005": "ne bis in idem (Art. 12(1)(c))",
    "EEVE-001": None,
    "EEVE-002": None,
    "EEVE-007": None,
}
ROLES = {"EEVE-001": EnforcingRole.NOTIFICATION, "EEVE-007": EnforcingRole.CONSULTATION}


def finding(rule_id: str, effect: Effect) -> Finding:
    return Finding(
        rule_id=rule_id,
        rule_version=1,
        title=rule_id,
        principle=Principle.LEGALITY,
        effect=effect,
        explanation=f"{rule_id} says {effect.value}",
        sources=(CITATION,),
    )


def test_a_ground_is_named_and_the_issuing_authority_is_to_be_consulted() -> None:
    outcome = enforcing_outcome(
        [finding("EEVE-003", Effect.VIOLATION), finding("EEVE-005", Effect.NEEDS_INFORMATION)], GROUNDS
    )
    assert outcome.decision is EnforcingDecision.GROUND_FOR_REFUSAL
    assert outcome.statement == (
        "ground for refusal: privileges (Art. 12(1)(a)); consult the issuing authority before refusing"
    )
    assert [g.rule_id for g in outcome.grounds] == ["EEVE-003"]
    assert outcome.reasons == ("EEVE-003: EEVE-003 says violation", "EEVE-005: EEVE-005 says needs_information")


def test_a_missing_fact_without_a_ground_leaves_the_decision_open() -> None:
    outcome = enforcing_outcome(
        [finding("EEVE-003", Effect.SATISFIED), finding("EEVE-005", Effect.NEEDS_INFORMATION)], GROUNDS
    )
    assert outcome.decision is EnforcingDecision.INSUFFICIENT_INFORMATION
    assert outcome.statement == "insufficient information to decide within the deadline"
    assert outcome.grounds == ()


def test_a_violation_of_a_rule_that_is_no_ground_is_a_reason_not_a_ground() -> None:
    outcome = enforcing_outcome(
        [finding("EEVE-002", Effect.VIOLATION), finding("EEVE-003", Effect.SATISFIED)], GROUNDS, ROLES
    )
    assert outcome.decision is EnforcingDecision.NO_GROUND_FOR_REFUSAL
    assert outcome.statement == "no ground for refusal"
    assert outcome.grounds == ()
    assert outcome.reasons == ("EEVE-002: EEVE-002 says violation",)


def test_an_order_that_had_to_be_notified_and_was_not_is_not_under_review() -> None:
    outcome = enforcing_outcome([finding("EEVE-001", Effect.VIOLATION)], GROUNDS, ROLES)
    assert outcome.decision is EnforcingDecision.NO_ORDER_UNDER_REVIEW
    assert outcome.statement.startswith(
        "no order under review: the notification was required and has not been received, "
        "so no ground for refusal was examined"
    )
    assert outcome.grounds == ()
    assert outcome.reasons == ("EEVE-001: EEVE-001 says violation",)


def test_no_ground_examined_is_never_no_ground() -> None:
    outcome = enforcing_outcome([finding("EEVE-001", Effect.SATISFIED)], GROUNDS, ROLES)
    assert outcome.decision is EnforcingDecision.NO_ORDER_UNDER_REVIEW
    assert "no ground for refusal was examined" in outcome.statement


def test_without_any_enforcing_finding_the_rules_do_not_apply() -> None:
    outcome = enforcing_outcome([], GROUNDS, ROLES)
    assert outcome.decision is EnforcingDecision.NOT_APPLICABLE
    assert outcome.statement.startswith("the enforcing rules do not apply to this measure")
    assert "not a European Production Order notified" in outcome.statement


def test_a_ground_after_consulting_the_issuing_authority_says_it_was_consulted() -> None:
    outcome = enforcing_outcome(
        [finding("EEVE-005", Effect.VIOLATION), finding("EEVE-007", Effect.SATISFIED)], GROUNDS, ROLES
    )
    assert outcome.decision is EnforcingDecision.GROUND_FOR_REFUSAL
    assert outcome.statement == (
        "ground for refusal: ne bis in idem (Art. 12(1)(c)); the issuing authority was consulted: "
        "the ground stands and the enforcing authority may refuse"
    )
    assert "consult the issuing authority before refusing" not in outcome.statement


def test_a_ground_before_consulting_the_issuing_authority_asks_to_consult() -> None:
    outcome = enforcing_outcome(
        [finding("EEVE-005", Effect.VIOLATION), finding("EEVE-007", Effect.CONDITION)], GROUNDS, ROLES
    )
    assert (
        outcome.statement
        == "ground for refusal: ne bis in idem (Art. 12(1)(c)); consult the issuing authority before refusing"
    )


def test_nothing_open_and_nothing_found_is_no_ground() -> None:
    outcome = enforcing_outcome([finding("EEVE-003", Effect.SATISFIED)], GROUNDS)
    assert outcome.decision is EnforcingDecision.NO_GROUND_FOR_REFUSAL
    assert outcome.reasons == ()
