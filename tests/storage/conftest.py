"""A fresh database per test, migrated by Alembic: SQLite always, PostgreSQL when ART52_TEST_DATABASE_URL is set."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from contract_files import REPO
from service_databases import BACKENDS, postgres_schema

from art52.bootstrap import Container, build_container, migrate
from art52.config import Settings

RULES_DIR = Path(os.environ.get("ART52_RULES_DIR", REPO / "rules"))
# The backend the service runs in production (ART52_ENGINE=reference selects the plain-Python one).
ENGINE = os.environ.get("ART52_ENGINE", "durable")


def _settings(**database: str | None) -> Settings:
    return Settings(engine=ENGINE, rules_dir=RULES_DIR, **database)  # type: ignore[arg-type]


@pytest.fixture(params=BACKENDS)
def unmigrated(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Settings]:
    """Settings for an empty database of each kind."""
    if request.param == "sqlite":
        yield _settings(database_url=f"sqlite:///{tmp_path / 'art52.db'}")
        return
    with postgres_schema() as (url, schema):
        yield _settings(database_url=url, database_schema=schema)


@pytest.fixture
def database(unmigrated: Settings) -> Settings:
    """Settings for a database migrated to the newest revision."""
    migrate(unmigrated)
    return unmigrated


@pytest.fixture
def container(database: Settings) -> Iterator[Container]:
    built = build_container(database)
    try:
        yield built
    finally:
        built.close()
