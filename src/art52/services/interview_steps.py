"""The guided interview's choice of question: the most decisive one whose answer can still matter.

The questions tried are the assessment's open questions, ranked
(``art52.reasoning.questions``), then the unstated facts a rule's scope tests
for presence (``art52.reasoning.scope_questions``): "not stated" decides such a
test, so the assessment never asks for them, yet one answer may bring a rule
into scope or take it out. The interview asks the first one for which some
answer, tried by assessing the measure with it, changes the verdict or the
outcome of a principle — or, moving nothing yet, settles or opens another
question that could (whether a rule applies comes before what it tests), or
meets or adds a condition to impose (a principle's confirmations move it only
together); failing that, an answer that decides a rule together with one or two
further answers (``art52.services.interview_completions``). A question no answer
can move is never asked, and when none is left the interview is over: the
verdict is as decided as the answers can make it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field
from typing import Any

from art52.domain.assessment import Assessment, Change, MissingFact, Option
from art52.domain.fields import FieldSpec, measure_fields
from art52.domain.principles import PRINCIPLE_ORDER, Outcome, Principle, Verdict
from art52.engine.facts import build_facts
from art52.errors import MeasureError
from art52.reasoning.answers import trial_answers
from art52.reasoning.phrasing import options_for, question_for
from art52.reasoning.questions import CHANGE_RANK
from art52.reasoning.scope_questions import scope_questions
from art52.services.assessments import Assessor, parse_measure
from art52.services.interview_completions import completion


@dataclass(frozen=True)
class Consequence:
    """What one answer would lead to: the verdict and the principles it would move."""

    answer: Any
    verdict: Verdict
    principles: dict[Principle, Outcome]
    opens: bool = False
    """True when the answer moves nothing yet but settles or opens other decisive questions, or conditions."""
    together: dict[str, Any] = field(default_factory=dict)
    """The further answers (field: value) with which this one decides a rule; empty when it matters alone."""
    reach: Change = "confirmation"
    """The most it could change: the verdict, a principle, or (opening nothing decisive) a confirmation."""


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


def moves(before: Assessment, after: Assessment, path: str) -> bool:
    """Whether ``after`` differs from ``before`` in anything an answer to ``path`` may matter by."""
    return (
        after.verdict is not before.verdict
        or after.verdict_range != before.verdict_range
        or any(before.principles[p].outcome is not result.outcome for p, result in after.principles.items())
        or decisive(after, path) != decisive(before, path)
        or _conditions(after) != _conditions(before)
    )


def candidates(
    assessor: Assessor, document: Mapping[str, Any], current: Assessment, passed: Collection[str] = ()
) -> tuple[MissingFact, ...]:
    """The questions worth trying, not ``passed``: the assessment's, ranked, then the scopes' presence tests."""
    fields = measure_fields()
    ranked = tuple(q for q in current.missing_facts if q.path in fields and q.path not in passed)
    known = {q.path for q in current.missing_facts} | set(passed)
    sheet = build_facts(parse_measure(document), current.as_of, assessor.rulebook.law)
    scoped = scope_questions(assessor.rulebook.in_force(current.as_of), sheet.facts, frozenset(sheet.derived), fields)
    return ranked + tuple(
        MissingFact(
            path=q.path,
            question=question_for(q.path, fields),
            rules=q.rules,
            changes="verdict",
            options=tuple(Option(value=value, label=label) for value, label in options_for(q.path, fields)),
        )
        for q in scoped
        if q.path not in known
    )


def next_step(
    assessor: Assessor, document: Mapping[str, Any], as_of: dt.date | None, passed: Collection[str] = ()
) -> Step:
    """The assessment of ``document`` and the first question, not ``passed``, whose answer could matter."""
    current = assessor.assess(document, as_of=as_of)
    fields = measure_fields()
    for question in candidates(assessor, document, current, passed):
        consequences = _consequences(assessor, document, as_of, current, question, fields[question.path], passed)
        if consequences:
            return Step(current, _described(question, current, consequences), consequences)
    return Step(current, None)


def _described(question: MissingFact, current: Assessment, consequences: tuple[Consequence, ...]) -> MissingFact:
    """A presence question says what its answers were found to change (the assessment did not rank it)."""
    if question.path in {q.path for q in current.missing_facts}:
        return question
    moved = {p for c in consequences for p in c.principles}
    return question.model_copy(
        update={
            "changes": min((c.reach for c in consequences), key=CHANGE_RANK.__getitem__),
            "principles": tuple(p for p in PRINCIPLE_ORDER if p in moved),
        }
    )


def _consequences(
    assessor: Assessor,
    document: Mapping[str, Any],
    as_of: dt.date | None,
    current: Assessment,
    question: MissingFact,
    spec: FieldSpec,
    passed: Collection[str],
) -> tuple[Consequence, ...]:
    """The answers that would change the verdict or a principle, alone or completed; empty when none would."""
    rules = tuple(r for r in assessor.rulebook.in_force(current.as_of) if r.id in question.rules)
    answers = trial_answers(spec, rules, assessor.rulebook.law)
    found = []
    for answer in answers:
        try:
            after = assessor.assess(with_answer(document, question.path, answer), as_of=as_of)
        except MeasureError:
            continue
        if moves(current, after, question.path):
            found.append(_consequence(answer, current, after))
    if found:
        return tuple(found)
    for answer in answers:
        completed = completion(
            assessor,
            document,
            as_of,
            question.path,
            answer,
            rules,
            passed,
            with_answer,
            lambda after: moves(current, after, question.path),
        )
        if completed is not None:
            further, after = completed
            found.append(_consequence(answer, current, after, further))
    return tuple(found)


def _consequence(
    answer: Any, current: Assessment, after: Assessment, together: dict[str, Any] | None = None
) -> Consequence:
    before = current.principles
    moved = {p: result.outcome for p, result in after.principles.items() if before[p].outcome is not result.outcome}
    if after.verdict is not current.verdict or after.verdict_range != current.verdict_range:
        reach: Change = "verdict"
    elif moved:
        reach = "principle"
    else:
        asked_now = {q.path for q in current.missing_facts}
        opened = (q.changes for q in after.missing_facts if q.path not in asked_now)
        reach = min(opened, key=CHANGE_RANK.__getitem__, default="confirmation")
    opens = not moved and after.verdict is current.verdict and after.verdict_range == current.verdict_range
    return Consequence(answer, after.verdict, moved, opens=opens, together=together or {}, reach=reach)


@dataclass(frozen=True)
class Transcript:
    """A whole interview: the fields asked, in order, and the assessment it ended with."""

    asked: tuple[str, ...]
    final: Assessment
    why: tuple[tuple[Consequence, ...], ...] = ()
    """For each question asked, the answers found to matter when it was asked."""


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
    why: list[tuple[Consequence, ...]] = []
    while len(asked) < MAX_QUESTIONS:
        step = next_step(assessor, current, as_of, passed)
        if step.question is None:
            return Transcript(tuple(asked), step.assessment, tuple(why))
        path = step.question.path
        asked.append(path)
        why.append(step.consequences)
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
