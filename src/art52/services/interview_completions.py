"""Answers that matter only together: a rule whose condition several answers decide jointly.

One answer alone may leave a rule open (a deadline, and whether the order is an
emergency, decide a transfer-deadline rule only together), so looking one answer
ahead never asks any of them and the rule stays open for ever. An answer also
matters when at most ``MAX_FURTHER_ANSWERS`` further answers, to other open
questions of the same rule, *complete* it: with them the rule is decided (out of
scope, or its condition true or false), without it they leave the rule open,
and the measure so completed differs from the one now. The search is bounded and
deterministic: fields in the order the rule reads them, smaller sets first,
answers in the fixed order of ``art52.reasoning.answers``.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable, Collection, Iterator, Mapping
from typing import Any

from art52.domain.assessment import Assessment
from art52.domain.fields import measure_fields
from art52.engine.facts import build_facts
from art52.engine.logic import Truth, decisive_unknowns, evaluate
from art52.errors import MeasureError
from art52.reasoning.answers import trial_answers
from art52.reasoning.settled import ask_for
from art52.rulebook.schema import Rule
from art52.services.assessments import Assessor, parse_measure

MAX_FURTHER_ANSWERS = 2
"""At most this many further answers complete a rule with the one tried."""

MAX_TRIALS = 400
"""At most this many sets of further answers are tried for one answer (the bound keeps each step quick)."""

Setter = Callable[[Mapping[str, Any], str, Any], dict[str, Any]]


def decided(rule: Rule, facts: Mapping[str, Any]) -> bool:
    """Whether the facts decide the rule: out of scope, or in scope with its condition true or false."""
    scope = evaluate(rule.scope, facts)
    return scope is Truth.FALSE or (scope is Truth.TRUE and evaluate(rule.condition, facts) is not Truth.UNKNOWN)


def open_fields(rule: Rule, facts: Mapping[str, Any]) -> tuple[str, ...]:
    """The contract fields whose answers could still decide the rule, in the order it reads them."""
    scope = evaluate(rule.scope, facts)
    unknowns = decisive_unknowns(rule.scope if scope is Truth.UNKNOWN else rule.condition, facts)
    return tuple(path for path in ask_for(unknowns, facts) if path in measure_fields())


def completion(
    assessor: Assessor,
    document: Mapping[str, Any],
    as_of: dt.date | None,
    path: str,
    answer: Any,
    rules: tuple[Rule, ...],
    passed: Collection[str],
    setter: Setter,
    moves: Callable[[Assessment], bool],
) -> tuple[dict[str, Any], Assessment] | None:
    """Further answers that, with ``answer`` to ``path``, decide one of ``rules`` and move the measure."""
    with_it = setter(document, path, answer)
    for rule in rules:
        facts = _facts(assessor, with_it, as_of)
        if facts is None or decided(rule, facts):
            continue
        others = [p for p in open_fields(rule, facts) if p != path and p not in passed]
        for further in itertools.islice(_further_answers(others, rule, assessor), MAX_TRIALS):
            completed = _apply(with_it, further, setter)
            after = _facts(assessor, completed, as_of)
            if after is None or not decided(rule, after):
                continue
            without = _facts(assessor, _apply(document, further, setter), as_of)
            if without is None or decided(rule, without):
                continue
            assessment = assessor.assess(completed, as_of=as_of)
            if moves(assessment):
                return further, assessment
    return None


def _further_answers(paths: list[str], rule: Rule, assessor: Assessor) -> Iterator[dict[str, Any]]:
    fields = measure_fields()
    options = {p: trial_answers(fields[p], (rule,), assessor.rulebook.law) for p in paths}
    for size in range(1, MAX_FURTHER_ANSWERS + 1):
        for chosen in itertools.combinations(paths, size):
            for values in itertools.product(*(options[p] for p in chosen)):
                yield dict(zip(chosen, values, strict=True))


def _apply(document: Mapping[str, Any], answers: Mapping[str, Any], setter: Setter) -> dict[str, Any]:
    result = dict(document)
    for path, value in answers.items():
        result = setter(result, path, value)
    return result


def _facts(assessor: Assessor, document: Mapping[str, Any], as_of: dt.date | None) -> Mapping[str, Any] | None:
    try:
        measure = parse_measure(document)
    except MeasureError:
        return None
    legal_date = assessor.legal_date(measure, as_of)
    return build_facts(measure, legal_date, assessor.rulebook.law).facts
