"""Concurrent writers on a real database: one wins, the others are refused, nothing is overwritten.

Each thread has its own connection (and, over HTTP, its own client), and all
start together at a barrier, so the writes genuinely overlap on PostgreSQL.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, TypeVar

from fastapi.testclient import TestClient

from art52.api.app import create_app
from art52.bootstrap import Container
from art52.domain.access import Principal, Role
from art52.domain.workflow import DecisionKind, Status
from art52.errors import ConflictError, InvalidTransitionError

T = TypeVar("T")
WORKERS = 8
MEASURE: dict[str, Any] = {
    "title": "Quick freeze of traffic data",
    "jurisdiction": "NL",
    "assessment_date": "2025-06-01",
    "measure_type": "expedited_preservation",
    "objective": "serious_crime",
}


def together(tasks: list[Callable[[], T]]) -> list[T | BaseException]:
    """Run the tasks in threads released at the same instant; their results or exceptions, in order."""
    barrier = threading.Barrier(len(tasks))
    results: list[T | BaseException] = [RuntimeError("not run")] * len(tasks)

    def run(index: int) -> None:
        barrier.wait()
        try:
            results[index] = tasks[index]()
        except BaseException as error:
            results[index] = error

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(tasks))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return results


def token(container: Container, name: str, role: Role) -> tuple[Principal, str]:
    _, secret = container.tokens.create(name, "ministry", role)
    return container.tokens.authenticate(secret), secret


def measure_in_review(container: Container) -> str:
    alice, _ = token(container, "Alice", Role.SUBMITTER)
    bob, _ = token(container, "Bob", Role.REVIEWER)
    measure_id = container.measures.create(alice, MEASURE).record.id
    container.reviews.submit(alice, measure_id)
    container.assessments.assess_measure(alice, measure_id, None)
    container.reviews.take(bob, measure_id)
    return measure_id


def test_of_concurrent_decisions_exactly_one_is_recorded(container: Container) -> None:
    measure_id = measure_in_review(container)
    reviewers = [token(container, f"Reviewer {n}", Role.REVIEWER)[0] for n in range(WORKERS)]

    def decide(reviewer: Principal) -> Callable[[], object]:
        return lambda: container.reviews.decide(reviewer, measure_id, DecisionKind.APPROVE, f"{reviewer.name} agrees.")

    results = together([decide(r) for r in reviewers])
    failures = [r for r in results if isinstance(r, BaseException)]
    assert len(results) - len(failures) == 1, results
    assert all(isinstance(f, ConflictError | InvalidTransitionError) for f in failures), failures
    detail = container.measures.get(reviewers[0], measure_id)
    assert detail.record.status is Status.APPROVED
    assert len(detail.decisions) == 1
    assert container.audit.verify() is None


def test_of_concurrent_http_decisions_with_the_same_etag_one_wins_and_the_rest_get_409_or_412(
    container: Container,
) -> None:
    measure_id = measure_in_review(container)
    secrets = [token(container, f"Reviewer {n}", Role.REVIEWER)[1] for n in range(WORKERS)]
    app = create_app(container)
    with TestClient(app) as client:
        etag = client.get(f"/v1/measures/{measure_id}", headers={"Authorization": f"Bearer {secrets[0]}"}).headers[
            "ETag"
        ]

    clients = [TestClient(app).__enter__() for _ in secrets]  # started before the race, so only the requests race

    def decide(client: TestClient, secret: str) -> Callable[[], int]:
        def post() -> int:
            return client.post(
                f"/v1/measures/{measure_id}/decision",
                json={"decision": "reject", "reason": "Disproportionate."},
                headers={"Authorization": f"Bearer {secret}", "If-Match": etag},
            ).status_code

        return post

    try:
        statuses = together([decide(c, s) for c, s in zip(clients, secrets, strict=True)])
    finally:
        for client in clients:
            client.__exit__(None, None, None)
    assert sorted(statuses, key=str).count(200) == 1, statuses
    assert set(statuses) - {200} <= {409, 412}, statuses
    reader = container.tokens.authenticate(secrets[0])
    detail = container.measures.get(reader, measure_id)
    assert detail.record.status is Status.REJECTED
    assert len(detail.decisions) == 1
    assert container.audit.verify() is None


def test_concurrent_writers_append_a_gapless_intact_audit_chain(container: Container) -> None:
    submitters = [token(container, f"Official {n}", Role.SUBMITTER)[0] for n in range(WORKERS)]
    before = container.audit.count()

    def create_three(submitter: Principal) -> Callable[[], None]:
        def run() -> None:
            for n in range(3):
                container.measures.create(submitter, {**MEASURE, "title": f"{submitter.name}, measure {n}"})

        return run

    results = together([create_three(s) for s in submitters])
    assert not [r for r in results if isinstance(r, BaseException)], results
    auditor = container.tokens.authenticate(container.tokens.create("Audrey", "court", Role.AUDITOR)[1])
    events = container.audit.feed(auditor, before, 500).events
    assert [e.seq for e in events] == list(range(before + 1, before + 1 + 3 * WORKERS + 1))
    assert container.audit.verify() is None
