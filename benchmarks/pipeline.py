"""The full assessment pipeline against an earlier commit's, in the same run (budget point 1).

    .venv/bin/python benchmarks/pipeline.py [--baseline REF] [--measures 1500] [--rounds 3] [--no-write]

The earlier commit's ``src`` and ``api`` are extracted with ``git archive`` into a
temporary directory (the checkout is not touched) and imported from there by a child
process; the current tree by another. Both children assess the same generated
measures (benchmarks/engine.py) with the durable and the reference backend, take
the best of a few rounds of process CPU time, and hash the assessments' JSON, so the
run also shows that the output is byte-identical. The children alternate, so both
see the same load. The results replace the pipeline section of BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path
from typing import Any

from sections import replace_section

REPO = Path(__file__).resolve().parents[1]
BEGIN, END = "<!-- pipeline:begin -->", "<!-- pipeline:end -->"
BACKENDS = ("durable", "reference")


def measure(count: int, rounds: int) -> dict[str, Any]:
    """In a child: CPU µs per assessment (best round) and a digest of the output, per backend."""
    sys.path.insert(0, str(REPO / "benchmarks"))
    from engine import TODAY, generate_measures

    import art52
    from art52.engine.durable import DurableBackend
    from art52.engine.reference import ReferenceBackend
    from art52.rulebook.loader import load_rulebook
    from art52.services.assessments import Assessor

    measures, _ = generate_measures(count)
    rulebook = load_rulebook(REPO / "rules")
    out: dict[str, Any] = {"source": str(Path(art52.__file__).parent)}
    for backend in (DurableBackend(), ReferenceBackend()):
        assessor = Assessor(rulebook, backend, today=lambda: TODAY)
        digest = hashlib.sha256()
        for m in measures:  # warm-up (rulesets compiled and registered) and the output digest
            digest.update(assessor.assess(m).model_dump_json().encode())
        best = None
        for _ in range(rounds):
            started = time.process_time_ns()
            for m in measures:
                assessor.assess(m)
            spent = time.process_time_ns() - started
            best = spent if best is None else min(best, spent)
        assert best is not None
        out[backend.name] = {"cpu_us": best / len(measures) / 1000, "digest": digest.hexdigest()}
    return out


def extract(ref: str, into: Path) -> Path:
    archive = into / "baseline.tar"
    subprocess.run(["git", "archive", "-o", str(archive), ref, "src", "api"], cwd=REPO, check=True)
    with tarfile.open(archive) as tar:
        tar.extractall(into / "tree", filter="tar")
    return into / "tree" / "src"


def child(pythonpath: Path | None, count: int, rounds: int) -> dict[str, Any]:
    env = dict(os.environ)
    if pythonpath is not None:
        env["PYTHONPATH"] = str(pythonpath)
    done = subprocess.run(
        [sys.executable, __file__, "--child", "--measures", str(count), "--rounds", str(rounds)],
        capture_output=True,
        text=True,
        check=True,
        cwd=REPO,
        env=env,
    )
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def render(ref: str, runs: dict[str, list[dict[str, Any]]], args: Any, load: str) -> str:
    rows = [
        "| backend | before µs CPU | now µs CPU | speed-up | output byte-identical |",
        "|---|---:|---:|---:|---|",
    ]
    speedups = {}
    for backend in BACKENDS:
        before = min(r[backend]["cpu_us"] for r in runs["before"])
        now = min(r[backend]["cpu_us"] for r in runs["now"])
        same = {r[backend]["digest"] for r in runs["before"]} == {r[backend]["digest"] for r in runs["now"]}
        speedups[backend] = before / now
        rows.append(f"| {backend} | {before:,.0f} | {now:,.0f} | {before / now:.2f}× | {'yes' if same else 'NO'} |")
    return "\n".join(
        [
            BEGIN,
            "## Pipeline against the code before this work (budget point 1)",
            "",
            f"Produced by `python benchmarks/pipeline.py --baseline {ref} --measures {args.measures}`: one full"
            f" `Assessor.assess` per measure, best of {args.rounds} rounds of process CPU time, in {args.repeats}"
            f" alternating child processes per tree (the tree of commit `{ref}` extracted with `git archive`, and"
            f" the current tree). Load average at the start: {load} (2 cores, shared).",
            "",
            *rows,
            "",
            f"Target: a third of the CPU (3×) — durable {speedups['durable']:.2f}×,"
            f" reference {speedups['reference']:.2f}×.",
            END,
        ]
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", default="d3d4fda", help="the commit to compare with")
    parser.add_argument("--measures", type=int, default=1500)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--repeats", type=int, default=2, help="child processes per tree, alternating")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--no-write", action="store_true", help="print only; do not update BENCHMARKS.md")
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure(args.measures, args.rounds)))
        return
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    with tempfile.TemporaryDirectory() as tmp:
        baseline = extract(args.baseline, Path(tmp))
        runs: dict[str, list[dict[str, Any]]] = {"before": [], "now": []}
        for _ in range(args.repeats):
            runs["before"].append(child(baseline, args.measures, args.rounds))
            runs["now"].append(child(None, args.measures, args.rounds))
            print(runs["before"][-1], runs["now"][-1], flush=True)
    section = render(args.baseline, runs, args, load)
    print(section)
    if not args.no_write:
        replace_section(section, BEGIN, END)


if __name__ == "__main__":
    main()
