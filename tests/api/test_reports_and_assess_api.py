"""Reports by content negotiation, contested findings in them, and the stateless assessment."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from fastapi.testclient import TestClient

from art52.bootstrap import Container
from art52.services.assessments import Assessor

REASON = 'Paragraph 160 concerns <b>general</b> retention & not "quick freeze".'


def contested_assessment(client: TestClient, callers: Any, flow: Any) -> tuple[str, str]:
    _, assessment_id, _ = flow.in_review()
    findings = client.get(f"/v1/assessments/{assessment_id}", headers=callers.reviewer).json()["result"]["findings"]
    rule_id = findings[0]["rule_id"]
    response = client.post(
        f"/v1/assessments/{assessment_id}/findings/{rule_id}/contest", json={"reason": REASON}, headers=callers.reviewer
    )
    assert response.status_code == 201
    return assessment_id, rule_id


@pytest.mark.parametrize("accept", [None, "text/markdown", "text/*", "*/*", "text/html;q=0.5, text/markdown"])
def test_the_report_is_markdown_unless_html_is_preferred(
    client: TestClient, callers: Any, flow: Any, accept: str | None
) -> None:
    assessment_id, rule_id = contested_assessment(client, callers, flow)
    headers = {**callers.submitter, **({"Accept": accept} if accept else {})}
    response = client.get(f"/v1/assessments/{assessment_id}/report", headers=headers)
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/markdown; charset=utf-8"
    assert response.headers["vary"] == "Accept"
    assert response.text.startswith("# Assessment: Court-ordered quick freeze")
    assert f"**Contested findings**: {rule_id}" in response.text
    assert "Contested by Bob Reviewer on " in response.text
    assert REASON in response.text


@pytest.mark.parametrize("accept", ["text/html", "text/markdown;q=0.2, text/html", "application/xhtml+xml, text/html"])
def test_the_report_is_print_ready_escaped_html_when_asked(
    client: TestClient, callers: Any, flow: Any, accept: str
) -> None:
    assessment_id, rule_id = contested_assessment(client, callers, flow)
    response = client.get(f"/v1/assessments/{assessment_id}/report", headers={**callers.submitter, "Accept": accept})
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    html = response.text
    assert html.startswith("<!DOCTYPE html>")
    assert "@page" in html
    assert "<script" not in html
    assert "&lt;b&gt;general&lt;/b&gt; retention &amp; not &#34;quick freeze&#34;" in html
    assert f'id="finding-{rule_id}"' in html
    assert "Contested</strong> by Bob Reviewer" in html


def test_a_report_in_an_unavailable_format_is_a_406_problem(
    client: TestClient, callers: Any, flow: Any, problem: Any
) -> None:
    assessment_id, _ = contested_assessment(client, callers, flow)
    for accept in ("image/png", "text/markdown;q=0, text/html;q=0, application/pdf;q=0"):
        response = client.get(
            f"/v1/assessments/{assessment_id}/report", headers={**callers.submitter, "Accept": accept}
        )
        problem(response, 406, "not-acceptable")


def test_reports_of_another_organisation_are_invisible(
    client: TestClient, callers: Any, flow: Any, problem: Any
) -> None:
    assessment_id, _ = contested_assessment(client, callers, flow)
    problem(client.get(f"/v1/assessments/{assessment_id}/report", headers=callers.outsider), 404, "not-found")
    problem(client.get(f"/v1/assessments/{assessment_id}", headers=callers.outsider), 404, "not-found")
    assert client.get(f"/v1/assessments/{assessment_id}/report", headers=callers.auditor).status_code == 200


def test_the_stateless_assessment_is_the_engines_result_and_stores_nothing(
    client: TestClient, container: Container, callers: Any, measure: dict[str, Any]
) -> None:
    events_before = container.audit.count()
    response = client.post("/v1/assess", params={"as_of": "2024-03-01"}, json=measure, headers=callers.reviewer)
    assert response.status_code == 200
    assessor: Assessor = container.assessments._assessor()
    expected = json.loads(assessor.assess(measure, as_of=dt.date(2024, 3, 1)).to_json())
    assert response.json() == expected
    assert container.audit.count() == events_before
    assert client.get("/v1/measures", headers=callers.reviewer).json()["items"] == []


def test_the_stateless_assessment_points_at_invalid_fields(client: TestClient, callers: Any, problem: Any) -> None:
    response = client.post("/v1/assess", json={"title": "x", "retention": {"period_days": -3}}, headers=callers.auditor)
    assert problem(response, 422, "invalid-measure")["errors"][0]["pointer"] == "/retention/period_days"
