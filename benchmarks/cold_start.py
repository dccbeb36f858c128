"""Cold start of ``art52 assess FILE``, per backend, with the rulebook cache empty and warm.

    .venv/bin/python benchmarks/cold_start.py [--runs 15] [--no-write]

Every run is a new process, as a user at a shell would start it. "cold" gives
each run a new, empty cache (XDG_CACHE_HOME; the rulebook is parsed, validated
and, for durable, compiled); "warm" reuses one cache filled by a first,
unreported run. The backend is chosen with ``--engine`` and no ART52_ variable
is set, as in a user's shell (an ART52_ variable makes art52 read the
environment with pydantic-settings, which costs about 0.05 s more). Baselines
measured in the same run, interleaved with the commands, show what the machine
gives at best: ``python -c pass`` (the interpreter) and ``python -c "import
art52"``. Wall time on a shared machine also counts other processes, so the CPU
time of each child (user + system) is reported beside it. A warm disk includes
Python's bytecode cache: PYTHONDONTWRITEBYTECODE is removed from the children's
environment, so art52's own modules are compiled once (as pip does when it
installs the wheel), not at every start of an editable checkout.
The results replace the cold-start section of BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
MEASURE = "examples/ex04-ip-retention-online-crime.json"
TARGET_SECONDS = 0.3
BEGIN, END = "<!-- cold-start:begin -->", "<!-- cold-start:end -->"


@dataclass
class Series:
    """Wall and CPU seconds of the runs of one command."""

    name: str
    wall: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)

    def add(self, wall: float, cpu: float) -> None:
        self.wall.append(wall)
        self.cpu.append(cpu)


def timed(command: Sequence[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU seconds of one child process (its exit code is a verdict, not checked)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def measure(runs: int) -> list[Series]:
    python = sys.executable
    art52 = str(Path(python).parent / "art52")
    base = {
        k: v
        for k, v in os.environ.items()
        if not k.upper().startswith("ART52_") and k not in ("PYTHONDONTWRITEBYTECODE", "XDG_CACHE_HOME")
    }
    series = {name: Series(name) for name in ("python -c pass", 'python -c "import art52"')}
    commands: dict[str, tuple[list[str], str | None, bool]] = {
        "python -c pass": ([python, "-c", "pass"], None, False),
        'python -c "import art52"': ([python, "-c", "import art52"], None, False),
    }
    with tempfile.TemporaryDirectory() as scratch:
        for engine in ("durable", "reference"):
            warm_dir = Path(scratch) / f"warm-{engine}"
            env = {**base, "XDG_CACHE_HOME": str(warm_dir)}
            command = [art52, "assess", "--engine", engine, MEASURE]
            subprocess.run(command, cwd=REPO, env=env, stdout=subprocess.DEVNULL, check=False)
            for state in ("cold", "warm"):
                name = f"art52 assess ({engine}, cache {state})"
                series[name] = Series(name)
                commands[name] = (command, engine, state == "cold")
        for run in range(runs):  # interleaved: a slow moment of the machine hits every command alike
            for name, (command, backend, cold) in commands.items():
                env = dict(base)
                if backend is not None:
                    cache = Path(scratch) / (f"cold-{backend}-{run}" if cold else f"warm-{backend}")
                    env.update(XDG_CACHE_HOME=str(cache))
                series[name].add(*timed(command, env))
    return list(series.values())


def report(results: Sequence[Series], runs: int) -> str:
    baseline, baseline_cpu = statistics.median(results[0].wall), statistics.median(results[0].cpu)
    rows = [
        "| command | median wall s | best wall s | median CPU s | wall vs `python -c pass` "
        "| CPU vs `python -c pass` | under 0.3 s? |",
        "|---|---:|---:|---:|---:|---:|---|",
    ]
    for series in results:
        median = statistics.median(series.wall)
        verdict = "" if not series.name.startswith("art52") else ("yes" if median < TARGET_SECONDS else "no")
        rows.append(
            f"| `{series.name}` | {median:.3f} | {min(series.wall):.3f} | {statistics.median(series.cpu):.3f} "
            f"| {median / baseline:.1f}× | {statistics.median(series.cpu) / baseline_cpu:.1f}× | {verdict} |"
        )
    load = " ".join(f"{v:.2f}" for v in os.getloadavg())
    return "\n".join(
        [
            BEGIN,
            "## Cold start of `art52 assess`",
            "",
            f"Produced by `python benchmarks/cold_start.py` ({runs} interleaved runs of each command, each a new",
            f"process; `{MEASURE}`). Target: under {TARGET_SECONDS} s wall on a warm disk with a warm cache.",
            f"Python {platform.python_version()}; `nproc` {os.cpu_count()}; load average at the end: {load}.",
            "",
            *rows,
            "",
            '"cache cold" starts from an empty cache directory (parse, validate and, for durable, compile the',
            'rulebook, then write the cache); "cache warm" reads the validated rulebook and the compiled rulesets',
            "from it. CPU is user + system time of the child: on a shared machine it is the steadier figure.",
            "",
            "How the start came down, step by step, is recorded below this section (not regenerated).",
            END,
        ]
    )


def write(section: str) -> None:
    path = REPO / "BENCHMARKS.md"
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    if BEGIN in text and END in text:
        head, rest = text.split(BEGIN, 1)
        text = head + section + rest.split(END, 1)[1]
    else:
        text = text.rstrip("\n") + "\n\n" + section + "\n"
    path.write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--no-write", action="store_true", help="print only; do not update BENCHMARKS.md")
    options = parser.parse_args()
    section = report(measure(options.runs), options.runs)
    print(section)
    if not options.no_write:
        write(section)
        print(f"updated {REPO / 'BENCHMARKS.md'}")


if __name__ == "__main__":
    main()
