"""The SQL unit of work: one connection, one transaction, every repository on it.

A database that cannot serve (down, a full pool, a timed-out lock or statement)
surfaces as :class:`~art52.errors.UnavailableError`, whatever the driver raised,
so that the edges answer "retry later" instead of reporting a bug.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from types import TracebackType
from typing import Self

from sqlalchemy import Connection, Engine, RootTransaction

from art52.adapters.database import READ_ONLY, Timeouts, unavailable
from art52.adapters.impact_repository import SqlImpactRepository
from art52.adapters.repository import (
    SqlAssessmentRepository,
    SqlAuditLog,
    SqlDecisionRepository,
    SqlInterviewRepository,
    SqlMeasureRepository,
    SqlSessionRepository,
    SqlTokenRepository,
)
from art52.adapters.webhook_repository import SqlWebhookRepository
from art52.domain.audit_keys import KeyRing
from art52.errors import UnavailableError

log = logging.getLogger(__name__)

UNAVAILABLE = "the database cannot serve now (unreachable, overloaded or locked); nothing was written, retry later"


class SqlUnitOfWork:
    """Rolled back on exit unless :meth:`commit` was called; the connection goes back to the pool.

    ``read_only``: the work only reads and never commits, so it need not take the write lock first.
    """

    tokens: SqlTokenRepository
    sessions: SqlSessionRepository
    measures: SqlMeasureRepository
    assessments: SqlAssessmentRepository
    decisions: SqlDecisionRepository
    interviews: SqlInterviewRepository
    audit: SqlAuditLog
    impact: SqlImpactRepository
    webhooks: SqlWebhookRepository

    def __init__(
        self,
        engine: Engine,
        keys: KeyRing | None = None,
        timeouts: Timeouts | None = None,
        after_events: Callable[[], None] | None = None,
        *,
        read_only: bool = False,
    ) -> None:
        self._engine = engine
        self._read_only = read_only
        self._after_events = after_events
        self._keys = keys or KeyRing()
        self._retry_after = (timeouts or Timeouts()).retry_after
        self._connection: Connection | None = None
        self._transaction: RootTransaction | None = None

    def __enter__(self) -> Self:
        try:
            connection = self._engine.connect()
            self._connection = connection
            if self._read_only:
                connection.execution_options(**{READ_ONLY: True})
            self._transaction = connection.begin()
        except Exception as error:
            self._close()
            self._raise_if_unavailable(error)
            raise
        self.tokens = SqlTokenRepository(connection)
        self.sessions = SqlSessionRepository(connection)
        self.measures = SqlMeasureRepository(connection)
        self.assessments = SqlAssessmentRepository(connection)
        self.decisions = SqlDecisionRepository(connection)
        self.interviews = SqlInterviewRepository(connection)
        self.audit = SqlAuditLog(connection, self._keys)
        self.impact = SqlImpactRepository(connection)
        self.webhooks = SqlWebhookRepository(connection)
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        try:
            if self._transaction is not None and self._transaction.is_active:
                self._transaction.rollback()
        except Exception as failure:
            if error is None:
                self._raise_if_unavailable(failure)
                raise
        finally:
            self._close()
        if error is not None:
            self._raise_if_unavailable(error)

    def commit(self) -> None:
        if self._transaction is None:
            raise RuntimeError("commit outside the unit of work")
        if self._read_only:
            raise RuntimeError("a read-only unit of work cannot commit")
        try:
            self._transaction.commit()
        except Exception as error:
            self._raise_if_unavailable(error)
            raise
        if self._after_events is not None and self.audit.appended:
            try:
                self._after_events()
            except Exception:  # the events are committed; the next write, or a worker, dispatches them
                log.exception("events committed, but their dispatch could not be queued")

    def _close(self) -> None:
        if self._connection is not None:
            self._connection.close()
        self._connection = self._transaction = None

    def _raise_if_unavailable(self, error: BaseException) -> None:
        if unavailable(error):
            raise UnavailableError(UNAVAILABLE, self._retry_after) from error
