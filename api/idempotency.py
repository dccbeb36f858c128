"""``Idempotency-Key`` on POST: a retried request gets the first response again, not a duplicate.

Pure ASGI middleware inside the body limits (the body it sees is complete and
checked). A POST under ``/v1`` that carries the header and a valid bearer token is
fingerprinted (method, path, query and body) and its key claimed for the caller; the
response is kept unless it is a server error (then the key is given back and a retry
runs again). A replay carries ``Idempotent-Replayed: true``. Without the header, or
without a valid token (the route answers 401), nothing changes.
"""

from __future__ import annotations

from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from art52.api.errors import (
    DATABASE_UNAVAILABLE,
    IDEMPOTENCY_IN_PROGRESS,
    IDEMPOTENCY_KEY_REUSED,
    VALIDATION,
    FieldError,
    problem_response,
    problems,
)
from art52.api.limits import replaying
from art52.bootstrap import Container
from art52.domain.access import Principal
from art52.domain.idempotency import MAX_KEY, StoredResponse
from art52.errors import Art52Error, RequestError, UnavailableError
from art52.services.idempotency import KeyInProgressError, KeyReusedError, fingerprint

HEADER = "idempotency-key"
REPLAYED = (b"idempotent-replayed", b"true")
PREFIX = "/v1/"


def _header(scope: Scope, name: str) -> str | None:
    for key, value in scope.get("headers", []):
        if key.decode("latin-1").lower() == name:
            return str(value.decode("latin-1"))
    return None


def _bearer(scope: Scope) -> str | None:
    value = _header(scope, "authorization")
    if value is None:
        return None
    scheme, _, secret = value.partition(" ")
    return secret.strip() if scheme.lower() == "bearer" and secret.strip() else None


class IdempotencyKeys:
    def __init__(self, app: ASGIApp, container: Container) -> None:
        self.app = app
        self.container = container

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        key = _header(scope, HEADER) if scope["type"] == "http" and scope["method"] == "POST" else None
        if key is None or not str(scope["path"]).startswith(PREFIX):
            await self.app(scope, receive, send)
            return
        principal = await self._principal(scope)
        if principal is None:
            await self.app(scope, receive, send)
            return
        body = await _read_body(receive)
        request = fingerprint(scope["method"], scope["path"], scope.get("query_string", b""), body)
        service = self.container.idempotency
        try:
            replay = await run_in_threadpool(service.begin, principal, key, request)
        except RequestError as error:
            issues = [
                FieldError.model_validate({"detail": i.message, "parameter": i.path, "in": "header"})
                for i in error.issues
            ]
            await problem_response(VALIDATION, "the Idempotency-Key header is not valid", errors=issues)(
                scope, receive, send
            )
            return
        except KeyReusedError as error:
            await problem_response(IDEMPOTENCY_KEY_REUSED, str(error))(scope, receive, send)
            return
        except KeyInProgressError as error:
            await problem_response(IDEMPOTENCY_IN_PROGRESS, str(error), headers={"Retry-After": "1"})(
                scope, receive, send
            )
            return
        except UnavailableError as error:
            headers = {"Retry-After": str(error.retry_after)}
            await problem_response(DATABASE_UNAVAILABLE, str(error), headers=headers)(scope, receive, send)
            return
        if replay is not None:
            await _send_replay(replay, send)
            return
        await self._run_and_keep(scope, replaying(body, receive), send, principal, key)

    async def _principal(self, scope: Scope) -> Principal | None:
        secret = _bearer(scope)
        if secret is None:
            return None
        try:
            return await run_in_threadpool(self.container.tokens.authenticate, secret)
        except Art52Error:
            return None  # the route answers: 401, or 503 if the database is down

    async def _run_and_keep(self, scope: Scope, receive: Receive, send: Send, principal: Principal, key: str) -> None:
        status = 500
        headers: list[tuple[str, str]] = []
        sent = bytearray()

        async def keeping_send(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
                headers.extend((k.decode("latin-1"), v.decode("latin-1")) for k, v in message.get("headers", []))
            elif message["type"] == "http.response.body":
                sent.extend(message.get("body", b""))
            await send(message)

        service = self.container.idempotency
        try:
            await self.app(scope, receive, keeping_send)
        except BaseException:
            await run_in_threadpool(service.release, principal, key)
            raise
        if status >= 500:
            await run_in_threadpool(service.release, principal, key)
            return
        kept = StoredResponse(status, tuple(headers), bytes(sent))
        await run_in_threadpool(service.complete, principal, key, kept)


async def _read_body(receive: Receive) -> bytes:
    body = bytearray()
    while True:
        message = await receive()
        if message["type"] != "http.request":
            return bytes(body)
        body += message.get("body", b"")
        if not message.get("more_body", False):
            return bytes(body)


async def _send_replay(response: StoredResponse, send: Send) -> None:
    headers = [(k.encode("latin-1"), v.encode("latin-1")) for k, v in response.headers]
    await send({"type": "http.response.start", "status": response.status, "headers": [*headers, REPLAYED]})
    await send({"type": "http.response.body", "body": response.body, "more_body": False})


def document(openapi: dict[str, Any]) -> dict[str, Any]:
    """Add the optional ``Idempotency-Key`` header, and its 409 and 422 answers, to every POST under /v1."""
    parameter = {
        "name": "Idempotency-Key",
        "in": "header",
        "required": False,
        "description": "Any unique string (a UUID, say) naming this request, to retry it safely: the same key "
        "with the same request returns the first response again (with `Idempotent-Replayed: true`) instead of "
        "acting twice; with another request, 422; while the first is still running, 409. Keys are the "
        "caller's own and are remembered for 24 hours (ART52_IDEMPOTENCY_TTL).",
        "schema": {
            "type": "string",
            "minLength": 1,
            "maxLength": MAX_KEY,
            "pattern": "^[\\x20-\\x7e]*[\\x21-\\x7e][\\x20-\\x7e]*$",
        },
    }
    for path, operations in openapi.get("paths", {}).items():
        operation = operations.get("post")
        if not path.startswith(PREFIX) or operation is None:
            continue
        operation.setdefault("parameters", []).append(parameter)
        responses = operation.setdefault("responses", {})
        for status, entry in problems(409, 422).items():
            responses.setdefault(str(status), entry)
    return openapi
