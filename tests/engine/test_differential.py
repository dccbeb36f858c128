"""The durable backend decides every rule exactly as the reference backend does.

Random rulesets (condition trees over the real fact catalogue, with type-correct
values and every operator) are run on random facts (any subset of the facts the
rules read, unknown-heavy, with empty lists, out-of-vocabulary text, huge and tiny
numbers) by both backends, and the results must be identical. A second test runs
the shipped rulebook on measures generated from the contract's JSON Schema.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path
from typing import Any, cast

import pytest
from contract_files import EXAMPLES_DIR, MEASURE_SCHEMA, REPO
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from art52.domain.derived_facts import fact_catalogue
from art52.domain.fields import FieldSpec
from art52.engine.durable import DurableBackend
from art52.engine.reference import ReferenceBackend
from art52.rulebook.schema import Rule, RuleSpec, build_rule

pytestmark = pytest.mark.slow

CATALOGUE: dict[str, FieldSpec] = fact_catalogue()
PATHS = sorted(CATALOGUE)
DURABLE = DurableBackend(CATALOGUE)
REFERENCE = ReferenceBackend()

TEXTS = ["DE", "EU", "", "a.b c", "ümlaut", 'q"uote\\', "1"]
DATES = ["2020-10-06", "2024-04-30", "2026-08-18"]
NUMBERS: list[int | float] = [0, 1, 2, 3, 3.5, 10, 90, 240, -1, 0.25, 2.999]
LIST_TEXTS = ["police", "court", "intelligence service", "a.b", "ministère", "x+y"]
PRESENCE = st.sampled_from([{"exists": True}, {"exists": False}, {"missing": True}, {"missing": False}])


def _values(spec: FieldSpec) -> st.SearchStrategy[Any]:
    """A constant a rule may compare this fact with."""
    if spec.kind == "boolean":
        return st.booleans()
    if spec.kind in ("enum", "enum_list"):
        return st.sampled_from(spec.values)
    if spec.kind in ("integer", "number"):
        return st.sampled_from(NUMBERS)
    if spec.kind == "date":
        return st.sampled_from(DATES)
    if spec.kind == "string_list":
        return st.sampled_from(LIST_TEXTS)
    return st.sampled_from(TEXTS)


def _leaf(path: str) -> st.SearchStrategy[dict[str, Any]]:
    spec = CATALOGUE[path]
    value, values = _values(spec), st.lists(_values(spec), min_size=1, max_size=4)
    tests: list[st.SearchStrategy[dict[str, Any]]] = [PRESENCE]

    def test(ops: list[str], operand: st.SearchStrategy[Any]) -> st.SearchStrategy[dict[str, Any]]:
        return st.tuples(st.sampled_from(ops), operand).map(lambda pair: {pair[0]: pair[1]})

    if spec.kind == "boolean":
        tests.append(test(["eq", "ne"], value))
    elif spec.kind in ("enum", "string", "date", "integer", "number"):
        tests += [test(["eq", "ne"], value), test(["in", "not_in"], values), test(["eq"], values)]
        if spec.kind in ("integer", "number"):
            tests.append(test(["lt", "le", "gt", "ge"], value))
    elif spec.kind in ("enum_list", "string_list"):
        tests.append(test(["any_of", "all_of", "none_of", "subset_of"], values))
        if spec.kind == "enum_list":
            tests += [test(["eq"], values), test(["eq", "ne"], value)]
    return st.one_of(tests).map(lambda leaf: {path: leaf})


def _conditions(paths: list[str]) -> st.SearchStrategy[dict[str, Any]]:
    leaves = st.sampled_from(paths).flatmap(_leaf)
    return st.recursive(
        leaves,
        lambda inner: st.one_of(
            st.lists(inner, min_size=1, max_size=4).map(lambda items: {"all": items}),
            st.lists(inner, min_size=1, max_size=4).map(lambda items: {"any": items}),
            inner.map(lambda item: {"not": item}),
        ),
        max_leaves=8,
    )


def _fact(spec: FieldSpec) -> st.SearchStrategy[Any]:
    """A type-correct fact value, with the awkward cases over-represented."""
    kind = spec.kind
    if kind == "boolean":
        return st.booleans()
    if kind == "enum":
        return st.one_of(st.sampled_from(spec.values), st.just("not-in-the-vocabulary"))
    if kind == "string":
        return st.one_of(st.sampled_from(TEXTS), st.text(max_size=4))
    if kind == "date":
        return st.sampled_from(DATES)
    if kind == "integer":
        return st.one_of(st.sampled_from([n for n in NUMBERS if isinstance(n, int)]), st.integers(-(10**20), 10**20))
    if kind == "number":
        return st.one_of(
            st.sampled_from(NUMBERS),
            st.floats(allow_nan=False, allow_infinity=False),
            st.integers(-(10**20), 10**20),
            st.sampled_from([1e-7, -1e-300, 5e-324, 1e300, -0.0, 2**53 + 1.0]),
        )
    if kind == "enum_list":
        return st.lists(st.sampled_from(spec.values), max_size=4).map(tuple)
    if kind == "string_list":
        return st.lists(st.one_of(st.sampled_from(LIST_TEXTS), st.text(max_size=3)), max_size=3).map(tuple)
    return st.lists(st.fixed_dictionaries({"description": st.text(max_size=3)}), max_size=2).map(tuple)


def _rule(index: int, when: dict[str, Any], applies_to: dict[str, Any] | None) -> Rule:
    raw: dict[str, Any] = {
        "id": f"GEN-{index:03d}",
        "version": 1,
        "title": "generated",
        "basis": "case_law",
        "principle": "necessity",
        "status": "settled",
        "when": when,
        "then": {"effect": "violation", "explanation": "generated"},
        "sources": [{"ref": "generated", "pinpoint": "-"}],
    }
    if applies_to is not None:
        raw["applies_to"] = applies_to
    return build_rule(RuleSpec.model_validate(raw), "generated", "generated.yaml", index)


@st.composite
def scenarios(draw: st.DrawFn) -> tuple[str, list[Rule], list[dict[str, Any]]]:
    """A ruleset over a small pool of facts, and several facts mappings over that pool."""
    pool = draw(st.lists(st.sampled_from(PATHS), min_size=1, max_size=12, unique=True))
    conditions = _conditions(pool)
    specs = draw(st.lists(st.tuples(conditions, st.none() | conditions), min_size=6, max_size=24))
    rules = [_rule(i + 1, when, scope) for i, (when, scope) in enumerate(specs)]
    facts = st.fixed_dictionaries({}, optional={p: st.one_of(st.none(), _fact(CATALOGUE[p])) for p in pool})
    mappings = draw(st.lists(facts, min_size=3, max_size=10))
    digest = hashlib.sha256(json.dumps(specs, sort_keys=True, default=str).encode()).hexdigest()[:20]
    return f"gen_{digest}", rules, mappings


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(scenarios())
def test_random_rules_are_decided_as_the_reference_decides_them(
    scenario: tuple[str, list[Rule], list[dict[str, Any]]],
) -> None:
    ruleset_id, rules, mappings = scenario
    for facts in mappings:
        assert DURABLE.evaluate(ruleset_id, rules, facts) == REFERENCE.evaluate(ruleset_id, rules, facts)


# --- the shipped rulebook on schema-valid measures -------------------------------------------------------
RULES_DIR = REPO / "rules"
HAS_RULES = any(p.name != "sources.yaml" for p in RULES_DIR.glob("*.yaml"))


def _measures() -> st.SearchStrategy[dict[str, Any]]:
    from hypothesis_jsonschema import from_schema

    schema = json.loads(MEASURE_SCHEMA.read_text(encoding="utf-8"))
    return cast(st.SearchStrategy[dict[str, Any]], from_schema(schema))


@pytest.mark.skipif(not HAS_RULES, reason="the rules directory has no rule files yet")
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(document=_measures() if HAS_RULES else st.nothing(), as_of=st.dates(dt.date(2000, 1, 1), dt.date(2030, 1, 1)))
def test_the_rulebook_is_decided_as_the_reference_decides_it(document: dict[str, Any], as_of: dt.date) -> None:
    from pydantic import ValidationError

    from art52.domain.measure import Measure
    from art52.engine.evaluator import ruleset_id
    from art52.engine.facts import build_facts
    from art52.rulebook.loader import load_rulebook

    try:
        measure = Measure.model_validate(document)
    except ValidationError:  # the schema and the model differ only on cases tested elsewhere
        assume(False)
        raise
    rulebook = _rulebook(load_rulebook)
    rules = rulebook.in_force(as_of, None)  # the rules of both perspectives
    facts = build_facts(measure, as_of, rulebook.law).facts
    name = ruleset_id(rulebook, rules)
    assert DURABLE.evaluate(name, rules, facts) == REFERENCE.evaluate(name, rules, facts)


_LOADED: dict[str, Any] = {}


def _rulebook(load: Any) -> Any:
    if "rulebook" not in _LOADED:
        _LOADED["rulebook"] = load(Path(RULES_DIR))
    return _LOADED["rulebook"]


def _examples() -> list[dict[str, Any]]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(EXAMPLES_DIR.glob("*.json"))]


@pytest.mark.skipif(not HAS_RULES, reason="the rules directory has no rule files yet")
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    example=st.sampled_from(_examples()),
    dropped=st.sets(st.sampled_from(sorted(CATALOGUE)), max_size=30),
    as_of=st.dates(dt.date(2000, 1, 1), dt.date(2030, 1, 1)),
)
def test_the_rulebook_is_decided_as_the_reference_decides_it_on_thinned_examples(
    example: dict[str, Any], dropped: set[str], as_of: dt.date
) -> None:
    """The example measures with any facts removed: the unknown-heavy cases the rulebook was written for."""
    from art52.domain.measure import Measure
    from art52.engine.evaluator import ruleset_id
    from art52.engine.facts import build_facts
    from art52.rulebook.loader import load_rulebook

    rulebook = _rulebook(load_rulebook)
    rules = rulebook.in_force(as_of, None)  # the rules of both perspectives
    facts = {
        k: v
        for k, v in build_facts(Measure.model_validate(example), as_of, rulebook.law).facts.items()
        if k not in dropped
    }
    name = ruleset_id(rulebook, rules)
    assert DURABLE.evaluate(name, rules, facts) == REFERENCE.evaluate(name, rules, facts)
