"""Measure accepts a document exactly when the contract's JSON Schema does.

Documents are generated from the schema itself (hypothesis-jsonschema), then
mutated; the reference is ``jsonschema`` with format checking on, as the
contract treats ``format: date`` as asserting. One known, deliberate exception
is not generated: a trailing newline after a pattern-checked string, which
Python's ``re.search`` accepts but the schema's ECMA-262 regex dialect does not
(see the module docstring of ``art52.domain.measure``).
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable, Iterator
from functools import cache
from typing import Any

import pytest
from contract_files import MEASURE_SCHEMA
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from hypothesis_jsonschema import from_schema
from jsonschema import Draft202012Validator
from pydantic import ValidationError

from art52.domain.measure import Measure

pytestmark = pytest.mark.slow

SCHEMA_PATH = MEASURE_SCHEMA
SCHEMA: dict[str, Any] = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
VALIDATOR = Draft202012Validator(SCHEMA, format_checker=Draft202012Validator.FORMAT_CHECKER)
DOCUMENTS = from_schema(SCHEMA)
CONTRACT = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

Loc = tuple[str | int, ...]
Slot = tuple[Loc, dict[str, Any], str, dict[str, Any]]  # location, containing object, key, schema


def model_errors(document: dict[str, Any]) -> list[Loc]:
    """Locations of the model's errors; empty when the model accepts the document."""
    try:
        Measure.model_validate(document)
    except ValidationError as error:
        return [tuple(e["loc"]) for e in error.errors()]
    return []


def schema_accepts(document: dict[str, Any]) -> bool:
    return bool(VALIDATOR.is_valid(document))


# --- walking a document along the schema -------------------------------------------------


def _types(node: dict[str, Any]) -> list[str]:
    declared = node.get("type", "object")
    return declared if isinstance(declared, list) else [declared]


def objects_in(
    document: Any, node: dict[str, Any], path: Loc = ()
) -> Iterator[tuple[Loc, dict[str, Any], dict[str, Any]]]:
    """Every object present in ``document`` with its location and schema (list items included)."""
    if not isinstance(document, dict):
        return
    yield path, document, node
    for name, prop in node["properties"].items():
        value = document.get(name)
        if isinstance(value, dict) and "object" in _types(prop):
            yield from objects_in(value, prop, (*path, name))
        elif isinstance(value, list) and "array" in _types(prop) and "properties" in prop["items"]:
            for index, item in enumerate(value):
                yield from objects_in(item, prop["items"], (*path, name, index))


def slots_in(document: dict[str, Any]) -> list[Slot]:
    """Every property slot (filled or not) of every object present: (location, object, key, schema)."""
    return [
        ((*path, name), obj, name, prop)
        for path, obj, node in objects_in(document, SCHEMA)
        for name, prop in node["properties"].items()
    ]


def pick_slot(document: dict[str, Any], data: st.DataObject) -> Slot:
    """A slot of a randomly chosen JSON type first, so the few integer or date slots are hit often."""
    by_kind: dict[str, list[Slot]] = {}
    for candidate in slots_in(document):
        prop = candidate[3]
        kind = "/".join(t for t in _types(prop) if t != "null") + ("+enum" if "enum" in prop else "")
        kind += "+format" if "format" in prop or "pattern" in prop else ""
        by_kind.setdefault(kind, []).append(candidate)
    kind = data.draw(st.sampled_from(sorted(by_kind)), label="slot kind")
    slot: Slot = data.draw(st.sampled_from(by_kind[kind]), label="slot")
    return slot


def _open_path(document: dict[str, Any], names: tuple[str, ...]) -> None:
    """Make the objects along ``names`` exist ({} is valid for every optional object)."""
    node = document
    for name in names:
        if not isinstance(node.get(name), dict):
            node[name] = {}
        node = node[name]


def _object_paths(node: dict[str, Any], path: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    for name, prop in node["properties"].items():
        if "object" in _types(prop):
            yield (*path, name)
            yield from _object_paths(prop, (*path, name))


OBJECT_PATHS = sorted(_object_paths(SCHEMA))


# --- values --------------------------------------------------------------------------------

JSON_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=12),
)
JSON_VALUES = st.recursive(
    JSON_SCALARS,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3),
    max_leaves=6,
)
NEAR_MISSES = st.sampled_from(
    [
        "2023-02-30",
        "2024-02-29",
        "2023-02-29",
        "2023-13-01",
        "0000-01-01",
        "2023-1-01",
        "2023-01-01T00:00",
        "EU",
        "DE",
        "de",
        "DEU",
        "",
        " ",
        "30",
        "true",
        0,
        -1,
        3.0,
        -0.0,
        2.5,
        1e300,
        True,
        False,
        [],
        {},
        [""],
        ["x", "x"],
        ["traffic", "special_categories"],
        ["health"],
        [{"description": "alternative"}],
        [{}],
    ]
)
WRONG_BY_TYPE: dict[str, st.SearchStrategy[Any]] = {
    "null": st.none(),
    "boolean": st.booleans(),
    "integer": st.integers(),
    "fraction": st.floats(allow_nan=False, allow_infinity=False).filter(lambda x: not x.is_integer()),
    "string": st.text(max_size=8) | st.sampled_from(["1", "0", "true", "null", "[]"]),
    "array": st.lists(JSON_SCALARS, max_size=3),
    "object": st.dictionaries(st.text(max_size=6), JSON_SCALARS, max_size=2),
}


@cache
def _valid_values(schema_text: str) -> st.SearchStrategy[Any]:
    return from_schema(json.loads(schema_text))


def valid_values(prop: dict[str, Any]) -> st.SearchStrategy[Any]:
    """Schema-valid values for one slot (these exercise the cross-field constraints)."""
    return _valid_values(json.dumps(prop, sort_keys=True))


