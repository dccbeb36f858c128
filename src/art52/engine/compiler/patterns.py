"""Formulas → durable patterns: split to fit one pattern, ordered for the matcher, written as JSON."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from art52.engine.compiler.formulas import Formula, Junction, Lit, conj
from art52.engine.compiler.limits import CAP, DISCRIMINATOR, MAX_GROUPS, MAX_SPLIT

_DURABLE_OPS = {"eq": "$eq", "neq": "$neq", "lt": "$lt", "lte": "$lte", "gt": "$gt", "gte": "$gte"}


def groups(formula: Formula) -> int:
    return 0 if isinstance(formula, Lit) else 1 + sum(groups(i) for i in formula.items)


def pattern_groups(formula: Formula) -> int:
    if isinstance(formula, Junction) and formula.op == "and":
        return 1 + sum(groups(i) for i in formula.items)
    return 1 + groups(formula)


def split(formula: Formula, out: list[Formula] | None = None) -> list[Formula]:
    """Distribute ``and`` over ``or`` until every piece fits one durable pattern (at most MAX_SPLIT)."""
    out = [] if out is None else out
    if len(out) > MAX_SPLIT:
        return out
    if pattern_groups(formula) <= MAX_GROUPS or isinstance(formula, Lit):
        if formula not in out:
            out.append(formula)
    elif formula.op == "or":
        for item in formula.items:
            split(item, out)
    else:
        widest = max((i for i in formula.items if isinstance(i, Junction)), key=groups)
        rest = [i for i in formula.items if i is not widest]
        for option in widest.items:
            split(conj(*rest, option), out)
    return out


def options(formula: Formula) -> tuple[Formula, ...]:
    """The exclusive branches of a formula (itself unless it is an ``$or``)."""
    return formula.items if isinstance(formula, Junction) and formula.op == "or" else (formula,)


def _rank(formula: Formula) -> int:
    """Cheap-to-fail tests first: durable walks a pattern's tests as a chain and stops at the first miss."""
    if isinstance(formula, Junction):
        return 3
    return {"eq": 0, "neq": 2}.get(formula.op, 1)


def pattern(formula: Formula, prefix: frozenset[Formula]) -> tuple[Formula, ...]:
    """The tests of one durable pattern in order; the scope's lead, so a rule's results share alpha nodes."""
    items = formula.items if isinstance(formula, Junction) and formula.op == "and" else (formula,)
    return tuple(sorted(items, key=lambda i: (i not in prefix, _rank(i))))


def emit(formula: Formula, keys: Mapping[str, str]) -> Any:
    if isinstance(formula, Lit):
        if formula.op == "eq":
            return {keys[formula.key]: formula.value}
        return {_DURABLE_OPS[formula.op]: {keys[formula.key]: formula.value}}
    return {"$" + formula.op: [emit(i, keys) for i in formula.items]}


def durable_rule(items: tuple[Formula, ...], action: str, keys: Mapping[str, str]) -> dict[str, Any]:
    rule: dict[str, Any] = {"all": [{"m": {"$and": [dict(DISCRIMINATOR), *(emit(i, keys) for i in items)]}}]}
    if any(isinstance(i, Junction) for i in items):
        rule["cap"] = CAP
    rule["run"] = action
    return rule


def keys_read(formula: Formula) -> set[str]:
    if isinstance(formula, Lit):
        return {formula.key}
    return set().union(*(keys_read(i) for i in formula.items)) if formula.items else set()
