"""The schema comes from the Alembic migrations alone, and matches what the code queries."""

from __future__ import annotations

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, inspect, text
from sqlalchemy.exc import DBAPIError

from art52.adapters.database import make_engine
from art52.adapters.migrations import MIGRATIONS_DIR, current_revision, head_revision
from art52.adapters.tables import metadata
from art52.bootstrap import Container, build_container, migrate
from art52.config import Settings
from art52.domain.access import Role


def _engine(settings: Settings) -> Engine:
    return make_engine(settings.database_url, schema=settings.database_schema)


def test_an_empty_database_is_not_ready_until_migrated(unmigrated: Settings) -> None:
    container = build_container(unmigrated)
    try:
        report = container.readiness.check()
        assert not report.ready
        assert report.checks["database"].startswith("the database schema is not up to date")
        migrate(unmigrated)
        assert container.readiness.check().ready
    finally:
        container.close()


def _not_the_job_queue(name: str | None, kind: str, _parents: object) -> bool:
    """procrastinate's own tables (PostgreSQL) are its business, not the queries' here."""
    return not (kind == "table" and name is not None and name.startswith("procrastinate_"))


def test_the_migrated_schema_is_the_one_the_queries_use(database: Settings) -> None:
    engine = _engine(database)
    try:
        assert current_revision(engine) == head_revision()
        with engine.connect() as connection:
            opts = {"compare_type": True, "include_name": _not_the_job_queue}
            context = MigrationContext.configure(connection, opts=opts)
            assert compare_metadata(context, metadata) == []
    finally:
        engine.dispose()


def test_migrating_again_changes_nothing(database: Settings) -> None:
    migrate(database)
    engine = _engine(database)
    try:
        assert current_revision(engine) == head_revision()
        with engine.connect() as connection:
            assert connection.execute(text("SELECT seq FROM audit_head")).scalar_one() == 0
    finally:
        engine.dispose()


@pytest.mark.parametrize("statement", ["UPDATE audit_events SET actor = 'x'", "DELETE FROM audit_events"])
def test_the_database_refuses_to_change_the_audit_trail(
    container: Container, database: Settings, statement: str
) -> None:
    container.tokens.create("Alice", "ministry", Role.SUBMITTER)
    engine = _engine(database)
    try:
        with pytest.raises(DBAPIError, match="append-only"), engine.begin() as connection:
            connection.execute(text(statement))
    finally:
        engine.dispose()


def test_the_migrations_downgrade_to_nothing_and_upgrade_again(database: Settings) -> None:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    engine = _engine(database)
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.downgrade(config, "base")
        with engine.connect() as connection:
            assert set(inspect(connection).get_table_names()) <= {"alembic_version"}
        migrate(database)
        assert current_revision(engine) == head_revision()
    finally:
        engine.dispose()
