"""Where the measure contract and the example measures live: in the repository, for every test module."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CONTRACT_DIR = REPO / "contract"
MEASURE_SCHEMA = CONTRACT_DIR / "measure.schema.json"
# The contract as released in version 1.0.0, frozen here so that 1.1 can be checked against it.
MEASURE_SCHEMA_1_0 = Path(__file__).resolve().parent / "contract_1_0.schema.json"
# The contract as released in version 1.1.0, frozen so that the fields 1.2 added are labelled 1.2.
MEASURE_SCHEMA_1_1 = Path(__file__).resolve().parent / "contract_1_1.schema.json"
VOCABULARY = CONTRACT_DIR / "vocabulary.md"
EXAMPLES_DIR = REPO / "examples"
