"""GoRules zen-engine as a peer of art52's evaluators (budget point 2); updates BENCHMARKS.md.

    .venv/bin/python benchmarks/zen_peer.py [--measures 3000] [--rounds 3] [--no-write]

The rules in force are translated into one zen-engine decision (JDM JSON): an input
node, one expression node with two expressions per rule (scope and condition), and
an output node. Three-valued logic is written with numbers: 1 true, 0 false, 0.5
unknown, so ``all`` is ``min``, ``any`` is ``max`` and ``not`` is ``1 - x``; a leaf
is 0.5 when its fact is absent (except ``exists`` and ``missing``). Facts are
passed under short names (``f0``, ``f1``, ...), because zen-engine reads dots in a
name as nesting.

The translation is checked against the reference evaluator on every benchmark
measure before anything is timed; the timings compare CPU time per evaluation with
art52's durable backend in the same run (interleaved rounds, best round).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import zen

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))

from engine import TODAY, best_of, generate_measures  # noqa: E402
from sections import replace_section  # noqa: E402

from art52.domain.derived_facts import fact_catalogue  # noqa: E402
from art52.domain.fields import FieldSpec  # noqa: E402
from art52.engine.backend import RuleResult  # noqa: E402
from art52.engine.durable import DurableBackend  # noqa: E402
from art52.engine.evaluator import ruleset_id  # noqa: E402
from art52.engine.facts import build_facts  # noqa: E402
from art52.engine.logic import Truth  # noqa: E402
from art52.engine.reference import ReferenceBackend  # noqa: E402
from art52.rulebook.conditions import All, Condition, Leaf, Not, Op, paths  # noqa: E402
from art52.rulebook.loader import load_rulebook  # noqa: E402
from art52.rulebook.schema import Rule  # noqa: E402
from art52.services.assessments import resolve_as_of  # noqa: E402

BEGIN, END = "<!-- zen:begin -->", "<!-- zen:end -->"
LIST_KINDS = {"enum_list", "string_list", "object_list"}
TRUTHS = {1: Truth.TRUE, 0: Truth.FALSE, 0.5: Truth.UNKNOWN}


def _literal(value: Any) -> str:
    if isinstance(value, tuple | list):
        return "[" + ", ".join(_literal(v) for v in value) + "]"
    return json.dumps(value)


def _leaf(leaf: Leaf, var: str, is_list: bool) -> str:
    if leaf.op is Op.EXISTS:
        return f"({var} != null ? 1 : 0)"
    if leaf.op is Op.MISSING:
        return f"({var} == null ? 1 : 0)"
    wanted = _literal(leaf.value if isinstance(leaf.value, tuple) or not is_list else (leaf.value,))
    if is_list:
        same = f"(all({var}, # in {wanted}) and all({wanted}, # in {var}))"
        test = {
            Op.EQ: same,
            Op.NE: f"not {same}",
            Op.ANY_OF: f"some({wanted}, # in {var})",
            Op.ALL_OF: f"all({wanted}, # in {var})",
            Op.NONE_OF: f"none({wanted}, # in {var})",
            Op.SUBSET_OF: f"all({var}, # in {wanted})",
        }[leaf.op]
    else:
        symbol = {Op.EQ: "==", Op.NE: "!=", Op.LT: "<", Op.LE: "<=", Op.GT: ">", Op.GE: ">="}.get(leaf.op)
        if symbol is not None:
            test = f"{var} {symbol} {wanted}"
        elif leaf.op is Op.IN:
            test = f"{var} in {wanted}"
        elif leaf.op is Op.NOT_IN:
            test = f"{var} not in {wanted}"
        else:
            raise ValueError(f"operator {leaf.op} does not apply to a single-valued fact")
    return f"({var} == null ? 0.5 : ({test} ? 1 : 0))"


def expression(condition: Condition, names: Mapping[str, str], catalogue: Mapping[str, FieldSpec]) -> str:
    """A zen expression whose value is 1, 0 or 0.5: the condition's truth in Kleene logic."""
    if isinstance(condition, Leaf):
        spec = catalogue.get(condition.path)
        return _leaf(condition, names[condition.path], spec is not None and spec.kind in LIST_KINDS)
    if isinstance(condition, Not):
        return f"(1 - {expression(condition.item, names, catalogue)})"
    items = ", ".join(expression(item, names, catalogue) for item in condition.items)
    return f"{'min' if isinstance(condition, All) else 'max'}([{items}])"


def translate(rules: Sequence[Rule], catalogue: Mapping[str, FieldSpec]) -> tuple[dict[str, Any], dict[str, str]]:
    """The JDM decision for these rules, and the short input name of every fact path they read."""
    names: dict[str, str] = {}
    for rule in rules:
        for path in (*paths(rule.scope), *paths(rule.condition)):
            names.setdefault(path, f"f{len(names)}")
    expressions = []
    for i, rule in enumerate(rules):
        expressions.append({"id": f"s{i}", "key": f"s{i}", "value": expression(rule.scope, names, catalogue)})
        expressions.append({"id": f"c{i}", "key": f"c{i}", "value": expression(rule.condition, names, catalogue)})
    node = {"x": 0, "y": 0}
    decision = {
        "nodes": [
            {"id": "input", "type": "inputNode", "name": "facts", "position": node},
            {
                "id": "rules",
                "type": "expressionNode",
                "name": "rules",
                "position": node,
                "content": {"expressions": expressions},
            },
            {"id": "output", "type": "outputNode", "name": "results", "position": node},
        ],
        "edges": [
            {"id": "e1", "sourceId": "input", "targetId": "rules", "type": "edge"},
            {"id": "e2", "sourceId": "rules", "targetId": "output", "type": "edge"},
        ],
    }
    return decision, names


