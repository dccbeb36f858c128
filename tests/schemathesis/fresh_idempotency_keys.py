"""Schemathesis hook: every generated POST carries a fresh Idempotency-Key.

A client retries a request with the key it first sent, and sends a new key with a
new request; the server answers a key reused for another body with 422, as the
IETF draft says. Schemathesis generates one value per run for an optional header,
so without this hook it would reuse a key across different bodies and be told so.
Loaded by tests/api/test_schemathesis_served.py through SCHEMATHESIS_HOOKS.
"""

from __future__ import annotations

import uuid
from typing import Any

import schemathesis


@schemathesis.hook
def before_call(ctx: Any, case: Any, **kwargs: Any) -> None:
    if case.method.upper() == "POST":
        case.headers = {**(case.headers or {}), "Idempotency-Key": str(uuid.uuid4())}
