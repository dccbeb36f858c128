"""Schemathesis out of process: ``st run`` with every check against ``art52 serve`` on PostgreSQL.

The in-process test (test_schemathesis.py) drives the app through ASGI; this one
sends real HTTP to a served app, as a client would, on a fresh PostgreSQL schema,
with all of schemathesis's checks (including positive data acceptance, Allow on
405, and the stateful phase). Its configuration, the statuses a schema cannot
foresee, the token, the seed and how many cases each phase sends, is
tests/schemathesis/schemathesis.toml. The run is bounded by cases, not by time, so
a commit sends the same requests however loaded the machine is.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from live_server import free_port, live_server
from service_databases import postgres_schema

pytestmark = [pytest.mark.slow, pytest.mark.postgres]

CONFIG = Path(__file__).resolve().parents[1] / "schemathesis" / "schemathesis.toml"
HOOKS = CONFIG.with_name("fresh_idempotency_keys.py")  # a new key per POST, as a client sends
TIMEOUT_SECONDS = 900  # a hung server, not a bound on the run: that is the configured number of cases
ST = Path(sys.executable).with_name("st")


def _environment(url: str, schema: str) -> dict[str, str]:
    env = {name: value for name, value in os.environ.items() if not name.startswith("ART52_")}
    env.update({"ART52_DATABASE_URL": url, "ART52_DATABASE_SCHEMA": schema})
    env.pop("PYTHONPATH", None)
    return env


def _token(env: dict[str, str], cwd: Path, role: str) -> str:
    created = subprocess.run(
        [
            *(sys.executable, "-m", "art52.cli", "tokens", "create", "--org", "ministry"),
            *("--role", role, "--name", role, "--subject", f"{role}-1"),
        ],
        env=env,
        cwd=cwd,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return created.stdout.strip()


@pytest.mark.skipif(not ST.exists(), reason="the schemathesis command line (st) is not installed beside Python")
def test_st_run_with_all_checks_finds_no_failure(tmp_path: Path) -> None:
    with postgres_schema() as (url, schema):
        env = _environment(url, schema)
        port = free_port()
        command = [sys.executable, "-m", "art52.cli", "serve", "--port", str(port)]
        with live_server(command, env=env, cwd=tmp_path, port=port) as server:
            run_env = {
                **env,
                "ART52_ST_TOKEN": _token(env, tmp_path, "submitter"),
                "SCHEMATHESIS_HOOKS": HOOKS.stem,
                "PYTHONPATH": str(HOOKS.parent),
            }
            run = subprocess.run(
                [
                    str(ST),
                    "--config-file",
                    str(CONFIG),
                    "run",
                    f"{server.base_url}/openapi.json",
                    "--checks",
                    "all",
                    "--no-color",
                ],
                env=run_env,
                cwd=tmp_path,
                capture_output=True,
                text=True,
                timeout=TIMEOUT_SECONDS,
            )
    assert run.returncode == 0, run.stdout[-20_000:] + run.stderr[-5_000:]
