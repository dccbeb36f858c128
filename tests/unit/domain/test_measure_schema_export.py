"""The JSON Schema exported from the models says what the contract says, field by field.

Both schemas are reduced by one normaliser to a table keyed by dotted path
(``necessity.less_intrusive_alternatives[].description`` for list items), so the
comparison ignores how each side spells things (``type: [X, "null"]`` against
``anyOf: [X, {type: null}]``, inline objects against ``$defs``/``$ref``) and
catches any drift in what is accepted. The schema's ``if``/``then`` constraints have
no pydantic export; test_measure.py and the contract property tests cover them.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from contract_files import MEASURE_SCHEMA

from art52.domain.measure import measure_json_schema

SCHEMA_PATH = MEASURE_SCHEMA

# Keywords that change what is accepted, or what the official is asked, per node.
_COMPARED = ("type", "enum", "minimum", "minLength", "pattern", "format", "uniqueItems", "description")


def _resolve(node: dict[str, Any], root: dict[str, Any]) -> dict[str, Any]:
    """Inline a local ``$ref`` (siblings win, as in 2020-12) and unwrap ``anyOf: [X, null]``."""
    if "$ref" in node:
        pointer = node["$ref"].removeprefix("#/").split("/")
        target: Any = root
        for part in pointer:
            target = target[part]
        node = {**_resolve(target, root), **{k: v for k, v in node.items() if k != "$ref"}}
    if "anyOf" in node:
        members = [m for m in node["anyOf"] if m != {"type": "null"}]
        assert len(node["anyOf"]) == 2, f"unexpected anyOf: {node['anyOf']}"
        assert len(members) == 1, f"unexpected anyOf: {node['anyOf']}"
        rest = {k: v for k, v in node.items() if k != "anyOf"}
        inner = _resolve(members[0], root)
        return {**inner, **rest, "type": [_single_type(inner), "null"]}
    return node


def _single_type(node: dict[str, Any]) -> str:
    types = node["type"] if isinstance(node["type"], list) else [node["type"]]
    (kind,) = [t for t in types if t != "null"]
    return str(kind)


def normalise(schema: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """One row per property (and per list-item object), keyed by dotted path."""
    table: dict[str, dict[str, Any]] = {}
    _walk_object(_resolve(schema, schema), "", schema, table)
    return table


def _walk_object(node: dict[str, Any], prefix: str, root: dict[str, Any], table: dict[str, dict[str, Any]]) -> None:
    required = set(node.get("required", ()))
    for name, raw in node["properties"].items():
        path = prefix + name
        prop = _resolve(raw, root)
        table[path] = {**_row(prop), "required": name in required}
        if _single_type(prop) == "object":
            _walk_object(prop, path + ".", root, table)
        elif _single_type(prop) == "array":
            items = _resolve(prop["items"], root)
            table[path + "[]"] = _row(items)
            if _single_type(items) == "object":
                _walk_object(items, path + "[].", root, table)


def _row(node: dict[str, Any]) -> dict[str, Any]:
    types = node["type"] if isinstance(node["type"], list) else [node["type"]]
    row: dict[str, Any] = {"type": _single_type(node), "nullable": "null" in types}
    for keyword in _COMPARED:
        if keyword in node and keyword != "type":
            value = node[keyword]
            row[keyword] = [v for v in value if v is not None] if keyword == "enum" else value
    if _single_type(node) == "object":
        row["closed"] = node.get("additionalProperties") is False
    return row


@pytest.fixture(scope="module")
def shared() -> dict[str, dict[str, Any]]:
    assert SCHEMA_PATH.is_file(), f"contract not found at {SCHEMA_PATH}"
    return normalise(json.loads(SCHEMA_PATH.read_text(encoding="utf-8")))


@pytest.fixture(scope="module")
def exported() -> dict[str, dict[str, Any]]:
    return normalise(measure_json_schema())


def test_same_paths(shared: dict[str, dict[str, Any]], exported: dict[str, dict[str, Any]]) -> None:
    assert sorted(exported) == sorted(shared)


def test_same_rules_for_every_path(shared: dict[str, dict[str, Any]], exported: dict[str, dict[str, Any]]) -> None:
    differences = {
        path: {"contract": shared[path], "exported": exported.get(path)}
        for path in shared
        if exported.get(path) != shared[path]
    }
    assert differences == {}


def test_same_properties_in_the_same_order(
    shared: dict[str, dict[str, Any]], exported: dict[str, dict[str, Any]]
) -> None:
    # The order is the order in which questions are put to the official.
    assert list(exported) == list(shared)


def test_the_root_is_closed_and_requires_only_title() -> None:
    schema = measure_json_schema()
    assert schema["type"] == "object"
    assert schema["additionalProperties"] is False
    assert schema["required"] == ["title"]


def test_normaliser_sees_each_compared_difference() -> None:
    """Guard the guard: the normaliser must not be blind to the keywords it claims to compare."""
    base = {
        "type": "object",
        "additionalProperties": False,
        "properties": {"n": {"type": ["integer", "null"], "minimum": 0, "description": "N"}},
    }
    variants = [
        {"type": ["number", "null"], "minimum": 0, "description": "N"},
        {"type": "integer", "minimum": 0, "description": "N"},
        {"type": ["integer", "null"], "minimum": 1, "description": "N"},
        {"type": ["integer", "null"], "description": "N"},
        {"type": ["integer", "null"], "minimum": 0, "description": "M"},
        {"type": ["integer", "null"], "minimum": 0, "description": "N", "enum": [1, None]},
    ]
    for variant in variants:
        assert normalise({**base, "properties": {"n": variant}}) != normalise(base), variant
    pydantic_style = {
        "type": "object",
        "additionalProperties": False,
        "$defs": {"N": {"type": "integer", "minimum": 0}},
        "properties": {"n": {"anyOf": [{"$ref": "#/$defs/N"}, {"type": "null"}], "description": "N"}},
    }
    assert normalise(pydantic_style) == normalise(base)
    assert normalise({**base, "required": ["n"]}) != normalise(base)
    assert normalise({**base, "additionalProperties": True}) == normalise(base)  # root openness: separate test
