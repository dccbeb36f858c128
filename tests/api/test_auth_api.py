"""Authentication and roles: every /v1 route needs a valid token; roles decide what it may do."""

from __future__ import annotations

import re
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

SOME_ID = "00000000-0000-4000-8000-000000000000"


def v1_operations(app: FastAPI) -> list[tuple[str, str]]:
    """Every documented /v1 operation, with sample path parameters."""
    operations = []
    for template, item in app.openapi()["paths"].items():
        if template.startswith("/v1"):
            path = template.replace("{number}", "1").replace("{rule_id}", "RET-001").replace("{source_id}", "tele2")
            path = re.sub(r"\{[a-z_]+\}", SOME_ID, path)
            operations += [(method.upper(), path) for method in item]
    return operations


@pytest.mark.parametrize(
    "authorization", [None, "Bearer art52_not-a-real-token", "Basic YWxpY2U6c2VjcmV0", "Bearer", "art52_x"]
)
def test_every_v1_operation_refuses_a_missing_or_bad_token_with_a_401_problem(
    app: FastAPI, client: TestClient, problem: Any, authorization: str | None
) -> None:
    operations = v1_operations(app)
    assert len(operations) >= 19
    headers = {"Authorization": authorization} if authorization else {}
    for method, path in operations:
        response = client.request(method, path, headers=headers, json={})
        body = problem(response, 401, "unauthenticated")
        assert response.headers["WWW-Authenticate"] == 'Bearer realm="art52"', (method, path)
        assert body["instance"] == path


def test_a_revoked_token_is_refused(client: TestClient, container: Any, problem: Any) -> None:
    from art52.domain.access import Role

    token, secret = container.tokens.create("Eve", "ministry", Role.SUBMITTER)
    headers = {"Authorization": f"Bearer {secret}"}
    assert client.get("/v1/measures", headers=headers).status_code == 200
    container.tokens.revoke(token.id)
    problem(client.get("/v1/measures", headers=headers), 401, "unauthenticated")


def test_operations_outside_v1_need_no_token(client: TestClient) -> None:
    for path in ("/health", "/ready", "/metrics", "/openapi.json"):
        assert client.get(path).status_code == 200, path


def test_roles_are_enforced_with_403_problems(
    client: TestClient, callers: Any, flow: Any, measure: dict[str, Any], problem: Any
) -> None:
    problem(client.post("/v1/measures", json=measure, headers=callers.reviewer), 403, "forbidden")
    problem(client.post("/v1/measures", json=measure, headers=callers.auditor), 403, "forbidden")
    problem(client.post("/v1/measures", json=measure, headers=callers.rule_admin), 403, "forbidden")
    measure_id = flow.create()
    problem(client.post(f"/v1/measures/{measure_id}/submit", headers=callers.reviewer), 403, "forbidden")
    flow.submit(measure_id)
    flow.assess(measure_id)
    body = problem(client.post(f"/v1/measures/{measure_id}/review", headers=callers.submitter), 403, "forbidden")
    assert "submitter may not review" in body["detail"]
    problem(client.post(f"/v1/measures/{measure_id}/review", headers=callers.auditor), 403, "forbidden")
    problem(client.post(f"/v1/measures/{measure_id}/assessments", headers=callers.rule_admin), 403, "forbidden")


def test_every_role_may_read_the_rulebook_and_assess_without_storing(
    client: TestClient, callers: Any, measure: dict[str, Any]
) -> None:
    for headers in (callers.submitter, callers.reviewer, callers.rule_admin, callers.auditor):
        assert client.get("/v1/rulebook", headers=headers).status_code == 200
        assert client.post("/v1/assess", json=measure, headers=headers).status_code == 200
