"""On PostgreSQL, impact analyses run on `art52 worker` processes; a worker killed mid-chunk loses nothing.

A thousand stored measures (IMPACT_MEASURES to change it), two workers, one of
them killed (SIGKILL) while it holds a chunk: the other takes the chunk over once
the dead one's heartbeat is stale, and the results are complete and exactly those
of an in-process run. The generated measures cycle through the examples, so the
in-process run re-assesses each distinct document once (stored in an organisation
of its own) and every generated measure must carry its document's result.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from impact_fixtures import candidate_rules, example_documents
from service_databases import postgres_schema
from sqlalchemy import insert, text

from art52.adapters import tables
from art52.adapters.rulebook_files import read_rules_tree
from art52.bootstrap import Container, build_assessor, build_container, database_engine, migrate
from art52.config import Settings
from art52.domain.records import MeasureFilter

pytestmark = pytest.mark.postgres

MEASURES = int(os.environ.get("IMPACT_MEASURES", "1000"))
CHUNK = 50
ART52 = Path(sys.executable).with_name("art52")


@pytest.fixture
def database() -> Iterator[Settings]:
    with postgres_schema() as (url, schema):
        settings = Settings(database_url=url, database_schema=schema, jobs="workers", impact_chunk_size=CHUNK)
        migrate(settings)
        yield settings


def measure_id(n: int) -> str:
    return f"00000000-0000-4000-8000-{n:012d}"


def store_generated_measures(settings: Settings, count: int, organisation: str, first: int = 0) -> None:
    """``count`` measures of ``organisation`` cycling through the examples, each with its assessment of record."""
    assessor = build_assessor(settings)
    documents = example_documents()
    results = [assessor.assess(d) for d in documents]
    moment = dt.datetime.now(dt.UTC)
    measures, versions, assessments = [], [], []
    for n in range(first, first + count):
        document, result = documents[n % len(documents)], results[n % len(documents)]
        measure, assessment = measure_id(n), f"00000000-0000-4000-9000-{n:012d}"
        measures.append(
            {
                "id": measure,
                "organisation": organisation,
                "title": document["title"],
                "status": "draft",
                "version": 1,
                "revision": 1,
                "created_by": "generator",
                "created_at": moment,
                "updated_at": moment,
                "verdict": result.verdict.value,
                "latest_assessment_id": assessment,
            }
        )
        versions.append(
            {
                "measure_id": measure,
                "number": 1,
                "document": json.dumps(document),
                "created_by": "generator",
                "created_at": moment,
            }
        )
        assessments.append(
            {
                "id": assessment,
                "measure_id": measure,
                "measure_version": 1,
                "organisation": organisation,
                "verdict": result.verdict.value,
                "as_of": result.as_of,
                "as_of_requested": None,
                "rulebook_version": result.rulebook_version,
                "backend": result.engine.backend,
                "engine_version": result.engine.version,
                "result": result.to_json(),
                "created_by": "generator",
                "created_at": moment,
            }
        )
    engine = database_engine(settings)
    try:
        with engine.begin() as connection:
            connection.execute(insert(tables.measures), measures)
            connection.execute(insert(tables.measure_versions), versions)
            connection.execute(insert(tables.assessments), assessments)
    finally:
        engine.dispose()


def start_worker(settings: Settings, log: Path) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "ART52_DATABASE_URL": settings.database_url,
        "ART52_DATABASE_SCHEMA": settings.database_schema or "",
        "ART52_JOBS": "workers",
        "ART52_WORKER_HEARTBEAT": "0.5",
        "ART52_WORKER_STALLED_AFTER": "3",
    }
    with log.open("wb") as sink:
        return subprocess.Popen([str(ART52), "worker"], env=env, stdout=subprocess.DEVNULL, stderr=sink)


def wait_for(condition: Callable[[], object], what: str, timeout: float = 60.0) -> object:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = condition()
        if found:
            return found
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


def scalar(settings: Settings, sql: str) -> object:
    engine = database_engine(settings, pooled=False)
    try:
        with engine.connect() as connection:
            return connection.execute(text(sql)).scalar()
    finally:
        engine.dispose()


def test_an_analysis_survives_a_worker_killed_mid_chunk(database: Settings, tmp_path: Path) -> None:
    store_generated_measures(database, MEASURES, "generated")
    distinct = len(example_documents())
    store_generated_measures(database, distinct, "oracle", first=MEASURES)
    files = read_rules_tree(candidate_rules(tmp_path / "candidate"))
    container: Container = build_container(database)
    workers: list[subprocess.Popen[bytes]] = []
    try:
        candidate = container.impact.load("test", None, files, "candidate")
        victim = start_worker(database, tmp_path / "worker-1.log")
        workers.append(victim)
        victim_id = wait_for(lambda: scalar(database, "SELECT max(id) FROM procrastinate_workers"), "worker 1")
        workers.append(start_worker(database, tmp_path / "worker-2.log"))  # joins while the first one works
        analysis = container.impact.start("test", candidate.id, MeasureFilter(organisation="generated"))
        held = wait_for(
            lambda: scalar(
                database, f"SELECT id FROM procrastinate_jobs WHERE status = 'doing' AND worker_id = {victim_id}"
            ),
            "worker 1 to hold a chunk",
        )
        victim.send_signal(signal.SIGKILL)
        victim.wait()

        try:
            wait_for(lambda: container.impact.report(None, analysis.id).finished, "the analysis to finish", timeout=240)
        except AssertionError:
            raise AssertionError(f"processed {container.impact.report(None, analysis.id).processed}") from None
        assert scalar(database, f"SELECT status::text FROM procrastinate_jobs WHERE id = {held}") == "succeeded"
        report = container.impact.report(None, analysis.id)
        assert report.processed == MEASURES
        assert len({r.measure_id for r in report.results}) == MEASURES
    finally:
        for process in workers:
            if process.poll() is None:
                process.terminate()
                process.wait(timeout=30)
        container.close()

    inline = build_container(database.model_copy(update={"jobs": "in_process"}))
    try:
        again = inline.impact.start("test", candidate.id, MeasureFilter(organisation="oracle"))
        assert inline.jobs.join(timeout=120)  # type: ignore[attr-defined]
        by_document = {int(r.measure_id[-12:]) % distinct: r for r in inline.impact.report(None, again.id).results}
    finally:
        inline.close()
    assert len(by_document) == distinct
    expected = [
        replace(by_document[n % distinct], measure_id=measure_id(n), organisation="generated") for n in range(MEASURES)
    ]
    assert report.results == expected
    assert report.changed, "the amendment must change some measures, or the comparison proves little"
