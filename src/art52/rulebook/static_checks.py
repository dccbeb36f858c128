"""Static checks of the rulebook as a whole, run by ``art52 rules check``.

The loader already rejects what is wrong inside one rule (unknown facts and
operators, enum values outside the contract, unknown sources) and the dating of
versions (overlaps and gaps). These checks look for rules that are well formed
but cannot mean what their authors intended:

1. **Conflicting rules.** Two rules (different ids) in force on a common day
   whose scopes are identical and whose conditions are identical, but whose
   ``then`` (or whose ``otherwise``) concludes ``violation`` in one and
   ``satisfied`` in the other. Scopes and conditions are compared after
   rewriting both into one canonical form (nested ``all``/``any`` flattened,
   de-duplicated and sorted, ``not`` pushed down to the facts), so the order of
   items or a double negation does not hide a conflict. Rules that merely
   overlap, or whose conditions are each other's negation, are not compared.
2. **Rules that can never fire.** A scope that can never be true (the rule never
   applies), or a condition that can never be true inside the scope (the
   ``then`` branch never fires). The check is *sound but incomplete*: it reports
   a rule only when it has proved that no measure can make the part true, and it
   looks at each fact on its own. It detects, on one fact within one
   alternative of the condition:

   - ``exists`` together with ``missing``, or ``missing`` with any test of a value;
   - values that cannot meet: ``eq a`` with ``eq b``, ``in`` sets with an empty
     intersection, ``eq``/``in`` values all excluded by ``ne``/``not_in``, every
     value of an enum or boolean excluded, ranges (``lt``/``le``/``gt``/``ge``)
     that cannot meet, also with ``eq``/``in`` values and, for integer facts,
     ranges that contain no whole number;
   - list facts: two different ``eq`` sets, ``all_of`` with ``none_of`` or outside
     ``subset_of``, ``any_of`` with nothing left to intersect, an ``eq`` set that
     breaks another test, and negated ``all_of``/``subset_of`` that the other tests
     force to hold.

   It does not relate different facts to each other (for instance a derived fact
   with the contract fields it is computed from), and it gives up, reporting
   nothing, when a condition has more than :data:`MAX_TERMS` alternatives.
3. **Dated versions** that overlap or leave a gap: the loader's own check is
   reused (:func:`art52.rulebook.loader._cross_rule_issues`), so a rulebook built
   in memory gets the same answer as one loaded from files.
4. **Versions older than their law**: a rule version in force on a day on which
   none of its sources existed (:mod:`art52.rulebook.source_dating`).

Every issue names the file, the line and the rule id; any issue is an error.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from itertools import combinations, product

from art52.domain.fields import FieldSpec
from art52.domain.principles import Effect
from art52.errors import RuleIssue
from art52.rulebook.catalog import Rulebook
from art52.rulebook.conditions import All, AnyOf, Condition, Leaf, Not, Op, Scalar, to_data
from art52.rulebook.schema import Rule

MAX_TERMS = 4096
"""Above this many alternatives (after expansion) a condition is not analysed."""

OPPOSITE = frozenset({Effect.VIOLATION, Effect.SATISFIED})

# Complementary operators: on a known fact exactly one of the pair holds, and on an
# unknown fact both are unknown (exists/missing are never unknown), so under
# three-valued logic ``not (x op v)`` is ``x op' v``.
_COMPLEMENT: dict[Op, Op] = {
    Op.EQ: Op.NE,
    Op.NE: Op.EQ,
    Op.IN: Op.NOT_IN,
    Op.NOT_IN: Op.IN,
    Op.ANY_OF: Op.NONE_OF,
    Op.NONE_OF: Op.ANY_OF,
    Op.LT: Op.GE,
    Op.GE: Op.LT,
    Op.LE: Op.GT,
    Op.GT: Op.LE,
    Op.EXISTS: Op.MISSING,
    Op.MISSING: Op.EXISTS,
}


def static_issues(book: Rulebook, fields: Mapping[str, FieldSpec] | None = None) -> list[RuleIssue]:
    """Every static-check issue of a rulebook, ordered by file and line."""
    from art52.domain.derived_facts import fact_catalogue
    from art52.rulebook.loader import _cross_rule_issues
    from art52.rulebook.source_dating import undated_versions

    catalogue = fields if fields is not None else fact_catalogue()
    locator = _Locator()
    issues = list(_cross_rule_issues(list(book.rules)))
    issues += never_fires(book.rules, catalogue, locator)
    issues += conflicting_rules(book.rules, locator)
    issues += undated_versions(book)
    return sorted(issues, key=lambda i: (i.file, i.line or 0, i.rule_id or "", i.message))


# --- Canonical form ------------------------------------------------------------------------


def normalise(condition: Condition) -> Condition:
    """Negation normal form with flattened, de-duplicated and sorted ``all``/``any``.

    The result has the same three-valued meaning; ``not`` remains only around
    leaves whose operator has no complement (``all_of``, ``subset_of``).
    """
    return _canonical(_nnf(condition, negate=False))


def _nnf(condition: Condition, *, negate: bool) -> Condition:
    if isinstance(condition, Leaf):
        if not negate:
            return condition
        complement = _COMPLEMENT.get(condition.op)
        return Leaf(condition.path, complement, condition.value) if complement else Not(condition)
    if isinstance(condition, Not):
        return _nnf(condition.item, negate=not negate)
    items = tuple(_nnf(item, negate=negate) for item in condition.items)
    conjunction = isinstance(condition, All) != negate  # De Morgan holds in Kleene logic
    return All(items) if conjunction else AnyOf(items)


def _canonical(condition: Condition) -> Condition:
    if isinstance(condition, Leaf | Not):
        return condition
    kind = type(condition)
    flat: dict[str, Condition] = {}
    for item in condition.items:
        item = _canonical(item)
        parts = item.items if isinstance(item, kind) else (item,)
        for part in parts:
            flat.setdefault(_key(part), part)
    ordered = tuple(flat[k] for k in sorted(flat))
    if len(ordered) == 1:
        return ordered[0]
    return All(ordered) if kind is All else AnyOf(ordered)


def _key(condition: Condition) -> str:
    return json.dumps(to_data(condition), sort_keys=True, default=str)


def trigger_key(condition: Condition) -> str:
    """A string equal for two conditions exactly when their canonical forms are equal."""
    return _key(normalise(condition))


# --- Conflicting rules ---------------------------------------------------------------------


def _period(rule: Rule) -> tuple[dt.date, dt.date]:
    return (rule.spec.valid_from or dt.date.min, rule.spec.valid_to or dt.date.max)


def _effects(rule: Rule) -> dict[str, Effect]:
    found = {"then": rule.spec.then.effect}
    if rule.otherwise is not None:
        found["otherwise"] = rule.otherwise.effect
    return found


def conflicting_rules(rules: Sequence[Rule], locator: _Locator | None = None) -> list[RuleIssue]:
    """Rules in force together, with the same scope and condition, that conclude violation and satisfied."""
    locate = locator or _Locator()
    by_test: dict[tuple[str, str], list[Rule]] = {}
    for rule in rules:
        by_test.setdefault((trigger_key(rule.scope), trigger_key(rule.condition)), []).append(rule)
    issues = []
    for group in by_test.values():
        for first, second in combinations(sorted(group, key=lambda r: (r.file, r.line)), 2):
            if first.id == second.id:
                continue  # versions of one rule never overlap (checked with the dating)
            start = max(_period(first)[0], _period(second)[0])
            end = min(_period(first)[1], _period(second)[1])
            if start > end:
                continue
            effects_a, effects_b = _effects(first), _effects(second)
            for branch in ("then", "otherwise"):
                pair = {effects_a.get(branch), effects_b.get(branch)}
                if pair != OPPOSITE:
                    continue
                issues.append(
                    RuleIssue(
                        second.file,
                        locate.line(second, branch),
                        second.id,
                        f"conflicting rules: {second.key} and {first.key} ({first.file}:{locate.line(first, branch)}) "
                        f"have the same scope and condition, are both in force {_describe_period(start, end)}, "
                        f"and their '{branch}' concludes {effects_b[branch].value} in {second.key} "
                        f"but {effects_a[branch].value} in {first.key}",
                    )
                )
    return issues


def _describe_period(start: dt.date, end: dt.date) -> str:
    if start == dt.date.min and end == dt.date.max:
        return "at all times"
    first = "always" if start == dt.date.min else start.isoformat()
    last = "open-ended" if end == dt.date.max else end.isoformat()
    return f"from {first} to {last}"


# --- Rules that can never fire -------------------------------------------------------------


def never_fires(
    rules: Sequence[Rule], fields: Mapping[str, FieldSpec], locator: _Locator | None = None
) -> list[RuleIssue]:
    """Rules whose scope, or whose condition within the scope, can never be true."""
    locate = locator or _Locator()
    issues = []
    for rule in rules:
        reason = unsatisfiable(rule.scope, fields)
        if reason is not None:
            issues.append(
                RuleIssue(
                    rule.file,
                    locate.line(rule, "applies_to"),
                    rule.id,
                    f"{rule.key} can never apply: its scope (applies_to) can never be true: {reason}",
                )
            )
            continue
        reason = unsatisfiable(All((rule.scope, rule.condition)), fields)
        if reason is not None:
            issues.append(
                RuleIssue(
                    rule.file,
                    locate.line(rule, "when"),
                    rule.id,
                    f"{rule.key} can never fire its 'then' ({rule.spec.then.effect.value}): "
                    f"its condition can never be true within its scope: {reason}",
                )
            )
    return issues


def unsatisfiable(condition: Condition, fields: Mapping[str, FieldSpec]) -> str | None:
    """Why no facts can make ``condition`` true, or None if that was not proved."""
    terms = _dnf(normalise(condition))
    if terms is None:
        return None
    reasons = []
    for term in terms:
        reason = _contradiction(term, fields)
        if reason is None:
            return None
        reasons.append(reason)
    if not reasons:
        return "it has no alternative at all"
    if len(reasons) == 1:
        return reasons[0]
    return f"each of its {len(reasons)} alternatives is contradictory (first: {reasons[0]})"


_Literal = Leaf | Not


def _dnf(condition: Condition) -> list[tuple[_Literal, ...]] | None:
    """Alternatives (conjunctions of literals) of a condition in negation normal form."""
    if isinstance(condition, Leaf | Not):
        return [(condition,)]
    parts = []
    for item in condition.items:
        expanded = _dnf(item)
        if expanded is None:
            return None
        parts.append(expanded)
    if isinstance(condition, AnyOf):
        terms = [term for part in parts for term in part]
        return terms if len(terms) <= MAX_TERMS else None
    if math.prod(len(p) for p in parts) > MAX_TERMS:
        return None
    return [tuple(lit for term in combo for lit in term) for combo in product(*parts)]


def _contradiction(term: Sequence[_Literal], fields: Mapping[str, FieldSpec]) -> str | None:
    by_path: dict[str, list[_Literal]] = {}
    for literal in term:
        leaf = literal.item if isinstance(literal, Not) else literal
        assert isinstance(leaf, Leaf)
        by_path.setdefault(leaf.path, []).append(literal)
    for path, literals in by_path.items():
        spec = fields.get(path)
        list_fact = spec is not None and spec.kind in ("enum_list", "string_list")
        reason = _PathConstraints.collect(literals, list_fact=list_fact).contradiction(spec)
        if reason is not None:
            return f"'{path}' {reason}"
    return None


def _values(leaf: Leaf) -> frozenset[Scalar]:
    return frozenset(leaf.value) if isinstance(leaf.value, tuple) else frozenset({leaf.value})


@dataclass
class _PathConstraints:
    """What one alternative requires of one fact."""

    exists: bool = False
    missing: bool = False
    value_tests: int = 0
    allowed: frozenset[Scalar] | None = None
    excluded: set[Scalar] = field(default_factory=set)
    lower: tuple[float, bool] | None = None  # (bound, strict)
    upper: tuple[float, bool] | None = None
    equal_sets: set[frozenset[Scalar]] = field(default_factory=set)
    unequal_sets: list[frozenset[Scalar]] = field(default_factory=list)
    required: set[Scalar] = field(default_factory=set)
    forbidden: set[Scalar] = field(default_factory=set)
    universe: frozenset[Scalar] | None = None
    intersects: list[frozenset[Scalar]] = field(default_factory=list)
    not_all_of: list[frozenset[Scalar]] = field(default_factory=list)
    not_subset_of: list[frozenset[Scalar]] = field(default_factory=list)

    @classmethod
    def collect(cls, literals: Sequence[_Literal], *, list_fact: bool) -> _PathConstraints:
        found = cls()
        for literal in literals:
            found.add(literal, list_fact=list_fact)
        return found

    def add(self, literal: _Literal, *, list_fact: bool) -> None:
        if isinstance(literal, Not):
            leaf = literal.item
            assert isinstance(leaf, Leaf)
            self.value_tests += 1
            target = self.not_all_of if leaf.op is Op.ALL_OF else self.not_subset_of
            target.append(_values(leaf))
            return
        op, values = literal.op, _values(literal)
        if op is Op.EXISTS:
            self.exists = True
            return
        if op is Op.MISSING:
            self.missing = True
            return
        self.value_tests += 1
        if list_fact and op is Op.EQ:
            self.equal_sets.add(values)
        elif list_fact and op is Op.NE:
            self.unequal_sets.append(values)
        elif op in (Op.EQ, Op.IN):
            self.allowed = values if self.allowed is None else self.allowed & values
        elif op in (Op.NE, Op.NOT_IN):
            self.excluded |= values
        elif op in (Op.LT, Op.LE):
            self._bound("upper", float(literal.value), strict=op is Op.LT)  # type: ignore[arg-type]
        elif op in (Op.GT, Op.GE):
            self._bound("lower", float(literal.value), strict=op is Op.GT)  # type: ignore[arg-type]
        elif op is Op.ALL_OF:
            self.required |= values
        elif op is Op.NONE_OF:
            self.forbidden |= values
        elif op is Op.SUBSET_OF:
            self.universe = values if self.universe is None else self.universe & values
        elif op is Op.ANY_OF:
            self.intersects.append(values)

    def _bound(self, side: str, value: float, *, strict: bool) -> None:
        current = getattr(self, side)
        if current is None:
            setattr(self, side, (value, strict))
            return
        tighter = value > current[0] if side == "lower" else value < current[0]
        if tighter or (value == current[0] and strict):
            setattr(self, side, (value, strict))

    def contradiction(self, spec: FieldSpec | None) -> str | None:
        if self.exists and self.missing:
            return "is required to be both stated (exists) and not stated (missing)"
        if self.missing and self.value_tests:
            return "is required to be not stated (missing) and also tested for a value"
        kind = spec.kind if spec is not None else None
        if kind in ("enum_list", "string_list"):
            domain = frozenset(spec.values) if spec is not None and kind == "enum_list" else None
            return self._list_contradiction(domain)
        domain_values: frozenset[Scalar] | None = None
        if kind == "boolean":
            domain_values = frozenset({True, False})
        elif kind == "enum" and spec is not None:
            domain_values = frozenset(spec.values)
        return self._scalar_contradiction(domain_values, integral=kind == "integer")

    def _in_range(self, value: Scalar) -> bool:
        if isinstance(value, bool) or not isinstance(value, int | float):
            return self.lower is None and self.upper is None
        if self.lower is not None and (value < self.lower[0] or (self.lower[1] and value == self.lower[0])):
            return False
        return not (self.upper is not None and (value > self.upper[0] or (self.upper[1] and value == self.upper[0])))

    def _scalar_contradiction(self, domain: frozenset[Scalar] | None, *, integral: bool) -> str | None:
        if self.allowed is not None and not self.allowed:
            return "is required to take values from sets that do not intersect"
        candidates = self.allowed if self.allowed is not None else domain
        if candidates is not None:
            left = {v for v in candidates if v not in self.excluded and self._in_range(v)}
            if not left:
                shown = ", ".join(sorted(json.dumps(v) for v in candidates))
                return f"has no value left: every allowed value ({shown}) is excluded or out of range"
            return None
        return self._empty_range(integral=integral)

    def _empty_range(self, *, integral: bool) -> str | None:
        if self.lower is None or self.upper is None:
            return None
        (low, low_strict), (high, high_strict) = self.lower, self.upper
        text = f"{'>' if low_strict else '>='} {low:g} and {'<' if high_strict else '<='} {high:g}"
        if low > high or (low == high and (low_strict or high_strict)):
            return f"is required to be {text}, which no number is"
        if integral:
            first = math.floor(low) + 1 if low_strict else math.ceil(low)
            last = math.ceil(high) - 1 if high_strict else math.floor(high)
            if first > last:
                return f"is required to be {text}, which no whole number is"
        return None

    def _list_contradiction(self, domain: frozenset[Scalar] | None) -> str | None:
        if len(self.equal_sets) > 1:
            return "is required to equal two different lists"
        clash = self.required & self.forbidden
        if clash:
            return f"must contain and must not contain {_show(clash)}"
        universe = self.universe
        if domain is not None:
            universe = domain if universe is None else universe & domain
        if universe is not None and not self.required <= universe:
            return f"must contain {_show(self.required - universe)}, which it may not"
        possible = universe - self.forbidden if universe is not None else None
        for wanted in self.intersects:
            if (possible is not None and not wanted & possible) or (possible is None and wanted <= self.forbidden):
                return f"must contain one of {_show(wanted)}, none of which it may contain"
        for wanted in self.not_all_of:
            if wanted <= self.required:
                return f"must contain all of {_show(wanted)} and also not all of them"
        for allowed in self.not_subset_of:
            if possible is not None and possible <= allowed:
                return f"must hold an item outside {_show(allowed)} but may hold nothing else"
        if self.equal_sets:
            (exact,) = self.equal_sets
            problem = self._breaks_exact(exact, universe)
            if problem is not None:
                return f"is required to equal {_show(exact)}, but {problem}"
        return None

    def _breaks_exact(self, exact: frozenset[Scalar], universe: frozenset[Scalar] | None) -> str | None:
        if not self.required <= exact:
            return f"must also contain {_show(self.required - exact)}"
        if exact & self.forbidden:
            return f"must not contain {_show(exact & self.forbidden)}"
        if universe is not None and not exact <= universe:
            return f"may not contain {_show(exact - universe)}"
        if any(not wanted & exact for wanted in self.intersects):
            return "an any_of test finds none of its values in it"
        if exact in self.unequal_sets:
            return "it is also required to differ from that list"
        if any(wanted <= exact for wanted in self.not_all_of):
            return "a negated all_of test fails on it"
        if any(exact <= allowed for allowed in self.not_subset_of):
            return "a negated subset_of test fails on it"
        return None


def _show(values: frozenset[Scalar] | set[Scalar]) -> str:
    return "[" + ", ".join(sorted(str(v) for v in values)) + "]"


# --- Lines --------------------------------------------------------------------------------


class _Locator:
    """The line of a rule's ``applies_to``/``when``/``then``/``otherwise`` key, as the loader read it."""

    def line(self, rule: Rule, part: str) -> int:
        return rule.part_lines.get(part, rule.line)


__all__ = ["MAX_TERMS", "conflicting_rules", "never_fires", "normalise", "static_issues", "unsatisfiable"]