class ZenPeer:
    """art52's backend interface over zen-engine decisions, one per ruleset id."""

    name = "zen"

    def __init__(self, catalogue: Mapping[str, FieldSpec]) -> None:
        self._catalogue = catalogue
        self._engine = zen.ZenEngine()
        self._decisions: dict[str, tuple[Any, dict[str, str]]] = {}

    def decision(self, ruleset: str, rules: Sequence[Rule]) -> tuple[Any, dict[str, str]]:
        if ruleset not in self._decisions:
            content, names = translate(rules, self._catalogue)
            self._decisions[ruleset] = (self._engine.create_decision(json.dumps(content)), names)
        return self._decisions[ruleset]

    def inputs(self, ruleset: str, rules: Sequence[Rule], facts: Mapping[str, Any]) -> dict[str, Any]:
        _, names = self.decision(ruleset, rules)
        return {
            var: list(facts[path]) if isinstance(facts[path], tuple) else facts[path]
            for path, var in names.items()
            if facts.get(path) is not None
        }

    def evaluate(self, ruleset: str, rules: Sequence[Rule], facts: Mapping[str, Any]) -> dict[str, RuleResult]:
        decision, _ = self.decision(ruleset, rules)
        out = decision.evaluate(self.inputs(ruleset, rules, facts))["result"]
        results = {}
        for i, rule in enumerate(rules):
            scope = TRUTHS[out[f"s{i}"]]
            condition = TRUTHS[out[f"c{i}"]] if scope is Truth.TRUE else Truth.UNKNOWN
            results[rule.key] = RuleResult(rule.key, scope, condition)
        return results


def render(timings: dict[str, Any], facts: dict[str, Any]) -> str:
    durable = timings["evaluate / durable"].per_op_us()
    rows = [
        "| variant | CPU µs/op | evaluations/s (CPU) | CPU vs art52 durable |",
        "|---|---:|---:|---:|",
    ]
    for name, t in timings.items():
        us = t.per_op_us()
        rows.append(f"| {name} | {us:,.0f} | {1e6 / us:,.0f} | {us / durable:.2f}× |")
    zen_raw = timings["zen-engine evaluate only"].per_op_us()
    verdict = "met" if durable <= zen_raw else "missed"
    return "\n".join(
        [
            BEGIN,
            "## art52 against zen-engine (budget point 2)",
            "",
            f"Produced by `python benchmarks/zen_peer.py --measures {facts['measures']}`: zen-engine"
            f" {facts['zen_version']}, the rules in force translated into one JDM decision per ruleset"
            f" ({facts['rulesets']} rulesets, {facts['expressions']:.0f} expressions each on average). Load average"
            f" at the start: {facts['load']} (2 cores, shared). Results of the translation compared with the"
            f" reference evaluator on every measure: {facts['mismatches']} differences.",
            "",
            *rows,
            "",
            "- *zen-engine evaluate only*: `decision.evaluate(input)` on inputs built beforehand (zen-engine's raw"
            " speed); *zen-engine as a backend*: inputs built from art52's facts and the output read back into"
            " rule results, as art52's `evaluate` does for durable.",
            f"- Target: art52 durable at least as fast as zen-engine evaluating the same rulebook — **{verdict}**"
            f" ({durable:,.0f} µs against {zen_raw:,.0f} µs of CPU per evaluation).",
            END,
        ]
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--measures", type=int, default=3000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--no-write", action="store_true", help="print only; do not update BENCHMARKS.md")
    args = parser.parse_args()
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    measures, _ = generate_measures(args.measures)
    rulebook = load_rulebook(REPO / "rules")
    catalogue = fact_catalogue()
    durable, reference, peer = DurableBackend(), ReferenceBackend(), ZenPeer(catalogue)
    inputs = []
    for measure in measures:
        as_of, _ = resolve_as_of(measure, None, TODAY)
        rules = rulebook.in_force(as_of)
        inputs.append((ruleset_id(rulebook, rules), rules, build_facts(measure, as_of, rulebook.law).facts))
    mismatches = 0
    for item in inputs:
        expected = reference.evaluate(*item)
        mismatches += peer.evaluate(*item) != expected
        mismatches += durable.evaluate(*item) != expected
    print(f"{len(inputs)} measures, {mismatches} differences from the reference evaluator", flush=True)
    if mismatches:
        raise SystemExit("the translation disagrees with the reference evaluator")
    raw = [(peer.decision(name, rules)[0], peer.inputs(name, rules, facts)) for name, rules, facts in inputs]
    variants: dict[str, Callable[[int], object]] = {
        "evaluate / reference": lambda i: reference.evaluate(*inputs[i]),
        "evaluate / durable": lambda i: durable.evaluate(*inputs[i]),
        "zen-engine evaluate only": lambda i: raw[i][0].evaluate(raw[i][1]),
        "zen-engine as a backend": lambda i: peer.evaluate(*inputs[i]),
    }
    timings = best_of(args.rounds, variants, len(inputs))
    rulesets = {name: rules for name, rules, _ in inputs}
    section = render(
        timings,
        {
            "measures": len(inputs),
            "zen_version": _zen_version(),
            "rulesets": len(rulesets),
            "expressions": sum(2 * len(r) for r in rulesets.values()) / len(rulesets),
            "load": load,
            "mismatches": mismatches,
        },
    )
    print(section)
    if not args.no_write:
        replace_section(section, BEGIN, END)


def _zen_version() -> str:
    from importlib.metadata import version

    return version("zen-engine")


if __name__ == "__main__":
    main()
