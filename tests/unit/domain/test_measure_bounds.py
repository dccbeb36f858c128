"""Contract 1.2 bounds every free-text field and every array, and the model agrees with the schema.

A measure names dozens of authorities, not tens of thousands: a 448 KB body with
64,000 distinct authorities once cost 40 s of CPU in a quadratic uniqueness
check. The bounds are read from the schema here and each one is probed at the
limit and one past it, under the schema (jsonschema) and under the model.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from typing import Any

import pytest
from contract_files import MEASURE_SCHEMA
from jsonschema import Draft202012Validator
from pydantic import ValidationError

from art52.domain.measure import Measure
from art52.domain.measure.values import check_unique

SCHEMA: dict[str, Any] = json.loads(MEASURE_SCHEMA.read_text(encoding="utf-8"))
VALIDATOR = Draft202012Validator(SCHEMA, format_checker=Draft202012Validator.FORMAT_CHECKER)
Path = tuple[str, ...]  # property names from the root; "[]" steps into an array's items


def _types(node: dict[str, Any]) -> list[str]:
    declared = node.get("type", "object")
    return declared if isinstance(declared, list) else [declared]


def slots(node: dict[str, Any], path: Path = ()) -> Iterator[tuple[Path, dict[str, Any]]]:
    for name, prop in node.get("properties", {}).items():
        yield (*path, name), prop
        if "array" in _types(prop):
            yield (*path, name, "[]"), prop["items"]
            yield from slots(prop["items"], (*path, name, "[]"))
        elif "object" in _types(prop):
            yield from slots(prop, (*path, name))


FREE_TEXT = [(p, s) for p, s in slots(SCHEMA) if "string" in _types(s) and "enum" not in s and "pattern" not in s]
ARRAYS = [(p, s) for p, s in slots(SCHEMA) if "array" in _types(s)]


def _ids(found: list[tuple[Path, dict[str, Any]]]) -> list[str]:
    return [".".join(p) for p, _ in found]


def test_every_free_text_field_and_every_array_is_bounded() -> None:
    assert len(FREE_TEXT) > 10
    assert len(ARRAYS) > 5
    assert [p for p, s in FREE_TEXT if "maxLength" not in s] == []
    assert [p for p, s in ARRAYS if "maxItems" not in s] == []


def _placed(path: Path, value: Any) -> dict[str, Any]:
    """A minimal valid measure with ``value`` at ``path`` (one item in each array on the way)."""
    document: dict[str, Any] = {"title": "t"}
    node: Any = document
    steps = list(path)
    for index, step in enumerate(steps[:-1]):
        if step == "[]":
            continue
        if steps[index + 1] == "[]":
            node[step] = [{"description": "d"}] if index + 2 < len(steps) else []
            node = node[step][0] if index + 2 < len(steps) else node[step]
        else:
            node = node.setdefault(step, {})
    if steps[-1] == "[]":
        node.append(value)
    else:
        node[steps[-1]] = value
    return document


def _model_accepts(document: dict[str, Any]) -> bool:
    try:
        Measure.model_validate(document)
    except ValidationError:
        return False
    return True


@pytest.mark.parametrize(("path", "node"), FREE_TEXT, ids=_ids(FREE_TEXT))
def test_a_text_at_its_bound_is_valid_and_one_character_more_is_not(path: Path, node: dict[str, Any]) -> None:
    bound = node["maxLength"]
    at_bound, past = _placed(path, "é" * bound), _placed(path, "é" * (bound + 1))
    assert VALIDATOR.is_valid(at_bound)
    assert _model_accepts(at_bound)
    assert not VALIDATOR.is_valid(past)
    assert not _model_accepts(past)


def _distinct_items(node: dict[str, Any], count: int) -> list[Any]:
    items = node["items"]
    if "enum" in items:
        values = [v for v in items["enum"] if v is not None]
        return (values * (count // len(values) + 1))[:count]
    if "string" in _types(items):
        return [f"authority {n}" for n in range(count)]
    return [{"description": f"alternative {n}"} for n in range(count)]


@pytest.mark.parametrize(("path", "node"), ARRAYS, ids=_ids(ARRAYS))
def test_an_array_one_item_past_its_bound_is_refused(path: Path, node: dict[str, Any]) -> None:
    past = _placed(path, _distinct_items(node, node["maxItems"] + 1))
    assert not VALIDATOR.is_valid(past)
    with pytest.raises(ValidationError) as refused:
        Measure.model_validate(past)
    assert [e["type"] for e in refused.value.errors()] == ["too_long"]


def test_a_maximal_measure_is_valid_under_the_schema_and_the_model() -> None:
    document = maximal_measure()
    assert VALIDATOR.is_valid(document)
    assert _model_accepts(document)


def maximal_measure() -> dict[str, Any]:
    """Every bounded text at its maximum length and every array of free items at its maximum size."""
    document: dict[str, Any] = {"title": "t"}
    for path, node in ARRAYS:
        if "enum" not in node["items"]:
            document = _merge(document, _placed(path, _distinct_items(node, node["maxItems"])))
    for path, node in FREE_TEXT:
        if "[]" not in path:
            document = _merge(document, _placed(path, "x" * node["maxLength"]))
    return document


def _merge(into: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    merged = copy.deepcopy(into)
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged


class Counted:
    """An item that counts the comparisons made between items."""

    comparisons = 0

    def __init__(self, value: int) -> None:
        self.value = value

    def __eq__(self, other: object) -> bool:
        Counted.comparisons += 1
        return isinstance(other, Counted) and other.value == self.value

    def __hash__(self) -> int:
        return hash(self.value)


def test_the_uniqueness_check_is_linear_in_the_number_of_items() -> None:
    Counted.comparisons = 0
    check_unique(tuple(Counted(n) for n in range(64_000)))
    assert Counted.comparisons < 64_000  # a pairwise check makes about two thousand million


def test_the_uniqueness_check_still_finds_a_repeat() -> None:
    with pytest.raises(ValueError, match="repeated"):
        check_unique(("police", "customs", "police"))
