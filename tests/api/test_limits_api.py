"""The size bounds of the measure contract over HTTP, and how many errors one answer lists.

Probes from a hostile-user review: 64,000 distinct authorities in a 448 KB body
(40 s of CPU when uniqueness was checked pairwise), and 70,000 unknown keys (an
error list of megabytes). Both must be answered at once, and small.
"""

from __future__ import annotations

import json
from typing import Any

from fastapi.testclient import TestClient

from art52.api.errors import MAX_REPORTED_ERRORS
from art52.domain.measure.values import MAX_ITEMS, MAX_NAME, MAX_TEXT

JSON = {"Content-Type": "application/json"}


def test_64000_authorities_are_a_422_naming_the_array(
    client: TestClient, callers: Any, measure: dict[str, Any], problem: Any
) -> None:
    measure["access"] = {"authorities": [f"a{n}" for n in range(64_000)]}
    for route in ("/v1/assess", "/v1/measures"):
        found = problem(client.post(route, json=measure, headers=callers.submitter), 422, "invalid-measure")
        assert [e["pointer"] for e in found["errors"]] == ["/access/authorities"]
        assert str(MAX_ITEMS) in found["errors"][0]["detail"]


def test_a_measure_at_the_bounds_is_accepted(client: TestClient, callers: Any, measure: dict[str, Any]) -> None:
    measure["title"] = "t" * MAX_NAME
    measure["description"] = "d" * MAX_TEXT
    measure["access"] = {"authorities": [f"{n:03d}" + "a" * (MAX_NAME - 3) for n in range(MAX_ITEMS)]}
    response = client.post("/v1/measures", json=measure, headers=callers.submitter)
    assert response.status_code == 201, response.text
    assert client.post("/v1/assess", json=measure, headers=callers.submitter).status_code == 200


def test_a_title_past_its_bound_is_a_422(
    client: TestClient, callers: Any, measure: dict[str, Any], problem: Any
) -> None:
    measure["title"] = "t" * (MAX_NAME + 1)
    found = problem(client.post("/v1/measures", json=measure, headers=callers.submitter), 422, "invalid-measure")
    assert [e["pointer"] for e in found["errors"]] == ["/title"]


def test_an_answer_lists_the_first_errors_and_counts_the_rest(client: TestClient, callers: Any, problem: Any) -> None:
    body = json.dumps({"title": "x", **{f"k{n}": 0 for n in range(70_000)}}).encode()
    response = client.post("/v1/assess", content=body, headers={**callers.submitter, **JSON})
    found = problem(response, 422, "invalid-measure")
    assert len(found["errors"]) == MAX_REPORTED_ERRORS
    assert found["more_errors"] == 70_000 - MAX_REPORTED_ERRORS
    assert found["errors"][0]["pointer"] == "/k0"
    assert len(response.content) < 20_000
