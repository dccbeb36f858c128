"""Guided interviews over HTTP: start, questions with their reasons, answers, drafts, organisations, expiry."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from fastapi.testclient import TestClient

from art52.bootstrap import Container
from art52.config import default_examples_dir

START = {"title": "Court-ordered quick freeze of traffic data", "measure_type": "expedited_preservation"}


def _start(client: TestClient, headers: dict[str, str], document: dict[str, Any] | None = None) -> dict[str, Any]:
    response = client.post("/v1/interviews", json=document or START, headers=headers)
    assert response.status_code == 201, response.text
    assert response.headers["Location"].endswith(f"/v1/interviews/{response.json()['id']}")
    body: dict[str, Any] = response.json()
    return body


def test_the_first_question_says_what_and_why(client: TestClient, callers: Any) -> None:
    body = _start(client, callers.submitter)
    assert body["finished"] is False
    assert body["verdict"] == "insufficient_information"
    assert body["verdict_range"] == {"best": "compliant", "worst": "non_compliant"}
    question = body["question"]
    assert question["pointer"] == "/" + question["field"].replace(".", "/")
    assert question["text"].endswith("?")
    assert question["why"]["rules"]
    assert all(r["title"] and r["title"] != r["rule_id"] for r in question["why"]["rules"])
    assert question["why"]["answers_that_matter"]
    if question["kind"] in ("boolean", "enum", "enum_list"):
        assert question["options"]
    again = client.get(f"/v1/interviews/{body['id']}", headers=callers.submitter)
    assert again.json() == body


def test_options_carry_the_contracts_labels(client: TestClient, callers: Any) -> None:
    from art52.domain.labels import load_labels

    labels = load_labels()
    body = _start(client, callers.submitter)
    seen = 0
    for _ in range(8):
        question = body["question"]
        if question is None:
            break
        label = labels.of(question["field"])
        if question["kind"] == "boolean":
            assert label is not None
            assert [o["label"] for o in question["options"]] == [f"Yes: {label.if_true}", f"No: {label.if_false}"]
            seen += 1
        elif question["kind"] == "enum":
            assert label is not None
            assert {o["value"]: o["label"] for o in question["options"]} == {
                v: label.values[v] for v in label.values if v in {o["value"] for o in question["options"]}
            }
            seen += 1
        value = question["why"]["answers_that_matter"][0]["answer"]
        body = client.post(f"/v1/interviews/{body['id']}/answers", json={"value": value}, headers=callers.submitter)
        body = body.json()
    assert seen


def test_answers_lead_to_a_verdict_and_a_draft(client: TestClient, callers: Any) -> None:
    example = json.loads(next(default_examples_dir().glob("ex09-*.json")).read_text(encoding="utf-8"))
    body = _start(client, callers.submitter, {"title": example["title"], "measure_type": example["measure_type"]})
    interview_id = body["id"]
    for _ in range(60):
        if body["finished"]:
            break
        value: Any = example
        for part in body["question"]["field"].split("."):
            value = value.get(part) if isinstance(value, dict) else None
        response = client.post(
            f"/v1/interviews/{interview_id}/answers", json={"value": value}, headers=callers.submitter
        )
        assert response.status_code == 200, response.text
        body = response.json()
    assert body["finished"] is True
    assert body["question"] is None
    assert body["verdict"] == "non_compliant"
    saved = client.post(f"/v1/interviews/{interview_id}/measure", headers=callers.submitter)
    assert saved.status_code == 201, saved.text
    assert saved.json()["status"] == "draft"
    assert saved.json()["document"] == body["measure"]
    again = client.post(f"/v1/interviews/{interview_id}/measure", headers=callers.submitter)
    assert again.status_code == 409


def test_an_answer_that_matters_only_together_names_the_further_answers(client: TestClient, callers: Any) -> None:
    """ex05 without its deadlines and emergency: EEV-007 is decided only by them together."""
    example = json.loads(next(default_examples_dir().glob("ex05-*.json")).read_text(encoding="utf-8"))
    joint = {"deadline_hours", "emergency", "enforcing_review_window_hours"}
    partial = {**example, "eevidence": {k: v for k, v in example["eevidence"].items() if k not in joint}}
    question = _start(client, callers.submitter, partial)["question"]
    assert question["field"] in {f"eevidence.{name}" for name in joint}
    answers = question["why"]["answers_that_matter"]
    assert answers
    assert all(a["together"] and set(a["together"]) <= {f"eevidence.{n}" for n in joint} for a in answers)


def test_a_fact_a_rule_needs_stated_is_asked(client: TestClient, callers: Any) -> None:
    """ex15 without its transfer: whether data go to a third country is asked, as it brings XFER-001/002 in."""
    example = json.loads(next(default_examples_dir().glob("ex15-*.json")).read_text(encoding="utf-8"))
    partial = {k: v for k, v in example.items() if k != "transfer"}
    body = _start(client, callers.submitter, partial)
    fields = []
    for _ in range(10):
        if body["finished"]:
            break
        fields.append(body["question"]["field"])
        if fields[-1] == "transfer.to_third_country":
            assert {r["rule_id"] for r in body["question"]["why"]["rules"]} >= {"XFER-001", "XFER-002"}
            break
        body = client.post(
            f"/v1/interviews/{body['id']}/answers", json={"value": None}, headers=callers.submitter
        ).json()
    assert "transfer.to_third_country" in fields


def test_a_bad_answer_is_a_422_naming_the_field(client: TestClient, callers: Any, problem: Any) -> None:
    interview_id = _start(client, callers.submitter)["id"]
    wrong = client.post(
        f"/v1/interviews/{interview_id}/answers",
        json={"field": "legal_basis.exists", "value": "perhaps"},
        headers=callers.submitter,
    )
    body = problem(wrong, 422, "validation-error")
    assert body["errors"][0]["pointer"] == "/value"
    assert "legal_basis.exists" in body["errors"][0]["detail"]
    unknown = client.post(
        f"/v1/interviews/{interview_id}/answers", json={"field": "no.such", "value": 1}, headers=callers.submitter
    )
    assert problem(unknown, 422, "validation-error")["errors"][0]["pointer"] == "/field"
    shaped = client.post(f"/v1/interviews/{interview_id}/answers", json={"value": {"a": 1}}, headers=callers.submitter)
    assert problem(shaped, 422, "validation-error")["errors"]


def test_not_known_passes_the_question(client: TestClient, callers: Any) -> None:
    body = _start(client, callers.submitter)
    first = body["question"]["field"]
    after = client.post(f"/v1/interviews/{body['id']}/answers", json={"value": None}, headers=callers.submitter).json()
    assert after["answers"] == 1
    assert after["question"]["field"] != first


def test_an_invalid_start_is_a_422_with_pointers(client: TestClient, callers: Any, problem: Any) -> None:
    response = client.post("/v1/interviews", json={"measure_type": "telepathy"}, headers=callers.submitter)
    body = problem(response, 422, "invalid-measure")
    assert {e["pointer"] for e in body["errors"]} == {"/title", "/measure_type"}


def test_another_organisation_sees_nothing(client: TestClient, callers: Any, problem: Any) -> None:
    interview_id = _start(client, callers.submitter)["id"]
    problem(client.get(f"/v1/interviews/{interview_id}", headers=callers.outsider), 404, "not-found")
    problem(client.get(f"/v1/interviews/{interview_id}", headers=callers.auditor), 404, "not-found")
    answered = client.post(f"/v1/interviews/{interview_id}/answers", json={"value": None}, headers=callers.outsider)
    problem(answered, 404, "not-found")
    problem(client.post(f"/v1/interviews/{interview_id}/measure", headers=callers.outsider), 404, "not-found")


def test_an_expired_interview_is_a_404_saying_so(
    client: TestClient, callers: Any, container: Container, problem: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    interview_id = _start(client, callers.submitter)["id"]
    clock = container.interviews._clock
    later = clock.now() + dt.timedelta(minutes=container.settings.interview_ttl_minutes + 1)
    monkeypatch.setattr(clock, "now", lambda: later)
    body = problem(client.get(f"/v1/interviews/{interview_id}", headers=callers.submitter), 404, "not-found")
    assert "expired" in body["detail"]
