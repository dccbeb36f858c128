"""The three-valued meaning of the condition language (the spec both backends follow)."""

from __future__ import annotations

from typing import Any

import pytest

from art52.engine.logic import Truth, decisive_unknowns, evaluate, relied_on
from art52.rulebook.conditions import parse_condition

T, F, U = Truth.TRUE, Truth.FALSE, Truth.UNKNOWN


def ev(raw: dict[str, Any], facts: dict[str, Any]) -> Truth:
    return evaluate(parse_condition(raw), facts)


@pytest.mark.parametrize(
    ("raw", "facts", "expected"),
    [
        ({"objective": {"eq": "serious_crime"}}, {"objective": "serious_crime"}, T),
        ({"objective": {"eq": "serious_crime"}}, {"objective": "crime_general"}, F),
        ({"objective": {"eq": "serious_crime"}}, {}, U),
        ({"objective": {"ne": "serious_crime"}}, {}, U),
        ({"objective": {"in": ["a", "b"]}}, {"objective": "b"}, T),
        ({"objective": {"not_in": ["a", "b"]}}, {"objective": "b"}, F),
        ({"retention.period_days": {"gt": 90}}, {"retention.period_days": 91}, T),
        ({"retention.period_days": {"le": 90}}, {"retention.period_days": 91}, F),
        ({"retention.period_days": {"lt": 90}}, {}, U),
        ({"data.categories": {"any_of": ["traffic"]}}, {"data.categories": ("traffic", "content")}, T),
        ({"data.categories": {"any_of": ["traffic"]}}, {"data.categories": ()}, F),
        ({"data.categories": {"all_of": ["traffic", "content"]}}, {"data.categories": ("traffic",)}, F),
        ({"data.categories": {"none_of": ["content"]}}, {"data.categories": ("traffic",)}, T),
        ({"data.categories": {"subset_of": ["traffic", "location"]}}, {"data.categories": ("traffic",)}, T),
        ({"data.categories": {"subset_of": ["traffic"]}}, {"data.categories": ("traffic", "content")}, F),
        ({"data.categories": {"eq": ["traffic", "location"]}}, {"data.categories": ("location", "traffic")}, T),
        ({"data.categories": {"eq": ["traffic"]}}, {"data.categories": ("location", "traffic")}, F),
        ({"data.categories": {"any_of": ["traffic"]}}, {}, U),
        ({"legal_basis.exists": {"exists": True}}, {}, F),
        ({"legal_basis.exists": {"exists": False}}, {}, T),
        ({"legal_basis.exists": {"missing": True}}, {"legal_basis.exists": False}, F),
    ],
)
def test_leaf_operators(raw: dict[str, Any], facts: dict[str, Any], expected: Truth) -> None:
    assert ev(raw, facts) is expected


A_TRUE = {"a": {"eq": 1}}
B_FALSE = {"b": {"eq": 1}}
C_UNKNOWN = {"c": {"eq": 1}}
FACTS = {"a": 1, "b": 2}


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ({"all": [A_TRUE, C_UNKNOWN]}, U),
        ({"all": [B_FALSE, C_UNKNOWN]}, F),
        ({"all": [A_TRUE, A_TRUE]}, T),
        ({"any": [A_TRUE, C_UNKNOWN]}, T),
        ({"any": [B_FALSE, C_UNKNOWN]}, U),
        ({"any": [B_FALSE, B_FALSE]}, F),
        ({"not": C_UNKNOWN}, U),
        ({"not": A_TRUE}, F),
        ({"not": {"any": [B_FALSE, C_UNKNOWN]}}, U),
    ],
)
def test_kleene_combinators(raw: dict[str, Any], expected: Truth) -> None:
    assert ev(raw, FACTS) is expected


def test_unknown_is_never_read_as_yes() -> None:
    """A rule condition over facts nobody stated is unknown, not true or false."""
    condition = parse_condition({"all": [{"authorisation.binding": {"eq": True}}, {"not": {"x": {"eq": 1}}}]})
    assert evaluate(condition, {}) is U


def test_decisive_unknowns_skip_facts_that_cannot_change_the_result() -> None:
    condition = parse_condition({"any": [{"a": {"eq": 2}}, {"c": {"eq": 1}}, {"d": {"eq": 1}}]})
    assert decisive_unknowns(condition, {"a": 1}) == ("c", "d")
    decided = parse_condition({"all": [{"b": {"eq": 1}}, {"c": {"eq": 1}}]})
    assert decisive_unknowns(decided, {"b": 2}) == ()


def test_relied_on_names_the_facts_that_decided() -> None:
    condition = parse_condition({"all": [{"a": {"eq": 1}}, {"b": {"eq": 1}}, {"c": {"eq": 1}}]})
    # False because of b alone: only b is the reason.
    assert relied_on(condition, {"a": 1, "b": 2, "c": 1}) == ("b",)
    assert relied_on(condition, {"a": 1, "b": 1, "c": 1}) == ("a", "b", "c")
