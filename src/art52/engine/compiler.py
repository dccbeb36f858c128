"""Rules → durable-rules rulesets that keep the three-valued meaning of ``art52.engine.logic``.

durable_rules matches *positive* tests on one JSON fact and has no notion of an
unknown value, so the translation has two halves.

**Facts.** Every fact a ruleset reads is always present in the asserted fact, and
"unknown" is an ordinary value the network can test: booleans are 1/0 and text is
the index of the value among the constants the rules mention (any other text gets
one more index), with -1 for unknown; a number has a low and a high copy, unknown
being -2**60 in one and 2**60 in the other; a list becomes a 1/0 flag per value the
rules name and a flag per ``subset_of`` set "holds something else" (-1 unknown).
Then true, false, not-true and not-false of every leaf are plain comparisons, and
the Kleene rules (T(all)=∧T, F(all)=∨F, T(not x)=F(x), U(all) = some item U, none
F ...) build the rest with no negation. Property names are short (``_0``, ``_1``):
durable scans every property of the fact at every alpha node it visits.

**Results.** A rule has five possible results, (scope, condition) ∈ F·, U·, TT,
TF, TU. Each is compiled to positive conditions; the likeliest ("out of scope",
or "condition false" when the scope is always true) fires nothing and is the
default. Disjunctions are written exclusively (a ∨ (¬a ∧ b) ∨ …) and top-level
branches become separate durable rules, so at most one action fires per rule
and evaluation, and durable never walks the same chain twice. Identical
conditions of different rules (a shared scope) share one durable rule.

Every durable rule carries the type discriminator ``{"t": "measure"}`` (a rule
that could match the session-state record loops forever), and every part has a
``done`` rule that always fires: deleting a session in which no action ever ran
frees uninitialised memory in durable_rules 2.0.28 and crashes the process.
Rules are packed into parts small enough for durable's limits (properties per
fact, ``$and``/``$or`` groups per pattern, matcher stack). Anything the engine
cannot represent is rejected here with RuleCompileError.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal, NamedTuple, TypeAlias

from art52.domain.fields import FieldSpec
from art52.engine.logic import Truth
from art52.errors import EngineError
from art52.rulebook.checks import check_condition
from art52.rulebook.conditions import All, Condition, Leaf, Not, Op
from art52.rulebook.schema import Rule


class RuleCompileError(EngineError):
    """A rule or ruleset cannot be represented in durable_rules."""


# --- limits of durable_rules 2.0.28 (measured; see BENCHMARKS.md and the backend tests) ---------------
MAX_GROUPS = 15  # $and/$or groups per pattern: 32 expression slots, two per group (error 113)
MAX_FACT_KEYS = 240  # properties of one fact: 251 plus t/sid/id is the hard limit (error 302)
MAX_STACK = 56  # matcher stack entries a part may need (durable_rules has 64; error 303)
MAX_NODE_TESTS = 400  # tests under one alpha node (durable_rules: 511; error 106)
MAX_NODE_FORWARDS = 100  # $or forward nodes under one alpha node (durable_rules: 128; error 107)
MAX_PART_RULES = 3000  # durable rules per ruleset (durable_rules: 4,096 actions; error 106)
PART_COLUMNS = 60  # fact properties per part (see compile_ruleset)
MAX_SPLIT = 64  # durable rules one result may be split into when a pattern exceeds MAX_GROUPS
NUMBER_LIMIT = 2**52  # |constant| allowed; facts are clamped to ±2**53, unknown is ±2**60
FACT_CLAMP = 2**53
UNKNOWN_LOW, UNKNOWN_HIGH = -(2**60), 2**60
UNKNOWN_FLAG = -1  # unknown flags, list flags and text codes
DISCRIMINATOR = {"t": "measure"}
DONE = "done"
CAP = 65535  # a safety net: $or branches are written exclusive, but should several match, one action

Outcome: TypeAlias = Literal["F", "U", "TT", "TF", "TU"]
OUTCOMES: dict[Outcome, tuple[Truth, Truth]] = {
    "F": (Truth.FALSE, Truth.UNKNOWN),
    "U": (Truth.UNKNOWN, Truth.UNKNOWN),
    "TT": (Truth.TRUE, Truth.TRUE),
    "TF": (Truth.TRUE, Truth.FALSE),
    "TU": (Truth.TRUE, Truth.UNKNOWN),
}
_SILENT_PREFERENCE: tuple[Outcome, ...] = ("F", "TF", "TU", "U", "TT")
_PATH = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*")
_SAFE_VALUE = re.compile(r"[A-Za-z0-9_-]+")
_SAFE_NAME = re.compile(r"[A-Za-z0-9_@.:-]+")
_TEXT_KINDS = frozenset({"string", "enum", "date"})
_LIST_KINDS = frozenset({"enum_list", "string_list"})
_DURABLE_OPS = {"eq": "$eq", "neq": "$neq", "lt": "$lt", "lte": "$lte", "gt": "$gt", "gte": "$gte"}

Scalar: TypeAlias = str | int | float


# --- a small positive formula language with constant folding -------------------------------------------
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


# --- the fact encoding ---------------------------------------------------------------------------------
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


def _key(path: str) -> str:
    return "/" + path.replace(".", "/")


def _tag(value: str) -> str:
    return value if _SAFE_VALUE.fullmatch(value) else "%" + hashlib.sha256(value.encode()).hexdigest()[:16]


def _member_key(path: str, value: str) -> str:
    return f"{_key(path)}#{_tag(value)}"


def _outside_key(path: str, values: tuple[str, ...]) -> str:
    tags = "+".join(_tag(v) for v in values)
    return f"{_key(path)}!{tags if len(tags) <= 64 else '%' + hashlib.sha256(tags.encode()).hexdigest()[:16]}"


class _Encoder:
    """Translates leaves to forms and records which fact columns the formulas read."""

    def __init__(self, catalogue: Mapping[str, FieldSpec], mentioned: Mapping[str, tuple[str, ...]]) -> None:
        self._catalogue = catalogue
        self._mentioned = mentioned
        self.columns: dict[str, Column] = {}

    def _col(self, path: str, encoding: Encoding, values: tuple[str, ...] = (), key: str | None = None) -> str:
        label = key or _key(path)
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
                u=disj(*(conj(*(p.t for p in parts[:j]), part.u, *(p.nf for p in parts[j + 1 :]))
                         for j, part in enumerate(parts))),
            )
        return Forms(
            t=first((p.t, p.nt) for p in parts),
            f=conj(*(p.f for p in parts)),
            nt=conj(*(p.nt for p in parts)),
            nf=first((p.nf, p.f) for p in parts),
            u=disj(*(conj(*(p.f for p in parts[:j]), part.u, *(p.nt for p in parts[j + 1 :]))
                     for j, part in enumerate(parts))),
        )

    def _leaf(self, leaf: Leaf, flat: bool) -> Forms:
        kind = self._catalogue[leaf.path].kind
        if leaf.op in (Op.EXISTS, Op.MISSING):
            known, unknown = self._presence(leaf.path, kind)
            forms = Forms(known, unknown, unknown, known, BOT)
            return forms if leaf.op is Op.EXISTS else forms.negated()
        if kind in _LIST_KINDS:
            return self._list_leaf(leaf)
        if kind in ("integer", "number"):
            return self._number_leaf(leaf)
        return self._category_leaf(leaf, kind, flat)

    def _presence(self, path: str, kind: str) -> tuple[Formula, Formula]:
        unknown_value: Scalar
        if kind in ("integer", "number"):
            key, unknown_value = self._col(path, "low"), UNKNOWN_LOW
        elif kind in _TEXT_KINDS:
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
        low, high = self._col(leaf.path, "low"), self._col(leaf.path, "high", key=_key(leaf.path) + "^")
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
            nf = (conj(Lit(low, "lte", values[0]), Lit(high, "gte", values[0])) if len(values) == 1
                  else disj(*(Lit(low, "eq", v) for v in values), unknown))
            forms = Forms(disj(*(Lit(low, "eq", v) for v in values)),
                          conj(known, *(Lit(low, "neq", v) for v in values)),
                          conj(*(Lit(low, "neq", v) for v in values)), nf, unknown)
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
            return self._col(leaf.path, "member", (value,), _member_key(leaf.path, value))

        mode = "any" if leaf.op is Op.ANY_OF else "all"
        if leaf.op in (Op.SUBSET_OF, Op.EQ, Op.NE):
            outside = self._col(leaf.path, "outside", wanted, _outside_key(leaf.path, wanted))
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


# --- validation ------------------------------------------------------------------------------------
def _leaves(condition: Condition) -> Iterable[Leaf]:
    if isinstance(condition, Leaf):
        yield condition
    elif isinstance(condition, Not):
        yield from _leaves(condition.item)
    else:
        for item in condition.items:
            yield from _leaves(item)


def _validate(ruleset_id: str, rules: Sequence[Rule], catalogue: Mapping[str, FieldSpec]) -> None:
    problems: list[str] = []
    if not _SAFE_NAME.fullmatch(ruleset_id):
        problems.append(f"ruleset id {ruleset_id!r} is not a safe durable_rules name")
    seen: set[str] = set()
    for rule in rules:
        if rule.key in seen:
            problems.append(f"{rule.key}: appears twice in the ruleset")
        seen.add(rule.key)
        for part, condition in (("applies_to", rule.scope), ("when", rule.condition)):
            where = f"{rule.key} {part}"
            problems += [f"{where}: {m}" for m in check_condition(condition, catalogue)]
            for leaf in _leaves(condition):
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


def _mentioned(rules: Sequence[Rule], catalogue: Mapping[str, FieldSpec]) -> dict[str, tuple[str, ...]]:
    """Per text fact, every constant the rules compare it with (sorted): its encoded universe."""
    found: dict[str, set[str]] = {}
    for rule in rules:
        for leaf in (*_leaves(rule.scope), *_leaves(rule.condition)):
            kind = catalogue[leaf.path].kind
            if leaf.op in (Op.EXISTS, Op.MISSING) or kind not in _TEXT_KINDS:
                continue
            values = leaf.value if isinstance(leaf.value, tuple) else (leaf.value,)
            found.setdefault(leaf.path, set()).update(str(v) for v in values)
    return {path: tuple(sorted(values)) for path, values in found.items()}


# --- emission ---------------------------------------------------------------------------------------
def _groups(formula: Formula) -> int:
    return 0 if isinstance(formula, Lit) else 1 + sum(_groups(i) for i in formula.items)


def _pattern_groups(formula: Formula) -> int:
    if isinstance(formula, Junction) and formula.op == "and":
        return 1 + sum(_groups(i) for i in formula.items)
    return 1 + _groups(formula)


def _split(formula: Formula, out: list[Formula] | None = None) -> list[Formula]:
    """Distribute ``and`` over ``or`` until every piece fits one durable pattern (at most MAX_SPLIT)."""
    out = [] if out is None else out
    if len(out) > MAX_SPLIT:
        return out
    if _pattern_groups(formula) <= MAX_GROUPS or isinstance(formula, Lit):
        if formula not in out:
            out.append(formula)
    elif formula.op == "or":
        for item in formula.items:
            _split(item, out)
    else:
        widest = max((i for i in formula.items if isinstance(i, Junction)), key=_groups)
        rest = [i for i in formula.items if i is not widest]
        for option in widest.items:
            _split(conj(*rest, option), out)
    return out


def _options(formula: Formula) -> tuple[Formula, ...]:
    """The exclusive branches of a formula (itself unless it is an ``$or``)."""
    return formula.items if isinstance(formula, Junction) and formula.op == "or" else (formula,)


def _rank(formula: Formula) -> int:
    """Cheap-to-fail tests first: durable walks a pattern's tests as a chain and stops at the first miss."""
    if isinstance(formula, Junction):
        return 3
    return {"eq": 0, "neq": 2}.get(formula.op, 1)


