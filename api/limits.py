"""Request body limits, enforced before any route or parser sees the body.

A body larger than the limit is refused with 413 (without reading past the
limit); a JSON body nested deeper than the limit with 400; a body that is not
JSON, sent to the API (/v1) on a method that carries one, with 415 (the web
pages post forms and uploads). Nesting is measured on the
parsed document without recursion, so no input can exhaust the stack.

JSON is parsed strictly: an object that repeats a key is a 400 (otherwise the
last one would silently win, and ``{"decision": "reject", "decision":
"approve"}`` would be an approval), and a string holding a lone surrogate
(``"\\ud800"``), which no UTF-8 store can hold, is a 422 naming its field.
"""

from __future__ import annotations

import json
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from art52.api.errors import (
    DUPLICATE_KEY,
    MALFORMED_JSON,
    MAX_REPORTED_ERRORS,
    TOO_DEEP,
    TOO_LARGE,
    UNSUPPORTED_MEDIA,
    VALIDATION,
    FieldError,
    ProblemType,
    problem_response,
)
from art52.documents.json_reader import DuplicateKeyError, load_json, unique_object
from art52.documents.surrogates import lone_surrogates
from art52.documents.text import decode_text
from art52.errors import DocumentError

BODY_METHODS = frozenset({"POST", "PUT", "PATCH"})


def is_json(content_type: str) -> bool:
    media = content_type.split(";", 1)[0].strip().lower()
    return media == "application/json" or (media.startswith("application/") and media.endswith("+json"))


def nesting_depth(document: Any, limit: int) -> int:
    """Depth of nested arrays/objects (a scalar is 0), counting no further than ``limit + 1``."""
    deepest = 0
    stack: list[tuple[Any, int]] = [(document, 0)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, dict | list):
            depth += 1
            deepest = max(deepest, depth)
            if deepest > limit:
                return deepest
            stack.extend((child, depth) for child in (node.values() if isinstance(node, dict) else node))
    return deepest


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not valid JSON")


def parse_json(body: bytes) -> Any:
    """Strict JSON (no NaN or Infinity, no repeated key); ValueError if not, RecursionError if absurdly deep."""
    return json.loads(body, object_pairs_hook=unique_object, parse_constant=_reject_constant)


Refusal = tuple[ProblemType, str, list[FieldError] | None]


JSON_ONLY = "/v1/"  # the API; the web pages post forms and uploads (same size limit)


class BodyLimits:
    """Pure ASGI middleware: buffers the body up to the limit, checks it, then replays it."""

    def __init__(self, app: ASGIApp, max_bytes: int, max_depth: int) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.max_depth = max_depth

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        declared = headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self.max_bytes:
            await self._refuse(scope, receive, send, TOO_LARGE, self._too_large())
            return
        body = bytearray()
        more = True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            body += message.get("body", b"")
            more = message.get("more_body", False)
            if len(body) > self.max_bytes:
                await self._refuse(scope, receive, send, TOO_LARGE, self._too_large())
                return
        if body and scope["method"] in BODY_METHODS and scope["path"].startswith(JSON_ONLY):
            if not is_json(headers.get("content-type", "")):
                detail = "send the body as application/json (Content-Type: application/json)"
                await self._refuse(scope, receive, send, UNSUPPORTED_MEDIA, detail)
                return
            problem = self._check_json(bytes(body))
            if problem is not None:
                await self._refuse(scope, receive, send, *problem)
                return
        await self.app(scope, replaying(bytes(body), receive), send)

    def _too_large(self) -> str:
        return f"the request body exceeds {self.max_bytes} bytes"

    def _check_json(self, body: bytes) -> Refusal | None:
        too_deep = (TOO_DEEP, f"the JSON body is nested deeper than {self.max_depth} levels", None)
        try:
            document = parse_json(body)
        except RecursionError:
            return too_deep
        except DuplicateKeyError:
            return _duplicate_key(body)
        except ValueError as error:
            return MALFORMED_JSON, f"the request body is not valid JSON: {error}", None
        if nesting_depth(document, self.max_depth) > self.max_depth:
            return too_deep
        pointers = lone_surrogates(document, MAX_REPORTED_ERRORS)
        if pointers:
            errors = [FieldError(detail="contains a lone surrogate (not Unicode text)", pointer=p) for p in pointers]
            return VALIDATION, "text fields must be valid Unicode; see errors", errors
        return None

    @staticmethod
    async def _refuse(
        scope: Scope,
        receive: Receive,
        send: Send,
        kind: ProblemType,
        detail: str,
        errors: list[FieldError] | None = None,
    ) -> None:
        await problem_response(kind, detail, errors=errors)(scope, receive, send)


def _duplicate_key(body: bytes) -> Refusal:
    """The refusal of a body repeating a key, naming the first repeated key (parsed again only now)."""
    try:
        load_json(decode_text(body))
    except DocumentError as error:
        if error.pointer is not None:
            errors = [FieldError(detail=error.message, pointer=error.pointer)]
            return DUPLICATE_KEY, "an object in the request body repeats a key; see errors", errors
    return DUPLICATE_KEY, "an object in the request body repeats a key", None


def replaying(body: bytes, receive: Receive) -> Receive:
    """The body already read, then whatever the client does next (a disconnect)."""
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay
