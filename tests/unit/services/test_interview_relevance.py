"""The guided interview on every example: it finishes, never asks a question whose answer cannot matter,
reaches the full example's verdict, and docs/interview.md reports exactly the questions it asks.

"Matters" is checked here on the measure as it stood when the question was asked (docs/interview.md):
some allowed answer must change the verdict, the verdict range or a principle's outcome, or settle or open
another question that could (a question about whether a rule applies at all comes before the ones it opens), or
meet or add a condition to impose (a principle's confirmations move it only together); or, together with at most
two further answers to other open questions of one of the rules asking, decide that rule (which those answers
alone leave open) and so change one of those things. The questions tried are the assessment's open questions
and the unstated fields that presence tests in the scopes of rules in force read.
"""

from __future__ import annotations

import importlib.util
import itertools
import json
import re
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from art52.bootstrap import build_assessor
from art52.config import Settings
from art52.domain.assessment import Assessment, MissingFact
from art52.domain.fields import measure_fields
from art52.engine.facts import build_facts
from art52.engine.logic import Truth, decisive_unknowns, evaluate
from art52.errors import MeasureError
from art52.reasoning.answers import trial_answers
from art52.reasoning.settled import ask_for
from art52.rulebook.conditions import PRESENCE_OPS, leaves
from art52.rulebook.schema import Rule
from art52.services.assessments import Assessor, parse_measure
from art52.services.interview_completions import MAX_FURTHER_ANSWERS
from art52.services.interview_steps import Transcript, value_at, with_answer

REPO = Path(__file__).resolve().parents[3]
pytestmark = pytest.mark.slow  # every example interviewed, and every question re-tried: a few minutes