def _pattern(formula: Formula, prefix: frozenset[Formula]) -> tuple[Formula, ...]:
    """The tests of one durable pattern in order; the scope's lead, so a rule's results share alpha nodes."""
    items = formula.items if isinstance(formula, Junction) and formula.op == "and" else (formula,)
    return tuple(sorted(items, key=lambda i: (i not in prefix, _rank(i))))


def _emit(formula: Formula, keys: Mapping[str, str]) -> Any:
    if isinstance(formula, Lit):
        if formula.op == "eq":
            return {keys[formula.key]: formula.value}
        return {_DURABLE_OPS[formula.op]: {keys[formula.key]: formula.value}}
    return {"$" + formula.op: [_emit(i, keys) for i in formula.items]}


def _durable_rule(items: tuple[Formula, ...], action: str, keys: Mapping[str, str]) -> dict[str, Any]:
    rule: dict[str, Any] = {"all": [{"m": {"$and": [dict(DISCRIMINATOR), *(_emit(i, keys) for i in items)]}}]}
    if any(isinstance(i, Junction) for i in items):
        rule["cap"] = CAP
    rule["run"] = action
    return rule


def _keys(formula: Formula) -> set[str]:
    if isinstance(formula, Lit):
        return {formula.key}
    return set().union(*(_keys(i) for i in formula.items)) if formula.items else set()


