"""The compiler's output for representative rules, compared with committed golden files.

The rules use a small fixed catalogue, so the golden files change only when the
compiler does. A difference fails the test; after an intended change, regenerate
the files with ``ART52_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/engine/test_compiler_golden.py``
and review the diff.
"""

from __future__ import annotations

import json
import os
from functools import partial
from pathlib import Path

import pytest
from rule_builder import minimal_rule

from art52.domain.fields import FieldSpec
from art52.engine.compiler import DISCRIMINATOR, DONE, RuleCompileError, canonical_json, compile_ruleset
from art52.rulebook.conditions import Leaf, Op
from art52.rulebook.schema import Rule

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("ART52_UPDATE_GOLDEN") == "1"

CATALOGUE = {
    spec.path: spec
    for spec in (
        FieldSpec("eu_law_applies", "boolean"),
        FieldSpec("measure_type", "enum", ("retention_obligation", "access_to_retained_data", "interception_bulk")),
        FieldSpec("objective", "enum", ("national_security", "serious_crime", "crime_general", "other")),
        FieldSpec("jurisdiction", "string"),
        FieldSpec("assessment_date", "date"),
        FieldSpec("retention.period_days", "integer"),
        FieldSpec("offence.max_penalty_years", "number"),
        FieldSpec("data.categories", "enum_list", ("subscriber_civil_identity", "traffic", "location", "content")),
        FieldSpec("access.authorities", "string_list"),
        FieldSpec("necessity.less_intrusive_alternatives", "object_list"),
    )
}


rule = partial(minimal_rule, family="golden")


