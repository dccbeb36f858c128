"""The one exception hierarchy of art52.

::

    Art52Error
     ├── DocumentError         a document cannot be read: encoding, syntax, duplicate keys
     ├── MeasureError          a measure document is not valid under the contract
     ├── RulebookError         rule files fail validation (carries every issue found)
     ├── EngineError           the rule engine failed or returned an impossible result
     ├── NotFoundError         a rule, source or stored object does not exist (or is not visible)
     ├── RequestError          a request other than a measure document is invalid (names each field)
     ├── InvalidTransitionError  the review workflow does not allow the action in the current state
     ├── ConflictError         someone else changed the object first (optimistic concurrency)
     ├── PreconditionFailedError  the caller's If-Match names a version that is no longer current
     ├── AuthenticationError   no valid credentials were presented
     ├── PermissionDeniedError the principal may not do this (role, four-eyes)
     ├── RenderingUnavailableError  a report format needs a library or system library that is missing
     ├── UnavailableError      the database cannot serve now (down, timed out, locked); retry later
     └── ConfigurationError    a setting is missing or invalid (names the setting)

Callers catch ``Art52Error`` at the edges (CLI, HTTP) and turn it into a clear
message; nothing below the edges prints or exits.
"""

from __future__ import annotations

from dataclasses import dataclass


class Art52Error(Exception):
    """Base of every error art52 raises on purpose."""


@dataclass(frozen=True)
class FieldIssue:
    """One offending field of an input document, with a JSON-pointer-like path."""

    path: str
    message: str


class DocumentError(Art52Error):
    """A document cannot be read as written: its encoding, its syntax, or a duplicate key.

    ``line`` is 1-based; ``pointer`` (RFC 6901) names the offending field when there is one.
    """

    def __init__(self, message: str, *, line: int | None = None, pointer: str | None = None) -> None:
        self.message = message
        self.line = line
        self.pointer = pointer
        super().__init__(message)


class MeasureError(Art52Error):
    """A measure document does not satisfy the measure contract."""

    def __init__(self, issues: list[FieldIssue]) -> None:
        self.issues = issues
        super().__init__("; ".join(f"{i.path or '/'}: {i.message}" for i in issues))


@dataclass(frozen=True)
class RuleIssue:
    """One problem in a rule file: where it is and which rule it belongs to."""

    file: str
    line: int | None
    rule_id: str | None
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line is not None else self.file
        rule = f" [{self.rule_id}]" if self.rule_id else ""
        return f"{where}{rule}: {self.message}"


class RulebookError(Art52Error):
    """The rulebook failed validation; it is rejected whole, never half-loaded."""

    def __init__(self, issues: list[RuleIssue]) -> None:
        self.issues = issues
        super().__init__("\n".join(str(i) for i in issues))


class EngineError(Art52Error):
    """The rule engine failed; the assessment must not be trusted or stored."""


class NotFoundError(Art52Error):
    """A named rule, source or stored object does not exist."""


class RequestError(Art52Error):
    """A request parameter or body (other than a measure document) is invalid.

    ``location`` says where the paths point: ``body`` (JSON pointers) or ``query``
    (parameter names).
    """

    def __init__(self, issues: list[FieldIssue], location: str = "body") -> None:
        self.issues = issues
        self.location = location
        super().__init__("; ".join(f"{i.path or '/'}: {i.message}" for i in issues))


class InvalidTransitionError(Art52Error):
    """The review workflow does not allow this action in the measure's current state."""


class ConflictError(Art52Error):
    """The object changed since it was read; nothing was written, the caller may retry."""


class PreconditionFailedError(Art52Error):
    """The version named by If-Match is not the current one."""


class AuthenticationError(Art52Error):
    """No credentials, or credentials that are unknown or revoked."""


class PermissionDeniedError(Art52Error):
    """The authenticated principal is not allowed to perform the action."""


class RenderingUnavailableError(Art52Error):
    """A report format (PDF) needs a library, or a system library, that cannot be loaded here."""


class UnavailableError(Art52Error):
    """The database cannot serve now: unreachable, too slow, or locked. Nothing was written.

    ``retry_after`` is how many seconds a caller should wait before trying again.
    """

    def __init__(self, message: str, retry_after: int) -> None:
        self.retry_after = retry_after
        super().__init__(message)


class ConfigurationError(Art52Error):
    """A setting is missing or invalid; the message names the setting (never a secret's value)."""