class _Network:
    """A model of the alpha network durable_rules builds, to keep a part within its limits.

    durable walks matching alpha nodes depth-first on a fixed stack of 64 entries
    (error 303): visiting a node pushes every child that matches. Tests of one
    fact share nodes when parent, key, operator and value agree; ``$or`` branches
    start at the current node and meet in a fresh forward node, pushed once per
    branch. The bound assumes every test can match, except that ``eq``/``neq``
    tests of one key are decided by the key's single value. A node also holds at
    most 511 tests (error 106) and 128 forward nodes (error 107).
    """

    def __init__(self) -> None:
        self.tests: list[dict[tuple[str, str, str, Scalar], int]] = [{}]
        self.forwards: list[list[int]] = [[]]
        self._bound: dict[int, int] = {}

    def _node(self) -> int:
        self.tests.append({})
        self.forwards.append([])
        return len(self.tests) - 1

    def _child(self, parent: int, lit: Lit) -> int:
        key = (lit.key, lit.op, type(lit.value).__name__, lit.value)
        found = self.tests[parent].get(key)
        if found is None:
            found = self.tests[parent][key] = self._node()
        return found

    def add(self, items: tuple[Formula, ...]) -> None:
        node = self._child(0, Lit("t", "eq", DISCRIMINATOR["t"]))
        for item in items:
            node = self._add(node, item)
        self._bound.clear()

    def _add(self, parent: int, formula: Formula) -> int:
        if isinstance(formula, Lit):
            return self._child(parent, formula)
        if formula.op == "and":
            for item in formula.items:
                parent = self._add(parent, item)
            return parent
        forward = self._node()
        for branch in formula.items:
            self.forwards[self._add(parent, branch)].append(forward)
        return forward

    def fits(self) -> bool:
        """Whether durable can build and run this network (with a margin on every limit)."""
        return (
            self.stack_bound() <= MAX_STACK
            and max(len(t) for t in self.tests) <= MAX_NODE_TESTS
            and max(len(f) for f in self.forwards) <= MAX_NODE_FORWARDS
        )

    def stack_bound(self, node: int = 0) -> int:
        if node not in self._bound:
            by_key: dict[str, list[tuple[str, Scalar]]] = {}
            for key, op, _, value in self.tests[node]:
                by_key.setdefault(key, []).append((op, value))
            pushed = len(self.forwards[node]) + sum(_most_matching(tests) for tests in by_key.values())
            children = [*self.tests[node].values(), *self.forwards[node]]
            deepest = max((self.stack_bound(c) for c in children), default=0)
            self._bound[node] = max(pushed, pushed - 1 + deepest) if pushed else 0
        return self._bound[node]


