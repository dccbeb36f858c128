"""A minimal valid rule from an id and its conditions, for the engine tests' fixed rule sets."""

from __future__ import annotations

from typing import Any

from art52.rulebook.schema import Rule, RuleSpec, build_rule


def minimal_rule(
    rule_id: str, when: dict[str, Any], applies_to: dict[str, Any] | None = None, *, family: str = "test"
) -> Rule:
    """Version 1 of a settled necessity rule ``rule_id``, defined at line 1 of ``<family>.yaml``."""
    raw: dict[str, Any] = {
        "id": rule_id,
        "version": 1,
        "title": rule_id,
        "basis": "case_law",
        "principle": "necessity",
        "status": "settled",
        "when": when,
        "then": {"effect": "violation", "explanation": "x"},
        "sources": [{"ref": "s", "pinpoint": "p"}],
    }
    if applies_to is not None:
        raw["applies_to"] = applies_to
    return build_rule(RuleSpec.model_validate(raw), family, f"{family}.yaml", 1)
