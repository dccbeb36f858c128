"""Impact analysis throughput on PostgreSQL: in-process, then 1 and 2 `art52 worker` processes.

Budget point 5 (impact analysis): 100,000 stored measures re-assessed under a new rulebook
in under 60 s with two workers. This measures re-assessments per second on N
generated measures (cycling through the examples, each with its assessment of
record) and extrapolates to 100,000; the in-process run of the same analysis, in
the same run, is the baseline the worker figures are given against. Worker start-up
is not timed: workers are registered before the analysis starts.

    ART52_BENCH_DATABASE_URL=postgresql+psycopg://postgres@127.0.0.1:5432/art52 \\
        .venv/bin/python benchmarks/impact.py --measures 2000

The results replace the impact section of BENCHMARKS.md (between its markers).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

from sqlalchemy import insert, text

from art52.adapters import tables
from art52.adapters.rulebook_files import read_rules_tree
from art52.bootstrap import build_assessor, build_container, database_engine, migrate
from art52.config import Settings
from art52.domain.records import MeasureFilter

REPO = Path(__file__).resolve().parents[1]
BEGIN, END = "<!-- impact:begin -->", "<!-- impact:end -->"
TARGET_MEASURES, TARGET_SECONDS = 100_000, 60.0
ART52 = Path(sys.executable).with_name("art52")


def candidate(target: Path) -> dict[str, str]:
    """The shipped rulebook with RET-011 made stricter (the same amendment as the tests')."""
    shutil.copytree(REPO / "rules", target)
    path = target / "retention_access.yaml"
    path.write_text(path.read_text().replace("objective_rank: {le: 2}", "objective_rank: {le: 3}"))
    return read_rules_tree(target)


def generate(settings: Settings, count: int) -> None:
    assessor = build_assessor(settings)
    documents = [json.loads(p.read_text()) for p in sorted((REPO / "examples").glob("ex*.json"))]
    results = [assessor.assess(d) for d in documents]
    now = dt.datetime.now(dt.UTC)
    measures, versions, assessments = [], [], []
    for n in range(count):
        document, result = documents[n % len(documents)], results[n % len(documents)]
        measure, assessment = str(uuid.uuid4()), str(uuid.uuid4())
        measures.append(
            {
                "id": measure,
                "organisation": "bench",
                "title": document["title"],
                "status": "draft",
                "version": 1,
                "revision": 1,
                "created_by": "bench",
                "created_at": now,
                "updated_at": now,
                "verdict": result.verdict.value,
                "latest_assessment_id": assessment,
            }
        )
        versions.append(
            {
                "measure_id": measure,
                "number": 1,
                "document": json.dumps(document),
                "created_by": "bench",
                "created_at": now,
            }
        )
        assessments.append(
            {
                "id": assessment,
                "measure_id": measure,
                "measure_version": 1,
                "organisation": "bench",
                "verdict": result.verdict.value,
                "as_of": result.as_of,
                "as_of_requested": None,
                "rulebook_version": result.rulebook_version,
                "backend": result.engine.backend,
                "engine_version": result.engine.version,
                "result": result.to_json(),
                "created_by": "bench",
                "created_at": now,
            }
        )
    engine = database_engine(settings)
    with engine.begin() as connection:
        connection.execute(insert(tables.measures), measures)
        connection.execute(insert(tables.measure_versions), versions)
        connection.execute(insert(tables.assessments), assessments)
    engine.dispose()


def run(settings: Settings, rulebook_id: str, workers: int) -> float:
    """Seconds from starting the analysis to its end, with ``workers`` processes (0: in-process)."""
    jobs = "in_process" if workers == 0 else "workers"
    container = build_container(settings.model_copy(update={"jobs": jobs}))
    processes = []
    env = {
        **os.environ,
        "ART52_DATABASE_URL": settings.database_url,
        "ART52_DATABASE_SCHEMA": settings.database_schema or "",
        "ART52_JOBS": "workers",
    }
    engine = database_engine(settings, pooled=False)
    try:
        with engine.connect() as connection:
            before = connection.execute(text("SELECT count(*) FROM procrastinate_workers")).scalar_one()
        for _ in range(workers):
            processes.append(subprocess.Popen([str(ART52), "worker"], env=env, stderr=subprocess.DEVNULL))
        while workers:
            with engine.connect() as connection:
                if (
                    connection.execute(text("SELECT count(*) FROM procrastinate_workers")).scalar_one()
                    >= before + workers
                ):
                    break
            time.sleep(0.2)
        start = time.perf_counter()
        analysis = container.impact.start("bench", rulebook_id, MeasureFilter(organisation="bench"))
        while not container.impact.report(None, analysis.id).finished:
            time.sleep(0.2)
        return time.perf_counter() - start
    finally:
        for process in processes:
            process.terminate()
            process.wait()
        container.close()
        engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--measures", type=int, default=2000)
    parser.add_argument("--no-write", action="store_true")
    options = parser.parse_args()
    url = os.environ.get("ART52_BENCH_DATABASE_URL")
    if not url:
        raise SystemExit("set ART52_BENCH_DATABASE_URL to a PostgreSQL database (a schema is created and dropped)")
    schema = f"art52_bench_{uuid.uuid4().hex[:8]}"
    admin = database_engine(Settings(database_url=url))
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        settings = Settings(database_url=url, database_schema=schema)
        migrate(settings)
        generate(settings, options.measures)
        with tempfile.TemporaryDirectory() as scratch:
            files = candidate(Path(scratch) / "rules")
        container = build_container(settings)
        rulebook_id = container.impact.load("bench", None, files, "bench").id
        container.close()
        load = os.getloadavg()
        seconds = {w: run(settings, rulebook_id, w) for w in (0, 1, 2)}
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()
    section = report(options.measures, seconds, load)
    print(section)
    if not options.no_write:
        write(section)


def report(count: int, seconds: dict[int, float], load: tuple[float, float, float]) -> str:
    rate = {w: count / s for w, s in seconds.items()}
    rows = [
        f"| {'in-process (1 thread)' if w == 0 else f'{w} worker' + ('s' if w > 1 else '')} | {seconds[w]:.1f} | "
        f"{rate[w]:,.0f} | {rate[w] / rate[0]:.2f}× | {TARGET_MEASURES / rate[w]:,.0f} |"
        for w in seconds
    ]
    verdict = "met" if TARGET_MEASURES / rate[2] <= TARGET_SECONDS else "missed"
    return "\n".join(
        [
            BEGIN,
            "## Impact analysis on PostgreSQL (budget point 5)",
            "",
            f"Produced by `python benchmarks/impact.py --measures {count}`: {count:,} generated measures",
            "re-assessed under a candidate rulebook (RET-011 amended) and compared with their assessment of record;",
            "worker start-up not timed. Load average when the run started: "
            f"{load[0]:.2f} {load[1]:.2f} {load[2]:.2f} (2 cores, shared).",
            "",
            "| run | seconds | measures/s | vs in-process | projected s for 100,000 |",
            "|---|---:|---:|---:|---:|",
            *rows,
            "",
            f"Target: 100,000 measures in under {TARGET_SECONDS:.0f} s with two workers — **{verdict}** on this run.",
            "Each measure costs one full assessment (the pipeline, budget point 1) plus its comparison; the workers",
            "add the reads and writes of their chunks. Throughput scales with workers while there are cores for them:",
            "on this 2-core machine the second worker shares the cores with PostgreSQL and the first. Every run also",
            "builds and compiles the candidate rulebook once per process (the in-process run in the measuring",
            "process, which also polls the progress). Figures taken under a high load average are not the machine's.",
            END,
        ]
    )


def write(section: str) -> None:
    path = REPO / "BENCHMARKS.md"
    text_ = path.read_text(encoding="utf-8")
    if BEGIN in text_ and END in text_:
        head, rest = text_.split(BEGIN, 1)
        text_ = head + section + rest.split(END, 1)[1]
    else:
        text_ = text_.rstrip("\n") + "\n\n" + section + "\n"
    path.write_text(text_, encoding="utf-8")
    print(f"updated {path}")


if __name__ == "__main__":
    main()
