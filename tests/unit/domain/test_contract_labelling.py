"""The contract documents name the version that added each field: 1.1 only for what the 1.1.0 release had.

The 1.1.0 schema is frozen in tests/contract_1_1.schema.json (the release as it stood
before 1.2). A field the current contract has and 1.1.0 had not was added by 1.2, so
neither the schema's descriptions, nor the models', nor vocabulary.md may call it 1.1.
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Iterator
from typing import Any

from contract_files import MEASURE_SCHEMA, MEASURE_SCHEMA_1_1, REPO, VOCABULARY

from art52.domain.assessment import EnforcingDecision
from art52.domain.measure import measure_json_schema

README = REPO / "README.md"
RELEASED_1_1: dict[str, Any] = json.loads(MEASURE_SCHEMA_1_1.read_text(encoding="utf-8"))
CURRENT: dict[str, Any] = json.loads(MEASURE_SCHEMA.read_text(encoding="utf-8"))
ROW = re.compile(r"^\| `(?P<path>[a-z_.\[\]0-9]+)` \|.*\| \*(?P<version>1\.[12])\* \|$")
SECTION = re.compile(r"^### `(?P<path>[a-z_]+)` — .*\((?P<version>1\.[12])\)\.$")


def _properties(node: dict[str, Any], prefix: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    for name, prop in node.get("properties", {}).items():
        yield prefix + name, prop
        yield from _properties(prop, f"{prefix}{name}.")
        items = prop.get("items")
        if isinstance(items, dict):
            yield from _properties(items, f"{prefix}{name}[].")


IN_1_1 = {path for path, _ in _properties(RELEASED_1_1)}
ADDED_BY_1_2 = {path for path, _ in _properties(CURRENT)} - IN_1_1


def test_the_frozen_schema_is_the_1_1_0_release() -> None:
    assert RELEASED_1_1["$id"] == "urn:art52:schema:measure:1.1.0"
    assert "enforcing" in ADDED_BY_1_2


def test_no_schema_description_calls_a_field_of_1_2_a_field_of_1_1() -> None:
    for schema in (CURRENT, measure_json_schema()):
        described = {path: prop.get("description", "") for path, prop in _properties(schema)}
        wrong = sorted(p for p in ADDED_BY_1_2 if "contract 1.1" in described.get(p, ""))
        assert wrong == []
        assert all("contract 1.2" in described[p] for p in ADDED_BY_1_2 if "." not in p)


def test_vocabulary_marks_each_field_with_the_version_that_added_it() -> None:
    marked: dict[str, str] = {}
    for line in VOCABULARY.read_text(encoding="utf-8").splitlines():
        if found := ROW.match(line) or SECTION.match(line):
            marked[found["path"]] = found["version"]
    assert marked, "no version marks found in vocabulary.md"
    wrong = {p: v for p, v in marked.items() if (v == "1.1") != (p in IN_1_1)}
    assert wrong == {}
    assert {p for p in ADDED_BY_1_2 if p in marked} == ADDED_BY_1_2


def _section(readme: str, heading: str) -> str:
    return readme.split(f"\n{heading}\n", 1)[1].split("\n## ", 1)[0]


def test_the_readme_has_one_contract_section_naming_what_1_2_added() -> None:
    readme = README.read_text(encoding="utf-8")
    headings = [line for line in readme.splitlines() if line.startswith("## The measure contract")]
    assert headings == ["## The measure contract (version 1.2)"]
    contract = _section(readme, headings[0])
    assert contract.strip(), "the contract section is empty"
    assert "`enforcing`" in contract.split("**1.2**", 1)[1]
    lines = [line.strip() for line in contract.splitlines()]
    strays = [b for a, b in itertools.pairwise(lines) if a.endswith(".") and b[:1].islower()]
    assert strays == [], "a line continues a sentence that had ended (a merge leftover?)"


def test_the_readme_explains_both_perspectives_and_every_enforcing_outcome() -> None:
    sides = _section(README.read_text(encoding="utf-8"), "## Two sides of a cross-border order")
    for decision in EnforcingDecision:
        assert f"`{decision.value}`" in sides, decision
    flat = " ".join(sides.split())
    assert "the verdict remains the Art. 52(1) assessment" in flat
