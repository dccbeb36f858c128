"""Alembic environment: migrate the connection handed over by art52, or the database of ART52_DATABASE_URL."""

from __future__ import annotations

from alembic import context

from art52.adapters.database import make_engine
from art52.adapters.migrations import hold_migration_lock
from art52.adapters.tables import metadata
from art52.config import Settings


def run_migrations() -> None:
    connection = context.config.attributes.get("connection")
    if connection is not None:
        context.configure(connection=connection, target_metadata=metadata)
        with context.begin_transaction():
            context.run_migrations()
        return
    settings = Settings()
    engine = make_engine(settings.database_url, schema=settings.database_schema)
    with engine.begin() as own_connection:
        hold_migration_lock(own_connection)  # `alembic upgrade head` by hand queues like `art52 serve`
        context.configure(connection=own_connection, target_metadata=metadata)
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()


if context.is_offline_mode():
    raise SystemExit("offline (SQL script) migrations are not supported; run them against a database")
run_migrations()
