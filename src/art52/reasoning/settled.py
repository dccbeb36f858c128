"""Which facts can no longer change, whatever the official answers to the open questions.

The verdict range must hold for every way of answering the open questions. The
engine's three-valued logic is monotone for plain contract facts: a condition
decided on some facts stays decided when more are stated. Two things are not:
``exists``/``missing`` tests on a field that is asked for (they flip once it is
stated), and derived facts read from a field that is asked for (``scope`` read
from the targeting criteria changes once the subjects are stated). This module
gives the *settled* view of the facts, in which both count as unknown, so a rule
decided in that view stays decided for every answer. A field nobody asks for is
not an open question: "not stated" is then itself the fact the rules read.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from art52.domain.derived_facts import DERIVED_FACTS, DERIVED_INPUTS
from art52.engine.logic import Truth, evaluate_leaf
from art52.engine.routes import charter_by_union_act, providers_decided
from art52.rulebook.conditions import All, AnyOf, Condition, Leaf, Not, Op

# Fields a derived fact reads beyond the ones the official is asked for when it is unknown.
_ALSO_READ: dict[str, tuple[str, ...]] = {
    "factual_description_complete": ("retention.period_unlimited",),
    "objective_rank": ("national_security_threat.genuine_present_or_foreseeable",),
    "further_use_rank": ("national_security_threat.genuine_present_or_foreseeable",),
    "further_use_less_serious": ("national_security_threat.genuine_present_or_foreseeable",),
}

DERIVED_READS: dict[str, tuple[str, ...]] = {
    name: tuple(dict.fromkeys(DERIVED_INPUTS.get(name, ()) + _ALSO_READ.get(name, ()))) for name in DERIVED_FACTS
}
"""Every contract field each derived fact may read; with all of them stated, the derived value is final."""

Facts = Mapping[str, Any]

# Values a derived fact keeps whatever is added, when not all its fields are stated
# (each follows from how art52.engine.facts computes the fact; the property test checks them).
_FINAL_EARLY: dict[str, Callable[[Any, Facts], bool]] = {
    # The Charter binds a Union act, and a Member State on the ePrivacy route, whatever else is stated.
    "route_charter": lambda value, facts: (
        value is True
        and (charter_by_union_act(facts) or (facts.get("route_eprivacy") is True and _eprivacy_final(facts)))
    ),
    "route_eprivacy": lambda _, facts: _eprivacy_final(facts),
    # A stated answer on the LED overrides what the other fields suggest.
    "route_led": lambda _, facts: _all_stated(facts, "led.applicable", "jurisdiction"),
    "scope": lambda _, facts: facts.get("data.subjects_scope") is not None,
    "interference_seriousness": lambda value, _: value == "serious",
    "factual_description_complete": lambda value, _: value is True,
    "objective_specified": lambda value, _: value is True,
    "serious_threshold_warning": lambda value, _: value is True,
    "objective_rank": lambda _, facts: _ranked_without_threat(facts.get("objective")),
    "further_use_rank": lambda _, facts: _ranked_without_threat(facts.get("further_use.objective")),
    "further_use_less_serious": lambda _, facts: (
        _ranked_without_threat(facts.get("objective")) and _ranked_without_threat(facts.get("further_use.objective"))
    ),
}


def _eprivacy_final(facts: Facts) -> bool:
    return facts.get("jurisdiction") is not None and providers_decided(facts)


def _all_stated(facts: Facts, *paths: str) -> bool:
    return all(facts.get(path) is not None for path in paths)


def _ranked_without_threat(objective: Any) -> bool:
    """An objective's rank is final once it is stated, unless terrorism may count as national security."""
    return objective is not None and objective != "terrorism"


def unsettled_derived(facts: Facts, derived: frozenset[str], asked: frozenset[str]) -> frozenset[str]:
    """Derived facts an answer to an asked field could still change."""
    unstated = frozenset(path for path in asked if facts.get(path) is None)
    return frozenset(
        name
        for name in DERIVED_FACTS
        if unstated.intersection(DERIVED_READS[name])
        and not (name in derived and _final_early(name, facts[name], facts))
    )


def settled_facts(facts: Facts, unsettled: frozenset[str]) -> dict[str, Any]:
    """The facts no answer can change: every fact but the unsettled derived ones."""
    return {path: value for path, value in facts.items() if path not in unsettled}


def _final_early(name: str, value: Any, facts: Facts) -> bool:
    check = _FINAL_EARLY.get(name)
    return check is not None and check(value, facts)


def open_truth(condition: Condition, facts: Facts, pending: frozenset[str]) -> tuple[Truth, tuple[str, ...]]:
    """A condition's truth in the settled view, and the unknown paths that keep it open.

    Like the engine's Kleene logic, except that ``exists``/``missing`` on a
    ``pending`` path (asked for, or an unsettled derived fact) is unknown.
    """
    if isinstance(condition, Leaf):
        if condition.op in (Op.EXISTS, Op.MISSING) and condition.path in pending and facts.get(condition.path) is None:
            return Truth.UNKNOWN, (condition.path,)
        result = evaluate_leaf(condition, facts)
        return result, (condition.path,) if result is Truth.UNKNOWN else ()
    if isinstance(condition, Not):
        inner, unknowns = open_truth(condition.item, facts, pending)
        return ~inner, unknowns
    decisive = Truth.FALSE if isinstance(condition, All) else Truth.TRUE
    open_paths: list[str] = []
    undecided = False
    for item in condition.items:
        truth, unknowns = open_truth(item, facts, pending)
        if truth is decisive:
            return decisive, ()  # one decisive item settles it: the others' unknowns cannot matter
        if truth is Truth.UNKNOWN:
            undecided = True
            open_paths.extend(unknowns)
    return (Truth.UNKNOWN, tuple(dict.fromkeys(open_paths))) if undecided else (~decisive, ())


def ask_for(paths: tuple[str, ...], facts: Facts) -> tuple[str, ...]:
    """The contract fields to ask for: derived facts become their unstated fields."""
    asked: dict[str, None] = {}
    for path in paths:
        if path not in DERIVED_READS:
            asked[path] = None
            continue
        inputs = [p for p in DERIVED_INPUTS.get(path, ()) if facts.get(p) is None]
        hidden = [p for p in DERIVED_READS[path] if facts.get(p) is None]
        # With every field stated (an alternative whose effectiveness is not given), ask for the fields again.
        asked.update(dict.fromkeys(inputs or hidden or DERIVED_INPUTS.get(path, ())))
    return tuple(asked)


__all__ = ["DERIVED_READS", "All", "AnyOf", "ask_for", "open_truth", "settled_facts", "unsettled_derived"]
