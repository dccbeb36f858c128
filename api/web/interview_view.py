"""An interview as a page shows it: where the verdict stands, the question asked now, and why it is asked.

Words only: the service chose the question and tried the answers; this
module puts them into the contract's labels and the report's wording.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from art52.api.web.measure_form import read_value
from art52.domain.fields import FieldKind, FieldSpec, measure_fields
from art52.report.model import verdict_line
from art52.report.wording import CHANGE_TEXT, OUTCOME_TEXT, VERDICT_TEXT, fact_value
from art52.services.interviews import InterviewView

INPUTS: dict[FieldKind, str] = {"integer": "number", "number": "number", "date": "date", "string": "text"}
"""The input for a typed answer; lists of texts and of records are written in a text area."""


@dataclass(frozen=True)
class Option:
    value: str
    label: str


@dataclass(frozen=True)
class Consequence:
    answer: str
    verdict: str
    moves: tuple[str, ...]
    opens: bool


@dataclass(frozen=True)
class QuestionView:
    path: str
    text: str
    kind: FieldKind
    control: str
    """radio (yes/no, one of a list), checkbox (several of a list), number, date, text or textarea."""
    options: tuple[Option, ...]
    rules: tuple[tuple[str, str], ...]
    could_change: str
    consequences: tuple[Consequence, ...]


@dataclass(frozen=True)
class InterviewPage:
    id: str
    title: str
    verdict: str
    verdict_class: str
    best: str
    worst: str
    principles: tuple[tuple[str, str], ...]
    answers: tuple[tuple[str, str], ...]
    question: QuestionView | None
    measure_id: str | None
    expires_at: dt.datetime


def form_value(value: Any) -> str:
    """How an allowed answer is sent by the form (yes/no for true/false)."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def interview_page(view: InterviewView) -> InterviewPage:
    record, assessment = view.record, view.step.assessment
    fields = measure_fields()
    return InterviewPage(
        id=record.id,
        title=str(record.document.get("title", "")),
        verdict=verdict_line(assessment),
        verdict_class=assessment.verdict.value,
        best=VERDICT_TEXT[assessment.verdict_range.best.value],
        worst=VERDICT_TEXT[assessment.verdict_range.worst.value],
        principles=tuple(
            (principle.value.capitalize(), OUTCOME_TEXT[result.outcome])
            for principle, result in assessment.principles.items()
        ),
        answers=tuple(
            (answer.path, "not known" if answer.value is None else fact_value(answer.value, fields.get(answer.path)))
            for answer in record.answers
        ),
        question=_question(view),
        measure_id=record.measure_id,
        expires_at=record.expires_at,
    )


def _question(view: InterviewView) -> QuestionView | None:
    asked = view.question
    if asked is None:
        return None
    spec = measure_fields()[asked.path]
    options = tuple(Option(form_value(c.value), c.label) for c in view.choices) or _unlabelled(spec)
    labels = {o.value: o.label for o in options}
    change = CHANGE_TEXT[asked.changes]
    if asked.changes == "principle":
        change += " the outcome of " + ", ".join(p.value for p in asked.principles)
    return QuestionView(
        path=asked.path,
        text=asked.question,
        kind=spec.kind,
        control=_control(spec, options),
        options=options,
        rules=tuple((rule, (view.rule_titles or {}).get(rule, rule)) for rule in asked.rules),
        could_change=change,
        consequences=tuple(
            Consequence(
                answer=labels.get(form_value(c.answer), fact_value(c.answer, spec)),
                verdict=VERDICT_TEXT[c.verdict.value],
                moves=tuple(f"{p.value}: {OUTCOME_TEXT[o]}" for p, o in c.principles.items()),
                opens=c.opens,
            )
            for c in view.step.consequences
        ),
    )


def _unlabelled(spec: FieldSpec) -> tuple[Option, ...]:
    """The allowed answers of a field the labels do not word (yes/no, or the enum's values)."""
    if spec.kind == "boolean":
        return (Option("yes", "Yes"), Option("no", "No"))
    return tuple(Option(value, value.replace("_", " ")) for value in spec.values)


def _control(spec: FieldSpec, options: Sequence[Option]) -> str:
    if options and spec.kind == "enum_list":
        return "checkbox"
    if options:
        return "radio"
    return INPUTS.get(spec.kind, "textarea")


class UnreadableAnswerError(ValueError):
    """A list of records that is not JSON."""


def answer_from_form(path: str, given: Sequence[str]) -> Any:
    """The answer a form gave for the field at ``path``, typed as the contract wants; None when nothing was given."""
    spec = measure_fields().get(path)
    texts = [text for text in given if text.strip()]
    if spec is None or spec.kind != "object_list":
        return read_value(spec.kind if spec else "string", texts)
    if not texts:
        return None
    try:
        return json.loads(texts[0])
    except json.JSONDecodeError as error:
        raise UnreadableAnswerError(f"write the list as JSON: {error.msg} (line {error.lineno})") from None
