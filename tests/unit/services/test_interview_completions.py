"""Answers that matter only together: a rule that several answers decide jointly is still asked for.

ex05 (a production order) states its transfer deadline, whether it is an emergency and the
enforcing authority's review window; EEV-007 is decided only by the three together. Without
them, no one answer changes anything, yet the interview must ask for them.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from art52.bootstrap import build_assessor
from art52.config import Settings
from art52.services.assessments import Assessor
from art52.services.interview_completions import MAX_FURTHER_ANSWERS
from art52.services.interview_steps import next_step, value_at, with_answer

JOINT = ("eevidence.deadline_hours", "eevidence.emergency", "eevidence.enforcing_review_window_hours")


@pytest.fixture(scope="module")
def assessor() -> Assessor:
    return build_assessor(Settings(engine="reference"))


@pytest.fixture(scope="module")
def example(examples_dir: Path) -> dict[str, Any]:
    found = json.loads(next(examples_dir.glob("ex05-*.json")).read_text(encoding="utf-8"))
    assert isinstance(found, dict)
    return found


def _without_joint(example: dict[str, Any]) -> dict[str, Any]:
    document = example
    for path in JOINT:
        document = with_answer(document, path, None)
    return document


def test_no_one_answer_alone_moves_the_measure(assessor: Assessor, example: dict[str, Any]) -> None:
    document = _without_joint(example)
    step = next_step(assessor, document, None)
    assert step.question is not None
    assert step.question.path in JOINT
    assert step.consequences
    assert all(c.together for c in step.consequences), "only together do these answers matter"
    for consequence in step.consequences:
        assert len(consequence.together) <= MAX_FURTHER_ANSWERS
        assert set(consequence.together) <= set(JOINT) - {step.question.path}


def test_answering_them_in_turn_reaches_the_full_verdict(assessor: Assessor, example: dict[str, Any]) -> None:
    document, asked = _without_joint(example), []
    step = next_step(assessor, document, None)
    while step.question is not None and step.question.path in JOINT:
        asked.append(step.question.path)
        document = with_answer(document, step.question.path, value_at(example, step.question.path))
        step = next_step(assessor, document, None)
    assert sorted(asked) == sorted(JOINT)
    assert step.assessment.verdict is assessor.assess(example).verdict


def test_a_passed_question_is_no_further_answer(assessor: Assessor, example: dict[str, Any]) -> None:
    """With both deadlines "not known", the emergency alone cannot decide the rule: it is not asked."""
    document = _without_joint(example)
    step = next_step(assessor, document, None, passed=JOINT[::2])
    assert step.question is None or step.question.path not in JOINT