CASES: dict[str, list[Rule]] = {
    "scalar_operators": [
        rule("BOO-001", {"eu_law_applies": {"eq": False}}),
        rule("BOO-002", {"eu_law_applies": {"ne": True}}),
        rule("ENU-001", {"measure_type": {"eq": "retention_obligation"}}),
        rule("ENU-002", {"objective": {"in": ["serious_crime", "national_security"]}}),
        rule("ENU-003", {"objective": {"not_in": ["crime_general"]}}),
        rule("TXT-001", {"jurisdiction": {"in": ["DE", "FR", "EU"]}}),
        rule("DAT-001", {"assessment_date": {"ne": "2024-04-30"}}),
        rule("PRE-001", {"jurisdiction": {"exists": True}}),
        rule("PRE-002", {"necessity.less_intrusive_alternatives": {"missing": True}}),
    ],
    "numeric_operators": [
        rule("NUM-001", {"retention.period_days": {"gt": 90}}),
        rule("NUM-002", {"retention.period_days": {"le": 180}}),
        rule("NUM-003", {"offence.max_penalty_years": {"lt": 3}}),
        rule("NUM-004", {"offence.max_penalty_years": {"ge": 2.5}}),
        rule("NUM-005", {"retention.period_days": {"eq": 60}}),
        rule("NUM-006", {"retention.period_days": {"in": [30, 60]}}),
        rule("NUM-007", {"offence.max_penalty_years": {"ne": 4}}),
    ],
    "list_operators": [
        rule("LST-001", {"data.categories": {"any_of": ["traffic", "location"]}}),
        rule("LST-002", {"data.categories": {"all_of": ["traffic", "location"]}}),
        rule("LST-003", {"data.categories": {"none_of": ["content"]}}),
        rule("LST-004", {"data.categories": {"subset_of": ["subscriber_civil_identity"]}}),
        rule("LST-005", {"data.categories": {"eq": ["traffic", "location"]}}),
        rule("LST-006", {"data.categories": {"ne": "content"}}),
        rule("LST-007", {"access.authorities": {"any_of": ["police", "intelligence service"]}}),
    ],
    "nested_and_scoped": [
        rule(
            "NST-001",
            {
                "any": [
                    {"objective": {"eq": "crime_general"}},
                    {"all": [{"retention.period_days": {"gt": 365}}, {"not": {"eu_law_applies": {"eq": True}}}]},
                ]
            },
            applies_to={"all": [{"eu_law_applies": {"eq": True}}, {"measure_type": {"eq": "retention_obligation"}}]},
        ),
        rule(
            "NST-002",
            {"not": {"any": [{"data.categories": {"subset_of": ["traffic"]}}, {"jurisdiction": {"missing": True}}]}},
            applies_to={"all": [{"eu_law_applies": {"eq": True}}, {"measure_type": {"eq": "retention_obligation"}}]},
        ),
    ],
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_compiled_rules_match_the_golden_file(name: str) -> None:
    compiled = compile_ruleset(f"golden_{name}", CASES[name], CATALOGUE)
    text = canonical_json(compiled.to_data())
    path = GOLDEN / f"{name}.json"
    if UPDATE:
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"missing golden file {path}; run with ART52_UPDATE_GOLDEN=1 to create it"
    assert text == path.read_text(encoding="utf-8"), f"compiled output differs from {path}"


@pytest.mark.parametrize("name", sorted(CASES))
def test_every_durable_rule_carries_the_discriminator_and_the_done_rule_closes_each_part(name: str) -> None:
    compiled = compile_ruleset(f"golden_{name}", CASES[name], CATALOGUE)
    for part in compiled.parts:
        assert list(part.definition)[-1] == DONE
        assert part.definition[DONE]["all"] == [{"m": DISCRIMINATOR}]
        for durable_rule in part.definition.values():
            pattern = durable_rule["all"][0]["m"]
            assert pattern == DISCRIMINATOR or pattern["$and"][0] == DISCRIMINATOR
            assert "$nex" not in json.dumps(pattern)


def test_compiling_is_deterministic() -> None:
    rules = [r for case in CASES.values() for r in case]
    first = canonical_json(compile_ruleset("golden_all", rules, CATALOGUE).to_data())
    assert canonical_json(compile_ruleset("golden_all", rules, CATALOGUE).to_data()) == first


def test_a_rule_on_an_unknown_fact_is_rejected() -> None:
    with pytest.raises(RuleCompileError, match=r"unknown fact 'no\.such\.fact'"):
        compile_ruleset("bad", [rule("BAD-001", {"no.such.fact": {"eq": 1}})], CATALOGUE)


def test_an_operator_that_does_not_suit_the_fact_is_rejected() -> None:
    with pytest.raises(RuleCompileError, match="operator 'gt' does not apply"):
        compile_ruleset("bad", [rule("BAD-001", {"jurisdiction": {"gt": 3}})], CATALOGUE)


@pytest.mark.parametrize("value", [2**60, 1e-7, float("nan")])
def test_a_number_durable_cannot_compare_exactly_is_rejected(value: float) -> None:
    base = rule("BAD-001", {"retention.period_days": {"gt": 1}})
    bad = base.model_copy(update={"condition": Leaf("retention.period_days", Op.GT, value)})
    with pytest.raises(RuleCompileError, match=r"retention\.period_days"):
        compile_ruleset("bad", [bad], CATALOGUE)


def test_an_unsafe_ruleset_name_is_rejected() -> None:
    with pytest.raises(RuleCompileError, match="not a safe durable_rules name"):
        compile_ruleset("rules$state", [rule("OK-001", {"eu_law_applies": {"eq": True}})], CATALOGUE)


def test_a_rule_reading_more_properties_than_one_fact_may_hold_is_rejected() -> None:
    many = [f"authority {i}" for i in range(300)]
    with pytest.raises(RuleCompileError, match="too large"):
        compile_ruleset("big", [rule("BIG-001", {"access.authorities": {"all_of": many}})], CATALOGUE)


def test_rules_are_spread_over_parts_that_each_fit_one_fact() -> None:
    names = [[f"a{i}-{j}" for j in range(10)] for i in range(40)]
    rules = [rule(f"WID-{i:03d}", {"access.authorities": {"any_of": group}}) for i, group in enumerate(names)]
    compiled = compile_ruleset("wide", rules, CATALOGUE, part_columns=60)
    assert len(compiled.parts) > 1
    assert all(len(part.columns) <= 60 for part in compiled.parts)
    assert {key for part in compiled.parts for _, tokens in part.actions.items() for key, _ in tokens} == {
        r.key for r in rules
    }
