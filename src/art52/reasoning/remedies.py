"""Minimal remedies: the smallest sets of changes to the measure that make it compliant, each verified.

Candidate changes come from two places: the ``remedy`` hint of every rule that
keeps a principle from being satisfied, and the values with which the measure
would meet such a rule (:mod:`art52.reasoning.why_not`; never the values that
merely take a rule out of scope, which change what the measure is), both restricted to the contract's input fields
and its allowed values. A derived fact is never set: a hint on one (``scope:
targeted``) becomes a change to each contract field it is computed from, and the
re-assessment recomputes it. Sets are tried smallest first and kept only when
re-assessing the changed measure gives a better verdict; a superset of a set
already found is not tried. The search is bounded (changes per set,
re-assessments, combinations examined); the result says when a bound cut it short. A breach of the
essence of the right has no remedy: no safeguard can save such a measure.
"""

from __future__ import annotations

import copy
import itertools
import json
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from art52.domain.assessment import Assessment
from art52.domain.derived_facts import DERIVED_FACTS, DERIVED_INPUTS
from art52.domain.fields import FieldSpec
from art52.domain.principles import Outcome, Principle, Verdict
from art52.domain.remedies import FactChange, Remedies, RemedySet, WhyNot

Reassess = Callable[[dict[str, Any]], Assessment | None]
"""Assess a changed measure document on the same legal date; None when the change makes it invalid."""

VERDICT_RANK = {
    Verdict.COMPLIANT: 0,
    Verdict.COMPLIANT_WITH_CONDITIONS: 1,
    Verdict.INSUFFICIENT_INFORMATION: 2,
    Verdict.NON_COMPLIANT: 3,
}
GOALS = (Verdict.COMPLIANT, Verdict.COMPLIANT_WITH_CONDITIONS)
ESSENCE_REASON = (
    "The essence of the right is breached: no safeguard or change of detail can save the measure, "
    "so no remedy is offered. It must be redesigned."
)


@dataclass(frozen=True)
class Bounds:
    """How far the search goes: changes per set, re-assessments and combinations examined in all, sets returned."""

    max_changes: int = 4
    max_assessments: int = 400
    max_combinations: int = 20_000
    max_sets: int = 5


DEFAULT_BOUNDS = Bounds()


@dataclass(frozen=True)
class Candidate:
    """One indivisible change: a rule's whole remedy hint, or one value of one field."""

    changes: tuple[tuple[str, Any], ...]
    rules: tuple[str, ...]

    @property
    def key(self) -> str:
        return json.dumps(self.changes, sort_keys=True, default=list)


def find_remedies(
    document: Mapping[str, Any],
    assessment: Assessment,
    why: Sequence[WhyNot],
    fields: Mapping[str, FieldSpec],
    reassess: Reassess,
    bounds: Bounds = DEFAULT_BOUNDS,
) -> Remedies:
    """The smallest verified remedy sets for ``document``, fewest changed fields first."""
    if assessment.principles[Principle.ESSENCE].outcome is Outcome.NOT_SATISFIED:
        return Remedies(
            sets=(), reason=ESSENCE_REASON, bound_reached=False, max_changes=bounds.max_changes, assessments=0
        )
    if assessment.verdict is Verdict.COMPLIANT:
        return Remedies(
            sets=(),
            reason="The measure is compliant: nothing needs to change.",
            bound_reached=False,
            max_changes=bounds.max_changes,
            assessments=0,
        )
    goals = [v for v in GOALS if VERDICT_RANK[v] < VERDICT_RANK[assessment.verdict]]
    candidates = candidates_for(why, document, fields)
    found: list[tuple[frozenset[str], RemedySet]] = []
    runs = 0
    bound_reached = False
    for examined, combination in enumerate(_combinations(candidates, bounds.max_changes)):
        if examined >= bounds.max_combinations:
            bound_reached = True
            break
        changes = _merge(combination)
        if changes is None or len(changes) > bounds.max_changes:
            continue
        keys = frozenset(f"{p}={json.dumps(v, default=list)}" for p, v in changes)
        if any(earlier <= keys for earlier, _ in found):
            continue
        if runs >= bounds.max_assessments:
            bound_reached = True
            break
        runs += 1
        result = reassess(apply_changes(document, changes))
        if result is not None and result.verdict in goals:
            rules = tuple(sorted({r for c in combination for r in c.rules}))
            found.append(
                (
                    keys,
                    RemedySet(
                        changes=tuple(FactChange(path=p, value=v, was=_get(document, p)) for p, v in sorted(changes)),
                        verdict=result.verdict,
                        rules=rules,
                    ),
                )
            )
    minimal = [s for keys, s in found if not any(other < keys for other, _ in found)]
    ranked = sorted(
        minimal,
        key=lambda s: (len(s.changes), VERDICT_RANK[s.verdict], json.dumps(s.model_dump(mode="json"), sort_keys=True)),
    )
    reason = None
    if not ranked:
        reason = (
            f"No combination of up to {bounds.max_changes} changes drawn from the rules' remedy hints and the "
            "contract's allowed values makes the measure compliant"
            + (" within the search bound." if bound_reached else ".")
            + (" Answering the open questions may be needed as well." if assessment.missing_facts else "")
        )
    return Remedies(
        sets=tuple(ranked[: bounds.max_sets]),
        reason=reason,
        bound_reached=bound_reached,
        max_changes=bounds.max_changes,
        assessments=runs,
    )


