"""Contract 1.1 and 1.2 are backward compatible: every 1.0 document stays valid and keeps its verdict.

Version 1.1 only adds optional fields, one enum value and ``schema_version``; 1.2 bounds the
size of free-text fields and arrays (``maxLength``, ``maxItems``) and adds the optional
``enforcing`` section. The 1.0 schema is frozen
in tests/contract_1_0.schema.json; documents valid under it and within the 1.2 bounds must be
valid under the current contract and accepted by the model, and the examples (all written
against 1.0, or 1.1 for ex13 on) must be assessed alike whatever ``schema_version`` they declare.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from contract_files import EXAMPLES_DIR, MEASURE_SCHEMA, MEASURE_SCHEMA_1_0
from hypothesis import HealthCheck, given, settings
from hypothesis_jsonschema import from_schema
from jsonschema import Draft202012Validator

from art52.domain.assessment import Assessment
from art52.domain.measure import DATE_PATTERN, Measure
from art52.services.assessments import Assessor

V1_0: dict[str, Any] = json.loads(MEASURE_SCHEMA_1_0.read_text(encoding="utf-8"))
V1_1: dict[str, Any] = json.loads(MEASURE_SCHEMA.read_text(encoding="utf-8"))
VALIDATOR_1_1 = Draft202012Validator(V1_1, format_checker=Draft202012Validator.FORMAT_CHECKER)
EXAMPLES = sorted(EXAMPLES_DIR.glob("ex*.json"))

# The verdicts the examples written against contract 1.0 received under that contract (the run
# before 1.1). A verdict that changes for a reason of law, not of contract, is updated here with
# its reason in examples/README.md.
VERDICTS_UNDER_1_0 = {
    "ex01-quick-freeze-serious-crime": "compliant",
    "ex02-automated-dna-face-exchange": "compliant_with_conditions",
    "ex03-judicial-targeted-interception": "compliant_with_conditions",
    "ex04-ip-retention-online-crime": "insufficient_information",
    "ex05-epoc-traffic-judge-validated": "compliant",
    "ex06-epoc-content-prosecutor-minor-offence": "non_compliant",
    "ex07-epres-order-incomplete": "insufficient_information",
    "ex08-targeted-device-access": "compliant",
    "ex09-client-side-scanning": "non_compliant",
    "ex10-targeted-key-disclosure": "compliant",  # ENC-005 is guidance: a recommendation (examples/README.md)
    "ex11-bulk-interception-ministerial": "non_compliant",
    "ex12-pnr-selected-intra-eu": "compliant_with_conditions",
}


def _properties(node: dict[str, Any], prefix: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    for name, prop in node.get("properties", {}).items():
        yield prefix + name, prop
        yield from _properties(prop, f"{prefix}{name}.")
        items = prop.get("items")
        if isinstance(items, dict):
            yield from _properties(items, f"{prefix}{name}[].")


def test_the_frozen_schema_is_version_1_0_and_the_contract_is_1_2() -> None:
    assert V1_0["$id"] == "urn:art52:schema:measure:1.0.0"
    assert V1_1["$id"] == "urn:art52:schema:measure:1.2.0"
    assert V1_1["properties"]["schema_version"]["enum"] == ["1.0", "1.1", "1.2", None]


def test_1_1_keeps_every_1_0_field_with_the_same_type_and_no_fewer_values() -> None:
    new = dict(_properties(V1_1))
    for path, old in _properties(V1_0):
        assert path in new, f"{path} was removed"
        assert new[path].get("type") == old.get("type"), path
        assert set(old.get("enum", ())) <= set(new[path].get("enum", ())), path
        for bound in ("minimum", "minLength", "format"):
            assert new[path].get(bound) == old.get(bound), f"{path} {bound}"
        if old.get("pattern") == DATE_PATTERN_1_0:  # 1.2 states in the pattern that format: date refused year 0000
            assert new[path]["pattern"] == DATE_PATTERN, path
        else:
            assert new[path].get("pattern") == old.get("pattern"), path


DATE_PATTERN_1_0 = "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"


@pytest.mark.parametrize("year", ["0000", "0001", "0009", "0010", "0099", "0100", "0999", "1000", "2024", "9999"])
@pytest.mark.parametrize("day", ["01-01", "02-29", "12-31", "13-01", "00-10", "01-32"])
def test_the_1_2_date_pattern_refuses_year_0000_and_nothing_else_that_1_0_accepted(year: str, day: str) -> None:
    text = f"{year}-{day}"
    old, new = re.fullmatch(DATE_PATTERN_1_0[1:-1], text), re.fullmatch(DATE_PATTERN[1:-1], text)
    assert bool(new) == (bool(old) and year != "0000")


def test_1_1_adds_no_required_field() -> None:
    old_required = {path: prop.get("required") for path, prop in _properties(V1_0)}
    for path, prop in _properties(V1_1):
        assert prop.get("required") == old_required.get(path), path
    assert V1_1["required"] == V1_0["required"] == ["title"]


def _within_current_bounds(old: dict[str, Any]) -> dict[str, Any]:
    """The 1.0 schema with the size bounds of the current contract, which 1.2 added."""
    bounded = copy.deepcopy(old)
    new = dict(_properties(V1_1))
    for path, prop in _properties(bounded):
        for bound in ("maxLength", "maxItems"):
            if bound in new[path]:
                prop[bound] = new[path][bound]
        if isinstance(prop.get("items"), dict) and "maxLength" in new[path]["items"]:
            prop["items"]["maxLength"] = new[path]["items"]["maxLength"]
    return bounded


@pytest.mark.slow
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(document=from_schema(_within_current_bounds(V1_0)))
def test_every_1_0_document_within_the_bounds_is_valid_now(document: dict[str, Any]) -> None:
    assert VALIDATOR_1_1.is_valid(document)
    Measure.model_validate(document)


def _outcome(assessment: Assessment) -> tuple[Any, ...]:
    findings = tuple((f.rule_id, f.rule_version, f.effect.value, f.missing_facts) for f in assessment.findings)
    return assessment.verdict.value, findings, tuple(m.path for m in assessment.missing_facts)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_declaring_a_schema_version_changes_nothing(path: Path, assessor: Assessor) -> None:
    document = json.loads(path.read_text(encoding="utf-8"))
    document.pop("schema_version", None)
    undeclared = _outcome(assessor.assess(document))
    for version in ("1.0", "1.1", "1.2"):
        assert _outcome(assessor.assess({**document, "schema_version": version})) == undeclared


@pytest.mark.parametrize("name", sorted(VERDICTS_UNDER_1_0))
def test_a_1_0_example_keeps_its_1_0_verdict(name: str, assessor: Assessor) -> None:
    document = json.loads((EXAMPLES_DIR / f"{name}.json").read_text(encoding="utf-8"))
    assert "schema_version" not in document, "the 1.0 examples are kept as written"
    assert assessor.assess(document).verdict.value == VERDICTS_UNDER_1_0[name]


@pytest.mark.parametrize("name", sorted(VERDICTS_UNDER_1_0))
def test_stating_a_new_field_that_no_rule_reads_changes_nothing(name: str, assessor: Assessor) -> None:
    document = json.loads((EXAMPLES_DIR / f"{name}.json").read_text(encoding="utf-8"))
    stated = copy.deepcopy(document)
    stated["in_force_from"] = "2020-01-01"
    stated.setdefault("transfer", {})["recipient_country"] = "none"
    assert _outcome(assessor.assess(stated)) == _outcome(assessor.assess(document))
