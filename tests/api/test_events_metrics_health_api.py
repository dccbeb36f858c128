"""The event feed, Prometheus metrics, liveness and readiness."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from art52.api.app import create_app
from art52.bootstrap import build_container
from art52.config import Settings


def test_a_page_of_events_stays_small_however_long_the_decisions(client: TestClient, callers: Any, flow: Any) -> None:
    long_conditions = [f"Condition {i}: " + "x" * 9_000 for i in range(50)]  # about 450 KB per decision
    decided = []
    for _ in range(4):
        measure_id, assessment_id, _ = flow.in_review()
        response = client.post(
            f"/v1/measures/{measure_id}/decision",
            json={
                "assessment_id": assessment_id,
                "decision": "approve",
                "reason": "Fine.",
                "conditions": long_conditions,
            },
            headers=callers.reviewer,
        )
        assert response.status_code == 200, response.text
        decided.append(measure_id)
    first = client.get("/v1/events", params={"limit": 500}, headers=callers.reviewer)
    assert len(first.content) < 1_500_000
    seen = first.json()["events"]
    cursor = first.json()["next"]
    while page := client.get("/v1/events", params={"after": cursor}, headers=callers.reviewer).json()["events"]:
        seen += page
        cursor = page[-1]["seq"]
    assert [e["subject"] for e in seen if e["kind"] == "measure.decided"] == decided  # none skipped


def test_the_feed_delivers_every_event_once_in_order_across_pages(client: TestClient, callers: Any, flow: Any) -> None:
    measure_id, _, etag = flow.in_review()
    client.post(
        f"/v1/measures/{measure_id}/decision",
        json={"decision": "approve", "reason": "Fine."},
        headers={**callers.reviewer, "If-Match": etag},
    )
    seen: list[dict[str, Any]] = []
    cursor = "0"
    while True:
        page = client.get("/v1/events", params={"after": cursor, "limit": 3}, headers=callers.reviewer).json()
        if not page["events"]:
            assert page["next"] == cursor
            break
        seen += page["events"]
        cursor = page["next"]
    kinds = [e["kind"] for e in seen if e["subject"] == measure_id]
    assert kinds == [
        "measure.created",
        "measure.submitted",
        "assessment.created",
        "measure.taken_for_review",
        "measure.decided",
    ]
    seqs = [e["seq"] for e in seen]
    assert seqs == sorted(seqs)
    assert len(set(seqs)) == len(seqs)
    assert all(e["organisation"] == "ministry" for e in seen)
    everything = client.get("/v1/events", params={"limit": 500}, headers=callers.auditor).json()["events"]
    assert [e["seq"] for e in everything] == list(range(1, len(everything) + 1))
    assert [e["prev_hash"] for e in everything[1:]] == [e["hash"] for e in everything[:-1]]


def test_the_feed_of_one_organisation_hides_the_others_but_auditors_see_all(
    client: TestClient, callers: Any, flow: Any, measure: dict[str, Any]
) -> None:
    ours = flow.create()
    theirs = client.post("/v1/measures", json=measure, headers=callers.outsider).json()["id"]

    def subjects(headers: dict[str, str]) -> set[str]:
        events = client.get("/v1/events", params={"limit": 500}, headers=headers).json()["events"]
        return {e["subject"] for e in events if e["kind"] == "measure.created"}

    assert subjects(callers.submitter) == {ours}
    assert subjects(callers.outsider) == {theirs}
    assert subjects(callers.auditor) == {ours, theirs}


def test_a_bad_feed_cursor_is_a_422_problem(client: TestClient, callers: Any, problem: Any) -> None:
    for after in ("-1", "abc", str(2**70)):
        response = client.get("/v1/events", params={"after": after}, headers=callers.auditor)
        assert problem(response, 422, "validation-error")["errors"][0]["parameter"] == "after"


def test_metrics_count_assessments_latency_and_errors(
    client: TestClient, callers: Any, flow: Any, measure: dict[str, Any]
) -> None:
    flow.in_review()
    client.post("/v1/assess", json=measure, headers=callers.submitter)
    client.get("/v1/measures", headers={"Authorization": "Bearer nope"})
    response = client.get("/metrics")
    assert response.headers["content-type"].startswith("text/plain")
    text = response.text
    assert 'art52_assessments_total{kind="stored",verdict=' in text
    assert 'art52_assessments_total{kind="stateless",verdict=' in text
    assert 'art52_assessment_duration_seconds_count{kind="stored"} 1.0' in text
    assert 'art52_http_requests_total{method="POST",route="/v1/measures/{measure_id}/submit",status="200"} 1.0' in text
    assert 'art52_http_errors_total{class="4xx",status="401"} 1.0' in text
    assert 'art52_http_request_duration_seconds_bucket{le="0.005",method="GET",route="/v1/measures"}' in text


def test_each_app_has_its_own_metrics(settings: Settings) -> None:
    first, second = build_container(settings), build_container(settings)
    try:
        with TestClient(create_app(first)) as one, TestClient(create_app(second)) as two:
            one.get("/health")
            one.get("/health")
            two.get("/health")
            assert 'route="/health",status="200"} 2.0' in one.get("/metrics").text
            assert 'route="/health",status="200"} 1.0' in two.get("/metrics").text
    finally:
        first.close()
        second.close()


def test_health_and_readiness(client: TestClient) -> None:
    assert client.get("/health").json() == {"status": "ok"}
    assert client.get("/ready").json() == {"ready": True, "checks": {"database": "ok", "rulebook": "ok"}}


def test_not_ready_without_a_valid_rulebook(settings: Settings, tmp_path: Path) -> None:
    broken = tmp_path / "rules"
    broken.mkdir()
    (broken / "sources.yaml").write_text("- not: a source\n")
    container = build_container(Settings(**{**settings.model_dump(), "rules_dir": broken}))
    try:
        with TestClient(create_app(container)) as client:
            response = client.get("/ready")
    finally:
        container.close()
    assert response.status_code == 503
    body = response.json()
    assert body["ready"] is False
    assert body["checks"]["database"] == "ok"
    assert body["checks"]["rulebook"].startswith("the rulebook is invalid")


def test_not_ready_when_the_database_cannot_be_reached(tmp_path: Path, settings: Settings) -> None:
    unreachable = Settings(**{**settings.model_dump(), "database_url": f"sqlite:///{tmp_path}/missing/dir/x.db"})
    container = build_container(unreachable)
    try:
        with TestClient(create_app(container)) as client:
            response = client.get("/ready")
    finally:
        container.close()
    assert response.status_code == 503
    assert response.json()["checks"]["database"] == "unavailable"
