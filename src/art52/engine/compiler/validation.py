"""What the fact encoding and durable_rules cannot carry, rejected before anything is compiled."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence

from art52.domain.fields import FieldSpec
from art52.engine.compiler.limits import NUMBER_LIMIT, SAFE_NAME, RuleCompileError
from art52.rulebook.checks import check_condition
from art52.rulebook.conditions import Leaf, leaves
from art52.rulebook.schema import Rule

_PATH = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*")


def validate(ruleset_id: str, rules: Sequence[Rule], catalogue: Mapping[str, FieldSpec]) -> None:
    """Raise RuleCompileError naming every problem of the ruleset; return if there is none."""
    problems: list[str] = []
    if not SAFE_NAME.fullmatch(ruleset_id):
        problems.append(f"ruleset id {ruleset_id!r} is not a safe durable_rules name")
    seen: set[str] = set()
    for rule in rules:
        if rule.key in seen:
            problems.append(f"{rule.key}: appears twice in the ruleset")
        seen.add(rule.key)
        for part, condition in (("applies_to", rule.scope), ("when", rule.condition)):
            where = f"{rule.key} {part}"
            problems += [f"{where}: {m}" for m in check_condition(condition, catalogue)]
            for leaf in leaves(condition):
                problems += [f"{where}: {m}" for m in _leaf_problems(leaf)]
    if problems:
        raise RuleCompileError("cannot compile for durable_rules:\n" + "\n".join(problems))


def _leaf_problems(leaf: Leaf) -> Iterable[str]:
    if not _PATH.fullmatch(leaf.path):
        yield f"fact path {leaf.path!r} has characters the fact encoding cannot carry"
    values = leaf.value if isinstance(leaf.value, tuple) else (leaf.value,)
    for value in values:
        if isinstance(value, float) and not math.isfinite(value):
            yield f"'{leaf.path}': {value} is not a finite number"
        elif isinstance(value, int | float) and not isinstance(value, bool):
            if abs(value) > NUMBER_LIMIT:
                yield f"'{leaf.path}': {value} is beyond ±2**52, where durable_rules compares inexactly"
            elif isinstance(value, float) and "e" in repr(value):
                yield f"'{leaf.path}': {value!r} needs an exponent, which durable_rules cannot parse"