def _most_matching(tests: list[tuple[str, Scalar]]) -> int:
    """How many tests of one key can hold at once: ``eq``/``neq`` on values are decided per value."""
    ranges = sum(op not in ("eq", "neq") for op, _ in tests)
    values = {v for op, v in tests if op in ("eq", "neq")}
    candidates = [*values, object()]  # each mentioned value, or a value none of them is
    return ranges + max(sum((op == "eq") == (v == x) for op, v in tests if op in ("eq", "neq")) for x in candidates)


# --- rules → parts ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class CompiledPart:
    """One durable ruleset: its definition, the fact columns it reads and what each action means."""

    name: str
    definition: dict[str, Any]
    columns: tuple[Column, ...]
    actions: Mapping[str, tuple[tuple[str, Outcome], ...]]

    def to_data(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "columns": [c.to_data() for c in self.columns],
            "actions": {name: [list(t) for t in tokens] for name, tokens in self.actions.items()},
            "definition": self.definition,
        }


@dataclass(frozen=True)
class CompiledRuleset:
    """Everything the durable backend needs for one ruleset id; ``to_data`` is its golden form."""

    ruleset_id: str
    rule_keys: tuple[str, ...]
    defaults: Mapping[str, Outcome]
    parts: tuple[CompiledPart, ...]

    @property
    def durable_rules(self) -> int:
        """Number of durable rules over all parts (the ``done`` rules included)."""
        return sum(len(p.definition) for p in self.parts)

    def to_data(self) -> dict[str, Any]:
        return {
            "ruleset_id": self.ruleset_id,
            "defaults": dict(self.defaults),
            "parts": [p.to_data() for p in self.parts],
        }


