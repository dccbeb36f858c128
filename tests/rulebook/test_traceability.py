"""Traceability: every rule has a scenario, and every scenario tag names a rule.

The first three tests check the shipped rulebook against the shipped feature
files (``features/*.feature``); they fail as long as a rule has no scenario
tagged with its id, a tag names no rule (only ``@end-to-end`` is allowed
besides rule ids), or two scenarios of one file share a name (pytest-bdd would
run only one of them). The rest pin down how the coverage is computed.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from contract_files import REPO
from rulebook_fixtures import add_law_tables

from art52.rulebook.catalog import Rulebook
from art52.rulebook.coverage import ALLOWED_TAGS, coverage_report, report_to_data
from art52.rulebook.loader import load_rulebook
from art52.rulebook.scenarios import FeatureParseError, ScenarioSuite, parse_feature_text, parse_features

FEATURES_DIR = REPO / "features"


@pytest.fixture(scope="module")
def suite() -> ScenarioSuite:
    return parse_features(FEATURES_DIR)


# --- The shipped rulebook and scenario suite --------------------------------------------------


def test_every_rule_has_a_scenario_tagged_with_its_id(rulebook: Rulebook, suite: ScenarioSuite) -> None:
    report = coverage_report(rulebook, suite)
    missing = [f"{r.rule_id} ({r.family}.yaml: {r.title})" for r in report.rules if not r.covered]
    assert not missing, "rules without a scenario tagged with their id:\n  " + "\n  ".join(missing)


def test_every_scenario_tag_names_a_rule(rulebook: Rulebook, suite: ScenarioSuite) -> None:
    unknown = coverage_report(rulebook, suite).unknown_tags
    assert not unknown, f"tags that name no rule (allowed besides rule ids: {sorted(ALLOWED_TAGS)}):\n  " + "\n  ".join(
        str(t) for t in unknown
    )


def test_scenario_names_are_unique_within_a_feature_file(suite: ScenarioSuite) -> None:
    duplicates = coverage_report(Rulebook(rules=()), suite).duplicate_scenarios
    assert not duplicates, "scenario names repeated in one file (pytest-bdd runs only one):\n  " + "\n  ".join(
        str(s) for s in duplicates
    )


def test_the_suite_has_feature_files(suite: ScenarioSuite) -> None:
    assert suite.files, f"no feature files under {FEATURES_DIR}"
    assert all(s.line > 0 and s.name for s in suite.scenarios)


# --- How coverage is computed ------------------------------------------------------------------

SOURCES = """\
- id: "court_case"
  short: "Case"
  title: "A judgment"
  authority: "A court"
  kind: "judgment"
  date: 2020-01-02
- id: "an_act"
  short: "Act"
  title: "An act"
  authority: "A legislature"
  kind: "directive"
  date: 2020-01-01
- id: "unused"
  short: "Unused"
  title: "A source no rule cites"
  authority: "Someone"
  kind: "guidance"
  date: 2020-01-01
"""

RULES = """\
- id: AAA-001
  version: 1
  title: First rule
  basis: case_law
  principle: legality
  status: settled
  when:
    legal_basis.exists: {eq: false}
  then:
    effect: violation
    explanation: No legal basis.
  sources:
    - ref: court_case
      pinpoint: "para. 1"
      verified: true
- id: AAA-002
  version: 1
  title: Second rule
  basis: case_law
  principle: legality
  status: settled
  when:
    legal_basis.accessible: {eq: false}
  then:
    effect: violation
    explanation: Secret law.
  sources:
    - ref: an_act
      pinpoint: "Art. 2"
- id: AAA-003
  version: 1
  title: Third rule, in two versions
  basis: case_law
  principle: legality
  status: settled
  valid_to: 2020-12-31
  when:
    legal_basis.clear_and_precise: {eq: false}
  then:
    effect: violation
    explanation: Vague law.
  sources:
    - ref: court_case
      pinpoint: "para. 3"
- id: AAA-003
  version: 2
  title: Third rule, in two versions
  basis: case_law
  principle: legality
  status: settled
  valid_from: 2021-01-01
  when:
    legal_basis.clear_and_precise: {eq: false}
  then:
    effect: violation
    explanation: Vague law.
  sources:
    - ref: court_case
      pinpoint: "paras. 3-4"
      verified: true
"""

FEATURE = """\
@feature-wide
Feature: Sample
  Background:
    Given a measure of type "other"

  @end-to-end
  Scenario Outline: Tagged through its examples
    When it is assessed as of <date>

    @AAA-001
    Examples:
      | date       |
      | 2021-01-01 |

  @ZZZ-999
  Scenario: Tagged with a rule that does not exist
    When it is assessed

  @AAA-003
  Rule: A rule block whose tag its scenarios inherit
    Scenario: Inherits the rule-block tag
      When it is assessed

    @AAA-001
    Scenario: Own tag and inherited tag
      When it is assessed
