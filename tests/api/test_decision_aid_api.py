"""The decision aid over HTTP: remedies on request, PDF reports, and who decided what in a stored report."""

from __future__ import annotations

import json
import sys
from typing import Any

import pytest
from fastapi.testclient import TestClient

from art52.config import default_examples_dir


def _example(name: str) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((default_examples_dir() / name).read_text())
    return loaded


def test_remedies_only_when_asked(client: TestClient, callers: Any) -> None:
    measure = _example("ex13-dna-database-not-convicted.json")
    plain = client.post("/v1/assess", json=measure, headers=callers.submitter)
    assert plain.status_code == 200, plain.text
    assert "remedies" not in plain.json()
    assert "why_not" not in plain.json()
    asked = client.post("/v1/assess?remedies=true", json=measure, headers=callers.submitter)
    assert asked.status_code == 200, asked.text
    body = asked.json()
    assert body["remedies"]["sets"][0]["verdict"] == "compliant"
    assert body["why_not"][0]["principle"] == "proportionality"
    assert {k: v for k, v in body.items() if k not in ("remedies", "why_not")} == plain.json()


def test_an_invalid_remedies_flag_is_a_problem_naming_the_parameter(
    client: TestClient, callers: Any, problem: Any
) -> None:
    response = client.post(
        "/v1/assess?remedies=perhaps", json=_example("ex01-quick-freeze-serious-crime.json"), headers=callers.submitter
    )
    body = problem(response, 422, "validation-error")
    assert body["errors"][0]["parameter"] == "remedies"


def test_the_report_as_pdf(client: TestClient, callers: Any, flow: Any) -> None:
    _, assessment_id, _ = flow.in_review()
    response = client.get(
        f"/v1/assessments/{assessment_id}/report", headers={**callers.submitter, "Accept": "application/pdf"}
    )
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")


def test_a_stored_report_names_version_assessment_and_the_review_decision(
    client: TestClient, callers: Any, flow: Any
) -> None:
    measure_id, assessment_id, etag = flow.in_review()
    decided = client.post(
        f"/v1/measures/{measure_id}/decision",
        json={"decision": "approve", "reason": "Targeted and judicially authorised.", "conditions": ["Annual report"]},
        headers={**callers.reviewer, "If-Match": etag},
    )
    assert decided.status_code == 200, decided.text
    report = client.get(
        f"/v1/assessments/{assessment_id}/report", headers={**callers.submitter, "Accept": "text/markdown"}
    ).text
    stored = client.get(f"/v1/assessments/{assessment_id}", headers=callers.submitter).json()
    assert f"- Measure version: {stored['measure_version']}" in report
    assert f"- Assessment: `{assessment_id}`" in report
    assert "- Review decision: Approved by Bob Reviewer on " in report
    assert "Targeted and judicially authorised. Conditions: Annual report." in report
    assert f"- Rulebook: `{stored['rulebook_version']}`" in report


def test_the_openapi_document_describes_remedies_and_pdf(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assess = spec["paths"]["/v1/assess"]["post"]
    assert any(p["name"] == "remedies" for p in assess["parameters"])
    report = spec["paths"]["/v1/assessments/{assessment_id}/report"]["get"]
    assert "application/pdf" in report["responses"]["200"]["content"]


def test_without_the_pdf_library_the_pdf_report_is_a_503_problem(
    client: TestClient, callers: Any, flow: Any, problem: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, assessment_id, _ = flow.in_review()
    monkeypatch.setitem(sys.modules, "weasyprint", None)  # as on a machine without it: importing fails
    response = client.get(
        f"/v1/assessments/{assessment_id}/report", headers={**callers.submitter, "Accept": "application/pdf"}
    )
    problem(response, 503, "rendering-unavailable")


def test_the_report_lead_as_json(client: TestClient, callers: Any, flow: Any) -> None:
    _, assessment_id, _ = flow.in_review()
    response = client.get(
        f"/v1/assessments/{assessment_id}/report", headers={**callers.submitter, "Accept": "application/json"}
    )
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    lead = response.json()
    stored = client.get(f"/v1/assessments/{assessment_id}", headers=callers.submitter).json()
    assert lead["verdict"] == stored["result"]["verdict"]
    assert lead["record"]["assessment_id"] == assessment_id
    assert lead["record"]["measure_version"] == stored["measure_version"]
