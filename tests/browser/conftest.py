"""Browser tests: Debian's Chromium driven by Playwright against a served app.

One server per database backend and one browser for the whole run. Without
Chromium the tests skip locally with an install hint, and fail in CI (CI=true),
where the browser is required.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from browser_support import DESKTOP, Site
from live_server import free_port, live_server
from service_databases import BACKENDS, postgres_schema

from art52.bootstrap import build_container, migrate
from art52.config import Settings
from art52.domain.access import Role

CHROMIUM = Path(os.environ.get("ART52_CHROMIUM", "/usr/bin/chromium"))
INSTALL_HINT = f"no Chromium at {CHROMIUM}: install it with `apt-get install -y chromium` to run the browser tests"


@pytest.fixture(scope="session")
def chromium() -> Path:
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail(f"the browser tests are required in CI: {INSTALL_HINT}")
        pytest.skip(INSTALL_HINT)
    return CHROMIUM


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any], chromium: Path) -> dict[str, Any]:
    """pytest-playwright launches the system's Chromium (Playwright's own download is not used)."""
    return {**browser_type_launch_args, "executable_path": str(chromium), "args": ["--no-sandbox"]}


@pytest.fixture(scope="session")
def base_url() -> str | None:
    """Pages are addressed by the served site's own URL (replaces pytest-base-url's fixture)."""
    return None


@pytest.fixture
def browser_context_args(browser_context_args: dict[str, Any]) -> dict[str, Any]:
    return {**browser_context_args, "viewport": DESKTOP, "bypass_csp": True}  # axe-core is injected into pages


USERS = {
    "official": ("Alice Official", Role.SUBMITTER, "ministry"),
    "reviewer": ("Bob Reviewer", Role.REVIEWER, "ministry"),
    "official_as_reviewer": ("Alice Official", Role.REVIEWER, "ministry"),  # the four-eyes case
    "outsider": ("Mallory", Role.SUBMITTER, "other-ministry"),
}


@pytest.fixture(scope="session", params=BACKENDS)
def site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, chromium: Path) -> Iterator[Site]:
    """``art52 serve`` on SQLite, and on PostgreSQL when ART52_TEST_DATABASE_URL is set."""
    workdir = tmp_path_factory.mktemp(f"site-{request.param}")
    env = {name: value for name, value in os.environ.items() if not name.startswith("ART52_")}
    env.pop("PYTHONPATH", None)
    if request.param == "sqlite":
        with _served(workdir, env, {"ART52_DATABASE_URL": f"sqlite:///{workdir / 'art52.db'}"}) as found:
            yield found
    else:
        with (
            postgres_schema() as (url, schema),
            _served(workdir, env, {"ART52_DATABASE_URL": url, "ART52_DATABASE_SCHEMA": schema}) as found,
        ):
            yield found


@contextmanager
def _served(workdir: Path, env: dict[str, str], database: dict[str, str]) -> Iterator[Site]:
    """Migrate the database, issue the users' tokens, and serve it."""
    settings = Settings(
        database_url=database["ART52_DATABASE_URL"], database_schema=database.get("ART52_DATABASE_SCHEMA")
    )
    migrate(settings)
    container = build_container(settings)
    try:
        tokens = {  # one person, one subject on all their tokens: the four-eyes rule compares subjects
            who: container.tokens.create(name, org, role, subject=name.lower().replace(" ", "-"))[1]
            for who, (name, role, org) in USERS.items()
        }
    finally:
        container.close()
    port = free_port()
    command = [str(Path(sys.executable).parent / "art52"), "serve", "--port", str(port)]
    with live_server(command, env={**env, **database}, cwd=workdir, port=port) as server:
        yield Site(server.base_url, tokens)
