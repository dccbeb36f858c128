"""The one exception hierarchy of art52.

::

    Art52Error
     ├── MeasureError          a measure document is not valid under the contract
     ├── RulebookError         rule files fail validation (carries every issue found)
     ├── EngineError           the rule engine failed or returned an impossible result
     └── NotFoundError         a rule, source or stored object does not exist

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
