"""Facts a rule's scope tests for presence: stating them can bring a rule into scope, or take it out.

An ``exists``/``missing`` test on a field nobody asks for is decided: "not
stated" is the fact it reads (``art52.reasoning.settled``), so the assessment
never asks for it. A rule whose scope needs such a fact stated (a transfer to a
third country, data of persons not convicted) is then out of scope silently,
and a rule whose scope needs it unstated (a measure not known to be notified)
is in scope although one answer would take it out. The official may know the
fact: these are the fields worth offering as questions, for each rule whose
scope the facts already known do not falsify. Whether an answer matters is then
tried, never assumed.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from art52.engine.logic import Truth
from art52.reasoning.settled import DERIVED_READS, open_truth, settled_facts, unsettled_derived
from art52.rulebook.conditions import PRESENCE_OPS, leaves
from art52.rulebook.schema import Rule


@dataclass(frozen=True)
class ScopeQuestion:
    """An unstated field a presence test of some rules' scopes reads, and those rules."""

    path: str
    rules: tuple[str, ...]


def scope_questions(
    rules: Iterable[Rule], facts: Mapping[str, Any], derived: frozenset[str], fields: Collection[str]
) -> tuple[ScopeQuestion, ...]:
    """The unstated contract ``fields`` whose presence tests keep some rule's scope open, in rule order.

    The scope is read in the settled view with those fields asked for: a derived fact they feed
    (the route a stated Directive opens) is as open as they are.
    """
    found: dict[str, dict[str, None]] = {}
    for rule in rules:
        unstated = frozenset(
            leaf.path
            for leaf in leaves(rule.scope)
            if leaf.op in PRESENCE_OPS and leaf.path in fields and facts.get(leaf.path) is None
        )
        if not unstated:
            continue
        unsettled = unsettled_derived(facts, derived, unstated)
        truth, open_paths = open_truth(rule.scope, settled_facts(facts, unsettled), unstated | unsettled)
        if truth is not Truth.UNKNOWN:
            continue
        reached = set(open_paths) | {p for name in open_paths for p in DERIVED_READS.get(name, ())}
        for path in sorted(unstated & reached, key=[leaf.path for leaf in leaves(rule.scope)].index):
            found.setdefault(path, {})[rule.id] = None
    return tuple(ScopeQuestion(path, tuple(ids)) for path, ids in found.items())
