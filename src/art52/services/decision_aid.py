"""Decision aid: an assessment with why-not and verified minimal remedies, on request.

The remedy search re-assesses changed measures with the same assessor and on
the same legal date, so each remedy set is what art52 itself concludes about
the changed measure, not an assumption.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from art52.domain.assessment import Assessment
from art52.domain.derived_facts import fact_catalogue
from art52.domain.fields import measure_fields
from art52.domain.measure import Measure
from art52.domain.remedies import WhyNot
from art52.engine.facts import build_facts
from art52.errors import MeasureError
from art52.reasoning.remedies import DEFAULT_BOUNDS, Bounds, find_remedies
from art52.reasoning.why_not import why_not
from art52.services.assessments import Assessor, parse_measure


def explain(
    assessor: Assessor, document: Any, as_of: dt.date | None = None, bounds: Bounds = DEFAULT_BOUNDS
) -> Assessment:
    """The assessment of ``document`` with its ``why_not`` and ``remedies`` parts filled in."""
    measure = parse_measure(document)
    assessment = assessor.assess(measure, as_of=as_of)
    reasons = why_not_of(assessor, measure, assessment)
    plain = measure.model_dump(mode="json", exclude_none=True)

    def reassess(changed: dict[str, Any]) -> Assessment | None:
        try:
            return assessor.assess(changed, as_of=assessment.as_of)
        except MeasureError:
            return None

    remedies = find_remedies(plain, assessment, reasons, measure_fields(), reassess, bounds)
    return assessment.model_copy(update={"why_not": reasons, "remedies": remedies})


def why_not_of(assessor: Assessor, measure: Measure, assessment: Assessment) -> tuple[WhyNot, ...]:
    """Why the measure is not compliant: the rules and facts that keep each principle from being satisfied."""
    sheet = build_facts(measure, assessment.as_of, assessor.rulebook.law)
    outcomes = {p: r.outcome for p, r in assessment.principles.items()}
    return why_not(
        assessor.rulebook.in_force(assessment.as_of), sheet.facts, assessment.findings, outcomes, fact_catalogue()
    )
