"""Idempotency keys in the database: claimed by inserting a row, so one of two concurrent claims wins.

Each call is a short transaction of its own, apart from the request's unit of work:
the claim is visible to a concurrent retry at once, and a failed request can give
its key back.
"""

from __future__ import annotations

import datetime as dt
import json

from sqlalchemy import Engine, and_, delete, insert, select, update
from sqlalchemy.exc import IntegrityError

from art52.adapters import tables as t
from art52.adapters.database import Timeouts, unavailable
from art52.domain.idempotency import KeyUse, StoredResponse
from art52.errors import UnavailableError

UNAVAILABLE = "the database cannot serve now (unreachable, overloaded or locked); nothing was written, retry later"


class SqlIdempotencyStore:
    def __init__(self, engine: Engine, timeouts: Timeouts | None = None) -> None:
        self._engine = engine
        self._retry_after = (timeouts or Timeouts()).retry_after

    def claim(
        self,
        scope: str,
        key: str,
        fingerprint: str,
        now: dt.datetime,
        expires_at: dt.datetime,
        stale_before: dt.datetime,
    ) -> KeyUse | None:
        k = t.idempotency_keys.c
        this = and_(k.scope == scope, k.key == key)
        try:
            with self._engine.begin() as connection:
                connection.execute(delete(t.idempotency_keys).where(k.expires_at <= now))
                connection.execute(
                    delete(t.idempotency_keys).where(this, k.status.is_(None), k.created_at < stale_before)
                )
                connection.execute(
                    insert(t.idempotency_keys).values(
                        scope=scope, key=key, fingerprint=fingerprint, created_at=now, expires_at=expires_at
                    )
                )
            return None
        except IntegrityError:
            pass  # taken: read the earlier use below
        except Exception as error:
            self._raise_if_unavailable(error)
            raise
        row = self._read(this)
        if row is None:  # the earlier use was released meanwhile
            return self.claim(scope, key, fingerprint, now, expires_at, stale_before)
        return row

    def complete(self, scope: str, key: str, response: StoredResponse) -> None:
        k = t.idempotency_keys.c
        headers = json.dumps([list(pair) for pair in response.headers], ensure_ascii=False)
        self._run(
            update(t.idempotency_keys)
            .where(k.scope == scope, k.key == key)
            .values(status=response.status, headers=headers, body=response.body)
        )

    def release(self, scope: str, key: str) -> None:
        k = t.idempotency_keys.c
        self._run(delete(t.idempotency_keys).where(k.scope == scope, k.key == key, k.status.is_(None)))

    def _read(self, where: object) -> KeyUse | None:
        try:
            with self._engine.connect() as connection:
                row = connection.execute(select(t.idempotency_keys).where(where)).mappings().first()  # type: ignore[arg-type]
        except Exception as error:
            self._raise_if_unavailable(error)
            raise
        if row is None:
            return None
        response = None
        if row["status"] is not None:
            pairs = tuple((str(name), str(value)) for name, value in json.loads(row["headers"] or "[]"))
            response = StoredResponse(row["status"], pairs, bytes(row["body"] or b""))
        return KeyUse(row["fingerprint"], response, row["created_at"])

    def _run(self, statement: object) -> None:
        try:
            with self._engine.begin() as connection:
                connection.execute(statement)  # type: ignore[call-overload]
        except Exception as error:
            self._raise_if_unavailable(error)
            raise

    def _raise_if_unavailable(self, error: BaseException) -> None:
        if unavailable(error):
            raise UnavailableError(UNAVAILABLE, self._retry_after) from error