class _RulePlan(NamedTuple):
    key: str
    default: Outcome
    results: tuple[tuple[Outcome, tuple[tuple[Formula, ...], ...]], ...]  # outcome → patterns
    columns: dict[str, Column]


def _plan_rule(rule: Rule, catalogue: Mapping[str, FieldSpec], mentioned: Mapping[str, tuple[str, ...]]) -> _RulePlan:
    """Each possible result of a rule as durable patterns; the likeliest result is left silent.

    A result is (scope formula, condition formula); every branch of both becomes its
    own durable rule, so that one result fires at most one action per evaluation.
    """
    for flat in (False, True):
        encoder = _Encoder(catalogue, mentioned)
        scope, cond = encoder.forms(rule.scope, flat), encoder.forms(rule.condition, flat)
        halves: dict[Outcome, tuple[Formula, Formula]] = {
            "F": (TOP, scope.f),
            "U": (TOP, scope.u),
            "TT": (scope.t, cond.t),
            "TF": (scope.t, cond.f),
            "TU": (scope.t, cond.u),
        }
        possible = [o for o in _SILENT_PREFERENCE if conj(*halves[o]) != BOT]
        if not possible:
            raise RuleCompileError(f"{rule.key}: no result is possible (contradictory translation)")
        silent = possible[0]
        results = [
            (o, [f for a in _options(halves[o][0]) for b in _options(halves[o][1]) if (f := conj(a, b)) != BOT])
            for o in OUTCOMES
            if o != silent and conj(*halves[o]) != BOT
        ]
        if flat or all(_pattern_groups(f) <= MAX_GROUPS for _, branches in results for f in branches):
            break
    lead = next(iter(_options(scope.t)), TOP)
    prefix = frozenset(lead.items if isinstance(lead, Junction) and lead.op == "and" else (lead,))
    planned = []
    for outcome, branches in results:
        pieces = [piece for branch in branches for piece in _split(branch)]
        if len(pieces) > MAX_SPLIT:
            raise RuleCompileError(f"{rule.key}: result {outcome} needs over {MAX_SPLIT} durable rules")
        planned.append((outcome, tuple(_pattern(piece, prefix) for piece in pieces)))
    used = set().union(*(_keys(f) for _, branches in results for f in branches)) if results else set()
    return _RulePlan(rule.key, silent, tuple(planned), {k: c for k, c in encoder.columns.items() if k in used})


