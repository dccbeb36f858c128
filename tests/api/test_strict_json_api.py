"""Request bodies are read strictly: a repeated key is a 400, a lone surrogate a 422 naming its field.

Both probes come from a hostile-user review: with "the last key wins",
``{"decision": "reject", "decision": "approve"}`` was recorded as an approval;
a ``\\ud800`` escape in a free-text field reached PostgreSQL, which refused the
encoding, and the client got a 500. Each runs on SQLite and on PostgreSQL.
"""

from __future__ import annotations

import copy
import itertools
import json
from typing import Any

import pytest
from fastapi.testclient import TestClient

from art52.config import Settings

JSON = {"Content-Type": "application/json"}
LONE = "\\ud800"  # the JSON escape, written into the body as six characters


@pytest.fixture
def settings(settings_on_each_database: Settings) -> Settings:
    return settings_on_each_database


def test_a_repeated_decision_key_is_refused_and_nothing_is_decided(
    client: TestClient, callers: Any, flow: Any, problem: Any
) -> None:
    measure_id, _, etag = flow.in_review()
    body = b'{"decision": "reject", "reason": "no legal basis", "decision": "approve"}'
    headers = {**callers.reviewer, **JSON, "If-Match": etag}
    found = problem(
        client.post(f"/v1/measures/{measure_id}/decision", content=body, headers=headers), 400, "duplicate-key"
    )
    assert found["errors"][0]["pointer"] == "/decision"
    measure = client.get(f"/v1/measures/{measure_id}", headers=callers.reviewer).json()
    assert measure["status"] == "in_review"
    assert measure["decisions"] == []


@pytest.mark.parametrize(
    "body",
    [b'{"title": "x", "title": "y"}', b'[{"a": 1, "a": 1}]', b'{"data": {"categories": [], "categories": []}}'],
)
def test_a_repeated_key_anywhere_in_any_body_is_a_400(
    client: TestClient, callers: Any, problem: Any, body: bytes
) -> None:
    for route in ("/v1/assess", "/v1/measures"):
        problem(client.post(route, content=body, headers={**callers.submitter, **JSON}), 400, "duplicate-key")


def _with_lone_surrogate(document: dict[str, Any]) -> bytes:
    """``document`` as JSON text, its string "MARK" replaced by text holding a lone-surrogate escape."""
    return json.dumps(document).replace('"MARK"', f'"before {LONE} after"').encode()


def _marked(measure: dict[str, Any], path: tuple[str | int, ...]) -> dict[str, Any]:
    document = copy.deepcopy(measure)
    node: Any = document
    for name, following in itertools.pairwise(path):
        if isinstance(name, str) and name not in node:
            node[name] = [] if isinstance(following, int) else {}
        node = node[name]
    if isinstance(path[-1], int):
        node.extend(["police"] * (path[-1] + 1 - len(node)))
    node[path[-1]] = "MARK"
    return document


TEXT_FIELDS: list[tuple[str | int, ...]] = [
    ("title",),
    ("description",),
    ("id",),
    ("legal_basis", "instrument"),
    ("access", "authorities", 1),
]


@pytest.mark.parametrize("path", TEXT_FIELDS, ids=lambda p: "/".join(map(str, p)))
def test_a_lone_surrogate_is_a_422_naming_the_field_on_create_update_and_assess(
    client: TestClient, callers: Any, flow: Any, measure: dict[str, Any], problem: Any, path: tuple[str | int, ...]
) -> None:
    body = _with_lone_surrogate(_marked(measure, path))
    pointer = "".join(f"/{part}" for part in path)
    measure_id = flow.create()
    headers = {**callers.submitter, **JSON}
    for method, route in (("POST", "/v1/measures"), ("PUT", f"/v1/measures/{measure_id}"), ("POST", "/v1/assess")):
        found = problem(client.request(method, route, content=body, headers=headers), 422, "validation-error")
        assert [e["pointer"] for e in found["errors"]] == [pointer]
    versions = client.get(f"/v1/measures/{measure_id}/versions", headers=callers.submitter).json()["items"]
    assert [v["number"] for v in versions] == [1]


def test_a_lone_surrogate_in_a_review_reason_or_a_key_is_named(
    client: TestClient, callers: Any, flow: Any, problem: Any
) -> None:
    measure_id, _, etag = flow.in_review()
    body = f'{{"decision": "reject", "reason": "{LONE}", "conditions": []}}'.encode()
    headers = {**callers.reviewer, **JSON, "If-Match": etag}
    found = problem(
        client.post(f"/v1/measures/{measure_id}/decision", content=body, headers=headers), 422, "validation-error"
    )
    assert [e["pointer"] for e in found["errors"]] == ["/reason"]
    body = f'{{"title": "x", "a{LONE}": 1}}'.encode()
    found = problem(
        client.post("/v1/assess", content=body, headers={**callers.submitter, **JSON}), 422, "validation-error"
    )
    assert [e["pointer"] for e in found["errors"]] == ["/a\ufffd"]


def test_a_valid_surrogate_pair_is_text_and_is_stored(
    client: TestClient, callers: Any, measure: dict[str, Any]
) -> None:
    body = json.dumps({**measure, "title": "MARK"}).replace('"MARK"', '"sign \\ud83d\\ude00"').encode()
    response = client.post("/v1/measures", content=body, headers={**callers.submitter, **JSON})
    assert response.status_code == 201, response.text
    assert response.json()["title"] == "sign \U0001f600"
