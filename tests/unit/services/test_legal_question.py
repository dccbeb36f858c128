"""The assessment says which question its legal date answers (legal review R2, last point)."""

from __future__ import annotations

import datetime as dt

from art52.domain.assessment import AsOfSource
from art52.report.markdown import render_markdown
from art52.services.assessments import Assessor

MEASURE = {
    "title": "Access to traffic data for serious crime",
    "jurisdiction": "DE",
    "actor_model": "provider_obligation",
    "measure_type": "access_to_retained_data",
    "objective": "serious_crime",
    "data": {"categories": ["traffic"]},
}


def test_a_past_legal_date_answers_what_the_law_stated_then(reference_assessor: Assessor) -> None:
    result = reference_assessor.assess(MEASURE, as_of=dt.date(2018, 6, 1))
    assert result.legal_question is not None
    assert result.legal_question.startswith("Was the measure lawful as the law was stated on 2018-06-01?")
    assert f"Question answered: {result.legal_question}" in render_markdown(result)


def test_the_default_date_answers_what_the_law_is_understood_to_be_now(reference_assessor: Assessor) -> None:
    result = reference_assessor.assess(MEASURE)
    assert result.as_of_source is AsOfSource.DEFAULT_TODAY
    assert result.legal_question is not None
    assert result.legal_question.startswith("Is the measure lawful as the law is understood now?")
    assert "ex tunc" in result.legal_question


def test_later_sources_are_listed_apart_in_json_and_reports(reference_assessor: Assessor) -> None:
    from art52.report.html import render_html

    crime_in_general = {**MEASURE, "objective": "crime_general"}
    result = reference_assessor.assess(crime_in_general, as_of=dt.date(2018, 6, 1))
    ret011 = next(f for f in result.findings if f.rule_id == "RET-011")
    assert [c.short for c in ret011.sources] == ["Tele2"]
    assert [c.short for c in ret011.later_confirmation] == ["Prokuratuur"]
    assert '"later_confirmation"' in result.to_json()
    assert "  - Later confirmation: [Prokuratuur" in render_markdown(result)
    assert 'later confirmation: <a href="https://' in render_html(result)
    today = reference_assessor.assess(crime_in_general, as_of=dt.date(2025, 1, 1))
    assert [c.short for c in next(f for f in today.findings if f.rule_id == "RET-011").later_confirmation] == []
