"""The Measure model accepts the contract's documents and rejects the rest, naming the field."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from contract_files import EXAMPLES_DIR
from pydantic import BaseModel, ValidationError

from art52.domain.fields import measure_fields
from art52.domain.measure import Measure

EXAMPLE_FILES = sorted(EXAMPLES_DIR.glob("*.json"))


def doc(**fields: Any) -> dict[str, Any]:
    """A minimal valid document plus ``fields``; ``a__b=1`` builds ``{"a": {"b": 1}}``."""
    document: dict[str, Any] = {"title": "Test measure"}
    for dotted, value in fields.items():
        *parents, leaf = dotted.split("__")
        node = document
        for parent in parents:
            node = node.setdefault(parent, {})
        node[leaf] = value
    return document


def at(path: str, value: Any) -> dict[str, Any]:
    """A minimal valid document with ``value`` at the dotted ``path``."""
    return doc(**{path.replace(".", "__"): value})


def errors_of(document: dict[str, Any]) -> list[tuple[tuple[str | int, ...], str]]:
    with pytest.raises(ValidationError) as caught:
        Measure.model_validate(document)
    return [(tuple(e["loc"]), e["type"]) for e in caught.value.errors()]


def leaves_of_kind(*kinds: str) -> list[str]:
    return [path for path, spec in measure_fields().items() if spec.kind in kinds]


# --- the examples ------------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    EXAMPLE_FILES or [pytest.param(None, id="no-examples-found")],
    ids=lambda p: p.name if isinstance(p, Path) else str(p),
)
def test_every_example_parses_without_loss(path: Path | None) -> None:
    assert path is not None, f"no example measures found in {EXAMPLES_DIR}"
    document = json.loads(path.read_text(encoding="utf-8"))
    measure = Measure.model_validate(document)
    assert measure.model_dump(mode="json", exclude_unset=True) == document


def test_the_twelve_documented_examples_are_all_there() -> None:
    assert len(EXAMPLE_FILES) >= 12, f"expected the 12 examples of examples/README.md in {EXAMPLES_DIR}"


# --- closed documents ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("document", "loc"),
    [
        ({"title": "T", "eu_law_applies": True}, ("eu_law_applies",)),  # derived facts are not inputs
        (doc(retention__period_dayz=30), ("retention", "period_dayz")),
        (doc(data__targeting_criteria__kind="persons"), ("data", "targeting_criteria", "kind")),
        (doc(safeguards__logging__retained=True), ("safeguards", "logging", "retained")),
        (doc(eevidence__refusal_flags__other=False), ("eevidence", "refusal_flags", "other")),
        (
            doc(necessity__less_intrusive_alternatives=[{"description": "x", "cost": 3}]),
            ("necessity", "less_intrusive_alternatives", 0, "cost"),
        ),
    ],
)
def test_unknown_field_is_rejected_at_its_location(document: dict[str, Any], loc: tuple[str | int, ...]) -> None:
    assert errors_of(document) == [(loc, "extra_forbidden")]


# --- types, enums, constraints -------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "value", "loc", "error"),
    [
        ("retention.period_days", "30", ("retention", "period_days"), "int_type"),
        ("retention.period_days", 1.5, ("retention", "period_days"), "int_type"),
        ("retention.period_days", -1, ("retention", "period_days"), "greater_than_equal"),
        ("eevidence.deadline_hours", True, ("eevidence", "deadline_hours"), "int_type"),
        ("offence.max_penalty_years", "4", ("offence", "max_penalty_years"), "float_type"),
        ("offence.max_penalty_years", -0.5, ("offence", "max_penalty_years"), "greater_than_equal"),
        ("legal_basis.exists", "true", ("legal_basis", "exists"), "bool_type"),
        ("id", 7, ("id",), "string_type"),
        ("title", "", ("title",), "string_too_short"),
        ("title", None, ("title",), "string_type"),
        ("objective", "serious crime", ("objective",), "literal_error"),
        ("further_use.objective", "SERIOUS_CRIME", ("further_use", "objective"), "literal_error"),
        ("data.categories", "traffic", ("data", "categories"), "tuple_type"),
        ("data.categories", ["traffic", "sms"], ("data", "categories", 1), "literal_error"),
        ("data.categories", ["traffic", "traffic"], ("data", "categories"), "unique_items"),
        ("special_categories.kinds", ["health", "health"], ("special_categories", "kinds"), "unique_items"),
        ("access.authorities", ["police", "police"], ("access", "authorities"), "unique_items"),
        ("access.authorities", [""], ("access", "authorities", 0), "string_too_short"),
        (
            "necessity.less_intrusive_alternatives",
            [{}],
            ("necessity", "less_intrusive_alternatives", 0, "description"),
            "missing",
        ),
        (
            "necessity.less_intrusive_alternatives",
            [{"description": None}],
            ("necessity", "less_intrusive_alternatives", 0, "description"),
            "string_type",
        ),
        ("jurisdiction", "de", ("jurisdiction",), "string_pattern_mismatch"),
        ("jurisdiction", "DEU", ("jurisdiction",), "string_pattern_mismatch"),
        ("assessment_date", "2024-2-01", ("assessment_date",), "string_pattern_mismatch"),
        ("assessment_date", "2023-02-30", ("assessment_date",), "date_invalid"),
        ("planned_entry_into_force", "2023-04-31", ("planned_entry_into_force",), "date_invalid"),
        ("data", "traffic", ("data",), "model_type"),
    ],
)
def test_wrong_value_is_rejected_at_its_location(path: str, value: Any, loc: tuple[str | int, ...], error: str) -> None:
    assert errors_of(at(path, value)) == [(loc, error)]


def test_missing_title_is_rejected() -> None:
    assert errors_of({"objective": "terrorism"}) == [(("title",), "missing")]


def test_a_jurisdiction_with_a_trailing_newline_is_rejected() -> None:
    # ECMA-262 '$' (the schema's regex dialect) does not match before a final newline.
    assert errors_of(at("jurisdiction", "DE\n")) == [(("jurisdiction",), "string_pattern_mismatch")]


@pytest.mark.parametrize("value", ["EU", "DE", "GB"])
def test_jurisdiction_accepts_eu_or_two_capitals(value: str) -> None:
    assert Measure.model_validate(at("jurisdiction", value)).jurisdiction == value


@pytest.mark.parametrize("path", ["assessment_date", "planned_entry_into_force"])
def test_leap_day_is_a_valid_date(path: str) -> None:
    assert getattr(Measure.model_validate(at(path, "2024-02-29")), path) == "2024-02-29"
    assert errors_of(at(path, "2023-02-29")) == [((path,), "date_invalid")]


def test_integral_float_counts_as_integer_as_in_json_schema() -> None:
    measure = Measure.model_validate(at("retention.period_days", 90.0))
    assert measure.retention is not None
    assert measure.retention.period_days == 90
    assert type(measure.retention.period_days) is int


def test_integer_counts_as_number() -> None:
    measure = Measure.model_validate(at("offence.max_penalty_years", 4))
    assert measure.offence is not None
    assert measure.offence.max_penalty_years == 4.0


def test_empty_list_is_a_statement_not_unknown() -> None:
    measure = Measure.model_validate(at("data.categories", []))
    assert measure.data is not None
    assert measure.data.categories == ()


@pytest.mark.parametrize("path", leaves_of_kind("integer", "number"))
@pytest.mark.parametrize("value", [True, False])
def test_booleans_are_not_numbers(path: str, value: bool) -> None:
    assert [loc for loc, _ in errors_of(at(path, value))] == [tuple(path.split("."))]


@pytest.mark.parametrize("path", leaves_of_kind("boolean"))
@pytest.mark.parametrize("value", [1, 0, "true"])
def test_numbers_and_strings_are_not_booleans(path: str, value: Any) -> None:
    assert errors_of(at(path, value)) == [(tuple(path.split(".")), "bool_type")]


@pytest.mark.parametrize("path", [p for p in measure_fields() if p != "title"])
def test_null_means_unknown_for_every_optional_leaf(path: str) -> None:
    node: Any = Measure.model_validate(at(path, None))
    for part in path.split("."):
        node = getattr(node, part)
    assert node is None


@pytest.mark.parametrize("name", [n for n in Measure.model_fields if n != "title"])
def test_null_is_accepted_for_every_optional_top_level_field(name: str) -> None:
    assert getattr(Measure.model_validate({"title": "T", name: None}), name) is None


# --- cross-field constraints (vocabulary.md §3) -------------------------------------

ALTERNATIVE = {"description": "Targeted retention around airports only"}


@pytest.mark.parametrize(
    ("retention", "valid"),
    [
        ({"period_unlimited": True, "period_days": 30}, False),
        ({"period_unlimited": True, "period_days": 0}, False),
        ({"period_unlimited": True, "period_days": None}, True),
        ({"period_unlimited": True}, True),
        ({"period_unlimited": False, "period_days": 30}, True),
        ({"period_unlimited": None, "period_days": 30}, True),
    ],
)
def test_unlimited_retention_period_excludes_a_number_of_days(retention: dict[str, Any], valid: bool) -> None:
    document = doc(retention=retention)
    if valid:
        Measure.model_validate(document)
    else:
        assert errors_of(document) == [(("retention",), "retention_period_conflict")]


@pytest.mark.parametrize(
    ("necessity", "valid"),
    [
        ({"less_intrusive_alternatives": [ALTERNATIVE], "less_intrusive_alternatives_assessed": False}, False),
        ({"less_intrusive_alternatives": [ALTERNATIVE], "less_intrusive_alternatives_assessed": True}, True),
        ({"less_intrusive_alternatives": [ALTERNATIVE], "less_intrusive_alternatives_assessed": None}, True),
        ({"less_intrusive_alternatives": [ALTERNATIVE]}, True),
        ({"less_intrusive_alternatives": [], "less_intrusive_alternatives_assessed": False}, True),
        ({"less_intrusive_alternatives": None, "less_intrusive_alternatives_assessed": False}, True),
    ],
)
def test_listed_alternatives_cannot_be_declared_unassessed(necessity: dict[str, Any], valid: bool) -> None:
    document = doc(necessity=necessity)
    if valid:
        Measure.model_validate(document)
    else:
        assert errors_of(document) == [(("necessity",), "alternatives_conflict")]


@pytest.mark.parametrize(
    ("special_categories", "valid"),
    [
        ({"kinds": ["health"], "processed": False}, False),
        ({"kinds": ["health"], "processed": True}, True),
        ({"kinds": ["health"], "processed": None}, True),
        ({"kinds": ["health"]}, True),
        ({"kinds": [], "processed": False}, True),
        ({"kinds": None, "processed": False}, True),
    ],
)
def test_listed_special_category_kinds_mean_processed(special_categories: dict[str, Any], valid: bool) -> None:
    document = doc(special_categories=special_categories)
    if valid:
        Measure.model_validate(document)
    else:
        assert errors_of(document) == [(("special_categories",), "special_categories_conflict")]


@pytest.mark.parametrize(
    ("categories", "special_categories", "valid"),
    [
        (["traffic", "special_categories"], {"processed": False}, False),
        (["special_categories"], {"processed": True}, True),
        (["special_categories"], {"processed": None}, True),
        (["special_categories"], {}, True),
        (["special_categories"], None, True),
        (["traffic"], {"processed": False}, True),
        (None, {"processed": False}, True),
    ],
)
def test_special_category_data_means_processed(
    categories: list[str] | None, special_categories: dict[str, Any] | None, valid: bool
) -> None:
    document = doc(data__categories=categories, special_categories=special_categories)
    if valid:
        Measure.model_validate(document)
    else:
        assert errors_of(document) == [((), "special_categories_conflict")]


# --- immutability ----------------------------------------------------------------------


def _models(model: type[BaseModel]) -> set[type[BaseModel]]:
    """Every model class reachable from ``model`` through its field annotations."""
    found = {model}
    for info in model.model_fields.values():
        for candidate in _types_in(info.annotation):
            if isinstance(candidate, type) and issubclass(candidate, BaseModel) and candidate not in found:
                found |= _models(candidate)
    return found


def _types_in(annotation: Any) -> list[Any]:
    return [annotation, *[t for arg in getattr(annotation, "__args__", ()) for t in _types_in(arg)]]


def test_every_contract_object_is_closed_and_frozen() -> None:
    models = _models(Measure)
    assert len(models) == 28  # 26 in contract 1.0, plus Transfer and Enforcing in 1.1
    for model in models:
        assert model.model_config.get("extra") == "forbid", model.__name__
        assert model.model_config.get("frozen") is True, model.__name__
        assert (model.__doc__ or "").strip(), model.__name__


def test_a_parsed_measure_cannot_be_changed() -> None:
    measure = Measure.model_validate(doc(retention__period_days=30))
    with pytest.raises(ValidationError):
        measure.title = "Other"  # type: ignore[misc]
    assert measure.retention is not None
    with pytest.raises(ValidationError):
        measure.retention.period_days = 1  # type: ignore[misc]
    assert hash(measure) == hash(Measure.model_validate(doc(retention__period_days=30)))