def wrong_type_values(prop: dict[str, Any]) -> st.SearchStrategy[Any]:
    allowed = set(_types(prop))
    if "number" in allowed:
        allowed |= {"integer", "fraction"}  # "fraction" is never integral, so it is wrong for integers
    return st.one_of([strategy for name, strategy in WRONG_BY_TYPE.items() if name not in allowed])


# --- mutations that must make any valid document invalid --------------------------------


def add_unknown_key(document: dict[str, Any], data: st.DataObject) -> Loc:
    path, obj, node = data.draw(st.sampled_from(list(objects_in(document, SCHEMA))))
    key = data.draw(
        st.sampled_from(["eu_law_applies", "scope", "Title", "period_day"]) | st.text(min_size=1, max_size=8)
        if path == ()
        else st.text(min_size=1, max_size=8)
    )
    if key in node["properties"]:
        key = key + "_unknown"
    obj[key] = data.draw(JSON_VALUES)
    return (*path, key)


def put_wrong_type(document: dict[str, Any], data: st.DataObject) -> Loc:
    _open_path(document, data.draw(st.sampled_from(OBJECT_PATHS)))
    path, obj, key, prop = pick_slot(document, data)
    obj[key] = data.draw(wrong_type_values(prop))
    return path


def put_value_outside_enum(document: dict[str, Any], data: st.DataObject) -> Loc:
    _open_path(document, data.draw(st.sampled_from(OBJECT_PATHS)))
    enum_slots = [s for s in slots_in(document) if "enum" in s[3] or "enum" in s[3].get("items", {})]
    slot: Slot = data.draw(st.sampled_from(enum_slots))
    path, obj, key, prop = slot
    allowed = prop.get("enum") or prop["items"]["enum"]
    outside = st.text(max_size=12) | st.sampled_from([value.upper() for value in allowed if value is not None])
    bad = data.draw(outside.filter(lambda value: value not in allowed))
    if "items" in prop:
        obj[key] = [bad]
        return (*path, 0)
    obj[key] = bad
    return path


def drop_title(document: dict[str, Any], data: st.DataObject) -> Loc:
    del document["title"]
    return ("title",)


INVALIDATING: dict[str, Callable[[dict[str, Any], st.DataObject], Loc]] = {
    "unknown key": add_unknown_key,
    "wrong type": put_wrong_type,
    "value outside enum": put_value_outside_enum,
    "no title": drop_title,
}


# --- the properties -----------------------------------------------------------------------


@CONTRACT
@given(DOCUMENTS)
def test_every_schema_valid_document_parses_without_loss(document: dict[str, Any]) -> None:
    assert schema_accepts(document), "generator produced an invalid document"
    measure = Measure.model_validate(document)
    assert measure.model_dump(mode="json", exclude_unset=True) == document


@CONTRACT
@given(DOCUMENTS, st.sampled_from(sorted(INVALIDATING)), st.data())
def test_invalidating_mutations_are_rejected_by_both_at_the_same_field(
    document: dict[str, Any], mutation: str, data: st.DataObject
) -> None:
    mutated = copy.deepcopy(document)
    location = INVALIDATING[mutation](mutated, data)
    assert not schema_accepts(mutated), f"{mutation} at {location} left the document valid"
    assert location in model_errors(mutated)


@CONTRACT
@given(DOCUMENTS, st.data())
def test_model_and_schema_agree_on_arbitrary_rewrites(document: dict[str, Any], data: st.DataObject) -> None:
    mutated = copy.deepcopy(document)
    for _ in range(data.draw(st.integers(1, 3), label="rewrites")):
        _open_path(mutated, data.draw(st.sampled_from(OBJECT_PATHS)))
        _, obj, key, prop = pick_slot(mutated, data)
        obj[key] = data.draw(valid_values(prop) | NEAR_MISSES | JSON_VALUES)
    expected = schema_accepts(mutated)
    event("schema-valid" if expected else "schema-invalid")
    assert (model_errors(mutated) == []) == expected, json.dumps(mutated, indent=1)


ABSENT = object()


def _set(document: dict[str, Any], dotted: str, value: Any) -> None:
    *parents, leaf = dotted.split(".")
    _open_path(document, tuple(parents))
    node = document
    for name in parents:
        node = node[name]
    if value is ABSENT:
        node.pop(leaf, None)
    else:
        node[leaf] = copy.deepcopy(value)


CONSTRAINED = {
    "retention.period_unlimited": [ABSENT, None, True, False],
    "retention.period_days": [ABSENT, None, 0, 30, 30.0],
    "necessity.less_intrusive_alternatives": [ABSENT, None, [], [{"description": "alternative"}]],
    "necessity.less_intrusive_alternatives_assessed": [ABSENT, None, True, False],
    "special_categories.kinds": [ABSENT, None, [], ["health"]],
    "special_categories.processed": [ABSENT, None, True, False],
    "data.categories": [ABSENT, None, [], ["traffic"], ["special_categories"], ["traffic", "special_categories"]],
}


@CONTRACT
@given(DOCUMENTS, st.fixed_dictionaries({path: st.sampled_from(values) for path, values in CONSTRAINED.items()}))
def test_model_and_schema_agree_on_the_cross_field_constraints(
    document: dict[str, Any], choice: dict[str, Any]
) -> None:
    mutated = copy.deepcopy(document)
    for dotted, value in choice.items():
        _set(mutated, dotted, value)
    expected = schema_accepts(mutated)
    event("schema-valid" if expected else "schema-invalid")
    assert (model_errors(mutated) == []) == expected, json.dumps(mutated, indent=1)
