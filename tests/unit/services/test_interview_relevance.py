"""The guided interview on every example: it finishes, never asks a question whose answer cannot matter,
and docs/interview.md reports exactly the questions it asks.

"Matters" is checked here by trying each allowed answer on the measure as it stood when the question was
asked: some answer must change the verdict, the verdict range or a principle's outcome, or settle or open
another question that could (a question about whether a rule applies at all comes before the ones it opens), or
meet or add a condition to impose (a principle's confirmations move it only together).
"""

from __future__ import annotations

import importlib.util
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
from art52.reasoning.answers import trial_answers
from art52.services.assessments import Assessor
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


def test_every_question_asked_could_still_matter_when_it_was_asked(assessor: Assessor, runs: list[Run]) -> None:
    fields = measure_fields()
    for run in runs:
        assert [a.question.path for a in run.asked] == list(run.transcript.asked)
        assert len(set(run.transcript.asked)) == len(run.transcript.asked), f"{run.name} asked a field twice"
        for asked in run.asked:
            path = asked.question.path
            before = assessor.assess(asked.document)
            assert path in {q.path for q in before.missing_facts}, f"{run.name}: {path} was not an open question"
            rules = [r for r in assessor.rulebook.in_force(before.as_of) if r.id in asked.question.rules]
            answers = trial_answers(fields[path], rules, assessor.rulebook.law)
            assert any(
                _moves(before, assessor.assess(with_answer(asked.document, path, value)), path) for value in answers
            ), f"{run.name}: no answer to {path} could change anything when it was asked"


def test_every_interview_stops_only_when_no_answer_could_matter(assessor: Assessor, runs: list[Run]) -> None:
    fields = measure_fields()
    for run in runs:
        final = run.transcript.final
        document = run.asked[-1].document if run.asked else {}
        if run.asked:
            last = run.asked[-1].question.path
            document = with_answer(document, last, value_at(run.example, last))
        passed = {path for path in run.transcript.asked if value_at(run.example, path) is None}
        for question in final.missing_facts:
            if question.path in passed or question.path not in fields:
                continue
            rules = [r for r in assessor.rulebook.in_force(final.as_of) if r.id in question.rules]
            for value in trial_answers(fields[question.path], rules, assessor.rulebook.law):
                after = assessor.assess(with_answer(document, question.path, value))
                assert not _moves(final, after, question.path), f"{run.name}: {question.path}={value!r} would matter"


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
