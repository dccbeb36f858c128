"""Idempotency keys: what a retried request gets back (IETF draft "The Idempotency-Key HTTP Header Field").

A client that lost its connection resends its POST with the same ``Idempotency-Key``.
The first request's response is kept with a fingerprint of the request; a retry with
the same fingerprint gets that response again instead of creating a duplicate.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

MAX_KEY = 255
# Visible ASCII and spaces: the key is an opaque string chosen by the client (a UUID is typical).
KEY_PATTERN = re.compile(rf"[\x20-\x7e]{{1,{MAX_KEY}}}")


@dataclass(frozen=True)
class StoredResponse:
    """A response as first sent: replayed byte for byte."""

    status: int
    headers: tuple[tuple[str, str], ...]
    body: bytes


@dataclass(frozen=True)
class KeyUse:
    """An earlier, unexpired use of a key: the request's fingerprint and, once finished, its response."""

    fingerprint: str
    response: StoredResponse | None
    started_at: dt.datetime


def valid_key(key: str) -> bool:
    return bool(KEY_PATTERN.fullmatch(key)) and bool(key.strip())
