"""Webhooks against a live receiver on 127.0.0.1: signed, retried after 500s, in order, never to another org."""

from __future__ import annotations

import datetime as dt
import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from standardwebhooks.webhooks import Webhook as Verifier
from standardwebhooks.webhooks import WebhookVerificationError

from art52.api.app import create_app
from art52.bootstrap import Container, build_container, migrate
from art52.domain.access import Role

ALL_TYPES = ["measure.submitted", "assessment.created", "measure.decided", "finding.contested"]


@dataclass
class Receiver:
    """Answers 500 to the first ``failures`` requests (``failures=-1``: always), then 204; keeps every request."""

    failures: int = 0
    requests: list[tuple[dict[str, str], bytes, int]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def answer(self, headers: dict[str, str], body: bytes) -> int:
        with self.lock:
            failing = self.failures < 0 or len(self.requests) < self.failures
            status = 500 if failing else 204
            self.requests.append((headers, body, status))
            return status

    def accepted(self) -> list[tuple[dict[str, str], bytes]]:
        return [(h, b) for h, b, status in self.requests if status == 204]


@pytest.fixture
def receiver() -> Iterator[tuple[Receiver, str]]:
    state = Receiver()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers["content-length"]))
            self.send_response(state.answer({k.lower(): v for k, v in self.headers.items()}, body))
            self.end_headers()

        def log_message(self, *_: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state, f"http://127.0.0.1:{server.server_address[1]}/hooks"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def settings(tmp_path: Path, settings_for: Any) -> Any:
    built = settings_for(tmp_path, webhook_backoff=0.05, webhook_max_attempts=4)
    migrate(built)
    return built


@pytest.fixture
def container(settings: Any) -> Iterator[Container]:
    built = build_container(settings)
    try:
        yield built
    finally:
        built.close()


@pytest.fixture
def app(container: Container) -> FastAPI:
    return create_app(container)


def settle(container: Container) -> None:
    """Wait until every job (dispatch, deliveries, retries) has run."""
    join = getattr(container.jobs, "join", None)
    assert join is not None
    assert join(timeout=60)


def register(client: TestClient, callers: Any, url: str, types: list[str] = ALL_TYPES) -> dict[str, Any]:
    response = client.post("/v1/webhooks", json={"url": url, "event_types": types}, headers=callers.rule_admin)
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created


def test_messages_are_signed_carry_the_event_id_and_stay_in_the_organisation(
    client: TestClient,
    callers: Any,
    flow: Any,
    measure: dict[str, Any],
    container: Container,
    receiver: tuple[Receiver, str],
) -> None:
    state, url = receiver
    hook = register(client, callers, url)
    mine = flow.create()
    flow.submit(mine)
    flow.assess(mine)
    theirs = client.post("/v1/measures", json=measure, headers=callers.outsider).json()["id"]
    assert client.post(f"/v1/measures/{theirs}/submit", headers=callers.outsider).status_code == 200
    settle(container)

    verifier = Verifier(hook["secret"])
    received = [(headers, verifier.verify(body, headers)) for headers, body in state.accepted()]
    assert [p["type"] for _, p in received] == ["measure.submitted", "assessment.created"]
    for headers, payload in received:
        assert headers["webhook-id"] == f"evt_{payload['data']['event_id']}"
        assert payload["data"]["organisation"] == "ministry"
        assert payload["data"]["subject"] == mine
    headers, body = state.accepted()[0]
    with pytest.raises(WebhookVerificationError):
        verifier.verify(body.replace(b"ministry", b"ministrx"), headers)


def test_a_failing_endpoint_is_retried_with_back_off_and_receives_each_measure_in_order(
    client: TestClient, callers: Any, flow: Any, container: Container, receiver: tuple[Receiver, str]
) -> None:
    state, url = receiver
    state.failures = 2
    hook = register(client, callers, url)
    first, second = flow.create(), flow.create()
    flow.submit(first)
    flow.submit(second)
    flow.assess(first)
    flow.assess(second)
    settle(container)

    accepted = [json.loads(body) for _, body in state.accepted()]
    ids = [p["data"]["event_id"] for p in accepted]
    assert ids == sorted(ids)
    assert len(ids) == len(set(ids)) == 4
    assert [(p["data"]["subject"], p["type"]) for p in accepted] == [
        (first, "measure.submitted"),
        (second, "measure.submitted"),
        (first, "assessment.created"),
        (second, "assessment.created"),
    ]
    assert [status for _, _, status in state.requests[:3]] == [500, 500, 204]
    assert {h["webhook-id"] for h, _, _ in state.requests[:3]} == {f"evt_{ids[0]}"}  # the same message, retried
    log = client.get(f"/v1/webhooks/{hook['id']}/deliveries", headers=callers.rule_admin).json()["items"]
    oldest = log[-1]
    assert (oldest["state"], oldest["attempts"], oldest["last_status"]) == ("delivered", 3, 204)
    assert {d["state"] for d in log} == {"delivered"}


def test_an_endpoint_that_keeps_failing_is_disabled_with_an_event(
    client: TestClient, callers: Any, flow: Any, container: Container, receiver: tuple[Receiver, str]
) -> None:
    state, url = receiver
    state.failures = -1
    hook = register(client, callers, url)
    flow.submit(flow.create())
    settle(container)

    assert len(state.requests) == 4  # webhook_max_attempts
    found = client.get(f"/v1/webhooks/{hook['id']}", headers=callers.rule_admin).json()
    assert found["disabled_at"] is not None
    log = client.get(f"/v1/webhooks/{hook['id']}/deliveries", headers=callers.rule_admin).json()["items"]
    assert [(d["state"], d["attempts"], d["last_status"]) for d in log] == [("failed", 4, 500)]
    events = client.get("/v1/events", headers=callers.rule_admin).json()["events"]
    assert [e for e in events if e["kind"] == "webhook.disabled" and e["subject"] == hook["id"]]


def test_a_notified_orders_deadline_reminders_are_delivered(
    client: TestClient,
    callers: Any,
    flow: Any,
    container: Container,
    receiver: tuple[Receiver, str],
    examples_dir: Path,
) -> None:
    state, url = receiver
    hook = register(client, callers, url, ["measure.deadline_approaching", "measure.deadline_passed"])
    order = json.loads((examples_dir / "ex16-epoc-journalist-notified-enforcing.json").read_text())
    measure_id = flow.create(order)
    flow.submit(measure_id)
    deadline = dt.datetime.fromisoformat(
        client.get(f"/v1/measures/{measure_id}", headers=callers.submitter).json()["deadline_at"]
    )
    container.deadlines.check(at=deadline - dt.timedelta(hours=1))
    container.deadlines.check(at=deadline + dt.timedelta(hours=1))
    settle(container)

    verifier = Verifier(hook["secret"])
    received = [verifier.verify(body, headers) for headers, body in state.accepted()]
    assert [(p["type"], p["data"]["subject"]) for p in received] == [
        ("measure.deadline_approaching", measure_id),
        ("measure.deadline_passed", measure_id),
    ]


def test_only_a_rule_admin_registers_and_only_http_urls_and_known_events(
    client: TestClient, callers: Any, problem: Any
) -> None:
    body = {"url": "http://127.0.0.1:9/hooks", "event_types": ["measure.submitted"]}
    problem(client.post("/v1/webhooks", json=body, headers=callers.submitter), 403, "forbidden")
    problem(
        client.post("/v1/webhooks", json={**body, "url": "file:///etc/passwd"}, headers=callers.rule_admin),
        422,
        "validation-error",
    )
    problem(
        client.post("/v1/webhooks", json={**body, "event_types": ["token.created"]}, headers=callers.rule_admin),
        422,
        "validation-error",
    )
    other = bearer_of(client, callers)
    created = register(client, callers, body["url"], ["measure.submitted"])
    problem(client.get(f"/v1/webhooks/{created['id']}", headers=other), 404, "not-found")


def bearer_of(client: TestClient, callers: Any) -> dict[str, str]:
    """A rule_admin of another organisation."""
    container: Container = client.app.state.container  # type: ignore[attr-defined]
    return {"Authorization": f"Bearer {container.tokens.create('Eve', 'other-ministry', Role.RULE_ADMIN)[1]}"}