def candidates_for(
    why: Sequence[WhyNot], document: Mapping[str, Any], fields: Mapping[str, FieldSpec]
) -> list[Candidate]:
    """Every candidate change, in a fixed order: remedy hints first, then single flips, each by rule order."""
    hints: dict[str, Candidate] = {}
    flips: dict[str, Candidate] = {}
    for principle in why:
        for rule in principle.rules:
            if rule.remedy:
                for changes in _expand(tuple(rule.remedy.items()), document, fields):
                    _add(hints, Candidate(changes, (rule.rule_id,)))
            for fact in rule.facts:
                for value in fact.flips_with:
                    for changes in _expand(((fact.path, value),), document, fields):
                        _add(flips, Candidate(changes, (rule.rule_id,)))
    return list(hints.values()) + [c for k, c in flips.items() if k not in hints]


def _add(into: dict[str, Candidate], candidate: Candidate) -> None:
    if candidate.key in into:
        known = into[candidate.key]
        into[candidate.key] = Candidate(known.changes, tuple(sorted(set(known.rules) | set(candidate.rules))))
    else:
        into[candidate.key] = candidate


def _expand(
    changes: tuple[tuple[str, Any], ...], document: Mapping[str, Any], fields: Mapping[str, FieldSpec]
) -> Iterator[tuple[tuple[str, Any], ...]]:
    """Contract changes for a hint: a derived fact becomes, in turn, each choice of each field it is read from."""
    direct = tuple((p, _contract_value(v, fields[p])) for p, v in changes if p in fields and p not in DERIVED_FACTS)
    derived = [p for p, _ in changes if p in DERIVED_FACTS]
    if len(direct) + len(derived) != len(changes):
        return  # a hint on a field the contract does not know: nothing the official can set
    options = [list(_input_choices(p, document, fields)) for p in derived]
    for chosen in itertools.product(*options):
        merged = dict(direct)
        merged.update(chosen)
        if len(merged) == len(direct) + len(chosen) and any(_get(document, p) != v for p, v in merged.items()):
            yield tuple(sorted(merged.items()))


def _input_choices(
    derived: str, document: Mapping[str, Any], fields: Mapping[str, FieldSpec]
) -> Iterator[tuple[str, Any]]:
    for path in DERIVED_INPUTS.get(derived, ()):
        spec = fields.get(path)
        if spec is None:
            continue
        if spec.kind == "boolean":
            yield from ((path, v) for v in (True, False) if v != _get(document, path))
        elif spec.kind == "enum":
            yield from ((path, v) for v in spec.values if v != _get(document, path))


def _contract_value(value: Any, spec: FieldSpec) -> Any:
    """A hint's value in the contract's shape: a list field takes a list."""
    if spec.kind in ("enum_list", "string_list") and not isinstance(value, list | tuple):
        return [value]
    return list(value) if isinstance(value, tuple) else value


def _combinations(candidates: list[Candidate], most: int) -> Iterator[tuple[Candidate, ...]]:
    for size in range(1, most + 1):
        yield from itertools.combinations(candidates, size)


def _merge(combination: tuple[Candidate, ...]) -> tuple[tuple[str, Any], ...] | None:
    """The changes of several candidates together; None when two set one field differently."""
    merged: dict[str, Any] = {}
    for candidate in combination:
        for path, value in candidate.changes:
            if path in merged and merged[path] != value:
                return None
            merged[path] = value
    return tuple(sorted(merged.items()))


def apply_changes(document: Mapping[str, Any], changes: Sequence[tuple[str, Any]]) -> dict[str, Any]:
    """A copy of the measure document with each dotted path set to its new value."""
    changed = copy.deepcopy(dict(document))
    for path, value in changes:
        node = changed
        *parents, leaf = path.split(".")
        for name in parents:
            child = node.get(name)
            if not isinstance(child, dict):
                child = {}
                node[name] = child
            node = child
        node[leaf] = value
    return changed


def _get(document: Mapping[str, Any], path: str) -> Any:
    node: Any = document
    for name in path.split("."):
        if not isinstance(node, Mapping):
            return None
        node = node.get(name)
    return node
