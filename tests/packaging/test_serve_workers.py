"""``art52 serve --workers N`` starts N uvicorn worker processes, each with its own engine."""

from __future__ import annotations

import os
import re
import sys
import time
from pathlib import Path

import pytest
from live_server import free_port, live_server

pytestmark = pytest.mark.slow


def _parent_of(pid: int) -> int:
    """The parent process id, from /proc (Linux)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return int(fields[1])


def _worker_pids(log: str) -> set[int]:
    return {int(pid) for pid in re.findall(r"Started server process \[(\d+)\]", log)}


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads process parents from /proc")
def test_serve_with_two_workers_answers_from_two_processes(tmp_path: Path) -> None:
    env = {name: value for name, value in os.environ.items() if not name.startswith("ART52_")}
    env["ART52_DATABASE_URL"] = f"sqlite:///{tmp_path / 'art52.db'}"
    env.pop("PYTHONPATH", None)
    port = free_port()
    command = [sys.executable, "-m", "art52.cli", "serve", "--port", str(port), "--workers", "2"]
    with live_server(command, env=env, cwd=tmp_path, port=port) as server:
        deadline = time.monotonic() + 60
        while len(_worker_pids(server.stderr())) < 2 and time.monotonic() < deadline:
            time.sleep(0.2)
        workers = _worker_pids(server.stderr())
        assert len(workers) == 2, server.stderr()
        assert {_parent_of(pid) for pid in workers} == {server.process.pid}
        for _ in range(10):
            assert server.get("/health").status_code == 200
        assert server.get("/ready").status_code == 200
        assert "2 worker processes" in server.stderr()
    assert server.process.returncode is not None
    for pid in workers:
        assert not Path(f"/proc/{pid}").exists() or "zombie" in Path(f"/proc/{pid}/status").read_text()