def compile_ruleset(
    ruleset_id: str,
    rules: Sequence[Rule],
    catalogue: Mapping[str, FieldSpec],
    *,
    part_columns: int = PART_COLUMNS,
) -> CompiledRuleset:
    """Compile rules to durable rulesets, or raise RuleCompileError naming every problem.

    Pure: the same rules and catalogue always give the same (golden-tested) output.
    Rules are packed, in order, into parts: each part is one durable ruleset and
    one asserted fact of at most ``part_columns`` properties, whose alpha network
    stays within the matcher's stack. Small facts matter because durable scans
    every property of the fact at every alpha node it visits.
    """
    _validate(ruleset_id, rules, catalogue)
    mentioned = _mentioned(rules, catalogue)
    groups: list[list[_RulePlan]] = []
    columns: dict[str, Column] = {}
    network, rules_in_part = _Network(), 0
    for rule in rules:
        plan = _plan_rule(rule, catalogue, mentioned)
        patterns = [items for _, pieces in plan.results for items in pieces]
        alone = _Network()
        for items in patterns:
            alone.add(items)
        if len(plan.columns) > MAX_FACT_KEYS or not alone.fits() or len(patterns) > MAX_PART_RULES:
            raise RuleCompileError(f"{plan.key}: too large for one durable_rules fact or matcher stack")
        for items in patterns:
            network.add(items)
        rules_in_part += len(patterns)
        full = len(columns | plan.columns) > part_columns or rules_in_part > MAX_PART_RULES or not network.fits()
        if not groups or full:
            groups.append([])
            columns, network, rules_in_part = {}, alone, len(patterns)
        groups[-1].append(plan)
        columns |= plan.columns
    parts = tuple(_part(f"{ruleset_id}.{i}", group) for i, group in enumerate(groups))
    return CompiledRuleset(
        ruleset_id=ruleset_id,
        rule_keys=tuple(r.key for r in rules),
        defaults={plan.key: plan.default for group in groups for plan in group},
        parts=parts,
    )


def _short(index: int) -> str:
    """A short property name (``_0`` … ``_z``, ``_10`` …): fact text is parsed, copied and hashed per use."""
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    text = ""
    while True:
        index, digit = divmod(index, len(digits))
        text = digits[digit] + text
        if not index:
            return "_" + text


def _part(name: str, plans: list[_RulePlan]) -> CompiledPart:
    definition: dict[str, Any] = {}
    actions: dict[str, list[tuple[str, Outcome]]] = {}
    by_patterns: dict[tuple[tuple[Formula, ...], ...], list[str]] = {}
    labelled: dict[str, Column] = {}
    for plan in plans:
        labelled |= plan.columns
    ordered = sorted(labelled.values(), key=lambda c: (c.path, c.label))
    columns = tuple(Column(_short(i), c.label, c.path, c.encoding, c.values) for i, c in enumerate(ordered))
    keys = {c.label: c.key for c in columns}
    for plan in plans:
        for outcome, patterns in plan.results:
            if patterns not in by_patterns:
                base = f"{plan.key}#{outcome}" if _SAFE_NAME.fullmatch(plan.key) else f"r{len(by_patterns)}#{outcome}"
                names = [base if i == 0 else f"{base}~{i}" for i in range(len(patterns))]
                for action, items in zip(names, patterns, strict=True):
                    definition[action] = _durable_rule(items, action, keys)
                    actions[action] = []
                by_patterns[patterns] = names
            for action in by_patterns[patterns]:
                actions[action].append((plan.key, outcome))
    definition[DONE] = {"all": [{"m": dict(DISCRIMINATOR)}], "run": DONE}
    actions[DONE] = []
    return CompiledPart(name, definition, columns, {k: tuple(v) for k, v in actions.items()})


def canonical_json(data: Any) -> str:
    """Stable text of compiled output, for golden files and hashing."""
    return json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False) + "\n"
