"""Three-valued (Kleene) meaning of the condition language.

A fact that is absent means *unknown*. Every operator except ``exists`` and
``missing`` is unknown on an unknown fact; ``all`` is false as soon as one item
is false, ``any`` true as soon as one is true, and ``not`` keeps unknown
unknown. This module is the specification both backends must agree with.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum
from typing import Any

from art52.rulebook.conditions import All, AnyOf, Condition, Leaf, Not, Op

Facts = Mapping[str, Any]


class Truth(Enum):
    """A three-valued truth value."""

    TRUE = "true"
    FALSE = "false"
    UNKNOWN = "unknown"

    def __invert__(self) -> Truth:
        if self is Truth.UNKNOWN:
            return self
        return Truth.FALSE if self is Truth.TRUE else Truth.TRUE


def truth(flag: bool) -> Truth:
    return Truth.TRUE if flag else Truth.FALSE


def evaluate(condition: Condition, facts: Facts) -> Truth:
    """The truth of a condition on the given facts."""
    if isinstance(condition, Leaf):
        return evaluate_leaf(condition, facts)
    if isinstance(condition, Not):
        return ~evaluate(condition.item, facts)
    results = [evaluate(item, facts) for item in condition.items]
    decisive, other = (Truth.FALSE, Truth.TRUE) if isinstance(condition, All) else (Truth.TRUE, Truth.FALSE)
    if decisive in results:
        return decisive
    return Truth.UNKNOWN if Truth.UNKNOWN in results else other


def evaluate_leaf(leaf: Leaf, facts: Facts) -> Truth:
    """The truth of one leaf; absent facts are unknown."""
    value = facts.get(leaf.path)
    if leaf.op is Op.EXISTS:
        return truth(value is not None)
    if leaf.op is Op.MISSING:
        return truth(value is None)
    if value is None:
        return Truth.UNKNOWN
    return truth(_holds(leaf.op, value, leaf.value))


def _holds(op: Op, fact: Any, expected: Any) -> bool:
    if isinstance(fact, tuple | list):
        items = set(fact)
        wanted = set(expected) if isinstance(expected, tuple) else {expected}
        if op is Op.EQ:
            return items == wanted
        if op is Op.NE:
            return items != wanted
        if op is Op.ANY_OF:
            return bool(items & wanted)
        if op is Op.ALL_OF:
            return wanted <= items
        if op is Op.NONE_OF:
            return not items & wanted
        if op is Op.SUBSET_OF:
            return items <= wanted
        raise ValueError(f"operator {op} does not apply to a list fact")
    if op is Op.EQ:
        return bool(fact == expected)
    if op is Op.NE:
        return bool(fact != expected)
    if op is Op.IN:
        return fact in expected
    if op is Op.NOT_IN:
        return fact not in expected
    if op is Op.LT:
        return bool(fact < expected)
    if op is Op.LE:
        return bool(fact <= expected)
    if op is Op.GT:
        return bool(fact > expected)
    if op is Op.GE:
        return bool(fact >= expected)
    raise ValueError(f"operator {op} does not apply to a single-valued fact")


def decisive_unknowns(condition: Condition, facts: Facts) -> tuple[str, ...]:
    """The unknown facts that keep an unknown condition from being decided.

    Only branches that are themselves unknown are followed, so a fact whose
    value could not change the result is never asked for.
    """
    found: dict[str, None] = {}
    _collect_unknowns(condition, facts, found)
    return tuple(found)


def _collect_unknowns(condition: Condition, facts: Facts, found: dict[str, None]) -> None:
    if evaluate(condition, facts) is not Truth.UNKNOWN:
        return
    if isinstance(condition, Leaf):
        found[condition.path] = None
    elif isinstance(condition, Not):
        _collect_unknowns(condition.item, facts, found)
    else:
        for item in condition.items:
            _collect_unknowns(item, facts, found)


def relied_on(condition: Condition, facts: Facts) -> tuple[str, ...]:
    """The known facts a decided condition rests on, in first-use order."""
    found: dict[str, None] = {}
    _collect_relied(condition, facts, found)
    return tuple(found)


def _collect_relied(condition: Condition, facts: Facts, found: dict[str, None]) -> None:
    result = evaluate(condition, facts)
    if isinstance(condition, Leaf):
        if facts.get(condition.path) is not None or condition.op in (Op.EXISTS, Op.MISSING):
            found[condition.path] = None
        return
    if isinstance(condition, Not):
        _collect_relied(condition.item, facts, found)
        return
    # When a combinator is decided by one kind of item, those items are the reasons.
    decisive = Truth.FALSE if isinstance(condition, All) else Truth.TRUE
    items = condition.items
    if result is decisive:
        items = tuple(i for i in items if evaluate(i, facts) is decisive)
    for item in items:
        _collect_relied(item, facts, found)


__all__ = ["All", "AnyOf", "Facts", "Truth", "decisive_unknowns", "evaluate", "relied_on"]
