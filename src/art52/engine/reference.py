"""The plain-Python backend: the condition language evaluated directly.

It is the oracle the durable-rules backend is tested against and a fallback
selected with ``ART52_ENGINE=reference``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import art52
from art52.engine.backend import RuleResult
from art52.engine.logic import Truth, evaluate
from art52.rulebook.schema import Rule


class ReferenceBackend:
    """Evaluates rules with ``art52.engine.logic``; stateless and thread-safe."""

    name = "reference"

    def version(self) -> str:
        return f"reference/{art52.__version__}"

    def evaluate(self, ruleset_id: str, rules: Sequence[Rule], facts: Mapping[str, Any]) -> dict[str, RuleResult]:
        results = {}
        for rule in rules:
            scope = evaluate(rule.scope, facts)
            condition = evaluate(rule.condition, facts) if scope is Truth.TRUE else Truth.UNKNOWN
            results[rule.key] = RuleResult(rule.key, scope, condition)
        return results
