"""Guided interviews: start from a partial measure, answer one decisive question at a time, save a draft.

An interview belongs to the organisation of whoever started it (others get
"not found") and expires ``ttl`` after it started. Each answer is validated
against the measure contract before it is kept, so the measure built is valid
at every step and can be saved as a draft measure at any time.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from art52.domain.access import Permission, Principal
from art52.domain.assessment import MissingFact
from art52.domain.fields import FieldSpec, measure_fields
from art52.domain.interviews import Answer, InterviewRecord
from art52.domain.labels import contract_labels
from art52.errors import ConflictError, FieldIssue, MeasureError, NotFoundError, RequestError
from art52.services.assessments import parse_measure
from art52.services.guards import require
from art52.services.interview_steps import Step, next_step, with_answer
from art52.services.measures import MeasureDetail, MeasureService
from art52.services.ports import Clock, UnitOfWork, UnitOfWorkFactory
from art52.services.stored_assessments import AssessorFactory


@dataclass(frozen=True)
class Choice:
    """An allowed answer in the contract's words (contract/labels.yaml)."""

    value: Any
    label: str


@dataclass(frozen=True)
class InterviewView:
    """An interview with where it stands: the assessment so far and the next question, if any."""

    record: InterviewRecord
    step: Step
    choices: tuple[Choice, ...] = ()
    rule_titles: dict[str, str] | None = None
    """The titles of the rules that ask the question, by rule id."""

    @property
    def question(self) -> MissingFact | None:
        return self.step.question

    @property
    def finished(self) -> bool:
        return self.step.question is None


class InterviewService:
    """The interview use cases."""

    def __init__(
        self,
        uow: UnitOfWorkFactory,
        clock: Clock,
        new_id: Callable[[], str],
        assessor: AssessorFactory,
        measures: MeasureService,
        ttl: dt.timedelta,
    ) -> None:
        self._uow = uow
        self._clock = clock
        self._new_id = new_id
        self._assessor = assessor
        self._measures = measures
        self._ttl = ttl

    def start(self, principal: Principal, document: Any, as_of: dt.date | None = None) -> InterviewView:
        """Start from a partial measure (its title at least; its type helps most)."""
        require(principal, Permission.ASSESS_STATELESS, "run interviews")
        parse_measure(document)
        now = self._clock.now()
        record = InterviewRecord(
            id=self._new_id(),
            organisation=principal.organisation,
            created_by=principal.name,
            created_at=now,
            expires_at=now + self._ttl,
            as_of=as_of,
            document=dict(document),
        )
        with self._uow() as uow:
            uow.interviews.add(record)
            uow.commit()
        return self._view(record)

    def get(self, principal: Principal, interview_id: str) -> InterviewView:
        require(principal, Permission.ASSESS_STATELESS, "run interviews")
        with self._uow(read_only=True) as uow:
            record = self._visible(uow, principal, interview_id)
        return self._view(record)

    def answer(self, principal: Principal, interview_id: str, path: str | None, value: Any) -> InterviewView:
        """Keep an answer (``None``: not known, the question is passed) and move to the next question.

        ``path`` defaults to the question asked now; any field of the contract may be answered.
        """
        require(principal, Permission.ASSESS_STATELESS, "run interviews")
        with self._uow(read_only=True) as uow:
            record = self._visible(uow, principal, interview_id)
        if path is None:
            asked = self._view(record).question
            if asked is None:
                raise RequestError([FieldIssue("/field", "the interview asks nothing more; name the field to answer")])
            path = asked.path
        spec = measure_fields().get(path)
        if spec is None:
            raise RequestError([FieldIssue("/field", f"{path!r} is not a field of the measure contract")])
        document = with_answer(record.document, path, value)
        try:
            parse_measure(document)
        except MeasureError as error:
            issues = [FieldIssue("/value", f"{path}: {issue.message}") for issue in error.issues]
            raise RequestError(issues) from None
        passed = record.passed if value is not None else (*record.passed, path)
        updated = replace(
            record,
            document=document,
            answers=(*record.answers, Answer(path, value)),
            passed=tuple(dict.fromkeys(passed)),
            revision=record.revision + 1,
        )
        with self._uow() as uow:
            self._visible(uow, principal, interview_id)
            uow.interviews.update(updated, expected_revision=record.revision)
            uow.commit()
        return self._view(updated)

    def save(self, principal: Principal, interview_id: str) -> MeasureDetail:
        """Save the measure built so far as a draft measure of the caller's organisation (once)."""
        require(principal, Permission.WRITE_MEASURE, "save interviews as measures")
        with self._uow(read_only=True) as uow:
            record = self._visible(uow, principal, interview_id)
        if record.measure_id is not None:
            raise ConflictError(f"interview {interview_id} was already saved as measure {record.measure_id}")
        detail = self._measures.create(principal, record.document)
        with self._uow() as uow:
            uow.interviews.update(
                replace(record, measure_id=detail.record.id, revision=record.revision + 1), record.revision
            )
            uow.commit()
        return detail

    def _visible(self, uow: UnitOfWork, principal: Principal, interview_id: str) -> InterviewRecord:
        found = uow.interviews.get(interview_id)
        if found is None or found.organisation != principal.organisation:
            raise NotFoundError(f"no interview with id {interview_id}")
        if found.expired(self._clock.now()):
            raise NotFoundError(f"interview {interview_id} has expired; start a new one")
        return found

    def _view(self, record: InterviewRecord) -> InterviewView:
        assessor = self._assessor()
        step = next_step(assessor, record.document, record.as_of, record.passed)
        if step.question is None:
            return InterviewView(record, step)
        asking = set(step.question.rules)
        titles = {r.id: r.spec.title for r in assessor.rulebook.in_force(step.assessment.as_of) if r.id in asking}
        return InterviewView(record, step, choices(measure_fields()[step.question.path]), titles)


def choices(spec: FieldSpec) -> tuple[Choice, ...]:
    """The allowed answers with their labels: yes/no with the contract's statements, or each enum value."""
    labels = contract_labels()
    label = labels.of(spec.path)
    if label is None:
        return ()
    if spec.kind == "boolean" and label.if_true and label.if_false:
        return (Choice(True, f"Yes: {label.if_true}"), Choice(False, f"No: {label.if_false}"))
    if spec.kind in ("enum", "enum_list"):
        return tuple(Choice(value, labels.value(spec.path, value)) for value in spec.values)
    return ()
