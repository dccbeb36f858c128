"""A small positive formula language with constant folding: what a durable pattern can say.

durable_rules tests a fact with comparisons joined by ``$and`` and ``$or``, and
has no negation. :class:`Forms` carries a condition's five truths (true, false,
not-true, not-false, unknown) as such formulas, so that negation is a swap.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal, NamedTuple, TypeAlias

Scalar: TypeAlias = str | int | float


@dataclass(frozen=True)
class Lit:
    """One durable comparison ``key <op> value``."""

    key: str
    op: str
    value: Scalar


@dataclass(frozen=True)
class Junction:
    """``$and`` / ``$or`` of formulas; the empty ``and`` is true, the empty ``or`` false."""

    op: Literal["and", "or"]
    items: tuple[Formula, ...]


Formula: TypeAlias = Lit | Junction
TOP = Junction("and", ())
BOT = Junction("or", ())


def conj(*items: Formula) -> Formula:
    return _junction("and", items)


def disj(*items: Formula) -> Formula:
    return _junction("or", items)


def _junction(op: Literal["and", "or"], items: Iterable[Formula]) -> Formula:
    absorbing = BOT if op == "and" else TOP
    flat: list[Formula] = []
    for item in items:
        if item == absorbing:
            return absorbing
        flat.extend(item.items if isinstance(item, Junction) and item.op == op else (item,))
    unique = tuple(dict.fromkeys(flat))
    return unique[0] if len(unique) == 1 else Junction(op, unique)


def first(options: Iterable[tuple[Formula, Formula]]) -> Formula:
    """``a1 ∨ a2 ∨ …`` as the exclusive ``a1 ∨ (¬a1 ∧ a2) ∨ …``, given each ``(a, ¬a)``.

    durable runs the rest of a pattern once for every ``$or`` branch that matches and
    fires once per branch, so disjunctions are written so that at most one branch holds.
    """
    branches: list[Formula] = []
    before: list[Formula] = []
    for holds, fails in options:
        branches.append(conj(*before, holds))
        before.append(fails)
    return disj(*branches)


class Forms(NamedTuple):
    """A condition's truth as positive formulas: true, false, not-true, not-false, unknown."""

    t: Formula
    f: Formula
    nt: Formula
    nf: Formula
    u: Formula

    def negated(self) -> Forms:
        return Forms(self.f, self.t, self.nf, self.nt, self.u)
