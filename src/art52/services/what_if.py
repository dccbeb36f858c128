"""What-if: how the assessment would change with other facts, or on another legal date.

Nothing here stores anything: the measures compared are assessed in memory
and the caller sees only their differences (``art52.reasoning.diff``).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from art52.documents.merge_patch import merge_patch
from art52.domain.access import Permission, Principal
from art52.domain.assessment import Assessment
from art52.domain.diff import AssessmentDiff
from art52.errors import FieldIssue, MeasureError, NotFoundError
from art52.reasoning.diff import diff_assessments
from art52.services.assessments import Assessor
from art52.services.guards import require, visible_measure
from art52.services.ports import UnitOfWorkFactory
from art52.services.stored_assessments import AssessorFactory


def diff_documents(
    assessor_factory: AssessorFactory,
    old: Any,
    new: Any,
    old_as_of: dt.date | None = None,
    new_as_of: dt.date | None = None,
    *,
    include_assessments: bool = False,
) -> AssessmentDiff:
    """Assess two measure documents (or one on two dates) and say what changed from the first to the second."""
    assessor = assessor_factory()
    before = _assess(assessor, old, old_as_of, "/old")
    after = _assess(assessor, new, new_as_of, "/new")
    return diff_assessments(before, after, include_assessments=include_assessments)


def _assess(assessor: Assessor, document: Any, as_of: dt.date | None, side: str) -> Assessment:
    """Assess one side; a contract violation names its fields under ``side`` (/old/title)."""
    try:
        return assessor.assess(document, as_of=as_of)
    except MeasureError as error:
        raise MeasureError([FieldIssue(side + issue.path, issue.message) for issue in error.issues]) from None


class WhatIfService:
    """Compare measures without storing anything."""

    def __init__(self, uow: UnitOfWorkFactory, assessor: AssessorFactory) -> None:
        self._uow = uow
        self._assessor = assessor

    def diff(
        self,
        principal: Principal,
        old: Any,
        new: Any,
        old_as_of: dt.date | None,
        new_as_of: dt.date | None,
        include_assessments: bool = False,
    ) -> AssessmentDiff:
        require(principal, Permission.ASSESS_STATELESS, "assess measures")
        return diff_documents(self._assessor, old, new, old_as_of, new_as_of, include_assessments=include_assessments)

    def what_if(
        self, principal: Principal, measure_id: str, patch: Any, include_assessments: bool = False
    ) -> AssessmentDiff:
        """The measure's current assessment against that of its current version with ``patch`` merged in.

        The current assessment is the latest one stored for the current version;
        when there is none, the current version is assessed now (and not kept).
        The patched measure is assessed with the same requested legal date.
        """
        require(principal, Permission.READ, "read measures")
        require(principal, Permission.ASSESS_STATELESS, "assess measures")
        with self._uow(read_only=True) as uow:
            measure = visible_measure(uow, principal, measure_id)
            version = uow.measures.version(measure_id, measure.version)
            latest = uow.assessments.get(measure.latest_assessment_id) if measure.latest_assessment_id else None
        if version is None:
            raise NotFoundError(f"measure {measure_id} has no version {measure.version}")
        assessor = self._assessor()
        if latest is not None and latest.measure_version == version.number:
            current, as_of = Assessment.model_validate_json(latest.result), latest.as_of_requested
        else:
            current, as_of = assessor.assess(version.document, as_of=None), None
        changed = assessor.assess(merge_patch(version.document, patch), as_of=as_of)
        return diff_assessments(current, changed, include_assessments=include_assessments)
