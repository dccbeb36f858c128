"""Database engines for SQLite (the embedded default) and PostgreSQL.

A SQLite file database runs in WAL mode. Every SQLite transaction that may write
starts with ``BEGIN IMMEDIATE``: it takes the write lock before it reads, so two
read-then-write transactions queue (for up to the busy timeout) instead of one
failing with "database is locked" half-way. A read-only transaction (connection
option :data:`READ_ONLY`) starts with a deferred ``BEGIN``: in WAL mode it reads
the last committed state and never waits on a writer. Writes are serialised, which
is what the embedded database is for; PostgreSQL is the choice for load. It runs
at READ COMMITTED: the conditional updates and the row lock on the audit chain head
give the guarantees the service needs there.

No wait is unbounded (see :class:`Timeouts`): a transaction that holds a lock
for too long makes the others give up after the lock timeout, return their
connection to the pool and answer "unavailable, retry" (:func:`unavailable`
tells those failures apart), instead of queueing until the pool is exhausted.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, NullPool, create_engine, event, exc, select
from sqlalchemy.engine import make_url

READ_ONLY = "art52_read_only"
"""Connection execution option: the transaction only reads (SQLite: a deferred BEGIN, no write lock)."""


@dataclass(frozen=True)
class Timeouts:
    """How long (seconds) the database may keep a request waiting.

    ``statement``: one SQL statement (PostgreSQL ``statement_timeout``; 0: no limit). ``lock``: waiting for a
    row lock (PostgreSQL ``lock_timeout``; SQLite's busy timeout, its one lock). ``pool``: waiting
    for a free pooled connection. ``connect``: opening a connection to the server.
    """

    statement: float = 30.0
    lock: float = 5.0
    pool: float = 10.0
    connect: float = 10.0

    @property
    def retry_after(self) -> int:
        """Whole seconds a client should wait before retrying a request that timed out."""
        return max(1, math.ceil(self.lock))


def _milliseconds(seconds: float) -> int:
    return round(seconds * 1000)


def make_engine(
    url: str, *, schema: str | None = None, timeouts: Timeouts | None = None, pooled: bool = True
) -> Engine:
    """An engine for ``url``; ``schema`` confines PostgreSQL to one schema (used to isolate test runs).

    ``pooled=False`` opens a connection per use: for probes that must answer while the pool is busy.
    """
    limits = timeouts or Timeouts()
    parsed = make_url(url)
    pool: dict[str, Any] = {"poolclass": NullPool} if not pooled else {}
    if parsed.get_backend_name() == "sqlite":
        engine = create_engine(parsed, connect_args={"check_same_thread": False, "timeout": limits.lock}, **pool)
        event.listen(engine, "connect", partial(_sqlite_on_connect, busy_timeout=_milliseconds(limits.lock)))
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    options = [f"-cstatement_timeout={_milliseconds(limits.statement)}", f"-clock_timeout={_milliseconds(limits.lock)}"]
    if schema is not None:
        options.append(f"-csearch_path={schema}")
    connect_args: dict[str, Any] = {"options": " ".join(options)}
    if limits.connect:
        connect_args["connect_timeout"] = max(1, math.ceil(limits.connect))
    if pooled:
        pool = {"pool_pre_ping": True, "pool_timeout": limits.pool}
    return create_engine(parsed, connect_args=connect_args, **pool)


def _sqlite_on_connect(dbapi_connection: Any, _record: Any, *, busy_timeout: int) -> None:
    # Let SQLAlchemy's "begin" event emit BEGIN itself instead of pysqlite's implicit one.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute(f"PRAGMA busy_timeout={busy_timeout}")
    cursor.close()


def _sqlite_begin(connection: Any) -> None:
    read_only = connection.get_execution_options().get(READ_ONLY, False)
    connection.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")


def unavailable(error: BaseException) -> bool:
    """Whether ``error`` means the database cannot serve now (down, timed out, locked), not a bug.

    Covers a full pool, a lost or refused connection, and statements cancelled by a timeout
    (PostgreSQL lock_timeout or statement_timeout; SQLite "database is locked").
    """
    if isinstance(error, exc.TimeoutError | exc.OperationalError):
        return True
    return isinstance(error, exc.DBAPIError) and error.connection_invalidated


def ping(engine: Engine) -> None:
    """Raise if the database cannot be reached (outside any transaction: a held lock does not count here)."""
    with engine.connect() as connection:  # connecting fails as SQLAlchemy errors; no BEGIN is sent
        cursor = connection.connection.cursor()
        cursor.execute("SELECT 1")
        cursor.close()


def lock_chain_head(engine: Engine) -> int | None:
    """Take, and at once give back, the lock every write needs (the audit chain head); raise if it cannot.

    Returns the first sealed event the head records (``mac_from``), if any.
    """
    from art52.adapters.tables import audit_head

    head = audit_head.c
    with engine.connect() as connection, connection.begin() as transaction:  # SQLite: BEGIN IMMEDIATE
        sealed_from = connection.execute(select(head.mac_from).where(head.id == 1).with_for_update()).scalar()
        transaction.rollback()
    return sealed_from


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
