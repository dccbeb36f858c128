"""Every error is a problem document; bodies are limited in size and depth; nothing leaks."""

from __future__ import annotations

import json
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

MIB = 1_048_576


def test_an_unknown_route_is_a_404_problem(client: TestClient, problem: Any) -> None:
    body = problem(client.get("/v2/nothing"), 404, "not-found")
    assert body["instance"] == "/v2/nothing"


def test_a_wrong_method_is_a_405_problem(client: TestClient, callers: Any, problem: Any) -> None:
    problem(client.delete("/v1/measures", headers=callers.submitter), 405, "method-not-allowed")


@pytest.mark.parametrize(
    ("method", "path", "allowed"),
    [
        ("DELETE", "/v1/measures", "GET, POST"),
        ("PATCH", "/v1/measures/0b0e6a3c-0000-4000-8000-000000000000", "GET, PUT"),
        ("POST", "/health", "GET"),
    ],
)
def test_a_405_allows_every_method_served_at_the_path(
    client: TestClient, callers: Any, problem: Any, method: str, path: str, allowed: str
) -> None:
    response = client.request(method, path, headers=callers.submitter)
    problem(response, 405, "method-not-allowed")
    assert response.headers["Allow"] == allowed
    for other in allowed.split(", "):
        assert client.request(other, path, headers=callers.submitter).status_code != 405


def test_malformed_json_is_a_400_problem(client: TestClient, callers: Any, problem: Any) -> None:
    headers = {**callers.submitter, "Content-Type": "application/json"}
    problem(client.post("/v1/measures", content=b'{"title": ', headers=headers), 400, "malformed-json")
    problem(client.post("/v1/assess", content=b'{"title": NaN}', headers=headers), 400, "malformed-json")
    problem(client.post("/v1/assess", content=b"\xff\xfe", headers=headers), 400, "malformed-json")


def test_a_body_that_is_not_json_is_a_415_problem(client: TestClient, callers: Any, problem: Any) -> None:
    headers = {**callers.submitter, "Content-Type": "text/plain"}
    problem(client.post("/v1/measures", content=b'{"title": "x"}', headers=headers), 415, "unsupported-media-type")


def test_a_body_over_the_limit_is_a_413_problem(client: TestClient, callers: Any, problem: Any) -> None:
    padding = "x" * MIB
    problem(client.post("/v1/assess", json={"title": padding}, headers=callers.submitter), 413, "body-too-large")


def test_a_body_over_the_limit_without_a_length_is_a_413_problem(
    client: TestClient, callers: Any, problem: Any
) -> None:
    def chunks() -> Any:
        for _ in range(17):
            yield b" " * 65536

    headers = {**callers.submitter, "Content-Type": "application/json"}
    problem(client.post("/v1/assess", content=chunks(), headers=headers), 413, "body-too-large")


def test_a_body_just_under_the_limit_is_read(client: TestClient, callers: Any, problem: Any) -> None:
    document = json.dumps({"title": "x", "description": "y" * 10_000}).encode()
    body = document + b" " * (MIB - 100 - len(document))  # the contract bounds each text; whitespace fills the rest
    headers = {**callers.submitter, "Content-Type": "application/json"}
    assert client.post("/v1/assess", content=body, headers=headers).status_code == 200


@pytest.mark.parametrize("depth", [33, 100_000])
def test_json_nested_too_deeply_is_a_400_problem(client: TestClient, callers: Any, problem: Any, depth: int) -> None:
    body = "[" * depth + "]" * depth
    headers = {**callers.submitter, "Content-Type": "application/json"}
    detail = problem(client.post("/v1/assess", content=body, headers=headers), 400, "json-too-deep")["detail"]
    assert "32" in detail


def test_json_nested_to_the_limit_is_read(client: TestClient, callers: Any, problem: Any) -> None:
    nested: Any = "deep"
    for _ in range(31):
        nested = [nested]
    body = problem(
        client.post("/v1/assess", json={"title": "x", "data": nested}, headers=callers.submitter),
        422,
        "invalid-measure",
    )
    assert body["errors"][0]["pointer"] == "/data"


def test_an_unexpected_failure_is_a_500_problem_without_internals(
    app: FastAPI, container: Any, callers: Any, problem: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken() -> None:
        raise RuntimeError("secret connection string postgresql://admin:hunter2@db")

    monkeypatch.setattr(container.rules, "summary", broken)
    with TestClient(app, raise_server_exceptions=False) as client:
        response = client.get("/v1/rulebook", headers=callers.submitter)
    body = problem(response, 500, "internal-error")
    assert "hunter2" not in response.text
    assert "RuntimeError" not in response.text
    assert body["detail"] == "an unexpected error occurred; it has been logged"


def test_validation_problems_name_query_and_path_parameters(client: TestClient, callers: Any, problem: Any) -> None:
    body = problem(
        client.post("/v1/assess?as_of=yesterday", json={"title": "x"}, headers=callers.submitter),
        422,
        "validation-error",
    )
    assert body["errors"] == [
        {"detail": body["errors"][0]["detail"], "parameter": "as_of", "in": "query"},
    ]


def test_a_duplicate_json_key_is_a_400_problem_naming_the_field(client: TestClient, callers: Any, problem: Any) -> None:
    headers = {**callers.submitter, "Content-Type": "application/json"}
    body = b'{"title": "x",\n "data": {"categories": ["traffic"],\n "categories": ["content"]}}'
    for route in ("/v1/assess", "/v1/measures"):
        found = problem(client.post(route, content=body, headers=headers), 400, "duplicate-key")
        assert found["errors"][0]["pointer"] == "/data/categories"
        assert "duplicate key 'categories' at line 3" in found["errors"][0]["detail"]
