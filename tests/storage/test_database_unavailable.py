"""A database that cannot serve makes requests answer "503, retry", never hang or fail with 500.

The probe: one transaction holds the lock every write needs (the audit chain
head) and does not let go. Writers give up after the lock timeout and free
their connection; readers are served all along (on SQLite too: WAL mode and
read-only transactions that do not take the write lock); ``/ready`` says
the database cannot serve while ``/health`` (liveness) stays ok.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from service_databases import postgres_schema
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from art52.adapters.database import make_engine, unavailable
from art52.api.app import create_app
from art52.bootstrap import build_container, database_engine, migrate
from art52.config import Settings
from art52.domain.access import Role
from art52.errors import UnavailableError

MEASURE: dict[str, Any] = {
    "title": "Quick freeze of traffic data",
    "jurisdiction": "NL",
    "assessment_date": "2025-06-01",
    "measure_type": "expedited_preservation",
    "objective": "serious_crime",
}
POOL = 15  # SQLAlchemy's default pool: 5 connections and 10 more on overflow
PROBLEM_JSON = "application/problem+json"


def impatient(settings: Settings) -> Settings:
    return settings.model_copy(update={"database_lock_timeout": 0.5})


@contextmanager
def audit_lock_held(settings: Settings) -> Iterator[None]:
    """Another transaction takes the lock on the chain head (SQLite: the write lock) and keeps it."""
    engine = make_engine(settings.database_url, schema=settings.database_schema)
    try:
        with engine.connect() as connection:
            transaction = connection.begin()
            lock = " FOR UPDATE" if engine.dialect.name == "postgresql" else ""
            connection.execute(text(f"SELECT seq FROM audit_head WHERE id = 1{lock}"))
            try:
                yield
            finally:
                transaction.rollback()
    finally:
        engine.dispose()


def all_at_once(tasks: list[Callable[[], object]]) -> list[object]:
    """Each task's result or exception, the tasks run in as many threads."""
    with ThreadPoolExecutor(max_workers=len(tasks)) as pool:
        futures = [pool.submit(task) for task in tasks]
        return [future.exception(timeout=120) or future.result() for future in futures]


@pytest.fixture
def postgres_database() -> Iterator[Settings]:
    """A migrated PostgreSQL database (the pool and statement timeouts are PostgreSQL's)."""
    with postgres_schema() as (url, schema):
        settings = Settings(database_url=url, database_schema=schema)
        migrate(settings)
        yield settings


@pytest.mark.postgres
def test_while_a_transaction_holds_the_audit_lock_writes_give_up_and_reads_are_served(
    postgres_database: Settings,
) -> None:
    database = postgres_database
    container = build_container(impatient(database))
    try:
        _, secret = container.tokens.create("Alice", "ministry", Role.SUBMITTER)
        alice = container.tokens.authenticate(secret)
        measure_id = container.measures.create(alice, MEASURE).record.id
        with audit_lock_held(database):
            writes: list[Callable[[], object]] = [
                lambda: container.measures.create(alice, MEASURE) for _ in range(POOL + 1)
            ]
            reads: list[Callable[[], object]] = [lambda: container.measures.get(alice, measure_id) for _ in range(4)]
            outcomes = all_at_once(writes + reads)
            assert all(isinstance(o, UnavailableError) for o in outcomes[: len(writes)]), outcomes
            assert all(not isinstance(o, BaseException) for o in outcomes[len(writes) :]), outcomes
            assert not container.readiness.check().ready
        container.measures.create(alice, MEASURE)
        assert container.readiness.check().ready
        assert container.audit.verify() is None
    finally:
        container.close()


def test_a_write_while_the_lock_is_held_answers_503_with_retry_after(database: Settings) -> None:
    container = build_container(impatient(database))
    try:
        _, secret = container.tokens.create("Alice", "ministry", Role.SUBMITTER)
        with TestClient(create_app(container)) as client, audit_lock_held(database):
            response = client.post("/v1/measures", json=MEASURE, headers={"Authorization": f"Bearer {secret}"})
            assert response.status_code == 503, response.text
            assert response.headers["content-type"] == PROBLEM_JSON
            assert response.headers["Retry-After"] == "1"
            assert response.json()["type"] == "urn:art52:problem:database-unavailable"
            ready = client.get("/ready")
            assert ready.status_code == 503
            assert ready.json()["checks"]["database"].startswith("the database cannot take writes now")
            assert client.get("/health").status_code == 200
        with TestClient(create_app(container)) as client:
            assert client.get("/ready").status_code == 200
    finally:
        container.close()


def test_reads_are_served_while_a_transaction_holds_the_write_lock(database: Settings) -> None:
    # The default lock timeout: a read that waited on the lock would answer 503 only after it.
    container = build_container(database.model_copy(update={"database_lock_timeout": 5}))
    try:
        _, secret = container.tokens.create("Alice", "ministry", Role.SUBMITTER, subject="alice")
        auth = {"Authorization": f"Bearer {secret}"}
        with TestClient(create_app(container)) as client:
            measure_id = client.post("/v1/measures", json=MEASURE, headers=auth).json()["id"]
            with audit_lock_held(database):
                one = client.get(f"/v1/measures/{measure_id}", headers=auth)
                listed = client.get("/v1/measures", headers=auth)
                versions = client.get(f"/v1/measures/{measure_id}/versions", headers=auth)
            assert one.status_code == 200, one.text
            assert listed.status_code == 200, listed.text
            assert [m["id"] for m in listed.json()["items"]] == [measure_id]
            assert versions.status_code == 200, versions.text
    finally:
        container.close()


@pytest.mark.parametrize(
    "url",
    ["sqlite:///{missing}/art52.db", "postgresql+psycopg://postgres@127.0.0.1:1/art52"],
    ids=["sqlite-file-cannot-be-opened", "postgresql-refuses-connections"],
)
def test_an_unreachable_database_answers_503_never_500(url: str, tmp_path: Path) -> None:
    settings = Settings(database_url=url.format(missing=tmp_path / "no such directory"))
    container = build_container(settings)
    try:
        with TestClient(create_app(container)) as client:
            response = client.get("/v1/measures", headers={"Authorization": "Bearer whatever"})
            assert response.status_code == 503, response.text
            assert response.headers["content-type"] == PROBLEM_JSON
            assert int(response.headers["Retry-After"]) >= 1
            ready = client.get("/ready")
            assert ready.status_code == 503
            assert ready.json()["checks"]["database"] == "unavailable"
            assert client.get("/health").status_code == 200
    finally:
        container.close()


@pytest.mark.postgres
def test_every_postgresql_connection_carries_the_configured_timeouts(postgres_database: Settings) -> None:
    configured = postgres_database.model_copy(update={"database_statement_timeout": 12.5, "database_lock_timeout": 2})
    engine = database_engine(configured)
    try:
        with engine.connect() as connection:
            assert connection.execute(text("SHOW statement_timeout")).scalar_one() == "12500ms"
            assert connection.execute(text("SHOW lock_timeout")).scalar_one() == "2s"
    finally:
        engine.dispose()


@pytest.mark.postgres
def test_a_statement_cut_off_by_the_statement_timeout_counts_as_unavailable(postgres_database: Settings) -> None:
    engine = database_engine(postgres_database.model_copy(update={"database_statement_timeout": 0.1}))
    try:
        with engine.connect() as connection, pytest.raises(OperationalError, match="statement timeout") as raised:
            connection.execute(text("SELECT pg_sleep(5)"))
    finally:
        engine.dispose()
    assert unavailable(raised.value)
