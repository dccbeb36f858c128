"""Conditions → positive formulas, keeping the three-valued (Kleene) meaning of ``art52.engine.logic``.

Over the fact encoding, true, false, not-true and not-false of every leaf are
plain comparisons; the Kleene rules (T(all)=∧T, F(all)=∨F, T(not x)=F(x),
U(all) = some item U, none F ...) build the rest with no negation.
"""

from __future__ import annotations

from collections.abc import Mapping

from art52.domain.fields import FieldSpec
from art52.engine.compiler.columns import (
    LIST_KINDS,
    TEXT_KINDS,
    UNKNOWN_FLAG,
    UNKNOWN_LOW,
    Column,
    Encoding,
    column_key,
    high_key,
    member_key,
    outside_key,
)
from art52.engine.compiler.formulas import BOT, TOP, Forms, Formula, Lit, Scalar, conj, disj, first
from art52.rulebook.conditions import All, Condition, Leaf, Not, Op


class Encoder:
    """Translates leaves to forms and records which fact columns the formulas read."""

    def __init__(self, catalogue: Mapping[str, FieldSpec], mentioned: Mapping[str, tuple[str, ...]]) -> None:
        self._catalogue = catalogue
        self._mentioned = mentioned
        self.columns: dict[str, Column] = {}

    def _col(self, path: str, encoding: Encoding, values: tuple[str, ...] = (), key: str | None = None) -> str:
        label = key or column_key(path)
        self.columns.setdefault(label, Column(label, label, path, encoding, values))
        return label

    def forms(self, condition: Condition, flat: bool) -> Forms:
        if isinstance(condition, Leaf):
            return self._leaf(condition, flat)
        if isinstance(condition, Not):
            return self.forms(condition.item, flat).negated()
        parts = [self.forms(item, flat) for item in condition.items]
        if isinstance(condition, All):
            return Forms(
                t=conj(*(p.t for p in parts)),
                f=first((p.f, p.nf) for p in parts),
                nt=first((p.nt, p.t) for p in parts),
                nf=conj(*(p.nf for p in parts)),
                u=disj(
                    *(
                        conj(*(p.t for p in parts[:j]), part.u, *(p.nf for p in parts[j + 1 :]))
                        for j, part in enumerate(parts)
                    )
                ),
            )
        return Forms(
            t=first((p.t, p.nt) for p in parts),
            f=conj(*(p.f for p in parts)),
            nt=conj(*(p.nt for p in parts)),
            nf=first((p.nf, p.f) for p in parts),
            u=disj(
                *(
                    conj(*(p.f for p in parts[:j]), part.u, *(p.nt for p in parts[j + 1 :]))
                    for j, part in enumerate(parts)
                )
            ),
        )

    def _leaf(self, leaf: Leaf, flat: bool) -> Forms:
        kind = self._catalogue[leaf.path].kind
        if leaf.op in (Op.EXISTS, Op.MISSING):
            known, unknown = self._presence(leaf.path, kind)
            forms = Forms(known, unknown, unknown, known, BOT)
            return forms if leaf.op is Op.EXISTS else forms.negated()
        if kind in LIST_KINDS:
            return self._list_leaf(leaf)
        if kind in ("integer", "number"):
            return self._number_leaf(leaf)
        return self._category_leaf(leaf, kind, flat)

    def _presence(self, path: str, kind: str) -> tuple[Formula, Formula]:
        unknown_value: Scalar
        if kind in ("integer", "number"):
            key, unknown_value = self._col(path, "low"), UNKNOWN_LOW
        elif kind in TEXT_KINDS:
            key, unknown_value = self._col(path, "text", self._mentioned.get(path, ())), UNKNOWN_FLAG
        elif kind == "boolean":
            key, unknown_value = self._col(path, "flag"), UNKNOWN_FLAG
        else:
            key, unknown_value = self._col(path, "present"), UNKNOWN_FLAG
        return Lit(key, "neq", unknown_value), Lit(key, "eq", unknown_value)

    def _category_leaf(self, leaf: Leaf, kind: str, flat: bool) -> Forms:
        """Booleans and text: small integer codes of a closed universe, so every form is a set test."""
        unknown_value = UNKNOWN_FLAG
        codes: dict[Scalar, int]
        if kind == "boolean":
            key, codes = self._col(leaf.path, "flag"), {1: 1, 0: 0}
        else:
            mentioned = self._mentioned.get(leaf.path, ())
            key, codes = self._col(leaf.path, "text", mentioned), {v: i for i, v in enumerate(mentioned)}
        universe: tuple[Scalar, ...] = (*codes.values(), len(codes)) if kind != "boolean" else (1, 0)
        holding = _holding(leaf, universe, codes)
        rest = tuple(v for v in universe if v not in holding)

        def member(values: tuple[Scalar, ...]) -> Formula:
            complement = (*(v for v in universe if v not in values), unknown_value)
            if len(values) <= 1 or not (flat or len(complement) <= len(values)):
                return disj(*(Lit(key, "eq", v) for v in values))
            return conj(*(Lit(key, "neq", v) for v in complement))

        def outside(values: tuple[Scalar, ...]) -> Formula:
            return conj(*(Lit(key, "neq", v) for v in values))

        return Forms(member(holding), member(rest), outside(holding), outside(rest), Lit(key, "eq", unknown_value))

    def _number_leaf(self, leaf: Leaf) -> Forms:
        low, high = self._col(leaf.path, "low"), self._col(leaf.path, "high", key=high_key(leaf.path))
        unknown = Lit(low, "eq", UNKNOWN_LOW)
        known = Lit(low, "neq", UNKNOWN_LOW)
        nf: Formula
        if leaf.op in (Op.LT, Op.LE, Op.GT, Op.GE):
            c = leaf.value
            assert isinstance(c, int | float)
            table = {
                Op.LT: (Lit(high, "lt", c), Lit(low, "gte", c), Lit(high, "gte", c), Lit(low, "lt", c)),
                Op.LE: (Lit(high, "lte", c), Lit(low, "gt", c), Lit(high, "gt", c), Lit(low, "lte", c)),
                Op.GT: (Lit(low, "gt", c), Lit(high, "lte", c), Lit(low, "lte", c), Lit(high, "gt", c)),
                Op.GE: (Lit(low, "gte", c), Lit(high, "lt", c), Lit(low, "lt", c), Lit(high, "gte", c)),
            }
            t, f, nt, nf = table[leaf.op]
            return Forms(t, f, nt, nf, unknown)
        values = _set_values(leaf)
        if values is None:  # eq/ne with a list on a number: never equal
            forms = Forms(BOT, known, TOP, unknown, unknown)
        else:
            nf = (
                conj(Lit(low, "lte", values[0]), Lit(high, "gte", values[0]))
                if len(values) == 1
                else disj(*(Lit(low, "eq", v) for v in values), unknown)
            )
            forms = Forms(
                disj(*(Lit(low, "eq", v) for v in values)),
                conj(known, *(Lit(low, "neq", v) for v in values)),
                conj(*(Lit(low, "neq", v) for v in values)),
                nf,
                unknown,
            )
        return forms.negated() if leaf.op in (Op.NE, Op.NOT_IN) else forms

    def _list_leaf(self, leaf: Leaf) -> Forms:
        """A list test is a conjunction or disjunction of per-value membership flags.

        ``subset_of`` and set equality also read one "holds something outside W" flag per
        distinct W, so that "not a subset" is one test instead of a disjunction over
        every other value (which durable's matcher stack cannot afford for long lists).
        """
        values = leaf.value if isinstance(leaf.value, tuple) else (leaf.value,)
        wanted = tuple(sorted({str(v) for v in values}))

        def flag(value: str) -> str:
            return self._col(leaf.path, "member", (value,), member_key(leaf.path, value))

        mode = "any" if leaf.op is Op.ANY_OF else "all"
        if leaf.op in (Op.SUBSET_OF, Op.EQ, Op.NE):
            outside = self._col(leaf.path, "outside", wanted, outside_key(leaf.path, wanted))
            atoms = [(outside, 0)] + ([] if leaf.op is Op.SUBSET_OF else [(flag(v), 1) for v in wanted])
        else:
            atoms = [(flag(v), 0 if leaf.op is Op.NONE_OF else 1) for v in wanted]
        unknown = Lit(atoms[0][0], "eq", UNKNOWN_FLAG)
        holds = [Lit(k, "eq", b) for k, b in atoms]
        fails = [Lit(k, "eq", 1 - b) for k, b in atoms]
        not_holds = [Lit(k, "neq", b) for k, b in atoms]
        not_fails = [Lit(k, "neq", 1 - b) for k, b in atoms]
        holding = first(zip(holds, not_holds, strict=True))
        failing = first(zip(fails, not_fails, strict=True))
        not_holding = first(zip(not_holds, holds, strict=True))
        not_failing = first(zip(not_fails, fails, strict=True))
        if mode == "all":
            forms = Forms(conj(*holds), failing, not_holding, conj(*not_fails), unknown)
        else:
            forms = Forms(holding, conj(*fails), conj(*not_holds), not_failing, unknown)
        return forms.negated() if leaf.op is Op.NE else forms


def _set_values(leaf: Leaf) -> tuple[Scalar, ...] | None:
    """The values a scalar leaf compares with; None for ``eq``/``ne`` with a list (never equal)."""
    if leaf.op in (Op.IN, Op.NOT_IN):
        assert isinstance(leaf.value, tuple)
        return tuple(dict.fromkeys(_scalar(v) for v in leaf.value))
    if isinstance(leaf.value, tuple):
        return None
    return (_scalar(leaf.value),)


def _scalar(value: Scalar) -> Scalar:
    return int(value) if isinstance(value, bool) else value


def _holding(leaf: Leaf, universe: tuple[Scalar, ...], codes: Mapping[Scalar, int]) -> tuple[Scalar, ...]:
    """The codes of a closed universe for which a known fact satisfies the leaf."""
    values = _set_values(leaf)
    wanted = set() if values is None else {codes[v] for v in values if v in codes}
    chosen = tuple(v for v in universe if v in wanted)
    if leaf.op in (Op.NE, Op.NOT_IN):
        return tuple(v for v in universe if v not in chosen)
    return chosen
