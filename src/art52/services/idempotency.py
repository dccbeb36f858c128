"""Retries that do not duplicate: the first response to an Idempotency-Key is kept and replayed.

Keys are scoped to the principal (organisation and stable identity), so two callers
never see each other's responses. The same key with another request is refused
(422); a retry while the first request is still running is refused (409) and may be
sent again. A key is remembered for ``ttl`` seconds; an unfinished use is given up
after ``lease`` seconds, when its request can no longer be running.
"""

from __future__ import annotations

import datetime as dt
import hashlib

from art52.domain.access import Principal
from art52.domain.idempotency import StoredResponse, valid_key
from art52.errors import Art52Error, FieldIssue, RequestError
from art52.services.ports import Clock, IdempotencyStore

LEASE_SECONDS = 300.0


class KeyReusedError(Art52Error):
    """The key was used for another request (another body, path or query)."""


class KeyInProgressError(Art52Error):
    """The first request with this key has not finished yet."""


def fingerprint(method: str, path: str, query: bytes, body: bytes) -> str:
    """What makes two requests "the same request" for a key."""
    digest = hashlib.sha256()
    for part in (method.encode(), path.encode(), query, body):
        digest.update(len(part).to_bytes(8, "big"))
        digest.update(part)
    return digest.hexdigest()


def scope_of(principal: Principal) -> str:
    return f"{principal.organisation}/{principal.identity}"


class IdempotencyService:
    def __init__(self, store: IdempotencyStore, clock: Clock, ttl: float, lease: float = LEASE_SECONDS) -> None:
        self._store = store
        self._clock = clock
        self._ttl = dt.timedelta(seconds=ttl)
        self._lease = dt.timedelta(seconds=lease)

    def begin(self, principal: Principal, key: str, request_fingerprint: str) -> StoredResponse | None:
        """None: go ahead and run the request; or the response to replay. KeyReused/KeyInProgress otherwise."""
        if not valid_key(key):
            raise RequestError(
                [FieldIssue("Idempotency-Key", "1 to 255 visible ASCII characters, e.g. a UUID")], "header"
            )
        now = self._clock.now()
        earlier = self._store.claim(
            scope_of(principal), key, request_fingerprint, now, now + self._ttl, now - self._lease
        )
        if earlier is None:
            return None
        if earlier.fingerprint != request_fingerprint:
            raise KeyReusedError(
                "this Idempotency-Key was used for a different request (another body, path or query); "
                "use a new key for a new request"
            )
        if earlier.response is None:
            raise KeyInProgressError(
                "the first request with this Idempotency-Key is still being processed; retry later"
            )
        return earlier.response

    def complete(self, principal: Principal, key: str, response: StoredResponse) -> None:
        self._store.complete(scope_of(principal), key, response)

    def release(self, principal: Principal, key: str) -> None:
        self._store.release(scope_of(principal), key)
