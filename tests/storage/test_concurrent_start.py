"""Processes that start together on a fresh PostgreSQL database all come up (they queue to migrate it).

Each process is a real ``art52 tokens create`` (which migrates first, as ``art52
serve`` does). Each imports everything, says so, and waits on stdin; when all
have said so they are released together, so their migrations genuinely overlap.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from service_databases import postgres_schema

from art52.bootstrap import build_container
from art52.config import Settings

PROCESSES = 6
STARTER = """\
import sys
import art52.bootstrap, art52.adapters.migrations, art52.adapters.unit_of_work, art52.cli.service  # noqa: F401
from art52.cli import main
print("ready", flush=True)
sys.stdin.readline()
sys.exit(main(["tokens", "create", "--org", "ministry", "--role", "auditor", "--name", sys.argv[1]]))
"""


@pytest.mark.postgres
def test_processes_starting_together_on_a_fresh_database_all_come_up() -> None:
    with postgres_schema() as (url, schema):
        environment = {**os.environ, "ART52_DATABASE_URL": url, "ART52_DATABASE_SCHEMA": schema}
        processes = [
            subprocess.Popen(
                [sys.executable, "-c", STARTER, f"Worker {n}"],
                env=environment,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for n in range(PROCESSES)
        ]
        for process in processes:  # every process has imported what it needs before any is released
            assert process.stdout is not None
            assert process.stdout.readline() == "ready\n"
        for process in processes:
            assert process.stdin is not None
            process.stdin.write("go\n")
            process.stdin.flush()
        outcomes = [process.communicate(timeout=120) for process in processes]
        codes = [process.returncode for process in processes]
        assert codes == [0] * PROCESSES, [err for _, err in outcomes]
        container = build_container(Settings(database_url=url, database_schema=schema))
        try:
            assert sorted(t.name for t in container.tokens.list()) == [f"Worker {n}" for n in range(PROCESSES)]
            assert container.audit.verify() is None
        finally:
            container.close()
