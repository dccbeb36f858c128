"""A rule's condition tree in words, from the contract's labels (never retyped per rule).

Each leaf becomes the sentence of its fact ("access is authorised beforehand by a
court or an independent administrative body"); ``all``/``any``/``not`` become a
heading over an indented list, so the tree's structure survives in the prose.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from art52.handbook.vocabulary import Vocabulary, join_words, text
from art52.rulebook.conditions import All, AnyOf, Condition, Leaf, Not, Op, Scalar
from art52.rulebook.law_tables import ObjectiveRank

_ORDER_WORDS = {Op.LT: "less than", Op.LE: "at most", Op.GT: "more than", Op.GE: "at least"}
_COMPARE: dict[Op, Callable[[int, int], bool]] = {
    Op.LT: operator.lt,
    Op.LE: operator.le,
    Op.GT: operator.gt,
    Op.GE: operator.ge,
    Op.EQ: operator.eq,
    Op.NE: operator.ne,
}
_RANKED = {"objective_rank": "objective", "further_use_rank": "further_use.objective"}
"""Derived ranks, and the objective each ranks; a test on a rank is glossed with the objectives it admits."""


@dataclass(frozen=True)
class Words:
    """One line of a condition in words, with the lines it groups."""

    text: str
    items: tuple[Words, ...] = ()


def condition_in_words(vocabulary: Vocabulary, condition: Condition, ranks: Sequence[ObjectiveRank] = ()) -> Words:
    """The condition as a heading-and-list tree of sentences; ``ranks`` (the law table) glosses rank tests."""
    if isinstance(condition, Leaf):
        return Words(leaf_in_words(vocabulary, condition, ranks))
    if isinstance(condition, Not):
        inner = condition.item
        if isinstance(inner, Leaf):
            return Words(f"it is not the case that {leaf_in_words(vocabulary, inner, ranks)}")
        if isinstance(inner, AnyOf):
            return Words("none of the following holds:", _items(vocabulary, inner.items, ranks))
        if isinstance(inner, All):
            return Words("not all of the following hold:", _items(vocabulary, inner.items, ranks))
        return Words("it is not the case that:", (condition_in_words(vocabulary, inner, ranks),))
    if not condition.items:
        return Words("always")
    if len(condition.items) == 1:
        return condition_in_words(vocabulary, condition.items[0], ranks)
    heading = "all of the following hold:" if isinstance(condition, All) else "at least one of the following holds:"
    return Words(heading, _items(vocabulary, condition.items, ranks))


def _items(vocabulary: Vocabulary, items: tuple[Condition, ...], ranks: Sequence[ObjectiveRank]) -> tuple[Words, ...]:
    return tuple(condition_in_words(vocabulary, item, ranks) for item in items)


def leaf_in_words(vocabulary: Vocabulary, leaf: Leaf, ranks: Sequence[ObjectiveRank] = ()) -> str:
    """One test on one fact as a sentence."""
    words = _plain_leaf(vocabulary, leaf)
    if leaf.path in _RANKED and leaf.op in _COMPARE and isinstance(leaf.value, int) and ranks:
        return f"{words}, that is: {_ranked_objectives(vocabulary, _RANKED[leaf.path], leaf, ranks)}"
    return words


def _ranked_objectives(vocabulary: Vocabulary, path: str, leaf: Leaf, ranks: Sequence[ObjectiveRank]) -> str:
    """The objectives whose rank passes the test, in the words of ``path`` ("the objective is ...")."""
    assert isinstance(leaf.value, int)
    test, bound = _COMPARE[leaf.op], leaf.value
    admitted: list[str] = []
    for entry in ranks:
        plain = test(entry.rank, bound)
        threat = entry.rank_with_genuine_national_security_threat
        with_threat = plain if threat is None else test(threat, bound)
        name = vocabulary.value_label(path, entry.objective)
        if plain and with_threat:
            admitted.append(name)
        elif with_threat:
            admitted.append(f"{name} where a genuine national-security threat is established")
        elif plain:
            admitted.append(f"{name} where no genuine national-security threat is established")
    if not admitted:
        return f"no objective ({vocabulary.topic(path)} cannot meet it)"
    return vocabulary.phrase(path, join_words(admitted, "or"))


def _plain_leaf(vocabulary: Vocabulary, leaf: Leaf) -> str:
    path, op, value = leaf.path, leaf.op, leaf.value
    kind = vocabulary.kind(path)
    if op is Op.EXISTS:
        return f"it is stated {vocabulary.topic(path)}"
    if op is Op.MISSING:
        return vocabulary.unknown(path)
    if kind == "boolean" and isinstance(value, bool) and op in (Op.EQ, Op.NE):
        return vocabulary.statement(path, value if op is Op.EQ else not value)
    values = value if isinstance(value, tuple) else (value,)
    words = [_value_words(vocabulary, path, v) for v in values]
    if op in _ORDER_WORDS:
        return vocabulary.phrase(path, f"{_ORDER_WORDS[op]} {words[0]}")
    if op is Op.EQ:
        exact = "exactly " if kind == "enum_list" and len(words) > 1 else ""
        return vocabulary.phrase(path, exact + join_words(words))
    if op is Op.NE:
        return f"it is not the case that {vocabulary.phrase(path, words[0])}"
    if op is Op.IN:
        return vocabulary.phrase(path, join_words(words, "or"))
    if op is Op.NOT_IN or op is Op.NONE_OF:
        return f"it is not the case that {vocabulary.phrase(path, join_words(words, 'or'))}"
    if op is Op.ANY_OF:
        suffix = " (at least one of them)" if len(words) > 1 else ""
        return vocabulary.phrase(path, join_words(words, "or")) + suffix
    if op is Op.ALL_OF:
        return vocabulary.phrase(path, join_words(words))
    return vocabulary.phrase(path, "nothing but " + join_words(words, "or"))  # SUBSET_OF


def _value_words(vocabulary: Vocabulary, path: str, value: Scalar) -> str:
    if vocabulary.label(path).values:
        return vocabulary.value_label(path, value)
    if isinstance(value, str):
        return text(value)
    return str(value)
