"""The scenario suite the API shows: re-read when a file changes, broken files skipped."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import pytest

from art52.adapters.features import FeatureScenarios

GOOD = """@feature-wide
Feature: Good

  @AAA-003
  Rule: A rule block
    @AAA-001
    Scenario: Inherits the rule-block tag
      Given a measure
      When it is assessed
"""


def test_scenarios_carry_their_own_and_inherited_tags_in_order(tmp_path: Path) -> None:
    (tmp_path / "good.feature").write_text(GOOD)
    suite = FeatureScenarios(tmp_path)()
    [scenario] = suite.tagged("AAA-003")
    assert scenario.ordered_tags == ("feature-wide", "AAA-003", "AAA-001")
    assert scenario.steps == ("Given a measure", "When it is assessed")
    assert (scenario.feature, scenario.line) == ("good.feature", 7)
    assert suite.tagged("AAA-001") == (scenario,)


def test_a_broken_file_is_skipped_with_a_warning(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    (tmp_path / "a_broken.feature").write_text("Scenario: no feature line\n  When x\n")
    (tmp_path / "b_unreadable.feature").write_bytes(b"Feature: \xff\n")
    (tmp_path / "good.feature").write_text(GOOD)
    with caplog.at_level(logging.WARNING, logger="art52.adapters.features"):
        suite = FeatureScenarios(tmp_path)()
    assert suite.files == ("good.feature",)
    assert [s.name for s in suite.scenarios] == ["Inherits the rule-block tag"]
    assert "a_broken.feature" in caplog.text
    assert "b_unreadable.feature" in caplog.text


def test_the_suite_is_reread_when_a_file_changes(tmp_path: Path) -> None:
    path = tmp_path / "good.feature"
    path.write_text(GOOD)
    scenarios = FeatureScenarios(tmp_path)
    first = scenarios()
    assert scenarios() is first
    path.write_text(GOOD.replace("Scenario: Inherits", "Scenario: Renamed, inherits"))
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 1_000_000_000))
    assert [s.name for s in scenarios().scenarios] == ["Renamed, inherits the rule-block tag"]


def test_a_missing_directory_has_no_scenarios(tmp_path: Path) -> None:
    assert FeatureScenarios(tmp_path / "absent")().scenarios == ()
