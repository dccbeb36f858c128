"""The API on a fresh, migrated SQLite database per test, with a token for every kind of caller."""

from __future__ import annotations

import copy
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from contract_files import EXAMPLES_DIR, REPO
from fastapi import FastAPI
from fastapi.testclient import TestClient
from service_databases import BACKENDS, postgres_schema

from art52.api.app import create_app
from art52.bootstrap import Container, build_container, migrate
from art52.config import Settings
from art52.domain.access import Role

RULES_DIR = Path(os.environ.get("ART52_RULES_DIR", REPO / "rules"))
# The backend the service runs in production (ART52_ENGINE=reference selects the plain-Python one).
ENGINE = os.environ.get("ART52_ENGINE", "durable")

MEASURE: dict[str, Any] = {
    "title": "Court-ordered quick freeze of traffic data",
    "jurisdiction": "NL",
    "assessment_date": "2025-06-01",
    "actor_model": "provider_obligation",
    "measure_type": "expedited_preservation",
    "objective": "serious_crime",
    "data": {"categories": ["traffic", "location"], "subjects_scope": "persons_linked_by_objective_evidence"},
}


def make_settings(tmp_path: Path, **overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "engine": ENGINE,
        "rules_dir": RULES_DIR,
        "database_url": f"sqlite:///{tmp_path / 'art52.db'}",
        "examples_dir": EXAMPLES_DIR,
        **overrides,
    }
    return Settings(**values)


@pytest.fixture
def settings_for() -> Any:
    """``settings_for(tmp_path, **overrides)``: the test settings, on another database if asked."""
    return make_settings


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    built = make_settings(tmp_path)
    migrate(built)
    return built


@pytest.fixture(params=BACKENDS)
def settings_on_each_database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Settings]:
    """Migrated test settings on SQLite, then on a fresh PostgreSQL schema (skipped without one).

    A module whose behaviour differs between the databases makes it its ``settings``.
    """
    if request.param == "sqlite":
        built = make_settings(tmp_path)
        migrate(built)
        yield built
        return
    with postgres_schema() as (url, schema):
        built = make_settings(tmp_path, database_url=url, database_schema=schema)
        migrate(built)
        yield built


@pytest.fixture
def container(settings: Settings) -> Iterator[Container]:
    built = build_container(settings)
    try:
        yield built
    finally:
        built.close()


@pytest.fixture
def app(container: Container) -> FastAPI:
    return create_app(container)


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app) as test_client:
        yield test_client


@dataclass(frozen=True)
class Callers:
    """Authorization headers of one caller of each kind."""

    submitter: dict[str, str]
    reviewer: dict[str, str]
    second_reviewer: dict[str, str]
    rule_admin: dict[str, str]
    auditor: dict[str, str]
    outsider: dict[str, str]  # a submitter of another organisation


def bearer(secret: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {secret}"}


@pytest.fixture
def callers(container: Container) -> Callers:
    def issue(name: str, role: Role, organisation: str = "ministry") -> dict[str, str]:
        subject = name.lower().replace(" ", "-")  # e.g. alice-official: a staff id, the same on all their tokens
        return bearer(container.tokens.create(name, organisation, role, subject=subject)[1])

    return Callers(
        submitter=issue("Alice Official", Role.SUBMITTER),
        reviewer=issue("Bob Reviewer", Role.REVIEWER),
        second_reviewer=issue("Carol Reviewer", Role.REVIEWER),
        rule_admin=issue("Ada Admin", Role.RULE_ADMIN),
        auditor=issue("Audrey Auditor", Role.AUDITOR, "court-of-auditors"),
        outsider=issue("Mallory", Role.SUBMITTER, "other-ministry"),
    )


@pytest.fixture
def measure() -> dict[str, Any]:
    return copy.deepcopy(MEASURE)


class Flow:
    """Drives a measure through the workflow over HTTP, asserting each step succeeds."""

    def __init__(self, client: TestClient, callers: Callers) -> None:
        self.client = client
        self.callers = callers

    def create(self, document: dict[str, Any] | None = None) -> str:
        response = self.client.post("/v1/measures", json=document or MEASURE, headers=self.callers.submitter)
        assert response.status_code == 201, response.text
        measure_id: str = response.json()["id"]
        return measure_id

    def submit(self, measure_id: str) -> None:
        response = self.client.post(f"/v1/measures/{measure_id}/submit", headers=self.callers.submitter)
        assert response.status_code == 200, response.text

    def assess(self, measure_id: str) -> str:
        response = self.client.post(f"/v1/measures/{measure_id}/assessments", headers=self.callers.submitter)
        assert response.status_code == 201, response.text
        assessment_id: str = response.json()["id"]
        return assessment_id

    def take(self, measure_id: str) -> str:
        response = self.client.post(f"/v1/measures/{measure_id}/review", headers=self.callers.reviewer)
        assert response.status_code == 200, response.text
        return response.headers["ETag"]

    def in_review(self) -> tuple[str, str, str]:
        """A measure in review: its id, its assessment's id and its ETag."""
        measure_id = self.create()
        self.submit(measure_id)
        assessment_id = self.assess(measure_id)
        return measure_id, assessment_id, self.take(measure_id)


@pytest.fixture
def flow(client: TestClient, callers: Callers) -> Flow:
    return Flow(client, callers)


def assert_problem(response: Any, status: int, slug: str) -> dict[str, Any]:
    """The response is an RFC 9457 problem of the given status and type; its body."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    body: dict[str, Any] = response.json()
    assert body["type"] == f"urn:art52:problem:{slug}"
    assert body["status"] == status
    assert body["title"]
    assert body["detail"]
    return body


@pytest.fixture
def problem() -> Any:
    """``problem(response, status, slug)`` asserts an RFC 9457 problem response and returns its body."""
    return assert_problem
