"""The settled view: what no answer to an open question can change any more."""

from __future__ import annotations

from art52.engine.logic import Truth
from art52.reasoning.settled import ask_for, open_truth, settled_facts, unsettled_derived
from art52.rulebook.conditions import parse_condition

PRESENCE = parse_condition(
    {"all": [{"retention.period_days": {"missing": True}}, {"retention.period_unlimited": True}]}
)


def test_a_presence_test_on_a_field_nobody_asks_for_is_decided() -> None:
    facts = {"retention.period_unlimited": True}
    assert open_truth(PRESENCE, facts, frozenset()) == (Truth.TRUE, ())


def test_a_presence_test_on_a_field_that_is_asked_for_stays_open() -> None:
    facts = {"retention.period_unlimited": True}
    assert open_truth(PRESENCE, facts, frozenset({"retention.period_days"})) == (
        Truth.UNKNOWN,
        ("retention.period_days",),
    )


def test_a_derived_fact_read_from_an_asked_field_is_unsettled_unless_its_value_is_final() -> None:
    facts = {"data.targeting_criteria.type": "persons", "scope": "targeted"}
    derived = frozenset({"scope"})
    unsettled = unsettled_derived(facts, derived, frozenset({"data.subjects_scope"}))
    assert "scope" in unsettled
    assert "scope" not in settled_facts(facts, unsettled)
    stated = {**facts, "data.subjects_scope": "suspects_only"}
    assert "scope" not in unsettled_derived(stated, derived, frozenset({"data.targeting_criteria.type"}))
    serious = {"data.categories": ("traffic",), "interference_seriousness": "serious"}
    assert not unsettled_derived(
        serious, frozenset({"interference_seriousness"}), frozenset({"access.linking_allows_precise_conclusions"})
    )


def test_an_unknown_derived_fact_is_asked_for_through_its_unstated_fields() -> None:
    assert ask_for(("objective_rank",), {}) == ("objective",)
    assert ask_for(("scope",), {"data.subjects_scope": "all_users"}) == ("data.targeting_criteria.type",)
