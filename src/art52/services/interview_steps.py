"""The guided interview's choice of question: the most decisive one whose answer can still matter.

The assessment ranks its open questions (``art52.reasoning.questions``). The
interview walks them in that order and asks the first one for which some
answer, tried by assessing the measure with it, changes the verdict or the
outcome of a principle — or, moving nothing yet, settles or opens another
question that could (whether a rule applies comes before what it tests), or
meets or adds a condition to impose (a principle's confirmations move it only
together). A question no answer can move is never asked, and when none is left
the interview is over: the verdict is as decided as the answers can make it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from typing import Any

from art52.domain.assessment import Assessment, MissingFact
from art52.domain.fields import FieldSpec, measure_fields
from art52.domain.principles import Outcome, Principle, Verdict
from art52.errors import MeasureError
from art52.reasoning.answers import trial_answers
from art52.services.assessments import Assessor


@dataclass(frozen=True)
class Consequence:
    """What one answer would lead to: the verdict and the principles it would move."""

    answer: Any
    verdict: Verdict
    principles: dict[Principle, Outcome]
    opens: bool = False
    """True when the answer moves nothing yet but settles or opens other decisive questions, or conditions."""


@dataclass(frozen=True)
class Step:
    """Where an interview stands: the assessment so far and the question to ask next (None: finished)."""

    assessment: Assessment
    question: MissingFact | None
    consequences: tuple[Consequence, ...] = ()


def with_answer(document: Mapping[str, Any], path: str, value: Any) -> dict[str, Any]:
    """``document`` with the field at dotted ``path`` set to ``value`` (``None`` removes it)."""
    result = dict(document)
    head, _, rest = path.partition(".")
    if rest:
        inner = result.get(head)
        result[head] = with_answer(inner if isinstance(inner, Mapping) else {}, rest, value)
        if not result[head]:
            result.pop(head)
    elif value is None:
        result.pop(head, None)
    else:
        result[head] = value
    return result


def decisive(assessment: Assessment, but: str) -> frozenset[str]:
    """The questions, other than ``but``, whose answers could change the verdict or a principle."""
    return frozenset(q.path for q in assessment.missing_facts if q.changes != "confirmation" and q.path != but)


def _conditions(assessment: Assessment) -> frozenset[str]:
    """The rules whose conditions (or facts to confirm) the measure must still meet."""
    return frozenset(c.rule_id for c in assessment.conditions)


def next_step(
    assessor: Assessor, document: Mapping[str, Any], as_of: dt.date | None, passed: Collection[str] = ()
) -> Step:
    """The assessment of ``document`` and the first question, not ``passed``, whose answer could matter."""
    current = assessor.assess(document, as_of=as_of)
    fields = measure_fields()
    for question in current.missing_facts:
        spec = fields.get(question.path)
        if spec is None or question.path in passed:
            continue
        consequences = _consequences(assessor, document, as_of, current, question, spec)
        if consequences:
            return Step(current, question, consequences)
    return Step(current, None)


def _consequences(
    assessor: Assessor,
    document: Mapping[str, Any],
    as_of: dt.date | None,
    current: Assessment,
    question: MissingFact,
    spec: FieldSpec,
) -> tuple[Consequence, ...]:
    """The answers that would change the verdict or a principle; empty when none would."""
    rules = [r for r in assessor.rulebook.in_force(current.as_of) if r.id in question.rules]
    found = []
    for answer in trial_answers(spec, rules, assessor.rulebook.law):
        try:
            after = assessor.assess(with_answer(document, question.path, answer), as_of=as_of)
        except MeasureError:
            continue
        moved = {
            p: result.outcome
            for p, result in after.principles.items()
            if current.principles[p].outcome is not result.outcome
        }
        if moved or after.verdict is not current.verdict or after.verdict_range != current.verdict_range:
            found.append(Consequence(answer, after.verdict, moved))
        elif decisive(after, question.path) != decisive(current, question.path) or _conditions(after) != _conditions(
            current
        ):
            found.append(Consequence(answer, after.verdict, moved, opens=True))
    return tuple(found)


@dataclass(frozen=True)
class Transcript:
    """A whole interview: the fields asked, in order, and the assessment it ended with."""

    asked: tuple[str, ...]
    final: Assessment


MAX_QUESTIONS = 500
"""No interview asks more: each field is asked at most once, and the contract has fewer."""


def run_interview(
    assessor: Assessor,
    document: Mapping[str, Any],
    answer: Callable[[MissingFact], Any],
    as_of: dt.date | None = None,
) -> Transcript:
    """Ask until nothing can matter; ``answer`` gives each value (``None``: not known, the question is passed)."""
    current, passed, asked = dict(document), list[str](), list[str]()
    while len(asked) < MAX_QUESTIONS:
        step = next_step(assessor, current, as_of, passed)
        if step.question is None:
            return Transcript(tuple(asked), step.assessment)
        path = step.question.path
        asked.append(path)
        value = answer(step.question)
        if value is None:
            passed.append(path)
        current = with_answer(current, path, value)
    raise RuntimeError(f"the interview asked {MAX_QUESTIONS} questions without finishing")


def value_at(document: Mapping[str, Any], path: str) -> Any:
    """The value at dotted ``path`` in ``document``, or ``None`` when it is not stated."""
    found: Any = document
    for part in path.split("."):
        if not isinstance(found, Mapping) or part not in found:
            return None
        found = found[part]
    return found
