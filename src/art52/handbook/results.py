"""Scenario outcomes from a test run: a pytest JUnit XML file, read for the handbook.

The file is the project's own test report, given on the command line, so the
standard library's parser is used (its expat refuses entity expansion attacks).

A scenario is matched to its test case the way pytest-bdd names them: the test
module ``test_<feature file stem>`` and the function ``test_<scenario name>``.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Literal
from xml.etree import ElementTree

from art52.errors import DocumentError
from art52.rulebook.scenarios import ScenarioRef

Outcome = Literal["passed", "failed", "skipped"]


def python_name(scenario_name: str) -> str:
    """The test function pytest-bdd makes of a scenario name."""
    name = re.sub(r"\W", "", scenario_name.replace(" ", "_"))
    return "test_" + re.sub(r"^\d+_*", "", name).lower()


def read_results(path: Path) -> dict[tuple[str, str], Outcome]:
    """``(test module, test function) → outcome`` for every test case in a JUnit XML file."""
    try:
        root = ElementTree.parse(path).getroot()
    except (OSError, ElementTree.ParseError) as error:
        raise DocumentError(f"{path}: not a readable JUnit XML file: {error}") from None
    outcomes: dict[tuple[str, str], Outcome] = {}
    for case in root.iter("testcase"):
        module = case.get("classname", "").rsplit(".", 1)[-1]
        name = case.get("name", "").split("[", 1)[0]
        children = {child.tag for child in case}
        outcome: Outcome = (
            "failed" if children & {"failure", "error"} else "skipped" if "skipped" in children else "passed"
        )
        outcomes[(module, name)] = outcome
    return outcomes


def outcome_of(scenario: ScenarioRef, results: dict[tuple[str, str], Outcome]) -> Outcome | None:
    """The scenario's outcome in the run, None if the run did not include it."""
    module = "test_" + Path(scenario.feature).stem
    return results.get((module, python_name(scenario.name)))
