"""Security headers on every response, whichever route or error produced it.

Every response says ``nosniff`` and may not be framed; a response to a request
that carried a credential is never cached; HTML gets a strict Content-Security-Policy
that allows only this server's files (and forms posting back to it) and, by their SHA-256, the page's own inline
``<script>`` and ``<style>`` blocks (the reports, the rule handbook and Swagger UI
keep theirs). No ``server`` header leaves the application (uvicorn's own is switched
off by ``art52 serve``).
"""

from __future__ import annotations

import base64
import hashlib
import re

from starlette.types import ASGIApp, Message, Receive, Scope, Send

ALWAYS = (
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
)
NO_STORE = (b"cache-control", b"no-store")
POLICY = (
    "default-src 'none'; script-src 'self'{scripts}; style-src 'self'{styles}; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
INLINE = {
    "script": re.compile(rb"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", re.DOTALL | re.IGNORECASE),
    "style": re.compile(rb"<style[^>]*>(.*?)</style>", re.DOTALL | re.IGNORECASE),
}
REPLACED = {b"x-content-type-options", b"x-frame-options", b"referrer-policy", b"server"}


def content_security_policy(html: bytes) -> str:
    """The policy for one HTML page: this server's files, plus its inline blocks by hash."""
    hashes = {
        kind: "".join(f" 'sha256-{_digest(block)}'" for block in pattern.findall(html))
        for kind, pattern in INLINE.items()
    }
    return POLICY.format(scripts=hashes["script"], styles=hashes["style"])


def _digest(block: bytes) -> str:
    return base64.b64encode(hashlib.sha256(block).digest()).decode("ascii")


def carries_credentials(scope: Scope) -> bool:
    """Whether the request sent a credential (an Authorization header or an access_token parameter)."""
    if any(name.lower() == b"authorization" for name, _ in scope.get("headers", [])):
        return True
    return b"access_token=" in scope.get("query_string", b"")


class SecurityHeaders:
    """Pure ASGI middleware adding the headers above; HTML bodies are buffered to hash their inline blocks."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        private = carries_credentials(scope)
        start: Message | None = None
        body = bytearray()

        async def secured_send(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() not in REPLACED]
                headers += ALWAYS
                if private:
                    headers = [(k, v) for k, v in headers if k.lower() != b"cache-control"] + [NO_STORE]
                message = {**message, "headers": headers}
                if not _is_html(headers):
                    await send(message)
                    return
                start = message
                return
            if start is None or message["type"] != "http.response.body":
                await send(message)
                return
            body.extend(message.get("body", b""))
            if message.get("more_body", False):
                return
            policy = content_security_policy(bytes(body)).encode("ascii")
            await send({**start, "headers": [*start["headers"], (b"content-security-policy", policy)]})
            await send({"type": "http.response.body", "body": bytes(body), "more_body": False})

        await self.app(scope, receive, secured_send)


def _is_html(headers: list[tuple[bytes, bytes]]) -> bool:
    return any(k.lower() == b"content-type" and v.lower().startswith(b"text/html") for k, v in headers)
