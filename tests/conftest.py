"""Fixtures shared by every test: the real rulebook, the measure contract and the examples."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path
from typing import Any

import pytest
from contract_files import EXAMPLES_DIR, MEASURE_SCHEMA, REPO

from art52.bootstrap import make_backend
from art52.rulebook.catalog import Rulebook
from art52.rulebook.loader import load_rulebook
from art52.services.assessments import Assessor

RULES_DIR = Path(os.environ.get("ART52_RULES_DIR", REPO / "rules"))


@pytest.fixture(scope="session", autouse=True)
def private_cache_dir(tmp_path_factory: pytest.TempPathFactory) -> None:
    """The on-disk rulebook cache of the tests lives in a temporary directory, never the user's."""
    os.environ["ART52_CACHE_DIR"] = str(tmp_path_factory.mktemp("art52-cache"))


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    return EXAMPLES_DIR


@pytest.fixture(scope="session")
def measure_schema() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(MEASURE_SCHEMA.read_text())
    return loaded


@pytest.fixture(scope="session")
def rulebook() -> Rulebook:
    return load_rulebook(RULES_DIR)


@pytest.fixture(scope="session", params=["durable", "reference"])
def backend_name(request: pytest.FixtureRequest) -> str:
    name: str = request.param
    return name


@pytest.fixture(scope="session")
def assessor(rulebook: Rulebook) -> Assessor:
    """The assessor of ART52_ENGINE (durable by default) on the shipped rulebook, with a fixed 'today'."""
    backend = make_backend(os.environ.get("ART52_ENGINE", "durable"))
    return Assessor(rulebook, backend, today=lambda: dt.date(2026, 11, 28))


@pytest.fixture(scope="session")
def reference_assessor(rulebook: Rulebook) -> Assessor:
    return Assessor(rulebook, make_backend("reference"), today=lambda: dt.date(2026, 11, 28))


SCENARIO_TAGS = ("end-to-end: a whole measure assessed, end to end",)


def pytest_configure(config: pytest.Config) -> None:
    """Register each rule id as a marker, so a scenario tag naming no rule fails collection."""
    import re

    for path in sorted(RULES_DIR.glob("*.yaml")):
        for rule_id in sorted(set(re.findall(r"^- id: ([A-Z]{2,5}-[0-9]{3})\s*$", path.read_text(), re.M))):
            config.addinivalue_line("markers", f"{rule_id}: scenario documenting rule {rule_id}")
    for line in SCENARIO_TAGS:
        config.addinivalue_line("markers", line)
