"""What each rule could still conclude, given the facts no answer can change.

A rule decided in the settled view (:mod:`art52.reasoning.settled`) has one
outcome; an open rule may take any effect its rule can give: its ``then``, its
``otherwise``, or none at all when its scope may not apply. Rules are treated
independently; answers shared by several rules can only narrow what is possible.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from art52.domain.findings import Basis
from art52.domain.principles import Effect, Principle
from art52.engine.backend import RuleResult
from art52.engine.logic import Truth
from art52.reasoning.settled import ask_for, open_truth, settled_facts, unsettled_derived
from art52.rulebook.schema import Rule

Possible = frozenset[Effect | None]
"""The effects a rule may still give; ``None`` means no finding (out of scope, or silent)."""


@dataclass(frozen=True)
class Outlook:
    """One rule's possible outcomes and the fields whose answers decide among them.

    ``unknowns`` are the fields to ask now: while the scope is open, only the
    ones that decide whether the rule applies (as the engine asks). ``pending``
    are all the fields whose answers could still change the rule's outcome.
    """

    rule: Rule
    effects: Possible
    unknowns: tuple[str, ...] = ()
    pending: tuple[str, ...] = ()

    @property
    def rule_id(self) -> str:
        return self.rule.id

    @property
    def principle(self) -> Principle:
        return self.rule.spec.principle

    @property
    def basis(self) -> Basis:
        return self.rule.basis

    @property
    def open(self) -> bool:
        return len(self.effects) > 1


def outlooks(
    rules: tuple[Rule, ...],
    facts: Mapping[str, Any],
    derived: frozenset[str],
    decided: Mapping[str, RuleResult] | None = None,
) -> tuple[Outlook, ...]:
    """The outlook of every rule in force, in rule order.

    The fields asked for and the facts they unsettle grow together: an asked
    field may unsettle a derived fact or a presence test, which may open
    another rule and ask for more. The loop stops when nothing new is asked.
    ``decided``, the engine's results on the same facts, spares re-evaluating the
    scope of a rule that reads nothing undecided: there the settled view agrees.
    """
    asked: frozenset[str] = frozenset()
    before: frozenset[str] | None = None
    result: list[Outlook] = []
    reads: list[frozenset[str]] = []
    while True:
        unsettled = unsettled_derived(facts, derived, asked)
        settled = settled_facts(facts, unsettled)
        undecided = asked | unsettled
        # Only a rule that reads a newly undecided fact can change from one round to the next.
        if before is None:
            result = [
                Outlook(rule, _OUT_OF_SCOPE)
                if decided is not None and decided[rule.key].scope is Truth.FALSE and rule.reads.isdisjoint(undecided)
                else _outlook(rule, settled, facts, undecided)
                for rule in rules
            ]
        else:
            reads = reads or [rule.reads for rule in rules]
            new = undecided - before
            result = [
                result[i] if reads[i].isdisjoint(new) else _outlook(rule, settled, facts, undecided)
                for i, rule in enumerate(rules)
            ]
        now_asked = asked.union(*(o.pending for o in result))
        if now_asked == asked:
            return tuple(result)
        asked, before = now_asked, undecided


_OUT_OF_SCOPE: Possible = frozenset({None})


def _outlook(rule: Rule, settled: Mapping[str, Any], facts: Mapping[str, Any], undecided: frozenset[str]) -> Outlook:
    scope, scope_unknowns = open_truth(rule.scope, settled, undecided)
    if scope is Truth.FALSE:
        return Outlook(rule, _OUT_OF_SCOPE)
    condition, condition_unknowns = open_truth(rule.condition, settled, undecided)
    when_true: Possible = frozenset({rule.spec.then.effect})
    when_false: Possible = frozenset({rule.otherwise.effect if rule.otherwise else None})
    effects = {Truth.TRUE: when_true, Truth.FALSE: when_false, Truth.UNKNOWN: when_true | when_false}[condition]
    ask, pending = condition_unknowns, condition_unknowns
    if scope is Truth.UNKNOWN:
        effects, ask, pending = effects | {None}, scope_unknowns, scope_unknowns + condition_unknowns
    if len(effects) == 1:
        return Outlook(rule, effects)
    return Outlook(
        rule, effects, ask_for(tuple(dict.fromkeys(ask)), facts), ask_for(tuple(dict.fromkeys(pending)), facts)
    )
