"""Where the measure contract and the example measures live: in the repository, for every test module."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CONTRACT_DIR = REPO / "contract"
MEASURE_SCHEMA = CONTRACT_DIR / "measure.schema.json"
EXAMPLES_DIR = REPO / "examples"