"""


@pytest.fixture
def book(tmp_path: Path) -> Rulebook:
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "sources.yaml").write_text(SOURCES)
    add_law_tables(rules)
    (rules / "sample.yaml").write_text(RULES)
    return load_rulebook(rules)


def test_scenarios_inherit_rule_block_feature_and_examples_tags() -> None:
    suite = parse_feature_text(FEATURE, "sample.feature")
    by_name = {s.name: s for s in suite.scenarios}
    assert by_name["Inherits the rule-block tag"].tags == {"feature-wide", "AAA-003"}
    assert by_name["Inherits the rule-block tag"].rule_block == "A rule block whose tag its scenarios inherit"
    assert by_name["Own tag and inherited tag"].tags == {"feature-wide", "AAA-003", "AAA-001"}
    assert by_name["Tagged through its examples"].tags == {"feature-wide", "end-to-end", "AAA-001"}
    assert by_name["Tagged through its examples"].rule_block is None
    assert by_name["Own tag and inherited tag"].line == 25
    assert [t.tag for t in suite.tags] == ["feature-wide", "end-to-end", "AAA-001", "ZZZ-999", "AAA-003", "AAA-001"]


def test_rule_coverage_lists_the_scenarios_of_each_rule(book: Rulebook) -> None:
    report = coverage_report(book, parse_feature_text(FEATURE, "sample.feature"))
    scenarios = {r.rule_id: [s.name for s in r.scenarios] for r in report.rules}
    assert scenarios == {
        "AAA-001": ["Tagged through its examples", "Own tag and inherited tag"],
        "AAA-002": [],
        "AAA-003": ["Inherits the rule-block tag", "Own tag and inherited tag"],
    }
    assert report.uncovered == ("AAA-002",)
    assert not report.complete


def test_unknown_tags_are_reported_and_the_allow_list_is_respected(book: Rulebook) -> None:
    report = coverage_report(book, parse_feature_text(FEATURE, "sample.feature"))
    assert [(t.tag, t.line) for t in report.unknown_tags] == [("feature-wide", 1), ("ZZZ-999", 15)]
    relaxed = coverage_report(book, parse_feature_text(FEATURE, "x.feature"), allowed=ALLOWED_TAGS | {"feature-wide"})
    assert [t.tag for t in relaxed.unknown_tags] == ["ZZZ-999"]


def test_source_view_goes_from_sources_through_rules_to_scenarios(book: Rulebook) -> None:
    report = coverage_report(book, parse_feature_text(FEATURE, "sample.feature"))
    sources = {s.source_id: s for s in report.sources}
    case = sources["court_case"]
    assert [(c.rule_id, c.version, c.pinpoint, c.verified) for c in case.citing] == [
        ("AAA-001", 1, "para. 1", True),
        ("AAA-003", 1, "para. 3", False),
        ("AAA-003", 2, "paras. 3-4", True),
    ]
    assert case.date == dt.date(2020, 1, 2)
    assert [s.name for s in case.scenarios] == [
        "Tagged through its examples",
        "Own tag and inherited tag",
        "Inherits the rule-block tag",
    ]
    assert case.exercised
    assert sources["an_act"].cited
    assert not sources["an_act"].exercised
    assert not sources["unused"].cited
    assert not sources["unused"].exercised
    summary = report.summary
    assert (summary.rules_covered, summary.rules_total) == (2, 3)
    tables = 15  # sources cited only by the shipped law tables (tests/rulebook_fixtures.py)
    assert (summary.sources_exercised, summary.sources_cited, summary.sources_total) == (1, 2, 3 + tables)
    assert summary.line().startswith(f"rules covered 2/3; sources exercised 1/{3 + tables} (2 cited by rules);")


def test_duplicate_scenario_names_in_one_file_are_reported(book: Rulebook) -> None:
    text = "Feature: F\n  @AAA-001\n  Scenario: Same\n    When x\n  @AAA-002\n  Scenario: Same\n    When y\n"
    report = coverage_report(book, parse_feature_text(text, "dup.feature"))
    assert [s.line for s in report.duplicate_scenarios] == [3, 6]
    assert not report.complete


def test_a_complete_suite_is_complete(book: Rulebook) -> None:
    text = "Feature: F\n  @AAA-001 @AAA-002\n  Scenario: One\n    When x\n  @AAA-003\n  Scenario: Two\n    When y\n"
    report = coverage_report(book, parse_feature_text(text, "ok.feature"))
    assert report.complete
    data = report_to_data(report)
    assert json.loads(json.dumps(data))["summary"]["rules_covered"] == 3


def test_invalid_gherkin_names_the_file() -> None:
    with pytest.raises(FeatureParseError, match=r"broken\.feature"):
        parse_feature_text("Scenario: no feature line\n  When x\n", "broken.feature")


def test_parse_features_reads_every_file_under_a_directory(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.feature").write_text("Feature: A\n  @AAA-001\n  Scenario: One\n    When x\n")
    (tmp_path / "sub" / "b.feature").write_text("Feature: B\n  Scenario: Two\n    When y\n")
    (tmp_path / "empty.feature").write_text("# nothing here\n")
    suite = parse_features(tmp_path)
    assert suite.files == ("a.feature", "empty.feature", "sub/b.feature")
    assert [(s.feature, s.name) for s in suite.scenarios] == [("a.feature", "One"), ("sub/b.feature", "Two")]
