"""The boundary every engine backend implements.

A backend decides, for each rule version in force, whether the rule is in
scope and whether its condition holds, in three-valued logic. Explanations,
findings and balancing are built from those results elsewhere, identically
for every backend, so two backends can only differ in what they decide.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from art52.engine.logic import Truth
from art52.rulebook.schema import Rule


@dataclass(frozen=True)
class RuleResult:
    """What a backend decided for one rule version."""

    key: str
    scope: Truth
    condition: Truth


class Backend(Protocol):
    """An evaluator of compiled rules over one measure's facts."""

    name: str

    def version(self) -> str:
        """Backend name and library version, recorded in every assessment."""
        ...

    def evaluate(self, ruleset_id: str, rules: Sequence[Rule], facts: Mapping[str, Any]) -> dict[str, RuleResult]:
        """Decide every rule; ``ruleset_id`` names the exact set of rules (cache key)."""
        ...
