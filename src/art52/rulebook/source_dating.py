"""Static check: no rule version is in force on a day when none of its sources existed.

A finding cites only sources dated on or before its legal date (legal review R2).
A version whose ``valid_from`` is earlier than all its sources — or that has no
``valid_from`` at all — would be applied on days on which the law it states had
not been stated yet, and its findings would rest on nothing. The date that counts
for an instrument is its date of application (rules/law/instruments.yaml).
"""

from __future__ import annotations

from art52.errors import RuleIssue
from art52.rulebook.catalog import Rulebook


def undated_versions(book: Rulebook) -> list[RuleIssue]:
    """An issue for each rule version in force before the earliest of its sources."""
    issues = []
    for rule in book.rules:
        refs = [c.ref for c in rule.spec.sources if c.ref in book.sources]
        if not refs:
            continue  # an unknown source is the loader's error
        earliest = min(book.available_from(ref) for ref in refs)
        start = rule.spec.valid_from
        if start is None or start < earliest:
            when = f"from {start.isoformat()}" if start else "on every date (no valid_from)"
            issues.append(
                RuleIssue(
                    rule.file,
                    rule.line,
                    rule.id,
                    f"version {rule.version} is in force {when}, but none of its sources existed "
                    f"before {earliest.isoformat()}",
                )
            )
    return issues
