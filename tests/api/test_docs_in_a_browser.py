"""/docs renders in a real browser under the strict Content-Security-Policy (headless Chromium, if installed)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from live_server import LiveServer, free_port, live_server

pytestmark = pytest.mark.slow

BROWSER = next(
    (found for name in ("chromium", "chromium-browser", "google-chrome") if (found := shutil.which(name))), None
)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    work = tmp_path_factory.mktemp("docs")
    env = {name: value for name, value in os.environ.items() if not name.startswith("ART52_")}
    env["ART52_DATABASE_URL"] = f"sqlite:///{work / 'art52.db'}"
    env["ART52_ENGINE"] = "reference"
    port = free_port()
    command = [sys.executable, "-m", "art52.cli", "serve", "--port", str(port)]
    with live_server(command, env=env, cwd=work, port=port) as running:
        yield running


@pytest.mark.skipif(BROWSER is None, reason="needs a Chromium browser")
def test_swagger_ui_renders_every_operation(server: LiveServer, tmp_path: Path) -> None:
    assert "content-security-policy" in server.get("/docs").headers
    rendered = subprocess.run(
        [
            str(BROWSER), "--headless", "--no-sandbox", "--disable-gpu", f"--user-data-dir={tmp_path}",
            "--virtual-time-budget=15000", "--dump-dom", f"{server.base_url}/docs",
        ],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    paths = set(re.findall(r'data-path="([^"]+)"', rendered.stdout))
    documented = set(server.get("/openapi.json").json()["paths"])
    assert paths == documented, rendered.stderr[-2000:]
