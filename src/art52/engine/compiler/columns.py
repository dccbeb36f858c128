"""The fact encoding: every fact a ruleset reads as properties durable_rules can compare.

"Unknown" is an ordinary value the network can test: booleans are 1/0 and text
is the index of the value among the constants the rules mention (any other text
gets one more index), with -1 for unknown; a number has a low and a high copy,
unknown being -2**60 in one and 2**60 in the other; a list becomes a 1/0 flag per
value the rules name and a flag per ``subset_of`` set "holds something else"
(-1 unknown). A column's ``label`` names it for people and golden files; its
``key`` is the short name the durable fact carries.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal, TypeAlias

from art52.domain.fields import FieldSpec
from art52.rulebook.conditions import Op, leaves
from art52.rulebook.schema import Rule

FACT_CLAMP = 2**53
UNKNOWN_LOW, UNKNOWN_HIGH = -(2**60), 2**60
UNKNOWN_FLAG = -1  # unknown flags, list flags and text codes
TEXT_KINDS = frozenset({"string", "enum", "date"})
LIST_KINDS = frozenset({"enum_list", "string_list"})
_SAFE_VALUE = re.compile(r"[A-Za-z0-9_-]+")

Encoding: TypeAlias = Literal["flag", "text", "low", "high", "member", "outside", "present"]


@dataclass(frozen=True)
class Column:
    """One property of the encoded fact: which fact it comes from and how it is written.

    ``encoding`` is one of ``flag`` (boolean 1/0, unknown -1), ``text`` (the index of
    the value in ``values``, ``len(values)`` for any other text; unknown -1), ``low`` /
    ``high`` (the number clamped to ±2**53; unknown ∓2**60), ``member`` (1/0 whether
    the list holds ``values[0]``; unknown -1), ``outside`` (1/0 whether the list holds
    anything outside ``values``; unknown -1) and ``present`` (1 known, -1 unknown).
    ``key`` is the short property name durable sees; ``label`` says what it is.
    """

    key: str
    label: str
    path: str
    encoding: Encoding
    values: tuple[str, ...] = ()

    def to_data(self) -> dict[str, Any]:
        data: dict[str, Any] = {"key": self.key, "label": self.label, "path": self.path, "encoding": self.encoding}
        if self.values:
            data["values"] = list(self.values)
        return data


def column_key(path: str) -> str:
    """The label of the column a fact is encoded in (its ``low`` copy, for a number)."""
    return "/" + path.replace(".", "/")


def high_key(path: str) -> str:
    """The label of the ``high`` copy of a number."""
    return column_key(path) + "^"


def member_key(path: str, value: str) -> str:
    """The label of the flag "the list holds ``value``"."""
    return f"{column_key(path)}#{_tag(value)}"


def outside_key(path: str, values: tuple[str, ...]) -> str:
    """The label of the flag "the list holds something outside ``values``"."""
    tags = "+".join(_tag(v) for v in values)
    return f"{column_key(path)}!{tags if len(tags) <= 64 else '%' + hashlib.sha256(tags.encode()).hexdigest()[:16]}"


def _tag(value: str) -> str:
    return value if _SAFE_VALUE.fullmatch(value) else "%" + hashlib.sha256(value.encode()).hexdigest()[:16]


def mentioned_values(rules: Sequence[Rule], catalogue: Mapping[str, FieldSpec]) -> dict[str, tuple[str, ...]]:
    """Per text fact, every constant the rules compare it with (sorted): its encoded universe."""
    found: dict[str, set[str]] = {}
    for rule in rules:
        for leaf in (*leaves(rule.scope), *leaves(rule.condition)):
            kind = catalogue[leaf.path].kind
            if leaf.op in (Op.EXISTS, Op.MISSING) or kind not in TEXT_KINDS:
                continue
            values = leaf.value if isinstance(leaf.value, tuple) else (leaf.value,)
            found.setdefault(leaf.path, set()).update(str(v) for v in values)
    return {path: tuple(sorted(values)) for path, values in found.items()}
