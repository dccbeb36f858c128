"""A real ``art52 serve`` process on a free loopback port, for the packaging and worker tests."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

import httpx

START_TIMEOUT_SECONDS = 60.0
STOP_TIMEOUT_SECONDS = 20.0


def free_port() -> int:
    """A TCP port nobody listens on right now (the OS picks it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@dataclass
class LiveServer:
    process: subprocess.Popen[bytes]
    base_url: str
    log: Path

    def stderr(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def get(self, path: str) -> httpx.Response:
        return httpx.get(f"{self.base_url}{path}", timeout=10.0)


@contextmanager
def live_server(command: Sequence[str], *, env: Mapping[str, str], cwd: Path, port: int) -> Iterator[LiveServer]:
    """Start ``command`` (an ``art52 serve`` on ``port``), wait until /health answers, stop it afterwards.

    The server runs in a session of its own, so stopping it also stops its worker processes.
    """
    log = cwd / f"serve-{port}.log"
    with log.open("wb") as sink:
        process = subprocess.Popen(
            list(command), env=dict(env), cwd=cwd, stdout=sink, stderr=subprocess.STDOUT, start_new_session=True
        )
    server = LiveServer(process, f"http://127.0.0.1:{port}", log)
    try:
        _wait_until_healthy(server)
        yield server
    finally:
        _stop(process)


def _wait_until_healthy(server: LiveServer) -> None:
    deadline = time.monotonic() + START_TIMEOUT_SECONDS
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise AssertionError(f"art52 serve exited with {server.process.returncode}:\n{server.stderr()}")
        try:
            if server.get("/health").status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    raise AssertionError(f"art52 serve did not answer /health within {START_TIMEOUT_SECONDS} s:\n{server.stderr()}")


def _stop(process: subprocess.Popen[bytes]) -> None:
    """SIGTERM to the server's session (uvicorn shuts its workers down), SIGKILL if it lingers."""
    _signal_session(process, signal.SIGTERM)
    try:
        process.wait(timeout=STOP_TIMEOUT_SECONDS)
    except subprocess.TimeoutExpired:
        _signal_session(process, signal.SIGKILL)
        process.wait()


def _signal_session(process: subprocess.Popen[bytes], signum: signal.Signals) -> None:
    with suppress(ProcessLookupError):
        os.killpg(process.pid, signum)
