"""Three-valued (Kleene) meaning of the condition language.

A fact that is absent means *unknown*. Every operator except ``exists`` and
``missing`` is unknown on an unknown fact; ``all`` is false as soon as one item
is false, ``any`` true as soon as one is true, and ``not`` keeps unknown
unknown. This module is the specification both backends must agree with.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
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
    return _combine(condition, [evaluate(item, facts) for item in condition.items])


def _decisive(condition: All | AnyOf) -> Truth:
    """The item value that alone decides a combinator: false for ``all``, true for ``any``."""
    return Truth.FALSE if isinstance(condition, All) else Truth.TRUE


def _combine(condition: All | AnyOf, truths: list[Truth]) -> Truth:
    decisive = _decisive(condition)
    if decisive in truths:
        return decisive
    return Truth.UNKNOWN if Truth.UNKNOWN in truths else ~decisive


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


@dataclass(frozen=True)
class Explanation:
    """A condition's truth with the facts that decided it and the unknown facts that kept it open."""

    truth: Truth
    relied: tuple[str, ...]
    unknowns: tuple[str, ...]


def explain(condition: Condition, facts: Facts) -> Explanation:
    """Truth, reasons and open questions of a condition, each node evaluated once.

    Reasons: when a combinator is decided by one kind of item (a false item of
    ``all``, a true item of ``any``), only those items are its reasons. Open
    questions: only unknown branches are followed, so a fact whose value could
    not change the result is never asked for.
    """
    if isinstance(condition, Leaf):
        result = evaluate_leaf(condition, facts)
        known = facts.get(condition.path) is not None or condition.op in (Op.EXISTS, Op.MISSING)
        return Explanation(
            result,
            (condition.path,) if known else (),
            (condition.path,) if result is Truth.UNKNOWN else (),
        )
    if isinstance(condition, Not):
        inner = explain(condition.item, facts)
        return Explanation(~inner.truth, inner.relied, inner.unknowns)
    parts = [explain(item, facts) for item in condition.items]
    result = _combine(condition, [part.truth for part in parts])
    decisive = _decisive(condition)
    reasons = [part for part in parts if part.truth is decisive] if result is decisive else parts
    open_parts = [part for part in parts if part.truth is Truth.UNKNOWN] if result is Truth.UNKNOWN else []
    return Explanation(
        result,
        tuple(dict.fromkeys(path for part in reasons for path in part.relied)),
        tuple(dict.fromkeys(path for part in open_parts for path in part.unknowns)),
    )


def decisive_unknowns(condition: Condition, facts: Facts) -> tuple[str, ...]:
    """The unknown facts that keep an unknown condition from being decided."""
    return explain(condition, facts).unknowns


def relied_on(condition: Condition, facts: Facts) -> tuple[str, ...]:
    """The known facts a decided condition rests on, in first-use order."""
    return explain(condition, facts).relied


__all__ = ["All", "AnyOf", "Explanation", "Facts", "Truth", "decisive_unknowns", "evaluate", "explain", "relied_on"]
