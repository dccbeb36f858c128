"""A decision names the assessment it decides; a measure in review cannot be re-assessed."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from art52.domain.access import Role

REJECT = {"decision": "reject", "reason": "Disproportionate."}


def test_a_decision_naming_nothing_is_a_428_problem(client: TestClient, callers: Any, flow: Any, problem: Any) -> None:
    measure_id, _, _ = flow.in_review()
    for headers in (callers.reviewer, {**callers.reviewer, "If-Match": "*"}):
        body = problem(
            client.post(f"/v1/measures/{measure_id}/decision", json=REJECT, headers=headers),
            428,
            "precondition-required",
        )
        assert "assessment_id" in body["detail"]
    assert client.get(f"/v1/measures/{measure_id}", headers=callers.reviewer).json()["status"] == "in_review"


def test_a_decision_by_assessment_id_or_by_if_match(client: TestClient, callers: Any, flow: Any) -> None:
    measure_id, assessment_id, _ = flow.in_review()
    by_id = client.post(
        f"/v1/measures/{measure_id}/decision",
        json={**REJECT, "assessment_id": assessment_id},
        headers=callers.reviewer,
    )
    assert by_id.status_code == 200, by_id.text
    assert by_id.json()["decision"]["assessment_id"] == assessment_id
    other_id, other_assessment, etag = flow.in_review()
    by_etag = client.post(
        f"/v1/measures/{other_id}/decision", json=REJECT, headers={**callers.reviewer, "If-Match": etag}
    )
    assert by_etag.status_code == 200, by_etag.text
    assert by_etag.json()["decision"]["assessment_id"] == other_assessment


def test_a_decision_on_a_superseded_assessment_is_a_409(
    client: TestClient, callers: Any, flow: Any, problem: Any
) -> None:
    measure_id = flow.create()
    flow.submit(measure_id)
    seen = flow.assess(measure_id)
    flow.assess(measure_id)  # a second assessment before the review starts
    flow.take(measure_id)
    body = problem(
        client.post(
            f"/v1/measures/{measure_id}/decision", json={**REJECT, "assessment_id": seen}, headers=callers.reviewer
        ),
        409,
        "conflict",
    )
    assert seen in body["detail"]


def test_reassessing_a_measure_in_review_is_refused(client: TestClient, callers: Any, flow: Any, problem: Any) -> None:
    measure_id, assessment_id, etag = flow.in_review()
    for who in (callers.submitter, callers.reviewer):
        body = problem(client.post(f"/v1/measures/{measure_id}/assessments", headers=who), 409, "invalid-transition")
        assert "in review" in body["detail"]
    measure = client.get(f"/v1/measures/{measure_id}", headers=callers.reviewer)
    assert measure.json()["latest_assessment_id"] == assessment_id
    assert measure.headers["ETag"] == etag
    assert len(client.get(f"/v1/measures/{measure_id}/assessments", headers=callers.reviewer).json()["items"]) == 1


def test_the_openapi_requires_assessment_id_and_documents_428(client: TestClient) -> None:
    document = client.get("/openapi.json").json()
    assert "assessment_id" in document["components"]["schemas"]["DecisionIn"]["required"]
    operation = document["paths"]["/v1/measures/{measure_id}/decision"]["post"]
    assert "428" in operation["responses"]
    if_match = [p for p in operation["parameters"] if p["name"] == "If-Match"]
    assert if_match
    assert not if_match[0].get("required", False)


def test_four_eyes_follows_the_token_subject_not_the_name(
    client: TestClient, container: Any, callers: Any, flow: Any, problem: Any
) -> None:
    """The submitter (subject alice-official) holds a reviewer token under a lookalike name."""
    lookalike = "\u0410lice\u00a0Official"  # Cyrillic A, non-breaking space
    secret = container.tokens.create(lookalike, "ministry", Role.REVIEWER, subject="alice-official")[1]
    measure_id, assessment_id, _ = flow.in_review()
    decision = {"assessment_id": assessment_id, "decision": "approve", "reason": "Fine."}
    body = problem(
        client.post(
            f"/v1/measures/{measure_id}/decision", json=decision, headers={"Authorization": f"Bearer {secret}"}
        ),
        403,
        "forbidden",
    )
    assert "four-eyes" in body["detail"]
    assert (
        client.post(f"/v1/measures/{measure_id}/decision", json=decision, headers=callers.reviewer).status_code == 200
    )


def test_a_null_assessment_id_is_refused_even_with_if_match(
    client: TestClient, callers: Any, flow: Any, problem: Any
) -> None:
    """The OpenAPI says a string: null is not a way to leave it out."""
    measure_id, _, etag = flow.in_review()
    body = problem(
        client.post(
            f"/v1/measures/{measure_id}/decision",
            json={**REJECT, "assessment_id": None},
            headers={**callers.reviewer, "If-Match": etag},
        ),
        422,
        "validation-error",
    )
    assert [e["pointer"] for e in body["errors"]] == ["/assessment_id"]
