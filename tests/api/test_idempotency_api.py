"""Idempotency-Key on POST: a retry returns the first response; another request with the key is refused."""

from __future__ import annotations

import copy
from typing import Any

from fastapi.testclient import TestClient

from art52.services.idempotency import fingerprint

KEY = {"Idempotency-Key": "6f1c8e0e-5b7a-4d1e-9d8a-0f4b5f0f1a2b"}


def measures_of(client: TestClient, headers: dict[str, str]) -> list[str]:
    return [m["id"] for m in client.get("/v1/measures", headers=headers).json()["items"]]


def test_a_retried_create_returns_the_first_measure(client: TestClient, callers: Any, measure: Any) -> None:
    headers = {**callers.submitter, **KEY}
    first = client.post("/v1/measures", json=measure, headers=headers)
    again = client.post("/v1/measures", json=measure, headers=headers)
    assert first.status_code == again.status_code == 201
    assert again.content == first.content
    assert again.headers["location"] == first.headers["location"]
    assert again.headers["etag"] == first.headers["etag"]
    assert again.headers["idempotent-replayed"] == "true"
    assert "idempotent-replayed" not in first.headers
    assert again.headers["x-content-type-options"] == "nosniff"
    assert measures_of(client, callers.submitter) == [first.json()["id"]]


def test_the_same_key_with_another_body_is_a_422_problem(
    client: TestClient, callers: Any, measure: Any, problem: Any
) -> None:
    headers = {**callers.submitter, **KEY}
    assert client.post("/v1/measures", json=measure, headers=headers).status_code == 201
    other = copy.deepcopy(measure)
    other["title"] = "Another measure"
    problem(client.post("/v1/measures", json=other, headers=headers), 422, "idempotency-key-reused")
    problem(client.post("/v1/assess", json=measure, headers=headers), 422, "idempotency-key-reused")  # another path
    assert len(measures_of(client, callers.submitter)) == 1


def test_keys_belong_to_their_caller(client: TestClient, callers: Any, measure: Any) -> None:
    mine = client.post("/v1/measures", json=measure, headers={**callers.submitter, **KEY})
    theirs = client.post("/v1/measures", json=measure, headers={**callers.outsider, **KEY})
    assert mine.status_code == theirs.status_code == 201
    assert mine.json()["id"] != theirs.json()["id"]
    assert "idempotent-replayed" not in theirs.headers


def test_a_key_still_in_progress_is_a_409_problem(
    client: TestClient, container: Any, callers: Any, measure: Any, problem: Any
) -> None:
    """What a concurrent retry meets: the first request has claimed the key and not finished yet."""
    principal = container.tokens.authenticate(callers.submitter["Authorization"].removeprefix("Bearer "))
    body = client.build_request("POST", "/v1/measures", json=measure).content
    assert (
        container.idempotency.begin(principal, KEY["Idempotency-Key"], fingerprint("POST", "/v1/measures", b"", body))
        is None
    )
    response = client.post(
        "/v1/measures", content=body, headers={**callers.submitter, **KEY, "Content-Type": "application/json"}
    )
    problem(response, 409, "idempotency-in-progress")
    assert response.headers["retry-after"]
    assert measures_of(client, callers.submitter) == []


def test_retried_assessments_and_decisions_act_once(client: TestClient, callers: Any, flow: Any) -> None:
    measure_id = flow.create()
    flow.submit(measure_id)
    assess = [
        client.post(f"/v1/measures/{measure_id}/assessments", headers={**callers.submitter, **KEY}) for _ in range(2)
    ]
    assert [a.status_code for a in assess] == [201, 201]
    assert assess[0].json()["id"] == assess[1].json()["id"]
    assert len(client.get(f"/v1/measures/{measure_id}/assessments", headers=callers.submitter).json()["items"]) == 1
    flow.take(measure_id)
    decision = {"assessment_id": assess[0].json()["id"], "decision": "reject", "reason": "Disproportionate."}
    decided = [
        client.post(f"/v1/measures/{measure_id}/decision", json=decision, headers={**callers.reviewer, **KEY})
        for _ in range(2)
    ]
    assert [d.status_code for d in decided] == [200, 200]  # not 409: the retry is the same decision
    assert decided[1].headers["idempotent-replayed"] == "true"
    assert len(client.get(f"/v1/measures/{measure_id}", headers=callers.reviewer).json()["decisions"]) == 1


def test_a_refused_request_is_replayed_as_refused(client: TestClient, callers: Any, problem: Any) -> None:
    headers = {**callers.submitter, **KEY}
    first = problem(client.post("/v1/measures", json={"title": 1}, headers=headers), 422, "invalid-measure")
    again = client.post("/v1/measures", json={"title": 1}, headers=headers)
    assert again.json() == first
    assert again.headers["idempotent-replayed"] == "true"


def test_without_a_key_or_a_token_nothing_changes(client: TestClient, callers: Any, measure: Any, problem: Any) -> None:
    created = [client.post("/v1/measures", json=measure, headers=callers.submitter) for _ in range(2)]
    assert created[0].json()["id"] != created[1].json()["id"]
    problem(client.post("/v1/measures", json=measure, headers=KEY), 401, "unauthenticated")


def test_an_unusable_key_is_a_422_naming_the_header(
    client: TestClient, callers: Any, measure: Any, problem: Any
) -> None:
    for key in ("x" * 256, "   "):
        body = problem(
            client.post("/v1/measures", json=measure, headers={**callers.submitter, "Idempotency-Key": key}),
            422,
            "validation-error",
        )
        assert body["errors"] == [
            {"detail": body["errors"][0]["detail"], "parameter": "Idempotency-Key", "in": "header"}
        ]


def test_the_header_is_optional_on_every_post_in_the_openapi(client: TestClient) -> None:
    document = client.get("/openapi.json").json()
    posts = {path: ops["post"] for path, ops in document["paths"].items() if "post" in ops and path.startswith("/v1/")}
    assert {"/v1/measures", "/v1/assess", "/v1/measures/{measure_id}/assessments"} <= set(posts)
    for path, operation in posts.items():
        keys = [p for p in operation["parameters"] if p["name"] == "Idempotency-Key"]
        assert len(keys) == 1, path
        assert keys[0]["in"] == "header"
        assert keys[0]["required"] is False
        assert {"409", "422"} <= set(operation["responses"]), path
