"""Assessing stored measures, keeping the result, and reproducing it.

A stored assessment records every input that determines its result — the
measure version, the requested legal date, the rulebook hash and the backend —
next to the result's canonical JSON. Re-running those inputs must give the
same bytes; :meth:`AssessmentService.rerun` does exactly that.

The engine runs outside the transaction; the result is written only if the
measure did not change meanwhile, so an assessment always belongs to the
version it names.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from art52.domain.access import Permission, Principal
from art52.domain.assessment import Assessment
from art52.domain.perspective import Perspective
from art52.domain.records import Contest, Decision, StoredAssessment
from art52.domain.workflow import after_assessment, check_assessable
from art52.errors import ConflictError, FieldIssue, NotFoundError, RequestError
from art52.services.assessments import Assessor
from art52.services.audit import record
from art52.services.decision_aid import explain
from art52.services.guards import Expected, measure_at_revision, require, visible_measure
from art52.services.ports import Clock, UnitOfWork, UnitOfWorkFactory

AssessorFactory = Callable[[], Assessor]


@dataclass(frozen=True)
class AssessmentDetail:
    """A stored assessment, its parsed result, the contests raised against its findings, and review decisions."""

    stored: StoredAssessment
    assessment: Assessment
    contests: list[Contest]
    decisions: list[Decision] = field(default_factory=list)


def visible_assessment(uow: UnitOfWork, principal: Principal, assessment_id: str) -> StoredAssessment:
    found = uow.assessments.get(assessment_id)
    if found is None or not principal.sees(found.organisation):
        raise NotFoundError(f"no assessment with id {assessment_id}")
    return found


class AssessmentService:
    """Stored and stateless assessments."""

    def __init__(
        self, uow: UnitOfWorkFactory, clock: Clock, new_id: Callable[[], str], assessor: AssessorFactory
    ) -> None:
        self._uow = uow
        self._clock = clock
        self._new_id = new_id
        self._assessor = assessor

    def assess_document(
        self,
        principal: Principal,
        document: Any,
        as_of: dt.date | None,
        remedies: bool = False,
        perspective: Perspective = Perspective.ISSUING,
    ) -> Assessment:
        """Assess a measure without storing anything (the stateless endpoint); ``remedies`` adds the decision aid."""
        require(principal, Permission.ASSESS_STATELESS, "assess measures")
        if remedies and perspective is not Perspective.ISSUING:
            raise RequestError([FieldIssue("remedies", "remedies are searched for the issuing side only")], "query")
        if remedies:
            return explain(self._assessor(), document, as_of)
        return self._assessor().assess(document, as_of=as_of, perspective=perspective)

    def assess_measure(
        self,
        principal: Principal,
        measure_id: str,
        as_of: dt.date | None,
        expected_revision: Expected = None,
        perspective: Perspective = Perspective.ISSUING,
    ) -> AssessmentDetail:
        """Assess the current version of a stored measure from ``perspective`` and keep the result."""
        require(principal, Permission.ASSESS, "assess stored measures")
        with self._uow(read_only=True) as uow:
            measure = measure_at_revision(uow, principal, measure_id, expected_revision)
            check_assessable(measure.status)
            version = uow.measures.version(measure_id, measure.version)
        if version is None:
            raise NotFoundError(f"measure {measure_id} has no version {measure.version}")
        assessment = self._assessor().assess(version.document, as_of=as_of, perspective=perspective)
        stored = StoredAssessment(
            id=self._new_id(),
            measure_id=measure_id,
            measure_version=version.number,
            organisation=measure.organisation,
            verdict=assessment.verdict,
            as_of=assessment.as_of,
            as_of_requested=as_of,
            rulebook_version=assessment.rulebook_version,
            backend=assessment.engine.backend,
            engine_version=assessment.engine.version,
            result=assessment.to_json(),
            created_by=principal.name,
            created_at=self._clock.now(),
            perspective=perspective,
        )
        with self._uow() as uow:
            current = visible_measure(uow, principal, measure_id)
            check_assessable(current.status)
            if current.revision != measure.revision:
                raise ConflictError("the measure changed while it was being assessed; assess it again")
            updated = replace(
                current,
                status=after_assessment(current.status),
                revision=current.revision + 1,
                updated_at=stored.created_at,
                verdict=stored.verdict,
                latest_assessment_id=stored.id,
            )
            uow.measures.update(updated, expected_revision=current.revision)
            uow.assessments.add(stored)
            record(
                uow,
                self._clock,
                "assessment.created",
                principal.name,
                stored.organisation,
                measure_id,
                {
                    "assessment_id": stored.id,
                    "measure_version": stored.measure_version,
                    "verdict": stored.verdict.value,
                    "as_of": stored.as_of.isoformat(),
                    "rulebook_version": stored.rulebook_version,
                    "status": updated.status.value,
                }
                | ({"perspective": perspective.value} if perspective is not Perspective.ISSUING else {}),
            )
            uow.commit()
        return AssessmentDetail(stored, assessment, [])

    def get(self, principal: Principal, assessment_id: str) -> AssessmentDetail:
        require(principal, Permission.READ, "read assessments")
        with self._uow(read_only=True) as uow:
            stored = visible_assessment(uow, principal, assessment_id)
            contests = uow.assessments.contests(assessment_id)
            decisions = uow.decisions.for_measure(stored.measure_id)
        return AssessmentDetail(stored, Assessment.model_validate_json(stored.result), contests, decisions)

    def for_measure(self, principal: Principal, measure_id: str) -> list[StoredAssessment]:
        require(principal, Permission.READ, "read assessments")
        with self._uow(read_only=True) as uow:
            visible_measure(uow, principal, measure_id)
            return uow.assessments.for_measure(measure_id)

    def rerun(self, stored: StoredAssessment) -> str:
        """The canonical JSON the stored inputs give today (ConflictError if the rulebook or backend changed)."""
        assessor = self._assessor()
        if assessor.rulebook.version != stored.rulebook_version or assessor.backend.name != stored.backend:
            raise ConflictError(
                f"assessment {stored.id} was made under rulebook {stored.rulebook_version} with the "
                f"{stored.backend} backend; the service now runs {assessor.rulebook.version} with "
                f"{assessor.backend.name}"
            )
        with self._uow(read_only=True) as uow:
            version = uow.measures.version(stored.measure_id, stored.measure_version)
        if version is None:
            raise NotFoundError(f"measure {stored.measure_id} has no version {stored.measure_version}")
        replay = Assessor(assessor.rulebook, assessor.backend, today=lambda: stored.as_of)
        return replay.assess(version.document, as_of=stored.as_of_requested, perspective=stored.perspective).to_json()
