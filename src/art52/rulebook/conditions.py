"""The condition language of rule files, parsed into a small immutable tree.

A condition is a single-key mapping: ``all`` / ``any`` (lists of conditions),
``not`` (one condition), or a fact path mapped to operators::

    all:
      - measure_type: {eq: access_to_retained_data}
      - data.categories: {any_of: [traffic, location]}
      - not: {objective: {in: [serious_crime, national_security]}}

A mapping with several fact paths is read as ``all`` of them; a path with
several operators likewise. A bare scalar after a path is shorthand for ``eq``.
The tree is evaluated by both engine backends, so its meaning is fixed here
and in ``art52.engine.logic``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, TypeAlias

Scalar: TypeAlias = str | int | float | bool


class Op(StrEnum):
    """Operators of a leaf condition."""

    EQ = "eq"
    NE = "ne"
    IN = "in"
    NOT_IN = "not_in"
    ANY_OF = "any_of"
    ALL_OF = "all_of"
    NONE_OF = "none_of"
    SUBSET_OF = "subset_of"
    LT = "lt"
    LE = "le"
    GT = "gt"
    GE = "ge"
    EXISTS = "exists"
    MISSING = "missing"


LIST_OPS = frozenset({Op.ANY_OF, Op.ALL_OF, Op.NONE_OF, Op.SUBSET_OF})
SET_VALUED_OPS = frozenset({Op.IN, Op.NOT_IN}) | LIST_OPS
ORDER_OPS = frozenset({Op.LT, Op.LE, Op.GT, Op.GE})
PRESENCE_OPS = frozenset({Op.EXISTS, Op.MISSING})


@dataclass(frozen=True)
class Leaf:
    """A test on one fact. ``value`` is a tuple for set-valued operators."""

    path: str
    op: Op
    value: Scalar | tuple[Scalar, ...]


@dataclass(frozen=True)
class All:
    """True when every item is true (Kleene conjunction)."""

    items: tuple[Condition, ...]


@dataclass(frozen=True)
class AnyOf:
    """True when some item is true (Kleene disjunction)."""

    items: tuple[Condition, ...]


@dataclass(frozen=True)
class Not:
    """Negation; unknown stays unknown."""

    item: Condition


Condition: TypeAlias = Leaf | All | AnyOf | Not

TRUE = All(())


class ConditionSyntaxError(ValueError):
    """A condition is malformed; ``where`` is the key path inside the condition."""

    def __init__(self, message: str, where: tuple[str | int, ...] = ()) -> None:
        super().__init__(message)
        self.where = where


def parse_condition(raw: Any, where: tuple[str | int, ...] = ()) -> Condition:
    """Parse the YAML form of a condition into a tree, or raise ConditionSyntaxError."""
    if not isinstance(raw, Mapping) or not raw:
        raise ConditionSyntaxError("a condition must be a non-empty mapping", where)
    keys = list(raw)
    if any(k in ("all", "any", "not") for k in keys):
        if len(keys) != 1:
            raise ConditionSyntaxError("'all', 'any' and 'not' must stand alone in their mapping", where)
        key = keys[0]
        body = raw[key]
        if key == "not":
            return Not(parse_condition(body, (*where, "not")))
        if not isinstance(body, list) or not body:
            raise ConditionSyntaxError(f"'{key}' needs a non-empty list of conditions", (*where, key))
        items = tuple(parse_condition(item, (*where, key, i)) for i, item in enumerate(body))
        return All(items) if key == "all" else AnyOf(items)
    leaves = [leaf for path in keys for leaf in _parse_leaves(str(path), raw[path], (*where, str(path)))]
    return leaves[0] if len(leaves) == 1 else All(tuple(leaves))


def _parse_leaves(path: str, spec: Any, where: tuple[str | int, ...]) -> Iterator[Leaf]:
    if not isinstance(spec, Mapping):
        yield _leaf(path, Op.EQ, spec, where)
        return
    if not spec:
        raise ConditionSyntaxError(f"no operator given for '{path}'", where)
    for name, value in spec.items():
        try:
            op = Op(name)
        except ValueError:
            known = ", ".join(o.value for o in Op)
            raise ConditionSyntaxError(f"unknown operator '{name}' (supported: {known})", (*where, str(name))) from None
        yield _leaf(path, op, value, (*where, str(name)))


def _leaf(path: str, op: Op, value: Any, where: tuple[str | int, ...]) -> Leaf:
    if op in PRESENCE_OPS:
        if not isinstance(value, bool):
            raise ConditionSyntaxError(f"'{op}' takes true or false", where)
        # Normalise to one operator so both backends see a single form.
        exists = value if op is Op.EXISTS else not value
        return Leaf(path, Op.EXISTS if exists else Op.MISSING, True)
    if op in SET_VALUED_OPS:
        if not isinstance(value, list) or not value or not all(_is_scalar(v) for v in value):
            raise ConditionSyntaxError(f"'{op}' takes a non-empty list of values", where)
        return Leaf(path, op, tuple(value))
    if op is Op.EQ and isinstance(value, list):
        # Set equality on a list fact, e.g. data.categories == [subscriber_civil_identity].
        if not value or not all(_is_scalar(v) for v in value):
            raise ConditionSyntaxError("'eq' with a list takes a non-empty list of values", where)
        return Leaf(path, op, tuple(value))
    if not _is_scalar(value):
        raise ConditionSyntaxError(f"'{op}' takes a single value", where)
    if op in ORDER_OPS and (isinstance(value, bool) or not isinstance(value, int | float)):
        raise ConditionSyntaxError(f"'{op}' takes a number", where)
    return Leaf(path, op, value)


def _is_scalar(value: Any) -> bool:
    return isinstance(value, str | int | float | bool)


def leaves(condition: Condition) -> Iterator[Leaf]:
    """Every leaf of a condition, left to right."""
    if isinstance(condition, Leaf):
        yield condition
    elif isinstance(condition, Not):
        yield from leaves(condition.item)
    else:
        for item in condition.items:
            yield from leaves(item)


def paths(condition: Condition) -> tuple[str, ...]:
    """The fact paths a condition reads, in first-use order, without repeats."""
    return tuple(dict.fromkeys(leaf.path for leaf in leaves(condition)))


def to_data(condition: Condition) -> Any:
    """Canonical plain-data form (for hashing, the API and documentation)."""
    if isinstance(condition, Leaf):
        value = list(condition.value) if isinstance(condition.value, tuple) else condition.value
        return {condition.path: {condition.op.value: value}}
    if isinstance(condition, Not):
        return {"not": to_data(condition.item)}
    return {"all" if isinstance(condition, All) else "any": [to_data(i) for i in condition.items]}


def from_data(data: Any) -> Condition:
    """The tree of a condition in the form :func:`to_data` wrote, without re-checking it.

    For data this code wrote itself (the rulebook cache, whose entries are integrity-checked and
    whose rulebook must still hash to its recorded version); anything else goes through
    :func:`parse_condition`. Malformed data raises ValueError, KeyError or TypeError.
    """
    ((key, body),) = data.items()
    if key == "not":
        return Not(from_data(body))
    if key in ("all", "any"):
        items = tuple(from_data(item) for item in body)
        return All(items) if key == "all" else AnyOf(items)
    ((op, value),) = body.items()
    return Leaf(key, Op(op), tuple(value) if isinstance(value, list) else value)
