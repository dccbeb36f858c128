"""Applying the Alembic migrations from code: the only way the schema is created.

``art52 serve`` upgrades to the newest revision before it accepts requests;
``/ready`` reports a database that is behind as not ready.

Several processes may start at once on a fresh database (workers, replicas, a
``tokens create`` beside ``serve``). On PostgreSQL they queue on an advisory
lock for the schema being migrated, taken inside the migration's transaction:
the first one migrates, the others then find nothing pending. SQLite needs no
lock: every transaction there begins with ``BEGIN IMMEDIATE``.
"""

from __future__ import annotations

from functools import cache

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, text

from art52.config import package_data

MIGRATIONS_DIR = package_data("migrations")
LOCK_NAME = "'art52 migrations: ' || coalesce(current_schema(), '')"  # one lock per schema


def _config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def upgrade(engine: Engine) -> None:
    """Apply every pending migration, in one transaction, one process at a time."""
    config = _config()
    with engine.begin() as connection:
        hold_migration_lock(connection)
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def hold_migration_lock(connection: Connection) -> None:
    """Hold the migration lock of the current schema until this transaction ends (PostgreSQL)."""
    if connection.dialect.name == "postgresql":
        # A migration may take long and may wait for another one: the request timeouts do not apply.
        connection.execute(text("SET LOCAL lock_timeout = 0"))
        connection.execute(text("SET LOCAL statement_timeout = 0"))
        connection.execute(text(f"SELECT pg_advisory_xact_lock(hashtext({LOCK_NAME}))"))


@cache
def head_revision() -> str | None:
    """The newest migration shipped with this code (read once: scripts do not change at run time)."""
    return ScriptDirectory.from_config(_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def pending(engine: Engine) -> bool:
    """Whether the database is behind the newest migration."""
    return current_revision(engine) != head_revision()
