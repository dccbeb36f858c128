"""The verdict range is sound: every way of answering the open questions lands inside it.

Measures are the examples with one to four decisive fields removed (fields a
rule in force reads, directly or through a derived fact). Every way of
answering the removed fields is enumerated — each boolean, each enum value,
and for numbers the values around every threshold the rulebook compares them
with — and each answered measure's own range must lie inside the range of the
measure with the fields removed (so its verdict does too, when it is decided).

A removed field that no rule asks for is not an open question: its absence is
itself a fact the rules read ("not stated", an ``exists`` test), so such draws
are skipped.
"""

from __future__ import annotations

import copy
import datetime as dt
import itertools
import json
from functools import cache
from typing import Any

import pytest
from contract_files import EXAMPLES_DIR
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from art52.bootstrap import make_backend
from art52.domain.assessment import Assessment
from art52.domain.derived_facts import DERIVED_FACTS
from art52.domain.fields import measure_fields
from art52.domain.measure import Measure
from art52.domain.principles import Verdict
from art52.engine.facts import build_facts, flatten
from art52.errors import MeasureError
from art52.reasoning.outlook import outlooks
from art52.reasoning.settled import DERIVED_READS
from art52.reasoning.verdict_range import LEVEL_OF_VERDICT
from art52.rulebook.catalog import Rulebook
from art52.rulebook.conditions import ORDER_OPS, leaves
from art52.rulebook.loader import load_rulebook
from art52.services.assessments import Assessor, parse_measure

pytestmark = pytest.mark.slow

TODAY = dt.date(2026, 11, 28)
ANSWERABLE = ("boolean", "enum", "integer", "number")
MAX_COMPLETIONS = 400


@cache
def _assessor() -> Assessor:
    from contract_files import REPO

    return Assessor(load_rulebook(REPO / "rules"), make_backend("reference"), today=lambda: TODAY)


@cache
def _examples() -> tuple[tuple[str, str], ...]:
    return tuple((path.name, path.read_text(encoding="utf-8")) for path in sorted(EXAMPLES_DIR.glob("ex*.json")))


def _read_paths(rulebook: Rulebook, on: dt.date) -> frozenset[str]:
    read: set[str] = set()
    for rule in rulebook.in_force(on):
        for leaf in (*leaves(rule.scope), *leaves(rule.condition)):
            read.update(DERIVED_READS.get(leaf.path, (leaf.path,)))
    return frozenset(read)


@cache
def _thresholds(path: str) -> tuple[float, ...]:
    """Every constant the rulebook compares ``path`` with, by any operator."""
    found: set[float] = set()
    for rule in _assessor().rulebook.rules:
        for leaf in (*leaves(rule.scope), *leaves(rule.condition)):
            if leaf.path == path and (leaf.op in ORDER_OPS or isinstance(leaf.value, int | float)):
                values = leaf.value if isinstance(leaf.value, tuple) else (leaf.value,)
                found.update(float(v) for v in values if isinstance(v, int | float) and not isinstance(v, bool))
    return tuple(sorted(found))


def _answers(path: str, original: Any) -> list[Any]:
    spec = measure_fields()[path]
    if spec.kind == "boolean":
        return [True, False]
    if spec.kind == "enum":
        return list(spec.values)
    step = 1 if spec.kind == "integer" else 0.5
    around = {original, 0} | {t + d for t in _thresholds(path) for d in (-step, 0, step)} | {3 - step, 3, 3 + step}
    return sorted(int(v) if spec.kind == "integer" else float(v) for v in around if v >= 0)


def _set(document: dict[str, Any], path: str, value: Any) -> None:
    *parents, leaf = path.split(".")
    node = document
    for key in parents:
        node = node.setdefault(key, {})
    if value is None:
        node.pop(leaf, None)
    else:
        node[leaf] = value


def _assess(document: dict[str, Any]) -> Assessment | None:
    try:
        return _assessor().assess(parse_measure(document))
    except MeasureError:
        return None  # not a valid answer (a cross-field rule of the contract refuses it)


