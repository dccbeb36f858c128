"""The field catalogue lists every leaf of the measure contract with the right kind and values."""

from __future__ import annotations

import json
from typing import Any

import pytest
from contract_files import MEASURE_SCHEMA

from art52.domain.fields import FieldSpec, measure_fields

SCHEMA_PATH = MEASURE_SCHEMA


def _types(node: dict[str, Any]) -> list[str]:
    declared = node["type"] if isinstance(node["type"], list) else [node["type"]]
    return [t for t in declared if t != "null"]


def _expected_kind(node: dict[str, Any]) -> tuple[str, tuple[str, ...]]:
    """The kind the schema implies for a leaf, computed independently of the models."""
    (json_type,) = _types(node)
    if json_type == "array":
        items = node["items"]
        if "enum" in items:
            return "enum_list", tuple(items["enum"])
        return {"string": "string_list", "object": "object_list"}[items["type"]], ()
    if "enum" in node:
        return "enum", tuple(v for v in node["enum"] if v is not None)
    if json_type == "string" and node.get("format") == "date":
        return "date", ()
    return json_type, ()


def schema_leaves(node: dict[str, Any], prefix: str = "") -> dict[str, dict[str, Any]]:
    """Leaf nodes of the contract schema by dotted path; arrays (even of objects) are leaves."""
    leaves: dict[str, dict[str, Any]] = {}
    for name, prop in node["properties"].items():
        if _types(prop) == ["object"]:
            leaves |= schema_leaves(prop, f"{prefix}{name}.")
        else:
            leaves[prefix + name] = prop
    return leaves


@pytest.fixture(scope="module")
def leaves() -> dict[str, dict[str, Any]]:
    assert SCHEMA_PATH.is_file(), f"contract not found at {SCHEMA_PATH}"
    return schema_leaves(json.loads(SCHEMA_PATH.read_text(encoding="utf-8")))


def test_catalogue_has_exactly_the_leaf_paths_of_the_shared_schema(leaves: dict[str, dict[str, Any]]) -> None:
    assert list(measure_fields()) == list(leaves)  # same paths, in contract order
    assert len(leaves) > 100


def test_every_kind_values_and_description_follow_the_schema(leaves: dict[str, dict[str, Any]]) -> None:
    catalogue = measure_fields()
    wrong = {
        path: (catalogue[path], expected)
        for path, node in leaves.items()
        if (catalogue[path].kind, catalogue[path].values, catalogue[path].description)
        != (expected := (*_expected_kind(node), node["description"]))
    }
    assert wrong == {}


@pytest.mark.parametrize(
    ("path", "kind", "count"),
    [
        ("data.categories", "enum_list", 9),
        ("safeguards.logging.operations_covered", "enum_list", 6),
        ("special_categories.kinds", "enum_list", 8),
        ("measure_type", "enum", 14),
        ("data.targeting_criteria.type", "enum", 4),
        ("eevidence.validated_by", "enum", 6),
        ("retention.period_days", "integer", 0),
        ("eevidence.deadline_hours", "integer", 0),
        ("offence.max_penalty_years", "number", 0),
        ("retention.period_unlimited", "boolean", 0),
        ("eevidence.refusal_flags.ne_bis_in_idem", "boolean", 0),
        ("assessment_date", "date", 0),
        ("planned_entry_into_force", "date", 0),
        ("jurisdiction", "string", 0),
        ("title", "string", 0),
        ("access.authorities", "string_list", 0),
        ("necessity.less_intrusive_alternatives", "object_list", 0),
    ],
)
def test_known_paths(path: str, kind: str, count: int) -> None:
    spec = measure_fields()[path]
    assert (spec.path, spec.kind, len(spec.values)) == (path, kind, count)


def test_enum_values_keep_schema_order() -> None:
    assert measure_fields()["data.categories"].values == (
        "subscriber_civil_identity",
        "identification_only",
        "ip_source_connection",
        "traffic",
        "location",
        "content",
        "device_stored_data",
        "pnr",
        "special_categories",
    )


def test_objects_are_traversed_not_listed() -> None:
    catalogue = measure_fields()
    for container in ("data", "data.targeting_criteria", "safeguards.logging", "eevidence.refusal_flags"):
        assert container not in catalogue
    assert not any(path.startswith("necessity.less_intrusive_alternatives.") for path in catalogue)


def test_catalogue_is_cached_and_read_only() -> None:
    catalogue = measure_fields()
    assert measure_fields() is catalogue
    with pytest.raises(TypeError):
        catalogue["x"] = FieldSpec("x", "string")  # type: ignore[index]
