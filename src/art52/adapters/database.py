"""Database engines for SQLite (the embedded default) and PostgreSQL.

Every SQLite transaction starts with ``BEGIN IMMEDIATE``: it takes the write
lock before it reads, so two read-then-write transactions queue (for up to the
busy timeout) instead of one failing with "database is locked" half-way. That
serialises the embedded database, which is what it is for; PostgreSQL is the
choice for load. It runs at READ COMMITTED: the conditional updates and the row
lock on the audit chain head give the guarantees the service needs there.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url

SQLITE_BUSY_TIMEOUT_SECONDS = 30


def make_engine(url: str, *, schema: str | None = None) -> Engine:
    """An engine for ``url``; ``schema`` confines PostgreSQL to one schema (used to isolate test runs)."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        engine = create_engine(
            parsed,
            connect_args={"check_same_thread": False, "timeout": SQLITE_BUSY_TIMEOUT_SECONDS},
        )
        event.listen(engine, "connect", _sqlite_on_connect)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    connect_args: dict[str, Any] = {}
    if schema is not None:
        connect_args["options"] = f"-csearch_path={schema}"
    return create_engine(parsed, pool_pre_ping=True, connect_args=connect_args)


def _sqlite_on_connect(dbapi_connection: Any, _record: Any) -> None:
    # Let SQLAlchemy's "begin" event emit BEGIN itself instead of pysqlite's implicit one.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_SECONDS * 1000}")
    cursor.close()


def _sqlite_begin(connection: Any) -> None:
    connection.exec_driver_sql("BEGIN IMMEDIATE")


def ping(engine: Engine) -> None:
    """Raise if the database cannot be reached."""
    with engine.connect() as connection:
        connection.execute(text("SELECT 1"))


def redacted(url: str) -> str:
    """``url`` with any password masked, and a relative SQLite file made absolute, for logs and messages.

    A relative SQLite path names a different database in every working directory: messages name the
    one actually used.
    """
    try:
        parsed = make_url(url)
    except Exception:
        return "(unparseable database URL)"
    database = parsed.database
    in_memory = not database or database == ":memory:" or database.startswith("file:")
    if parsed.get_backend_name() == "sqlite" and database and not in_memory:
        parsed = parsed.set(database=str(Path(database).absolute()))
    return parsed.render_as_string(hide_password=True)


def has_password(url: str) -> bool:
    """Whether ``url`` carries a password (which messages never show)."""
    try:
        return make_url(url).password is not None
    except Exception:
        return False
