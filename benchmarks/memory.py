"""Resident memory over many evaluations and over a rulebook reloaded again and again (budget point 6).

    .venv/bin/python benchmarks/memory.py [--evaluations 1000000] [--reloads 100] [--no-write]

Each phase runs in a fresh child process, which samples its own resident set size
(``/proc/self/statm``):

* *evaluations*: the durable backend evaluates the benchmark measures of
  benchmarks/engine.py round and round;
* *reloads*: the rules in force on one date are loaded under a new ruleset id each
  time, as a reloaded or candidate rulebook (a new version) gives them, and evaluated
  once. The compiled ruleset is compiled once and renamed for each reload, so the
  phase measures what the durable backend keeps, not the compiler. It runs twice:
  with rulesets never released (as before the backend unregistered them) and as
  the backend runs now.

The results replace the memory section of BENCHMARKS.md (between its markers).
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from sections import replace_section

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))
BEGIN, END = "<!-- memory:begin -->", "<!-- memory:end -->"
PAGE = os.sysconf("SC_PAGE_SIZE")
NEVER = 10**9


def rss_mib() -> float:
    return int(Path("/proc/self/statm").read_text().split()[1]) * PAGE / 2**20


def evaluations_phase(total: int, samples: int) -> dict[str, Any]:
    from engine import TODAY, generate_measures

    from art52.engine.durable import DurableBackend
    from art52.engine.evaluator import ruleset_id
    from art52.engine.facts import build_facts
    from art52.rulebook.loader import load_rulebook
    from art52.services.assessments import resolve_as_of

    measures, _ = generate_measures(2000)
    rulebook = load_rulebook(REPO / "rules")
    inputs = []
    for measure in measures:
        as_of, _ = resolve_as_of(measure, None, TODAY)
        rules = rulebook.in_force(as_of)
        inputs.append((ruleset_id(rulebook, rules), rules, build_facts(measure, as_of, rulebook.law).facts))
    backend = DurableBackend()
    for item in inputs:  # warm-up: every ruleset registered, every session created
        backend.evaluate(*item)
    trace = [(0, rss_mib())]
    step = max(1, total // samples)
    started = time.process_time()
    for i in range(1, total + 1):
        backend.evaluate(*inputs[i % len(inputs)])
        if i % step == 0:
            trace.append((i, rss_mib()))
    return {"trace": trace, "cpu_s": time.process_time() - started, "rulesets": len(backend.registered())}


def reloads_phase(reloads: int, keep: int) -> dict[str, Any]:
    from art52.engine.compiler import CompiledRuleset
    from art52.engine.durable import DurableBackend
    from art52.rulebook.loader import load_rulebook

    rulebook = load_rulebook(REPO / "rules")
    rules = rulebook.in_force(dt.date(2026, 11, 28))
    template = DurableBackend().compiled("template", rules)

    class Renamed:
        """A compiled-ruleset store that hands out the template under any ruleset id."""

        def load(self, ruleset_id: str) -> CompiledRuleset:
            parts = tuple(
                dataclasses.replace(p, name=p.name.replace("template", ruleset_id, 1)) for p in template.parts
            )
            return dataclasses.replace(template, ruleset_id=ruleset_id, parts=parts)

        def save(self, compiled: CompiledRuleset) -> None:
            pass

    backend = DurableBackend(keep_rulesets=keep)
    backend.store = Renamed()
    backend.evaluate("warmup", rules, {})
    trace = [(0, rss_mib())]
    for reload in range(1, reloads + 1):
        backend.evaluate(f"reload{reload}", rules, {})
        trace.append((reload, rss_mib()))
    return {"trace": trace, "rulesets": len(backend.registered())}


def child(argv: list[str]) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, __file__, *argv], capture_output=True, text=True, check=True, cwd=REPO
    ).stdout
    result: dict[str, Any] = json.loads(done.strip().splitlines()[-1])
    return result


def growth(trace: list[list[float]]) -> tuple[float, float, float]:
    """RSS at the first sample, at the last, and the largest seen (MiB)."""
    values = [rss for _, rss in trace]
    return values[0], values[-1], max(values)


def render(evaluations: dict[str, Any], never: dict[str, Any], now: dict[str, Any], args: Any) -> str:
    e0, e1, emax = growth(evaluations["trace"])
    n0, n1, nmax = growth(never["trace"])
    k0, k1, kmax = growth(now["trace"])
    half = [rss for i, rss in evaluations["trace"] if i >= args.evaluations // 2]
    plateau = next(rss for i, rss in now["trace"] if i >= args.keep)
    return "\n".join(
        [
            BEGIN,
            "## Memory (budget point 6)",
            "",
            f"Produced by `python benchmarks/memory.py --evaluations {args.evaluations} --reloads {args.reloads}`;"
            " each phase in a fresh process, RSS read from `/proc/self/statm`. Load average at the end: "
            + " ".join(f"{x:.2f}" for x in os.getloadavg())
            + " (2 cores, shared).",
            "",
            "| phase | RSS at start MiB | RSS at end MiB | largest MiB | growth MiB | rulesets registered at end |",
            "|---|---:|---:|---:|---:|---:|",
            f"| {args.evaluations:,} durable evaluations (after one warm-up pass) | {e0:.1f} | {e1:.1f} | {emax:.1f} "
            f"| {e1 - e0:+.1f} | {evaluations['rulesets']} |",
            f"| rulebook reloaded {args.reloads} times, rulesets never released (as before) | {n0:.1f} | {n1:.1f} "
            f"| {nmax:.1f} | {n1 - n0:+.1f} | {never['rulesets']} |",
            f"| rulebook reloaded {args.reloads} times, least recently used released beyond {args.keep} "
            f"| {k0:.1f} | {k1:.1f} | {kmax:.1f} | {k1 - k0:+.1f} | {now['rulesets']} |",
            "",
            f"Over the second half of the evaluations RSS moved between {min(half):.1f} and {max(half):.1f} MiB"
            f" ({evaluations['cpu_s']:.0f} s of CPU). Each reload registers the rules in force on one date"
            f" (~{(n1 - n0) / args.reloads:.1f} MiB in durable's C engine when never released).",
            f"With rulesets released, RSS was {plateau:.1f} MiB once {args.keep} were registered and grew"
            f" {k1 - plateau:+.1f} MiB over the {args.reloads - args.keep} reloads after that"
            f" ({(k1 - plateau) / max(1, args.reloads - args.keep):.2f} MiB each): what durable's C engine or the"
            " allocator keeps after a ruleset is deleted.",
            END,
        ]
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--evaluations", type=int, default=1_000_000)
    parser.add_argument("--reloads", type=int, default=100)
    parser.add_argument("--keep", type=int, default=None, help="rulesets kept registered (default KEEP_RULESETS)")
    parser.add_argument("--phase", choices=["evaluations", "reloads"], help=argparse.SUPPRESS)
    parser.add_argument("--no-write", action="store_true", help="print only; do not update BENCHMARKS.md")
    args = parser.parse_args()
    if args.phase == "evaluations":
        print(json.dumps(evaluations_phase(args.evaluations, 40)))
        return
    if args.phase == "reloads":
        print(json.dumps(reloads_phase(args.reloads, args.keep)))
        return
    if args.keep is None:
        from art52.engine.durable import KEEP_RULESETS

        args.keep = KEEP_RULESETS
    never = child(["--phase", "reloads", "--reloads", str(args.reloads), "--keep", str(NEVER)])
    now = child(["--phase", "reloads", "--reloads", str(args.reloads), "--keep", str(args.keep)])
    print(f"reloads: never released {growth(never['trace'])}, released {growth(now['trace'])}", flush=True)
    evaluations = child(["--phase", "evaluations", "--evaluations", str(args.evaluations)])
    section = render(evaluations, never, now, args)
    print(section)
    if not args.no_write:
        replace_section(section, BEGIN, END)


if __name__ == "__main__":
    main()
