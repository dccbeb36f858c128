"""The SQL unit of work: one connection, one transaction, every repository on it."""

from __future__ import annotations

from types import TracebackType
from typing import Self

from sqlalchemy import Connection, Engine, RootTransaction

from art52.adapters.repository import (
    SqlAssessmentRepository,
    SqlAuditLog,
    SqlDecisionRepository,
    SqlMeasureRepository,
    SqlTokenRepository,
)


class SqlUnitOfWork:
    """Rolled back on exit unless :meth:`commit` was called; the connection goes back to the pool."""

    tokens: SqlTokenRepository
    measures: SqlMeasureRepository
    assessments: SqlAssessmentRepository
    decisions: SqlDecisionRepository
    audit: SqlAuditLog

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._connection: Connection | None = None
        self._transaction: RootTransaction | None = None

    def __enter__(self) -> Self:
        connection = self._engine.connect()
        self._connection = connection
        self._transaction = connection.begin()
        self.tokens = SqlTokenRepository(connection)
        self.measures = SqlMeasureRepository(connection)
        self.assessments = SqlAssessmentRepository(connection)
        self.decisions = SqlDecisionRepository(connection)
        self.audit = SqlAuditLog(connection)
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        try:
            if self._transaction is not None and self._transaction.is_active:
                self._transaction.rollback()
        finally:
            if self._connection is not None:
                self._connection.close()
            self._connection = self._transaction = None

    def commit(self) -> None:
        if self._transaction is None:
            raise RuntimeError("commit outside the unit of work")
        self._transaction.commit()