def _benchmark() -> ModuleType:
    spec = importlib.util.spec_from_file_location("interview_length", REPO / "benchmarks" / "interview_length.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@dataclass(frozen=True)
class Asked:
    document: dict[str, Any]
    question: MissingFact


@dataclass(frozen=True)
class Run:
    name: str
    example: dict[str, Any]
    transcript: Transcript
    asked: list[Asked]


@pytest.fixture(scope="module")
def assessor() -> Assessor:
    return build_assessor(Settings(engine="reference"))


class Recorder:
    """Answers with the example's values and notes the measure as it stood when each question was asked."""

    def __init__(self, example: dict[str, Any], start: dict[str, Any]) -> None:
        self.example = example
        self.state = start
        self.asked: list[Asked] = []

    def __call__(self, question: MissingFact) -> Any:
        self.asked.append(Asked(self.state, question))
        value = value_at(self.example, question.path)
        self.state = with_answer(self.state, question.path, value)
        return value


@pytest.fixture(scope="module")
def runs(assessor: Assessor, examples_dir: Path) -> list[Run]:
    """Every example in examples/ (whatever is there), interviewed with its own answers."""
    benchmark = _benchmark()
    found = []
    for path in sorted(examples_dir.glob("*.json")):
        example = json.loads(path.read_text(encoding="utf-8"))
        recorder = Recorder(example, {name: example[name] for name in benchmark.STARTING_FIELDS})
        transcript = benchmark.interview_of(assessor, example, recorder)
        found.append(Run(path.stem.split("-", 1)[0], example, transcript, recorder.asked))
    assert found, "the examples directory holds examples"
    return found


def _decisive(assessment: Assessment, but: str) -> set[str]:
    return {q.path for q in assessment.missing_facts if q.changes != "confirmation" and q.path != but}


def _moves(before: Assessment, after: Assessment, path: str) -> bool:
    return (
        before.verdict != after.verdict
        or before.verdict_range != after.verdict_range
        or any(before.principles[p].outcome != after.principles[p].outcome for p in before.principles)
        or _decisive(before, path) != _decisive(after, path)
        or {c.rule_id for c in before.conditions} != {c.rule_id for c in after.conditions}
    )


def _with(document: dict[str, Any], answers: dict[str, Any]) -> dict[str, Any]:
    for path, value in answers.items():
        document = with_answer(document, path, value)
    return document


def _assess(assessor: Assessor, document: dict[str, Any]) -> Assessment | None:
    """The assessment, or None for an answer the contract refuses with what is stated."""
    try:
        return assessor.assess(document)
    except MeasureError:
        return None


def _changes(assessor: Assessor, before: Assessment, document: dict[str, Any], path: str) -> bool:
    after = _assess(assessor, document)
    return after is not None and _moves(before, after, path)


def _decided(assessor: Assessor, rule: Rule, document: dict[str, Any], as_of: Any) -> bool:
    try:
        facts = build_facts(parse_measure(document), as_of, assessor.rulebook.law).facts
    except MeasureError:
        return False
    scope = evaluate(rule.scope, facts)
    return scope is Truth.FALSE or (scope is Truth.TRUE and evaluate(rule.condition, facts) is not Truth.UNKNOWN)


def _presence_fields(assessor: Assessor, document: dict[str, Any], as_of: Any) -> dict[str, list[Rule]]:
    """Every unstated field a presence test in the scope of a rule in force reads, where some answer to it
    changes the truth of that scope."""
    fields = measure_fields()
    now = build_facts(parse_measure(document), as_of, assessor.rulebook.law).facts
    found: dict[str, list[Rule]] = {}
    for rule in assessor.rulebook.in_force(as_of):
        for path in dict.fromkeys(leaf.path for leaf in leaves(rule.scope) if leaf.op in PRESENCE_OPS):
            if path not in fields or value_at(document, path) is not None:
                continue
            for value in trial_answers(fields[path], [rule], assessor.rulebook.law):
                try:
                    facts = build_facts(parse_measure(with_answer(document, path, value)), as_of, assessor.rulebook.law)
                except MeasureError:
                    continue  # an answer the contract refuses with what is stated
                if evaluate(rule.scope, facts.facts) is not evaluate(rule.scope, now):
                    found.setdefault(path, []).append(rule)
                    break
    return found


def _completes(
    assessor: Assessor, before: Assessment, document: dict[str, Any], path: str, rules: list[Rule], passed: set[str]
) -> Any:
    """An answer to ``path`` that at most two further answers complete into a decided rule and a change, or None."""
    fields = measure_fields()
    for rule in rules:
        for value in trial_answers(fields[path], [rule], assessor.rulebook.law):
            with_it = with_answer(document, path, value)
            try:
                facts = build_facts(parse_measure(with_it), before.as_of, assessor.rulebook.law).facts
            except MeasureError:
                continue
            scope = evaluate(rule.scope, facts)
            if scope is Truth.FALSE or (scope is Truth.TRUE and evaluate(rule.condition, facts) is not Truth.UNKNOWN):
                continue
            unknowns = decisive_unknowns(rule.scope if scope is Truth.UNKNOWN else rule.condition, facts)
            others = [p for p in ask_for(unknowns, facts) if p in fields and p != path and p not in passed]
            for size in range(1, MAX_FURTHER_ANSWERS + 1):
                for chosen in itertools.combinations(others, size):
                    options = [trial_answers(fields[p], [rule], assessor.rulebook.law) for p in chosen]
                    for values in itertools.product(*options):
                        further = dict(zip(chosen, values, strict=True))
                        if not _decided(assessor, rule, _with(with_it, further), before.as_of):
                            continue
                        if _decided(assessor, rule, _with(document, further), before.as_of):
                            continue
                        if _changes(assessor, before, _with(with_it, further), path):
                            return {path: value, **further}
    return None


def test_every_question_asked_could_still_matter_when_it_was_asked(assessor: Assessor, runs: list[Run]) -> None:
    fields = measure_fields()
    for run in runs:
        assert [a.question.path for a in run.asked] == list(run.transcript.asked)
        assert len(run.transcript.why) == len(run.asked)
        assert len(set(run.transcript.asked)) == len(run.transcript.asked), f"{run.name} asked a field twice"
        for asked, why in zip(run.asked, run.transcript.why, strict=True):
            path = asked.question.path
            before = assessor.assess(asked.document)
            scoped = _presence_fields(assessor, asked.document, before.as_of)
            assert path in {q.path for q in before.missing_facts} or path in scoped, (
                f"{run.name}: {path} was neither an open question nor read by a scope's presence test"
            )
            rules = [r for r in assessor.rulebook.in_force(before.as_of) if r.id in asked.question.rules]
            answers = trial_answers(fields[path], rules, assessor.rulebook.law)
            alone = any(_changes(assessor, before, with_answer(asked.document, path, v), path) for v in answers)
            if alone:
                continue
            # Only together: each claimed completion is re-checked by assessing the measure with it.
            completions = [c for c in why if c.together]
            assert completions, f"{run.name}: no answer to {path} could change anything when it was asked"
            for claim in completions:
                assert len(claim.together) <= MAX_FURTHER_ANSWERS
                assert claim.answer in answers
                assert all(value_at(asked.document, p) is None for p in claim.together)
                completed = _with(with_answer(asked.document, path, claim.answer), claim.together)
                assert _changes(assessor, before, completed, path), f"{run.name}: {path}: {claim} moves nothing"
                assert any(
                    _decided(assessor, rule, completed, before.as_of)
                    and not _decided(assessor, rule, _with(asked.document, claim.together), before.as_of)
                    for rule in rules
                ), f"{run.name}: {path}: {claim} decides no rule that the further answers alone leave open"


def test_every_interview_stops_only_when_no_answer_could_matter(assessor: Assessor, runs: list[Run]) -> None:
    fields = measure_fields()
    for run in runs:
        final = run.transcript.final
        document = run.asked[-1].document if run.asked else {}
        if run.asked:
            last = run.asked[-1].question.path
            document = with_answer(document, last, value_at(run.example, last))
        passed = {path for path in run.transcript.asked if value_at(run.example, path) is None}
        in_force = assessor.rulebook.in_force(final.as_of)
        remaining = {
            q.path: [r for r in in_force if r.id in q.rules]
            for q in final.missing_facts
            if q.path in fields and q.path not in passed
        }
        for path, rules in _presence_fields(assessor, document, final.as_of).items():
            if path not in passed:
                remaining.setdefault(path, rules)
        for path, rules in remaining.items():
            for value in trial_answers(fields[path], rules, assessor.rulebook.law):
                assert not _changes(assessor, final, with_answer(document, path, value), path), (
                    f"{run.name}: {path}={value!r} would matter"
                )
            completed = _completes(assessor, final, document, path, rules, passed)
            assert completed is None, f"{run.name}: the answers {completed} would matter together"


def test_every_interview_reaches_the_full_example_s_verdict(assessor: Assessor, runs: list[Run]) -> None:
    """Answered with the example's own values, the interview ends where the full example does."""
    for run in runs:
        full = assessor.assess(run.example)
        assert run.transcript.final.verdict is full.verdict, f"{run.name}: {run.transcript.final.verdict}"


def test_the_documented_table_is_what_the_interview_asks(assessor: Assessor, runs: list[Run]) -> None:
    benchmark = _benchmark()
    text = (REPO / "docs" / "interview.md").read_text(encoding="utf-8")
    documented = re.search(r"<!-- interview-length:start -->\n(.*?)\n<!-- interview-length:end -->", text, re.DOTALL)
    assert documented, "docs/interview.md holds the table between its markers"
    expected = [
        benchmark.row(run.name, run.example, run.transcript, assessor.assess(run.example).verdict.value) for run in runs
    ]
    assert documented.group(1).strip().splitlines() == [*benchmark.HEADER, *expected], (
        "regenerate the table: .venv/bin/python benchmarks/interview_length.py --markdown"
    )
