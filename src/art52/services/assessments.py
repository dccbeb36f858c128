"""The assess use case: a measure document in, a reasoned assessment out."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any

from pydantic import ValidationError

import art52
from art52.documents.pointer import json_pointer
from art52.domain.assessment import AsOfSource, Assessment, EngineInfo
from art52.domain.derived_facts import fact_catalogue
from art52.domain.legal_question import legal_question
from art52.domain.measure import Measure
from art52.domain.perspective import Perspective
from art52.engine.backend import Backend
from art52.engine.evaluator import decide, findings_of
from art52.engine.facts import build_facts
from art52.errors import FieldIssue, MeasureError
from art52.reasoning.balancing import balance
from art52.reasoning.enforcing_outcome import enforcing_outcome
from art52.reasoning.outlook import outlooks
from art52.rulebook.catalog import Rulebook


def parse_measure(document: Any) -> Measure:
    """Validate a document against the measure contract; MeasureError names each offending field."""
    if not isinstance(document, Mapping):
        raise MeasureError([FieldIssue("", "a measure document must be a JSON object")])
    try:
        return Measure.model_validate(document)
    except ValidationError as error:
        raise MeasureError([FieldIssue(json_pointer(e["loc"]), _message(e)) for e in error.errors()]) from None


def _message(error: Any) -> str:
    return "unknown field" if error["type"] == "extra_forbidden" else str(error["msg"])


def resolve_as_of(measure: Measure, requested: dt.date | None, today: dt.date) -> tuple[dt.date, AsOfSource]:
    """The legal date of the assessment (vocabulary D1)."""
    if requested is not None:
        return requested, AsOfSource.REQUESTED
    if measure.assessment_date:
        return dt.date.fromisoformat(measure.assessment_date), AsOfSource.ASSESSMENT_DATE
    if measure.planned_entry_into_force:
        return dt.date.fromisoformat(measure.planned_entry_into_force), AsOfSource.PLANNED_ENTRY_INTO_FORCE
    return today, AsOfSource.DEFAULT_TODAY


class Assessor:
    """Assesses measures against one rulebook with one backend."""

    def __init__(self, rulebook: Rulebook, backend: Backend, today: Callable[[], dt.date] = dt.date.today) -> None:
        self.rulebook = rulebook
        self.backend = backend
        self._today = today
        self._fields = fact_catalogue()

    def legal_date(self, measure: Measure, as_of: dt.date | None = None) -> dt.date:
        """The legal date an assessment of ``measure`` applies (``as_of`` when given)."""
        return resolve_as_of(measure, as_of, self._today())[0]

    def assess(
        self,
        document: Measure | Mapping[str, Any],
        as_of: dt.date | None = None,
        perspective: Perspective = Perspective.ISSUING,
    ) -> Assessment:
        """A reasoned assessment from ``perspective``; the same inputs give byte-identical JSON."""
        measure = document if isinstance(document, Measure) else parse_measure(document)
        legal_date, source = resolve_as_of(measure, as_of, self._today())
        sheet = build_facts(measure, legal_date, self.rulebook.law)
        rules = self.rulebook.in_force(legal_date, perspective)
        decided = decide(self.rulebook, self.backend, rules, sheet.facts)
        findings = findings_of(self.rulebook, rules, decided, sheet.facts, legal_date)
        still_open = outlooks(rules, sheet.facts, frozenset(sheet.derived), decided)
        result = balance(findings, still_open, self._fields)
        warnings = list(sheet.warnings)
        if source is AsOfSource.DEFAULT_TODAY:
            warnings.insert(
                0, "No assessment_date or planned_entry_into_force was given: the law in force today was applied."
            )
        return Assessment(
            measure_id=measure.id,
            measure_title=measure.title,
            verdict=result.verdict,
            verdict_range=result.verdict_range,
            legal_review_required=result.legal_review_required,
            analysis_ended_at=result.analysis_ended_at,
            principles=result.principles,
            findings=findings,
            missing_facts=result.missing_facts,
            conditions=result.conditions,
            recommendations=result.recommendations,
            warnings=tuple(warnings),
            derived_facts=dict(sorted(sheet.derived.items())),
            as_of=legal_date,
            as_of_source=source,
            legal_question=legal_question(legal_date, today_by_default=source is AsOfSource.DEFAULT_TODAY),
            rulebook_version=self.rulebook.version,
            engine=EngineInfo(backend=self.backend.name, version=self.backend.version()),
            art52_version=art52.__version__,
            perspective=perspective if perspective is Perspective.ENFORCING else None,
            enforcing_outcome=(
                enforcing_outcome(
                    findings,
                    {r.id: r.spec.refusal_ground for r in rules},
                    {r.id: r.spec.enforcing_role for r in rules},
                )
                if perspective is Perspective.ENFORCING
                else None
            ),
        )
