"""``art52 serve`` against slow and careless clients: deadlines close trickling connections,
no ``server`` banner leaves uvicorn, and tokens in query strings never reach the access log."""

from __future__ import annotations

import os
import socket
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from live_server import LiveServer, free_port, live_server

pytestmark = pytest.mark.slow

TRICKLERS = 20
# How long the test waits for the server to close a connection whose deadline is 1 s: generous on a busy machine.
PATIENCE_SECONDS = 30.0
SECRET = "art52_querystringsecretthatmustnotbelogged"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    work = tmp_path_factory.mktemp("served")
    env = {name: value for name, value in os.environ.items() if not name.startswith("ART52_")}
    env["ART52_DATABASE_URL"] = f"sqlite:///{work / 'art52.db'}"
    env["ART52_ENGINE"] = "reference"
    port = free_port()
    command = [
        sys.executable, "-m", "art52.cli", "serve", "--port", str(port),
        "--header-timeout", "1", "--body-timeout", "1", "--max-connections", "50",
    ]  # fmt: skip
    with live_server(command, env=env, cwd=work, port=port) as running:
        yield running


def _connect(server: LiveServer) -> socket.socket:
    port = int(server.base_url.rsplit(":", 1)[1])
    connection = socket.create_connection(("127.0.0.1", port), timeout=5)
    connection.setblocking(False)
    return connection


def _trickle_until_closed(connections: list[socket.socket], byte: bytes) -> tuple[set[int], dict[int, bytes]]:
    """Send one byte a connection every 0.2 s, as a slow client would; which connections the server closed."""
    closed: set[int] = set()
    answers: dict[int, bytes] = dict.fromkeys(range(len(connections)), b"")
    deadline = time.monotonic() + PATIENCE_SECONDS
    while len(closed) < len(connections) and time.monotonic() < deadline:
        for index, connection in enumerate(connections):
            if index in closed:
                continue
            try:
                chunk = connection.recv(4096)
            except BlockingIOError:
                chunk = None
            except OSError:
                closed.add(index)
                continue
            if chunk == b"":
                closed.add(index)
                continue
            if chunk:
                answers[index] += chunk
            try:
                connection.send(byte)
            except OSError:
                closed.add(index)
        time.sleep(0.2)
    for connection in connections:
        connection.close()
    return closed, answers


def test_clients_trickling_headers_are_cut_off(server: LiveServer) -> None:
    connections = [_connect(server) for _ in range(TRICKLERS)]
    for connection in connections:
        connection.send(b"GET /health HTTP/1.1\r\nHost: localhost\r\nX-Slow: ")
    closed, answers = _trickle_until_closed(connections, b"a")
    assert closed == set(range(TRICKLERS))
    assert all(answer.startswith(b"HTTP/1.1 408") for answer in answers.values())
    assert server.get("/health").status_code == 200


def test_clients_trickling_a_body_are_cut_off(server: LiveServer) -> None:
    connections = [_connect(server) for _ in range(5)]
    for connection in connections:
        connection.send(
            b"POST /v1/assess HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
            b"Content-Length: 100000\r\n\r\n{"
        )
    closed, _ = _trickle_until_closed(connections, b" ")
    assert closed == set(range(5))
    assert server.get("/health").status_code == 200


MAX_CONNECTIONS = 3


def _request_on(connection: socket.socket) -> bytes:
    """One GET /health on a kept-alive connection; the response's status line and headers."""
    connection.settimeout(PATIENCE_SECONDS)
    connection.sendall(b"GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n")
    received = b""
    while b"\r\n\r\n" not in received:
        chunk = connection.recv(4096)
        if not chunk:
            break
        received += chunk
    return received


def test_connections_beyond_the_limit_get_503_and_serving_resumes_when_they_close(
    tmp_path: Path,
) -> None:
    env = {name: value for name, value in os.environ.items() if not name.startswith("ART52_")}
    env["ART52_DATABASE_URL"] = f"sqlite:///{tmp_path / 'art52.db'}"
    env["ART52_ENGINE"] = "reference"
    port = free_port()
    command = [
        sys.executable, "-m", "art52.cli", "serve", "--port", str(port), "--max-connections", str(MAX_CONNECTIONS),
        "--header-timeout", "600", "--keep-alive-timeout", "600",  # the held connections must outlast the test
    ]  # fmt: skip
    with live_server(command, env=env, cwd=tmp_path, port=port) as limited:
        held = [socket.create_connection(("127.0.0.1", port), timeout=PATIENCE_SECONDS) for _ in range(MAX_CONNECTIONS)]
        try:
            # Each held connection is served (so the server has counted it) and stays open.
            assert all(_request_on(c).startswith(b"HTTP/1.1 200") for c in held)
            beyond = limited.get("/health")
            assert beyond.status_code == 503
            assert beyond.headers["connection"] == "close"
        finally:
            for connection in held:
                connection.close()
        deadline = time.monotonic() + PATIENCE_SECONDS  # the server notices the closed connections on its own time
        while (answered := limited.get("/health").status_code) != 200 and time.monotonic() < deadline:
            time.sleep(0.2)
        assert answered == 200


def test_no_server_banner(server: LiveServer) -> None:
    response = server.get("/health")
    assert "server" not in response.headers
    assert response.headers["x-content-type-options"] == "nosniff"


def test_query_string_tokens_are_not_logged(server: LiveServer) -> None:
    response = server.get(f"/v1/measures?access_token={SECRET}")
    assert response.status_code in (401, 422)
    deadline = time.monotonic() + PATIENCE_SECONDS
    while "access_token=" not in server.stderr() and time.monotonic() < deadline:
        time.sleep(0.1)
    log = server.stderr()
    assert "access_token=[REDACTED]" in log
    assert SECRET not in log


def test_the_limits_are_documented_with_serve() -> None:
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    for option in ("--header-timeout", "--body-timeout", "--keep-alive-timeout", "--max-connections"):
        assert option in readme
