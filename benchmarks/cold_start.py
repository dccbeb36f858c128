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
            for name, (command, engine, cold) in commands.items():
                env = dict(base)
                if engine is not None:
                    cache = Path(scratch) / (f"cold-{engine}-{run}" if cold else f"warm-{engine}")
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
            "Where the time goes. When the cache was introduced (2026-12-03) one `art52 assess` took 1.4-1.7 s",
            "wall: parsing the rule files with the pure-Python YAML parser ~0.8 s, compiling the rulesets for",
            "durable-rules ~0.7 s, importing SQLAlchemy and Alembic (never used by `assess`) ~0.3 s. The cache",
            "(rulebook and compiled rulesets read back in ~0.015 s and ~0.01 s), libyaml and a storage side",
            "imported only when wired brought a warm run to ~0.5 s (durable) and ~0.37-0.4 s (reference).",
            "",
            "The cold-start pass that followed counted instructions with `valgrind --tool=callgrind` (the machine",
            "is shared, so timings alone could not tell small changes apart), one warm `art52 assess` each:",
            "",
            "| step | durable | reference |",
            "|---|---:|---:|",
            "| before the pass | 2.19 G | 1.78 G |",
            "| YAML and the rulebook loader deferred; settings without pydantic-settings (†) | 1.94 G | 1.52 G |",
            "| the ruleset compiler imported only by the durable backend | (needs it) | 1.43 G |",
            "| bytecode of art52's modules cached (see below) | 1.64 G | 1.22 G |",
            "",
            "(†) Reading the settings without pydantic-settings saved ~0.06-0.09 s of imports (asyncio, dotenv),",
            "but meant a hand-written environment reader in place of a well-kept library; it was not kept, so",
            "the figures in the table above include pydantic-settings again.",
            "",
            "Earlier runs of this benchmark inherited `PYTHONDONTWRITEBYTECODE=1` from the development shell, so",
            "every start of the editable checkout compiled the ~50 art52 modules `assess` imports from source",
            "(~0.05 s); an installed wheel has its bytecode compiled by pip, so the benchmark now lets the first",
            "run write it. What is left, in instructions: the interpreter alone 0.04 G; `import pydantic` (with its",
            "Rust core) 0.25 G and `import typer` 0.26 G, each with the interpreter; for durable, the compiler,",
            "durable_rules and registering the four cached rulesets with its C engine (~0.05 s; the engine lives",
            "in the process, so this cannot be cached) add 0.42 G; the rest, ~0.7 G, is art52's own modules —",
            "mostly building the pydantic models of the contract and the rulebook — and the assessment (~0.08 s).",
            "Deferring the models' build (`defer_build`) and disabling pydantic's plugin lookup saved 0.4 % and",
            "1 % and were not kept.",
            "",
            "A second pass (2026-12-03), same method, one warm `art52 assess` each (`python -m art52.cli`):",
            "",
            "| step | durable | reference |",
            "|---|---:|---:|",
            "| before the pass | 1.81 G | 1.39 G |",
            "| a plain `assess` command line read with argparse, typer not imported | 1.72 G | 1.30 G |",
            "| rulebook cache: parsed conditions stored, rebuilt without the parser's checks | 1.72 G | 1.30 G |",
            "",
            "Typer alone costs 0.22 G over the interpreter, but only 0.07 G once pydantic-settings is imported",
            "(they share inspect, argparse, typing machinery), so dropping it saved 0.1 G. The rulebook cache",
            "change saves under 0.01 G per start. Where a warm reference start goes now: the interpreter",
            "0.04 G; art52's command line 0.16 G; pydantic and pydantic-settings with the settings 0.57 G",
            "(pydantic-settings alone 0.24 G: it imports every settings source, asyncio, argparse and dotenv);",
            "art52's modules, mostly building the pydantic models of the contract and the rulebook, 0.34 G;",
            "reading the cached rulebook 0.12 G; the assessment 0.03 G. Durable adds 0.42 G (the compiler,",
            "durable_rules and registering the cached rulesets with its C engine, which lives in the process and",
            "cannot be cached).",
            "",
            "A third pass (2026-12-03), same method (`python -m art52.cli assess --engine E`, the cache in",
            "`XDG_CACHE_HOME`, no ART52_ variable set, as in a user's shell):",
            "",
            "| step | durable | reference |",
            "|---|---:|---:|",
            "| before the pass (the code had grown since the second) | 1.78 G | 1.36 G |",
            "| pydantic-settings imported only when an ART52_ variable is set | 1.65 G | 1.23 G |",
            "",
            "The settings are a pydantic model; pydantic-settings still reads and validates the environment",
            "whenever a variable could set something (`art52.settings_environment`), so nothing is read by",
            "hand, and a shell without ART52_ variables does not pay for the reader (0.13 G).",
            "",
            "Wall figures above depend on the machine's load (other processes share it; see the load average).",
            "On a quiet machine a warm start took ~0.50 s (durable) and ~0.38 s (reference) before the second",
            "pass; scaled by the instruction counts, ~0.41 s and ~0.31 s now: the 0.3 s target is not reached,",
            "by ~0.11 s with durable (its 0.42 G alone is ~0.09 s: durable_rules registers the rulesets with its",
            "C engine at every start) and ~0.01 s with the reference backend. What is left is building the",
            "contract's pydantic models at import (~0.3 G) and durable's registration.",
            "",
            "Measured on a quiet machine (load average 0.2, 2026-12-04, 7 runs, this benchmark with",
            "`--no-write`): warm start median 0.479 s (best 0.418 s) with durable, 0.320 s (best 0.242 s) with",
            "the reference backend; `python -c pass` 0.015 s. The floor set by the libraries the project is",
            "built on, in instructions (callgrind): the interpreter 0.04 G; `import pydantic.main` 0.39 G with",
            "it; importing the contract's models (`art52.domain.measure`, which builds them) 0.77 G with both;",
            "every module `assess` imports 1.06 G; registering the cached rulesets with durable_rules' C engine",
            "(its JSON reader, ~0.06 s for 188 KB of ruleset definitions, no GIL release to overlap it with",
            "anything) ~0.2 G. Under 0.3 s with durable would need the assessment itself, the cache reads and",
            "everything but these libraries to cost nothing, so the target stays missed with durable; the",
            "reference backend reaches it in its best runs, not in its median.",
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
