"""On PostgreSQL, webhook messages go through the job queue: an `art52 worker` delivers them, signed."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from impact_fixtures import example_documents, principal
from service_databases import postgres_schema
from standardwebhooks.webhooks import Webhook as Verifier

from art52.bootstrap import build_container, migrate
from art52.config import Settings
from art52.domain.access import Role

pytestmark = pytest.mark.postgres
ART52 = Path(sys.executable).with_name("art52")


@pytest.fixture
def database() -> Iterator[Settings]:
    with postgres_schema() as (url, schema):
        settings = Settings(database_url=url, database_schema=schema, jobs="workers")
        migrate(settings)
        yield settings


@pytest.fixture
def receiver() -> Iterator[tuple[list[tuple[dict[str, str], bytes]], str]]:
    received: list[tuple[dict[str, str], bytes]] = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers["content-length"]))
            received.append(({k.lower(): v for k, v in self.headers.items()}, body))
            self.send_response(204)
            self.end_headers()

        def log_message(self, *_: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield received, f"http://127.0.0.1:{server.server_address[1]}/hooks"
    finally:
        server.shutdown()
        server.server_close()


def test_a_worker_delivers_the_events_of_the_organisation_signed(
    database: Settings, receiver: tuple[list[tuple[dict[str, str], bytes]], str], tmp_path: Path
) -> None:
    received, url = receiver
    container = build_container(database)
    env = {
        **os.environ,
        "ART52_DATABASE_URL": database.database_url,
        "ART52_DATABASE_SCHEMA": database.database_schema or "",
        "ART52_JOBS": "workers",
    }
    with (tmp_path / "worker.log").open("wb") as log:
        worker = subprocess.Popen([str(ART52), "worker"], env=env, stdout=subprocess.DEVNULL, stderr=log)
    try:
        admin = principal(container, "Rita", Role.RULE_ADMIN, "ministry")
        alice = principal(container, "Alice", Role.SUBMITTER, "ministry")
        mallory = principal(container, "Mallory", Role.SUBMITTER, "elsewhere")
        hook = container.webhooks.register(admin, url, ["measure.submitted"])
        theirs = container.measures.create(mallory, example_documents()[1]).record.id
        container.reviews.submit(mallory, theirs)
        mine = [container.measures.create(alice, d).record.id for d in example_documents()[:3]]
        for measure_id in mine:
            container.reviews.submit(alice, measure_id)
        deadline = time.monotonic() + 120
        while len(received) < len(mine) and time.monotonic() < deadline:
            time.sleep(0.2)
    finally:
        worker.terminate()
        worker.wait(timeout=30)
        container.close()
    payloads = [Verifier(hook.secret).verify(body, headers) for headers, body in received]
    assert [p["data"]["subject"] for p in payloads] == mine, (tmp_path / "worker.log").read_text()
    assert {p["data"]["organisation"] for p in payloads} == {"ministry"}
