"""Measures over HTTP: create, read, list with filters and cursors, revise into versions."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient


def test_creating_a_measure_answers_201_with_location_etag_and_the_draft(
    client: TestClient, callers: Any, measure: dict[str, Any]
) -> None:
    response = client.post("/v1/measures", json=measure, headers=callers.submitter)
    assert response.status_code == 201
    body = response.json()
    assert response.headers["Location"].endswith(f"/v1/measures/{body['id']}")
    assert response.headers["ETag"] == '"1"'
    assert body["status"] == "draft"
    assert body["allowed_actions"] == ["revise", "submit"]
    assert (body["organisation"], body["created_by"], body["version"]) == ("ministry", "Alice Official", 1)
    assert body["document"] == measure
    assert client.get(response.headers["Location"], headers=callers.submitter).json() == body


def test_an_invalid_measure_is_a_422_problem_pointing_at_each_field(
    client: TestClient, callers: Any, problem: Any
) -> None:
    document = {"title": "", "data": {"categories": ["traffic", "telepathy"]}, "colour": "red"}
    body = problem(client.post("/v1/measures", json=document, headers=callers.submitter), 422, "invalid-measure")
    pointers = sorted(e["pointer"] for e in body["errors"])
    assert pointers == ["/colour", "/data/categories/1", "/title"]
    assert all(e["detail"] for e in body["errors"])


def test_a_json_document_that_is_not_an_object_is_refused(client: TestClient, callers: Any, problem: Any) -> None:
    body = problem(client.post("/v1/measures", json=[1, 2], headers=callers.submitter), 422, "invalid-measure")
    assert body["errors"][0]["pointer"] == ""


def test_a_revision_is_a_new_version_and_earlier_versions_stay_readable(
    client: TestClient, callers: Any, flow: Any, measure: dict[str, Any]
) -> None:
    measure_id = flow.create(measure)
    revised = {**measure, "title": "Quick freeze, limited to 60 days", "retention": {"period_days": 60}}
    response = client.put(f"/v1/measures/{measure_id}", json=revised, headers={**callers.submitter, "If-Match": '"1"'})
    assert response.status_code == 200, response.text
    assert response.json()["version"] == 2
    assert response.headers["ETag"] == '"2"'
    versions = client.get(f"/v1/measures/{measure_id}/versions", headers=callers.submitter).json()["items"]
    assert [v["number"] for v in versions] == [1, 2]
    first = client.get(f"/v1/measures/{measure_id}/versions/1", headers=callers.submitter).json()
    assert first["document"] == measure
    assert client.get(f"/v1/measures/{measure_id}", headers=callers.submitter).json()["document"] == revised


def test_a_revision_against_a_stale_etag_is_412_and_changes_nothing(
    client: TestClient, callers: Any, flow: Any, measure: dict[str, Any], problem: Any
) -> None:
    measure_id = flow.create(measure)
    client.put(f"/v1/measures/{measure_id}", json=measure, headers=callers.submitter)
    stale = client.put(
        f"/v1/measures/{measure_id}",
        json={**measure, "title": "Lost"},
        headers={**callers.submitter, "If-Match": '"1"'},
    )
    problem(stale, 412, "precondition-failed")
    assert client.get(f"/v1/measures/{measure_id}", headers=callers.submitter).json()["version"] == 2


def test_missing_versions_and_measures_are_404(client: TestClient, callers: Any, flow: Any, problem: Any) -> None:
    measure_id = flow.create()
    problem(client.get(f"/v1/measures/{measure_id}/versions/2", headers=callers.submitter), 404, "not-found")
    problem(
        client.get("/v1/measures/00000000-0000-4000-8000-000000000000", headers=callers.submitter), 404, "not-found"
    )
    problem(client.get("/v1/measures/not-an-id", headers=callers.submitter), 404, "not-found")
    body = problem(
        client.get(f"/v1/measures/{measure_id}/versions/0", headers=callers.submitter), 422, "validation-error"
    )
    assert body["errors"][0]["parameter"] == "number"


def test_measures_of_another_organisation_are_invisible(
    client: TestClient, callers: Any, flow: Any, measure: dict[str, Any], problem: Any
) -> None:
    measure_id = flow.create()
    problem(client.get(f"/v1/measures/{measure_id}", headers=callers.outsider), 404, "not-found")
    problem(client.put(f"/v1/measures/{measure_id}", json=measure, headers=callers.outsider), 404, "not-found")
    problem(client.post(f"/v1/measures/{measure_id}/submit", headers=callers.outsider), 404, "not-found")
    assert client.get("/v1/measures", headers=callers.outsider).json()["items"] == []
    listed = client.get("/v1/measures", params={"organisation": "ministry"}, headers=callers.outsider).json()
    assert listed["items"] == []


def test_auditors_read_every_organisation(client: TestClient, callers: Any, flow: Any, measure: dict[str, Any]) -> None:
    ours = flow.create()
    theirs = client.post("/v1/measures", json=measure, headers=callers.outsider).json()["id"]
    assert client.get(f"/v1/measures/{ours}", headers=callers.auditor).status_code == 200
    listed = client.get("/v1/measures", headers=callers.auditor).json()["items"]
    assert {m["id"] for m in listed} == {ours, theirs}


def test_the_list_pages_with_a_cursor_newest_first(client: TestClient, callers: Any, flow: Any) -> None:
    created = [flow.create({"title": f"Measure {n}"}) for n in range(5)]
    seen: list[str] = []
    params: dict[str, Any] = {"limit": 2}
    while True:
        page = client.get("/v1/measures", params=params, headers=callers.submitter).json()
        seen += [m["id"] for m in page["items"]]
        if page["next"] is None:
            break
        params["after"] = page["next"]
    assert seen == list(reversed(created))


def test_the_list_filters_by_status_and_verdict(client: TestClient, callers: Any, flow: Any) -> None:
    draft = flow.create()
    assessed = flow.create()
    flow.submit(assessed)
    flow.assess(assessed)
    verdict = client.get(f"/v1/measures/{assessed}", headers=callers.submitter).json()["verdict"]

    def ids(**params: str) -> list[str]:
        return [m["id"] for m in client.get("/v1/measures", params=params, headers=callers.submitter).json()["items"]]

    assert ids(status="draft") == [draft]
    assert ids(status="assessed") == [assessed]
    assert ids(verdict=verdict) == [assessed]
    assert ids(status="approved") == []


def test_bad_list_parameters_are_422_naming_the_parameter(client: TestClient, callers: Any, problem: Any) -> None:
    for params, name in (({"status": "pending"}, "status"), ({"limit": 0}, "limit"), ({"after": "garbage"}, "after")):
        body = problem(client.get("/v1/measures", params=params, headers=callers.submitter), 422, "validation-error")
        assert body["errors"][0]["parameter"] == name
        assert body["errors"][0]["in"] == "query"
