"""Scenario outcomes read from a pytest JUnit XML run."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from art52.errors import DocumentError
from art52.handbook.pages import build_handbook
from art52.handbook.results import python_name, read_results
from art52.handbook.vocabulary import default_vocabulary
from art52.rulebook.scenarios import parse_feature_text

FEATURE = """\
Feature: Things
  @RET-011
  Scenario: Access to traffic data for crime in general is a violation
    Given a measure requiring access to retained data, covering traffic data
    Then finding RET-011 is a violation

  @RET-011
  Scenario: Access to location data to prevent terrorism
    Given a measure requiring access to retained data, covering location data
    Then finding RET-011 is satisfied

  @RET-011
  Scenario: A scenario the run did not include
    Given a measure requiring access to retained data, covering location data
"""
JUNIT = """<?xml version="1.0" encoding="utf-8"?><testsuites><testsuite name="pytest">
<testcase classname="tests.bdd.test_things" name="test_access_to_traffic_data_for_crime_in_general_is_a_violation"/>
<testcase classname="tests.bdd.test_things" name="test_access_to_location_data_to_prevent_terrorism">
<failure message="assert 'violation' == 'satisfied'"/></testcase>
<testcase classname="tests.bdd.test_other" name="test_a_scenario_the_run_did_not_include"/>
</testsuite></testsuites>
"""


def test_python_name_follows_pytest_bdd() -> None:
    assert python_name("Access to traffic data (RET-011), it's 2024!") == "test_access_to_traffic_data_ret011_its_2024"


def test_each_scenario_carries_its_outcome_in_the_run(tmp_path: Path, rulebook: object) -> None:
    (tmp_path / "run.xml").write_text(JUNIT)
    suite = parse_feature_text(FEATURE, "things.feature")
    results = read_results(tmp_path / "run.xml")
    book = rulebook
    handbook = build_handbook(book, suite, default_vocabulary(), dt.date(2026, 1, 1), results)  # type: ignore[arg-type]
    page = handbook.rule("RET-011")
    assert page is not None
    assert [(s.name, s.outcome) for s in page.scenarios] == [
        ("Access to traffic data for crime in general is a violation", "passed"),
        ("Access to location data to prevent terrorism", "failed"),
        ("A scenario the run did not include", None),
    ]
    assert handbook.with_results


def test_a_results_file_that_is_not_xml_is_a_document_error(tmp_path: Path) -> None:
    (tmp_path / "run.xml").write_text("not xml")
    with pytest.raises(DocumentError, match="JUnit XML"):
        read_results(tmp_path / "run.xml")
