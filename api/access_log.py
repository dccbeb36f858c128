"""Credentials never reach the logs: the access log shows ``access_token=[REDACTED]``.

A token sent in a query string (``?access_token=…``) or a bearer credential quoted in
a message would otherwise be written to every access log line and kept wherever the
logs are shipped. The filter rewrites the record, so it works under any log handler.

A parameter's name is matched as the server reads it (percent-decoded, ``+`` as a space,
case aside), so ``?access%5Ftoken=…`` is redacted too; its value is redacted up to the
next ``&``, where the server ends it, even when a ``;`` comes first.
"""

from __future__ import annotations

import logging
import re
from urllib.parse import unquote_plus

REDACTED = "[REDACTED]"
# Query parameters that carry a secret (OAuth 2.0, RFC 6750 section 2.3, and the usual API-key names).
SECRET_PARAMETERS = (
    "access_token",
    "id_token",
    "refresh_token",
    "token",
    "api_key",
    "apikey",
    "key",
    "password",
    "secret",
    "client_secret",
    "authorization",
)
_SECRET_NAMES = frozenset(SECRET_PARAMETERS)
PARAMETER = re.compile(r'(?<=[?&;])([^=&;#\s"]+)=')  # a parameter's name as written, up to its "="
VALUE_END = re.compile(r'[&#\s"]|$')  # where the server ends a parameter's value
CREDENTIAL = re.compile(r"(?i)\b(bearer|basic|token)\s+[A-Za-z0-9._~+/=-]{8,}")
ACCESS_LOGGERS = ("uvicorn.access", "uvicorn.error", "api")


def redact(text: str) -> str:
    """``text`` with secret query parameters and Authorization credentials replaced."""
    return CREDENTIAL.sub(lambda m: f"{m.group(1)} {REDACTED}", _redact_parameters(text))


def _redact_parameters(text: str) -> str:
    kept: list[str] = []
    position = 0
    for found in PARAMETER.finditer(text):
        if found.start() < position or unquote_plus(found.group(1)).lower() not in _SECRET_NAMES:
            continue
        end = VALUE_END.search(text, found.end())
        assert end is not None  # "$" always matches
        kept += [text[position : found.end()], REDACTED]
        position = end.start()
    return "".join(kept) + text[position:]


class RedactCredentials(logging.Filter):
    """Rewrites each record's message and string arguments; never drops a record."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.msg, str):
            record.msg = redact(record.msg)
        if isinstance(record.args, tuple):
            record.args = tuple(redact(a) if isinstance(a, str) else a for a in record.args)
        elif isinstance(record.args, dict):
            record.args = {k: redact(v) if isinstance(v, str) else v for k, v in record.args.items()}
        return True


def install() -> None:
    """Attach the filter to the access and error loggers (once, however many apps are built)."""
    for name in ACCESS_LOGGERS:
        target = logging.getLogger(name)
        if not any(isinstance(f, RedactCredentials) for f in target.filters):
            target.addFilter(RedactCredentials())
