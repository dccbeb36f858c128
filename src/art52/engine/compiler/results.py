"""One rule → its possible results as durable patterns, the likeliest result left silent.

A rule has five possible results, (scope, condition) ∈ F·, U·, TT, TF, TU. Each
is compiled to positive conditions; the likeliest ("out of scope", or "condition
false" when the scope is always true) fires nothing and is the default.
Disjunctions are written exclusively and top-level branches become separate
durable rules, so at most one action fires per rule and evaluation.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal, NamedTuple, TypeAlias

from art52.domain.fields import FieldSpec
from art52.engine.compiler.columns import Column
from art52.engine.compiler.formulas import BOT, TOP, Formula, Junction, conj
from art52.engine.compiler.kleene import Encoder
from art52.engine.compiler.limits import MAX_GROUPS, MAX_SPLIT, RuleCompileError
from art52.engine.compiler.patterns import keys_read, options, pattern, pattern_groups, split
from art52.engine.logic import Truth
from art52.rulebook.schema import Rule

Outcome: TypeAlias = Literal["F", "U", "TT", "TF", "TU"]
OUTCOMES: dict[Outcome, tuple[Truth, Truth]] = {
    "F": (Truth.FALSE, Truth.UNKNOWN),
    "U": (Truth.UNKNOWN, Truth.UNKNOWN),
    "TT": (Truth.TRUE, Truth.TRUE),
    "TF": (Truth.TRUE, Truth.FALSE),
    "TU": (Truth.TRUE, Truth.UNKNOWN),
}
SILENT_PREFERENCE: tuple[Outcome, ...] = ("F", "TF", "TU", "U", "TT")


class RulePlan(NamedTuple):
    """A rule planned: its silent (default) result, the patterns of every other result, the columns they read."""

    key: str
    default: Outcome
    results: tuple[tuple[Outcome, tuple[tuple[Formula, ...], ...]], ...]  # outcome → patterns
    columns: dict[str, Column]


def plan_rule(rule: Rule, catalogue: Mapping[str, FieldSpec], mentioned: Mapping[str, tuple[str, ...]]) -> RulePlan:
    """Each possible result of a rule as durable patterns; the likeliest result is left silent.

    A result is (scope formula, condition formula); every branch of both becomes its
    own durable rule, so that one result fires at most one action per evaluation.
    """
    for flat in (False, True):
        encoder = Encoder(catalogue, mentioned)
        scope, cond = encoder.forms(rule.scope, flat), encoder.forms(rule.condition, flat)
        halves: dict[Outcome, tuple[Formula, Formula]] = {
            "F": (TOP, scope.f),
            "U": (TOP, scope.u),
            "TT": (scope.t, cond.t),
            "TF": (scope.t, cond.f),
            "TU": (scope.t, cond.u),
        }
        possible = [o for o in SILENT_PREFERENCE if conj(*halves[o]) != BOT]
        if not possible:
            raise RuleCompileError(f"{rule.key}: no result is possible (contradictory translation)")
        silent = possible[0]
        results = [
            (o, [f for a in options(halves[o][0]) for b in options(halves[o][1]) if (f := conj(a, b)) != BOT])
            for o in OUTCOMES
            if o != silent and conj(*halves[o]) != BOT
        ]
        if flat or all(pattern_groups(f) <= MAX_GROUPS for _, branches in results for f in branches):
            break
    lead = next(iter(options(scope.t)), TOP)
    prefix = frozenset(lead.items if isinstance(lead, Junction) and lead.op == "and" else (lead,))
    planned = []
    for outcome, branches in results:
        pieces = [piece for branch in branches for piece in split(branch)]
        if len(pieces) > MAX_SPLIT:
            raise RuleCompileError(f"{rule.key}: result {outcome} needs over {MAX_SPLIT} durable rules")
        planned.append((outcome, tuple(pattern(piece, prefix) for piece in pieces)))
    used = set().union(*(keys_read(f) for _, branches in results for f in branches)) if results else set()
    return RulePlan(rule.key, silent, tuple(planned), {k: c for k, c in encoder.columns.items() if k in used})
