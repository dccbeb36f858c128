"""The scenarios speak the language of the law: no step names a contract field or code.

Raw steps (``"path" is value``, ``a measure of type "..."``, ``asks for "path"``) stay in
conftest.py only as a fallback for new feature files; none may remain in features/.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from contract_files import REPO

from art52.domain.derived_facts import fact_catalogue
from art52.rulebook.scenarios import parse_features

RAW_STEPS = (
    re.compile(r'"[a-z_.0-9]+" is '),
    re.compile(r'a measure of type "'),
    re.compile(r'(asks for|ask for|asks to confirm|question) "[a-z_.0-9]+"'),
)
FEATURES = REPO / "features"
EXAMPLE_STEP = re.compile(r'the example measure "[a-z0-9-]+"')


def _codes() -> set[str]:
    """Field paths and the codes of their values that could not be mistaken for English words."""
    codes = set(fact_catalogue())
    for spec in fact_catalogue().values():
        codes.update(v for v in spec.values if "_" in v)
    return codes


def _steps(features_dir: Path) -> list[tuple[str, str]]:
    suite = parse_features(features_dir)
    return [(str(s), step) for s in suite.scenarios for step in s.steps]


def test_no_step_uses_a_raw_field_step() -> None:
    raw = [f"{where}: {step}" for where, step in _steps(FEATURES) if any(p.search(step) for p in RAW_STEPS)]
    assert raw == [], "rewrite these steps with the contract's words (see contract/labels.yaml)"


def test_no_step_names_a_field_path_or_a_code() -> None:
    codes = _codes()
    named = [
        f"{where}: {step}"
        for where, step in _steps(FEATURES)
        if {w for w in re.findall(r"[a-z0-9_.]+", EXAMPLE_STEP.sub("", step)) if "_" in w or "." in w[:-1]} & codes
    ]
    assert named == []


@pytest.mark.parametrize(
    "step",
    ['And "access.ip_to_identity" is true', 'Given a measure of type "device_search"', 'Then finding X asks for "a.b"'],
)
def test_the_raw_step_check_recognises_raw_steps(step: str) -> None:
    assert any(p.search(step) for p in RAW_STEPS)
