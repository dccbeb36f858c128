"""The review workflow over HTTP: transitions, four-eyes, reasons, conditions, contests and ETags."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from art52.domain.access import Role


def test_a_reviewer_approves_with_conditions(client: TestClient, callers: Any, flow: Any) -> None:
    measure_id, assessment_id, etag = flow.in_review()
    response = client.post(
        f"/v1/measures/{measure_id}/decision",
        json={"decision": "approve", "reason": "Targeted and judicially authorised.", "conditions": ["Annual report"]},
        headers={**callers.reviewer, "If-Match": etag},
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["measure"]["status"] == "approved"
    assert body["decision"]["conditions"] == ["Annual report"]
    assert body["decision"]["assessment_id"] == assessment_id
    assert body["decision"]["decided_by"] == "Bob Reviewer"
    assert response.headers["ETag"] == f'"{body["measure"]["revision"]}"'
    read = client.get(f"/v1/measures/{measure_id}", headers=callers.submitter).json()
    assert [d["reason"] for d in read["decisions"]] == ["Targeted and judicially authorised."]


def test_an_invalid_transition_is_a_409_problem_with_the_reason(
    client: TestClient, callers: Any, flow: Any, problem: Any
) -> None:
    measure_id = flow.create()
    body = problem(
        client.post(f"/v1/measures/{measure_id}/review", headers=callers.reviewer), 409, "invalid-transition"
    )
    assert "the measure is draft" in body["detail"]
    assert "submit it first" in body["detail"]
    flow.submit(measure_id)
    body = problem(
        client.post(f"/v1/measures/{measure_id}/submit", headers=callers.submitter), 409, "invalid-transition"
    )
    assert "only a draft can be submitted" in body["detail"]


def test_four_eyes_forbids_the_submitter_to_approve(
    client: TestClient, container: Any, callers: Any, flow: Any, problem: Any
) -> None:
    token = container.tokens.create("Alice Official", "ministry", Role.REVIEWER, subject="alice-official")[1]
    alice_reviews = {"Authorization": f"Bearer {token}"}
    measure_id, assessment_id, _ = flow.in_review()
    decision = {"assessment_id": assessment_id, "decision": "approve", "reason": "My own work is excellent."}
    body = problem(
        client.post(f"/v1/measures/{measure_id}/decision", json=decision, headers=alice_reviews), 403, "forbidden"
    )
    assert "four-eyes" in body["detail"]
    assert client.get(f"/v1/measures/{measure_id}", headers=callers.reviewer).json()["status"] == "in_review"


def test_a_decision_without_a_reason_is_422_pointing_at_reason(
    client: TestClient, callers: Any, flow: Any, problem: Any
) -> None:
    measure_id, _, _ = flow.in_review()
    for decision in (
        {"decision": "reject"},
        {"decision": "reject", "reason": ""},
        {"decision": "reject", "reason": " "},
    ):
        response = client.post(f"/v1/measures/{measure_id}/decision", json=decision, headers=callers.reviewer)
        body = problem(response, 422, "validation-error")
        assert [e["pointer"] for e in body["errors"]] == ["/reason"]


def test_conditions_on_a_rejection_are_refused(client: TestClient, callers: Any, flow: Any, problem: Any) -> None:
    measure_id, assessment_id, _ = flow.in_review()
    decision = {"assessment_id": assessment_id, "decision": "reject", "reason": "No.", "conditions": ["Log access"]}
    body = problem(
        client.post(f"/v1/measures/{measure_id}/decision", json=decision, headers=callers.reviewer),
        422,
        "validation-error",
    )
    assert body["errors"][0]["pointer"] == "/conditions"


def test_an_unknown_decision_is_422(client: TestClient, callers: Any, flow: Any, problem: Any) -> None:
    measure_id, _, _ = flow.in_review()
    response = client.post(
        f"/v1/measures/{measure_id}/decision", json={"decision": "maybe", "reason": "x"}, headers=callers.reviewer
    )
    assert problem(response, 422, "validation-error")["errors"][0]["pointer"] == "/decision"


def test_a_stale_etag_is_412_and_a_missing_one_still_cannot_overwrite(
    client: TestClient, callers: Any, flow: Any, problem: Any
) -> None:
    measure_id, assessment_id, etag = flow.in_review()
    reject = {"decision": "reject", "reason": "Disproportionate."}
    first = client.post(
        f"/v1/measures/{measure_id}/decision", json=reject, headers={**callers.reviewer, "If-Match": etag}
    )
    assert first.status_code == 200
    problem(
        client.post(
            f"/v1/measures/{measure_id}/decision",
            json={"decision": "approve", "reason": "Fine."},
            headers={**callers.second_reviewer, "If-Match": etag},
        ),
        412,
        "precondition-failed",
    )
    problem(
        client.post(
            f"/v1/measures/{measure_id}/decision",
            json={"assessment_id": assessment_id, "decision": "approve", "reason": "Fine."},
            headers=callers.second_reviewer,
        ),
        409,
        "invalid-transition",
    )
    assert client.get(f"/v1/measures/{measure_id}", headers=callers.reviewer).json()["status"] == "rejected"


@pytest.mark.parametrize(
    "if_match", ['W/"5"', 'W/"1"', '"abc"', '"99999999999999999999999"', '"x", "2"', 'W/"1", "5"', '"2","3"']
)
def test_an_entity_tag_that_is_not_a_current_revision_never_matches(
    client: TestClient, callers: Any, flow: Any, problem: Any, if_match: str
) -> None:
    measure_id = flow.create()
    response = client.post(f"/v1/measures/{measure_id}/submit", headers={**callers.submitter, "If-Match": if_match})
    problem(response, 412, "precondition-failed")


@pytest.mark.parametrize("if_match", ["garbage", "", "1", '"1', '"1" junk', "W/1", '"1",', "**"])
def test_a_malformed_if_match_is_a_400_naming_the_header(
    client: TestClient, callers: Any, flow: Any, problem: Any, if_match: str
) -> None:
    measure_id = flow.create()
    response = client.post(f"/v1/measures/{measure_id}/submit", headers={**callers.submitter, "If-Match": if_match})
    body = problem(response, 400, "malformed-header")
    assert body["errors"] == [{"detail": "not an entity-tag list", "parameter": "If-Match", "in": "header"}]
    assert client.get(f"/v1/measures/{measure_id}", headers=callers.submitter).json()["status"] == "draft"


@pytest.mark.parametrize("if_match", ['"x", "1"', '"5", "1"', '"1", "5"', 'W/"5", "1"', '"1"'])
def test_an_entity_tag_list_matches_when_any_tag_is_the_current_revision(
    client: TestClient, callers: Any, flow: Any, if_match: str
) -> None:
    measure_id = flow.create()  # revision 1
    response = client.post(f"/v1/measures/{measure_id}/submit", headers={**callers.submitter, "If-Match": if_match})
    assert response.status_code == 200, response.text
    assert response.json()["status"] == "submitted"


def test_if_match_star_matches_any_revision(client: TestClient, callers: Any, flow: Any) -> None:
    measure_id = flow.create()
    response = client.post(f"/v1/measures/{measure_id}/submit", headers={**callers.submitter, "If-Match": "*"})
    assert response.status_code == 200


def test_a_returned_measure_is_revised_back_to_draft(
    client: TestClient, callers: Any, flow: Any, measure: dict[str, Any]
) -> None:
    measure_id, _, etag = flow.in_review()
    returned = client.post(
        f"/v1/measures/{measure_id}/decision",
        json={"decision": "return", "reason": "State the retention period."},
        headers={**callers.reviewer, "If-Match": etag},
    )
    assert returned.json()["measure"]["status"] == "returned"
    revised = client.put(
        f"/v1/measures/{measure_id}", json={**measure, "retention": {"period_days": 90}}, headers=callers.submitter
    )
    assert (revised.json()["status"], revised.json()["version"], revised.json()["verdict"]) == ("draft", 2, None)


def test_a_contested_finding_is_kept_with_the_assessment(client: TestClient, callers: Any, flow: Any) -> None:
    measure_id, assessment_id, _ = flow.in_review()
    rule_id = client.get(f"/v1/assessments/{assessment_id}", headers=callers.reviewer).json()["result"]["findings"][0][
        "rule_id"
    ]
    response = client.post(
        f"/v1/assessments/{assessment_id}/findings/{rule_id}/contest",
        json={"reason": "The cited paragraph concerns general retention."},
        headers=callers.reviewer,
    )
    assert response.status_code == 201, response.text
    assert response.json()["contested_by"] == "Bob Reviewer"
    stored = client.get(f"/v1/assessments/{assessment_id}", headers=callers.submitter).json()
    assert [(c["rule_id"], c["reason"]) for c in stored["contests"]] == [
        (rule_id, "The cited paragraph concerns general retention.")
    ]
    assert stored["measure_id"] == measure_id


def test_contesting_needs_a_real_finding_and_a_reason(
    client: TestClient, callers: Any, flow: Any, problem: Any
) -> None:
    _, assessment_id, _ = flow.in_review()
    url = f"/v1/assessments/{assessment_id}/findings/XYZ-999/contest"
    problem(client.post(url, json={"reason": "wrong"}, headers=callers.reviewer), 404, "not-found")
    problem(client.post(url, json={}, headers=callers.reviewer), 422, "validation-error")
    problem(client.post(url, json={"reason": "wrong"}, headers=callers.submitter), 403, "forbidden")


def test_assessing_a_measure_stores_its_inputs(client: TestClient, callers: Any, flow: Any) -> None:
    measure_id = flow.create()
    response = client.post(
        f"/v1/measures/{measure_id}/assessments", json={"as_of": "2024-01-15"}, headers=callers.submitter
    )
    assert response.status_code == 201
    body = response.json()
    assert (body["measure_version"], body["as_of"], body["as_of_requested"]) == (1, "2024-01-15", "2024-01-15")
    assert body["rulebook_version"].startswith("sha256:")
    assert body["backend"] == body["result"]["engine"]["backend"]
    assert body["result"]["as_of"] == "2024-01-15"
    listed = client.get(f"/v1/measures/{measure_id}/assessments", headers=callers.submitter).json()["items"]
    assert [a["id"] for a in listed] == [body["id"]]
    assert client.get(f"/v1/measures/{measure_id}", headers=callers.submitter).json()["status"] == "draft"
