"""Rules → a compiled ruleset: the rules planned one by one, then packed into parts durable_rules can run."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from art52.domain.fields import FieldSpec
from art52.engine.compiler.columns import Column, mentioned_values
from art52.engine.compiler.formulas import Formula
from art52.engine.compiler.limits import (
    DISCRIMINATOR,
    DONE,
    MAX_FACT_KEYS,
    MAX_PART_RULES,
    PART_COLUMNS,
    SAFE_NAME,
    RuleCompileError,
)
from art52.engine.compiler.network import Network
from art52.engine.compiler.patterns import durable_rule
from art52.engine.compiler.results import Outcome, RulePlan, plan_rule
from art52.engine.compiler.validation import validate
from art52.rulebook.schema import Rule


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
    validate(ruleset_id, rules, catalogue)
    mentioned = mentioned_values(rules, catalogue)
    groups: list[list[RulePlan]] = []
    columns: dict[str, Column] = {}
    network, rules_in_part = Network(), 0
    for rule in rules:
        plan = plan_rule(rule, catalogue, mentioned)
        patterns = [items for _, pieces in plan.results for items in pieces]
        alone = Network()
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


def _part(name: str, plans: list[RulePlan]) -> CompiledPart:
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
                base = f"{plan.key}#{outcome}" if SAFE_NAME.fullmatch(plan.key) else f"r{len(by_patterns)}#{outcome}"
                names = [base if i == 0 else f"{base}~{i}" for i in range(len(patterns))]
                for action, items in zip(names, patterns, strict=True):
                    definition[action] = durable_rule(items, action, keys)
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