def _inside(inner: Assessment, outer: Assessment) -> bool:
    lo, hi = LEVEL_OF_VERDICT[outer.verdict_range.best], LEVEL_OF_VERDICT[outer.verdict_range.worst]
    best, worst = LEVEL_OF_VERDICT[inner.verdict_range.best], LEVEL_OF_VERDICT[inner.verdict_range.worst]
    if not lo <= best <= worst <= hi:
        return False
    if inner.verdict is Verdict.INSUFFICIENT_INFORMATION:
        return True
    return lo <= LEVEL_OF_VERDICT[inner.verdict] <= hi


@st.composite
def reduced_examples(draw: st.DrawFn) -> tuple[str, dict[str, Any], tuple[str, ...]]:
    name, text = draw(st.sampled_from(_examples()))
    document = json.loads(text)
    measure = Measure.model_validate(document)
    fields = measure_fields()
    on = _assessor().assess(measure).as_of
    decisive = sorted(
        p for p in flatten(measure) if p in _read_paths(_assessor().rulebook, on) and fields[p].kind in ANSWERABLE
    )
    removed = tuple(draw(st.lists(st.sampled_from(decisive), min_size=1, max_size=4, unique=True)))
    return name, document, removed


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(reduced_examples())
def test_every_answer_to_the_removed_fields_lies_inside_the_reported_range(
    case: tuple[str, dict[str, Any], tuple[str, ...]],
) -> None:
    name, document, removed = case
    originals = {path: flatten(Measure.model_validate(document))[path] for path in removed}
    reduced = copy.deepcopy(document)
    for path in removed:
        _set(reduced, path, None)
    outer = _assess(reduced)
    assume(outer is not None)
    assert outer is not None
    measure = parse_measure(reduced)
    sheet = build_facts(measure, outer.as_of, _assessor().rulebook.law)
    pending = set().union(
        *(
            o.pending
            for o in outlooks(_assessor().rulebook.in_force(outer.as_of), sheet.facts, frozenset(sheet.derived))
        )
    )
    assume(set(removed) <= pending)
    choices = [_answers(path, originals[path]) for path in removed]
    assume(1 < len(list(itertools.islice(itertools.product(*choices), MAX_COMPLETIONS + 1))) <= MAX_COMPLETIONS)
    for answer in itertools.product(*choices):
        completed = copy.deepcopy(reduced)
        for path, value in zip(removed, answer, strict=True):
            _set(completed, path, value)
        inner = _assess(completed)
        if inner is None:
            continue
        assert _inside(inner, outer), (
            f"{name} without {removed}: range {outer.verdict_range}, but {dict(zip(removed, answer, strict=True))} "
            f"gives {inner.verdict} with range {inner.verdict_range}"
        )


@pytest.mark.parametrize("name", [name for name, _ in _examples()])
def test_the_range_is_exact_where_nothing_is_open(name: str) -> None:
    """An example with no rule left open has a single-point range at its verdict; others are wider only if open."""
    document = json.loads(dict(_examples())[name])
    measure = parse_measure(document)
    result = _assessor().assess(measure)
    sheet = build_facts(measure, result.as_of, _assessor().rulebook.law)
    still_open = [
        o
        for o in outlooks(_assessor().rulebook.in_force(result.as_of), sheet.facts, frozenset(sheet.derived))
        if o.open
    ]
    if not still_open:
        assert result.verdict_range.best == result.verdict_range.worst == result.verdict
    if result.verdict_range.best != result.verdict_range.worst:
        assert still_open


def test_every_derived_fact_lists_the_fields_it_reads() -> None:
    """The range relies on knowing which fields each derived fact reads; a new derived fact must say."""
    assert set(DERIVED_READS) == set(DERIVED_FACTS)
    assert all(DERIVED_READS[name] for name in DERIVED_FACTS)
