"""What-if over HTTP: POST /v1/assess/diff, and POST /v1/measures/{id}/what-if with a JSON Merge Patch."""

from __future__ import annotations

import copy
import json
from typing import Any

import sqlalchemy as sa
from fastapi.testclient import TestClient

from art52.bootstrap import Container
from art52.config import default_examples_dir

MERGE_PATCH = {"Content-Type": "application/merge-patch+json"}


def _example(prefix: str) -> dict[str, Any]:
    path = next(default_examples_dir().glob(f"{prefix}-*.json"))
    loaded: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return loaded


def _row_counts(container: Container) -> dict[str, int]:
    engine = sa.create_engine(container.settings.database_url)
    try:
        with engine.connect() as connection:
            names = sa.inspect(connection).get_table_names()
            return {n: connection.execute(sa.text(f'SELECT COUNT(*) FROM "{n}"')).scalar_one() for n in names}
    finally:
        engine.dispose()


def test_diff_of_two_measures(client: TestClient, callers: Any) -> None:
    old = _example("ex01")
    new = copy.deepcopy(old)
    new["access"]["limited_to_serious_crime"] = False
    response = client.post("/v1/assess/diff", json={"old": old, "new": new}, headers=callers.submitter)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["changed"] is True
    assert (body["verdict"]["old"], body["verdict"]["new"]) == ("compliant", "non_compliant")
    assert any(c["principle"] == "proportionality" or c["new"] == "not_satisfied" for c in body["principles"])
    assert "old_assessment" not in body
    full = client.post("/v1/assess/diff?full=true", json={"old": old, "new": new}, headers=callers.submitter)
    assert full.json()["new_assessment"]["verdict"] == "non_compliant"


def test_diff_of_one_measure_on_two_dates(client: TestClient, callers: Any) -> None:
    body = {"old": _example("ex04"), "old_as_of": "2012-01-01", "new_as_of": "2025-06-01"}
    response = client.post("/v1/assess/diff", json=body, headers=callers.submitter)
    assert response.status_code == 200, response.text
    assert (response.json()["old"]["as_of"], response.json()["new"]["as_of"]) == ("2012-01-01", "2025-06-01")


def test_an_invalid_side_is_named_in_the_pointer(client: TestClient, callers: Any, problem: Any) -> None:
    new = {**_example("ex01"), "objective": "revenge"}
    response = client.post("/v1/assess/diff", json={"old": _example("ex01"), "new": new}, headers=callers.submitter)
    body = problem(response, 422, "invalid-measure")
    assert [e["pointer"] for e in body["errors"]] == ["/new/objective"]


def test_an_invalid_diff_request_names_its_fields(client: TestClient, callers: Any, problem: Any) -> None:
    response = client.post(
        "/v1/assess/diff", json={"new": _example("ex01"), "when": 1, "new_as_of": 20200101}, headers=callers.submitter
    )
    body = problem(response, 422, "validation-error")
    assert {e["pointer"] for e in body["errors"]} == {"/when", "/old", "/new_as_of"}


def test_a_null_date_is_refused_not_taken_for_an_absent_one(client: TestClient, callers: Any, problem: Any) -> None:
    body = {"old": _example("ex04"), "old_as_of": None, "new_as_of": None}
    response = client.post("/v1/assess/diff", json=body, headers=callers.submitter)
    refused = problem(response, 422, "validation-error")
    assert {e["pointer"] for e in refused["errors"]} == {"/old_as_of", "/new_as_of"}


def test_what_if_stores_nothing_and_compares_with_the_current_assessment(
    client: TestClient, callers: Any, flow: Any, container: Container
) -> None:
    measure_id, assessment_id, _ = flow.in_review()
    stored = client.get(f"/v1/assessments/{assessment_id}", headers=callers.submitter).json()
    before = _row_counts(container)
    events = client.get("/v1/events", params={"limit": 500}, headers=callers.auditor).json()["events"]
    patch = {"legal_basis": {"exists": False}, "data": {"subjects_scope": None}}
    response = client.post(
        f"/v1/measures/{measure_id}/what-if?full=true",
        content=json.dumps(patch),
        headers={**callers.submitter, **MERGE_PATCH},
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["old_assessment"] == stored["result"]
    assert body["changed"] is True
    assert body["verdict"]["new"] == "non_compliant"
    assert body["new_assessment"]["verdict"] == "non_compliant"
    assert "legal_basis.exists" in {q["path"] for q in body["questions_closed"]}
    assert _row_counts(container) == before
    after = client.get("/v1/events", params={"limit": 500}, headers=callers.auditor).json()["events"]
    assert after == events


def test_what_if_needs_the_merge_patch_media_type(client: TestClient, callers: Any, flow: Any, problem: Any) -> None:
    measure_id = flow.create()
    response = client.post(f"/v1/measures/{measure_id}/what-if", json={"title": "x"}, headers=callers.submitter)
    problem(response, 415, "unsupported-media-type")


def test_a_patch_that_breaks_the_contract_is_a_422_with_pointers(
    client: TestClient, callers: Any, flow: Any, problem: Any
) -> None:
    measure_id = flow.create()
    patch = {"data": {"categories": ["telepathy"]}, "title": None}
    response = client.post(
        f"/v1/measures/{measure_id}/what-if", content=json.dumps(patch), headers={**callers.submitter, **MERGE_PATCH}
    )
    body = problem(response, 422, "invalid-measure")
    assert {e["pointer"] for e in body["errors"]} == {"/data/categories/0", "/title"}


def test_what_if_on_another_organisations_measure_is_404(
    client: TestClient, callers: Any, flow: Any, problem: Any
) -> None:
    measure_id = flow.create()
    response = client.post(
        f"/v1/measures/{measure_id}/what-if", content="{}", headers={**callers.outsider, **MERGE_PATCH}
    )
    problem(response, 404, "not-found")


def test_what_if_without_a_stored_assessment_assesses_the_current_version(
    client: TestClient, callers: Any, flow: Any
) -> None:
    measure_id = flow.create()
    response = client.post(
        f"/v1/measures/{measure_id}/what-if", content="{}", headers={**callers.submitter, **MERGE_PATCH}
    )
    assert response.status_code == 200, response.text
    assert response.json()["changed"] is False
