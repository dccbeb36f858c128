"""Presence tests in scopes: the unstated facts that could bring a rule into scope, or take it out, are offered."""

from __future__ import annotations

from typing import Any

from art52.reasoning.scope_questions import ScopeQuestion, scope_questions
from art52.rulebook.schema import Rule, RuleSpec, build_rule

FIELDS = frozenset({"transfer.to_third_country", "objective", "notification.informed_at_time"})


def _rule(rule_id: str, applies_to: dict[str, Any]) -> Rule:
    raw: dict[str, Any] = {
        "id": rule_id,
        "version": 1,
        "title": f"The {rule_id} test is met",
        "basis": "case_law",
        "principle": "proportionality",
        "status": "settled",
        "applies_to": applies_to,
        "when": {"legal_basis.exists": {"eq": False}},
        "then": {"effect": "violation", "explanation": "x"},
        "sources": [{"ref": "s", "pinpoint": "p"}],
    }
    return build_rule(RuleSpec.model_validate(raw), "test", "test.yaml", 1)


STATED_TRANSFER = _rule(
    "TST-001",
    {"all": [{"objective": {"eq": "serious_crime"}}, {"transfer.to_third_country": {"exists": True, "eq": True}}]},
)
NOT_TOLD = _rule("TST-002", {"any": [{"notification.informed_at_time": {"missing": True}}, {"objective": {"eq": "x"}}]})


def test_an_unstated_fact_a_scope_needs_stated_is_offered_while_the_scope_may_hold() -> None:
    assert scope_questions((STATED_TRANSFER,), {}, frozenset(), FIELDS) == (
        ScopeQuestion("transfer.to_third_country", ("TST-001",)),
    )
    assert scope_questions((STATED_TRANSFER,), {"objective": "serious_crime"}, frozenset(), FIELDS) == (
        ScopeQuestion("transfer.to_third_country", ("TST-001",)),
    )


def test_a_scope_the_known_facts_falsify_offers_nothing() -> None:
    assert scope_questions((STATED_TRANSFER,), {"objective": "crime_general"}, frozenset(), FIELDS) == ()


def test_a_stated_fact_is_not_offered_again() -> None:
    stated = {"objective": "serious_crime", "transfer.to_third_country": False}
    assert scope_questions((STATED_TRANSFER,), stated, frozenset(), FIELDS) == ()


def test_a_fact_whose_absence_keeps_a_rule_in_scope_is_offered() -> None:
    assert scope_questions((NOT_TOLD,), {"objective": "serious_crime"}, frozenset(), FIELDS) == (
        ScopeQuestion("notification.informed_at_time", ("TST-002",)),
    )


def test_only_contract_fields_are_offered() -> None:
    assert scope_questions((STATED_TRANSFER,), {}, frozenset(), frozenset({"objective"})) == ()
