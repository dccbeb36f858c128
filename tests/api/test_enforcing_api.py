"""The enforcing side over HTTP: perspective on both assessment requests, deadline_at, and its decisions."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

EXAMPLE = "ex16-epoc-journalist-notified-enforcing.json"


@pytest.fixture
def order(examples_dir: Path) -> dict[str, Any]:
    document: dict[str, Any] = json.loads((examples_dir / EXAMPLE).read_text())
    return document


def test_a_stateless_assessment_from_the_enforcing_side(
    client: TestClient, callers: Any, order: dict[str, Any]
) -> None:
    response = client.post("/v1/assess?perspective=enforcing", json=order, headers=callers.submitter)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["perspective"] == "enforcing"
    assert body["enforcing_outcome"]["decision"] == "ground_for_refusal"
    assert body["enforcing_outcome"]["statement"].startswith("ground for refusal: immunities or privileges")
    issuing = client.post("/v1/assess", json=order, headers=callers.submitter).json()
    assert "enforcing_outcome" not in issuing
    assert not [f for f in issuing["findings"] if f["rule_id"].startswith("EEVE-")]


def test_a_bad_perspective_is_a_problem_naming_the_field(
    client: TestClient, callers: Any, order: dict[str, Any], problem: Any
) -> None:
    body = problem(
        client.post("/v1/assess?perspective=executing", json=order, headers=callers.submitter), 422, "validation-error"
    )
    assert "perspective" in json.dumps(body)


def test_a_stored_enforcing_assessment_records_its_perspective(
    client: TestClient, callers: Any, flow: Any, order: dict[str, Any]
) -> None:
    measure_id = flow.create(order)
    read = client.get(f"/v1/measures/{measure_id}", headers=callers.submitter).json()
    assert read["deadline_at"] == "2026-09-11T09:00:00Z"
    flow.submit(measure_id)
    response = client.post(
        f"/v1/measures/{measure_id}/assessments", json={"perspective": "enforcing"}, headers=callers.submitter
    )
    assert response.status_code == 201, response.text
    stored = response.json()
    assert stored["perspective"] == "enforcing"
    assert stored["result"]["enforcing_outcome"]["decision"] == "ground_for_refusal"
    listed = client.get(f"/v1/measures/{measure_id}/assessments", headers=callers.submitter).json()
    assert [a["perspective"] for a in listed["items"]] == ["enforcing"]


def test_the_enforcing_authority_refuses_with_a_ground(
    client: TestClient, callers: Any, flow: Any, order: dict[str, Any], problem: Any
) -> None:
    measure_id = flow.create(order)
    flow.submit(measure_id)
    assessed = client.post(
        f"/v1/measures/{measure_id}/assessments", json={"perspective": "enforcing"}, headers=callers.submitter
    )
    decided = assessed.json()["id"]
    flow.take(measure_id)
    url = f"/v1/measures/{measure_id}/decision"
    body = problem(
        client.post(
            url, json={"assessment_id": decided, "decision": "refuse", "reason": "Sources."}, headers=callers.reviewer
        ),
        422,
        "validation-error",
    )
    assert "/ground" in json.dumps(body)
    refused = client.post(
        url,
        json={"assessment_id": decided, "decision": "refuse", "reason": "Sources.", "ground": "press_freedom"},
        headers=callers.reviewer,
    )
    assert refused.status_code == 200, refused.text
    assert refused.json()["decision"]["ground"] == "press_freedom"
    assert refused.json()["measure"]["status"] == "rejected"


def test_no_objection_is_only_for_notified_orders(client: TestClient, callers: Any, flow: Any, problem: Any) -> None:
    measure_id, _, etag = flow.in_review()
    body = problem(
        client.post(
            f"/v1/measures/{measure_id}/decision",
            json={"decision": "no_objection", "reason": "No ground."},
            headers={**callers.reviewer, "If-Match": etag},
        ),
        422,
        "validation-error",
    )
    assert "/decision" in json.dumps(body)
