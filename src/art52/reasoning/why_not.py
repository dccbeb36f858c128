"""Why not: for each principle not satisfied, the rules that keep it so and the facts that decided them.

For each fact a rule relied on, the values that would turn the rule around are
found by re-reading the rule's own conditions (scope and ``when``) with that one
fact changed, in the engine's three-valued logic: a value flips the rule when
the rule would then be satisfied (``flips_with``); values with which the rule
would no longer apply are listed apart (``out_of_scope_with``): they change what
the measure is rather than meet the rule. A fact the rule is missing is listed
too (its value null), with the answers that would meet the rule. Candidate values come
from the contract (yes/no, the allowed enum values) and, for numbers, from the
thresholds the rule itself tests. A derived fact is marked as such, with the
contract fields it is computed from: those are what the official can change.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from art52.domain.derived_facts import DERIVED_FACTS, DERIVED_INPUTS
from art52.domain.fields import FieldSpec
from art52.domain.findings import Basis, Finding
from art52.domain.principles import EFFECT_PRECEDENCE, PRINCIPLE_ORDER, Effect, Outcome, Principle
from art52.domain.remedies import Flip, RuleWhyNot, WhyNot
from art52.engine.logic import Truth, evaluate
from art52.rulebook.conditions import ORDER_OPS, All, AnyOf, Condition, Leaf, Not
from art52.rulebook.schema import Rule

Facts = Mapping[str, Any]
SETTLED = frozenset({Outcome.SATISFIED, Outcome.NOT_APPLICABLE})


def why_not(
    rules: Sequence[Rule],
    facts: Facts,
    findings: Sequence[Finding],
    outcomes: Mapping[Principle, Outcome],
    fields: Mapping[str, FieldSpec],
) -> tuple[WhyNot, ...]:
    """Each principle not satisfied, in the Charter's order, with the rules and facts that keep it so."""
    by_id = {rule.id: rule for rule in rules}
    result = []
    for principle in PRINCIPLE_ORDER:
        if outcomes[principle] in SETTLED:
            continue
        holding = sorted(
            (
                f
                for f in findings
                if f.principle is principle and f.effect is not Effect.SATISFIED and f.basis is not Basis.METHOD
            ),
            key=lambda f: (EFFECT_PRECEDENCE[f.effect], f.rule_id),
        )
        reasons = tuple(_rule_why_not(f, by_id[f.rule_id], facts, fields) for f in holding if f.rule_id in by_id)
        if reasons:
            result.append(WhyNot(principle=principle, outcome=outcomes[principle], rules=reasons))
    return tuple(result)


def conclusion(rule: Rule, facts: Facts) -> Effect | None:
    """What the rule concludes on ``facts``: its effect, or None when it does not apply or says nothing."""
    scope = evaluate(rule.scope, facts)
    if scope is Truth.FALSE:
        return None
    condition = evaluate(rule.condition, facts)
    if scope is Truth.UNKNOWN or condition is Truth.UNKNOWN:
        return Effect.NEEDS_INFORMATION
    if condition is Truth.TRUE:
        return rule.spec.then.effect
    return rule.otherwise.effect if rule.otherwise else None


def flipping_values(
    rule: Rule, facts: Facts, path: str, fields: Mapping[str, FieldSpec]
) -> tuple[tuple[Any, ...], tuple[Any, ...]]:
    """Values of ``path`` alone that would make the rule satisfied, and those that would take it out of scope."""
    now = conclusion(rule, facts)
    if now is None or now is Effect.SATISFIED:
        return (), ()
    satisfied, out_of_scope = [], []
    for value in candidate_values(path, facts.get(path), fields.get(path), rule):
        after = conclusion(rule, {**facts, path: value})
        shown = list(value) if isinstance(value, tuple) else value
        if after is Effect.SATISFIED:
            satisfied.append(shown)
        elif after is None:
            out_of_scope.append(shown)
    return tuple(satisfied), tuple(out_of_scope)


def candidate_values(path: str, current: Any, spec: FieldSpec | None, rule: Rule) -> Iterator[Any]:
    """The values worth trying for one fact: the contract's choices, or the thresholds the rule tests."""
    if spec is None:
        return
    if spec.kind == "boolean":
        yield from (v for v in (True, False) if v != current)
    elif spec.kind == "enum":
        yield from (v for v in spec.values if v != current)
    elif spec.kind == "enum_list":
        items = tuple(current) if isinstance(current, tuple | list) else ()
        for value in spec.values:
            if (value,) != items:
                yield (value,)
        if len(items) > 1:
            for item in items:
                yield tuple(x for x in items if x != item)
    elif spec.kind in ("integer", "number"):
        seen: set[Any] = set()
        for leaf in _leaves(rule.scope, rule.condition):
            if leaf.path == path and leaf.op in ORDER_OPS and isinstance(leaf.value, int | float):
                for number in (leaf.value - 1, leaf.value, leaf.value + 1):
                    if number >= 0 and number != current and number not in seen:
                        seen.add(number)
                        yield number


def _leaves(*conditions: Condition) -> Iterator[Leaf]:
    for condition in conditions:
        if isinstance(condition, Leaf):
            yield condition
        elif isinstance(condition, Not):
            yield from _leaves(condition.item)
        elif isinstance(condition, All | AnyOf):
            yield from _leaves(*condition.items)


def _rule_why_not(finding: Finding, rule: Rule, facts: Facts, fields: Mapping[str, FieldSpec]) -> RuleWhyNot:
    return RuleWhyNot(
        rule_id=finding.rule_id,
        title=finding.title,
        effect=finding.effect,
        facts=tuple(_flip(rule, facts, fact.path, fact.value, fields) for fact in finding.facts if fact.known)
        + tuple(_flip(rule, facts, path, None, fields) for path in finding.missing_facts),
        missing_facts=finding.missing_facts,
        remedy=finding.remedy,
    )


def _flip(rule: Rule, facts: Facts, path: str, value: Any, fields: Mapping[str, FieldSpec]) -> Flip:
    satisfied, out_of_scope = flipping_values(rule, facts, path, fields)
    return Flip(
        path=path,
        value=list(value) if isinstance(value, tuple) else value,
        derived=path in DERIVED_FACTS,
        inputs=DERIVED_INPUTS.get(path, ()),
        flips_with=satisfied,
        out_of_scope_with=out_of_scope,
    )
