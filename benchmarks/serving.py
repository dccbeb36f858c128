"""A local `art52 serve` for the HTTP benchmarks: started on 127.0.0.1, with a token, stopped afterwards.

The database is ART52_BENCH_DATABASE_URL (PostgreSQL for the budget figures); the
server's own CPU time is read from ``/proc/PID/stat`` (with one worker, uvicorn
serves in the process it was started in; with more, in its children).
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATABASE = "postgresql+psycopg://postgres@127.0.0.1:5432/art52_perf"
TICKS = os.sysconf("SC_CLK_TCK")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of one process."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


def children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(p) for p in path.read_text().split()] if path.exists() else []


@dataclass
class Server:
    url: str
    token: str
    process: subprocess.Popen[bytes]

    def workers(self) -> list[int]:
        """The processes that serve requests: the children with --workers > 1, else the server itself."""
        found = children(self.process.pid)
        return [p for p in found if _is_python(p)] or [self.process.pid]

    def cpu(self) -> float:
        return sum(cpu_seconds(p) for p in self.workers())


def _is_python(pid: int) -> bool:
    try:
        return "python" in Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")[0].decode()
    except OSError:
        return False


def environment(database: str | None = None) -> dict[str, str]:
    env = dict(os.environ)
    env["ART52_DATABASE_URL"] = database or os.environ.get("ART52_BENCH_DATABASE_URL", DEFAULT_DATABASE)
    env.setdefault("ART52_LOG_LEVEL", "warning")
    return env


def create_token(env: dict[str, str]) -> str:
    done = subprocess.run(
        [
            *(sys.executable, "-m", "art52.cli", "tokens", "create"),
            *("--org", "bench", "--role", "submitter", "--name", "b", "--subject", "bench-1"),
        ],
        capture_output=True,
        text=True,
        check=True,
        env=env,
        cwd=REPO,
    )
    return done.stdout.strip().splitlines()[-1]


@contextmanager
def serve(workers: int = 1, prefix: list[str] | None = None, database: str | None = None) -> Iterator[Server]:
    """A running server; ``prefix`` wraps the Python command (e.g. ``-m cProfile -o FILE``)."""
    env = environment(database)
    token = create_token(env)
    port = free_port()
    command = [sys.executable, *(prefix or []), "-m", "art52.cli", "serve", "--port", str(port)]
    command += ["--workers", str(workers), "--max-connections", "2000"]
    process = subprocess.Popen(command, env=env, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                if httpx.get(f"{url}/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("the server did not start")
            time.sleep(0.3)
        server = Server(url, token, process)
        while workers > 1 and len(server.workers()) < workers:
            time.sleep(0.2)
        yield server
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def documents(count: int) -> list[dict[str, Any]]:
    """Measure documents: the generated benchmark measures as JSON (each valid under the contract)."""
    sys.path.insert(0, str(REPO / "benchmarks"))
    from engine import generate_measures

    measures, _ = generate_measures(count)
    return [json.loads(m.model_dump_json(exclude_none=True)) for m in measures]
