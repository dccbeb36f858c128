"""Parsing the condition language: clear errors for malformed conditions."""

from __future__ import annotations

from typing import Any

import pytest

from art52.rulebook.conditions import All, ConditionSyntaxError, Leaf, Op, parse_condition, paths, to_data


def test_multiple_paths_and_operators_mean_all() -> None:
    parsed = parse_condition({"a": {"gt": 1, "lt": 5}, "b": "x"})
    assert parsed == All((Leaf("a", Op.GT, 1), Leaf("a", Op.LT, 5), Leaf("b", Op.EQ, "x")))
    assert paths(parsed) == ("a", "b")


def test_presence_operators_are_normalised() -> None:
    assert parse_condition({"a": {"exists": False}}) == Leaf("a", Op.MISSING, True)
    assert parse_condition({"a": {"missing": False}}) == Leaf("a", Op.EXISTS, True)


def test_round_trip_to_data() -> None:
    raw = {"all": [{"a": {"in": ["x", "y"]}}, {"not": {"b": {"eq": True}}}]}
    assert to_data(parse_condition(raw)) == raw


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ({}, "non-empty mapping"),
        ({"all": []}, "non-empty list"),
        ({"all": [{"a": 1}], "b": 1}, "must stand alone"),
        ({"a": {"regex": "x"}}, "unknown operator 'regex'"),
        ({"a": {"in": "x"}}, "non-empty list"),
        ({"a": {"gt": "9"}}, "takes a number"),
        ({"a": {"gt": True}}, "takes a number"),
        ({"a": {"exists": "yes"}}, "true or false"),
        ({"a": {}}, "no operator"),
        ({"a": {"eq": {"x": 1}}}, "single value"),
    ],
)
def test_malformed_conditions_are_rejected(raw: dict[str, Any], message: str) -> None:
    with pytest.raises(ConditionSyntaxError, match=message):
        parse_condition(raw)
