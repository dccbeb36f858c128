"""``art52 rules check`` and ``art52 rules coverage``: exit codes and output.

``rules check`` on the shipped rules directory runs with every ``make test``,
so a rulebook that fails validation or a static check breaks the build.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from contract_files import REPO
from rulebook_fixtures import add_law_tables

from art52.cli import EX_CONFIG, EX_DATAERR, EX_NOINPUT, EX_USAGE, main

SHIPPED_RULES = REPO / "rules"
SHIPPED_FEATURES = REPO / "features"

SOURCES = """\
- id: "a_source"
  short: "Source"
  title: "A source"
  authority: "A court"
  kind: "judgment"
  date: 1900-01-01
  identifier: "ECLI:XX:0000:1"
- id: "b_source"
  short: "Other"
  title: "Another source"
  authority: "A legislature"
  kind: "directive"
  date: 1900-01-01
"""


def rule(rule_id: str, when: Any, *, effect: str = "violation", ref: str = "a_source", **extra: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": rule_id,
        "version": 1,
        "title": f"Rule {rule_id}",
        "basis": "case_law",
        "principle": "legality",
        "status": "settled",
        "valid_from": extra.pop("valid_from", "1900-01-01"),
        "when": when,
        "then": {"effect": effect, "explanation": "Because."},
        "sources": [{"ref": ref, "pinpoint": "para. 7", "verified": True}],
    }
    data.update(extra)
    return data


def rules_dir(tmp_path: Path, *rules: dict[str, Any]) -> Path:
    directory = tmp_path / "rules"
    directory.mkdir(parents=True)
    (directory / "sources.yaml").write_text(SOURCES)
    add_law_tables(directory)
    (directory / "family.yaml").write_text(yaml.safe_dump(list(rules), sort_keys=False))
    return directory


def features_dir(tmp_path: Path, text: str) -> Path:
    directory = tmp_path / "features"
    directory.mkdir(parents=True)
    (directory / "family.feature").write_text(text)
    return directory


TWO_RULES = (
    rule("AAA-001", {"legal_basis.exists": {"eq": False}}),
    rule("AAA-002", {"legal_basis.accessible": {"eq": False}}, ref="b_source"),
)
ONE_COVERED = """\
Feature: Sample
  Rule: The first rule
    @AAA-001
    Scenario: A measure without a legal basis
      When it is assessed
"""
BOTH_COVERED = (
    ONE_COVERED
    + """
    @AAA-002
    Scenario: A measure resting on secret rules
      When it is assessed
"""
)


# --- rules check -----------------------------------------------------------------------------------


def test_rules_check_passes_on_the_shipped_rulebook(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["rules", "check", "--rules", str(SHIPPED_RULES)])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert out.startswith("OK: ")
    assert "rulebook sha256:" in out


def test_rules_check_passes_on_a_clean_rulebook(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "check", "--rules", str(rules_dir(tmp_path, *TWO_RULES))]) == 0
    # The two sources of the rules, and those the shipped law tables cite.
    assert "OK: 2 rule versions, 17 sources" in capsys.readouterr().out


def test_rules_check_fails_on_conflicting_rules(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    when = {"legal_basis.exists": {"eq": False}}
    directory = rules_dir(tmp_path, rule("AAA-001", when), rule("AAA-002", when, effect="satisfied"))
    assert main(["rules", "check", "--rules", str(directory)]) == EX_CONFIG
    out, err = capsys.readouterr()
    assert out == ""
    assert "the rulebook is invalid (1 issues)" in err
    assert f"{directory / 'family.yaml'}:" in err
    assert "[AAA-002]: conflicting rules: AAA-002@1 and AAA-001@1" in err


def test_rules_check_fails_on_a_rule_that_can_never_fire(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    never = rule("AAA-001", {"retention.period_days": {"gt": 30, "lt": 10}})
    directory = rules_dir(tmp_path, never)
    assert main(["rules", "check", "--rules", str(directory)]) == EX_CONFIG
    err = capsys.readouterr().err
    assert "[AAA-001]: AAA-001@1 can never fire its 'then' (violation)" in err
    assert "'retention.period_days' is required to be > 30 and < 10, which no number is" in err


def test_rules_check_reports_loader_errors_with_file_line_and_rule(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    directory = rules_dir(tmp_path, rule("AAA-001", {"no_such.fact": {"eq": True}}))
    assert main(["rules", "check", "--rules", str(directory)]) == EX_CONFIG
    err = capsys.readouterr().err
    assert f"{directory / 'family.yaml'}:" in err
    assert "[AAA-001]: unknown fact 'no_such.fact'" in err


# --- rules coverage --------------------------------------------------------------------------------


def coverage(tmp_path: Path, feature: str, *extra: str) -> list[str]:
    return [
        "rules",
        "coverage",
        "--rules",
        str(rules_dir(tmp_path, *TWO_RULES)),
        "--features",
        str(features_dir(tmp_path, feature)),
        *extra,
    ]


def test_coverage_prints_rules_sources_and_summary(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(coverage(tmp_path, ONE_COVERED)) == 0
    out = capsys.readouterr().out
    assert "AAA-001  Rule AAA-001  [family]  1 scenario\n    family.feature:4  A measure without a legal basis" in out
    assert "AAA-002  Rule AAA-002  [family]  NO SCENARIO" in out
    assert "a_source  Source (ECLI:XX:0000:1, 1900-01-01)  exercised" in out
    assert "    AAA-001 v1  para. 7  [verified]  1 scenarios" in out
    assert "b_source  Other (1900-01-01)  NOT EXERCISED" in out
    assert "Rules without a scenario: AAA-002" in out
    assert "Summary: rules covered 1/2; sources exercised 1/17 (2 cited by rules);" in out


def test_coverage_in_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(coverage(tmp_path, ONE_COVERED, "--format", "json")) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["summary"]["rules_covered"] == 1
    assert data["rules"][0]["scenarios"] == [
        {
            "feature": "family.feature",
            "line": 4,
            "name": "A measure without a legal basis",
            "rule_block": "The first rule",
        }
    ]
    assert [s["source_id"] for s in data["sources"] if s["exercised"]] == ["a_source"]


def test_coverage_strict_fails_until_every_rule_has_a_scenario(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(coverage(tmp_path / "one", ONE_COVERED, "--strict")) == 1
    assert main(coverage(tmp_path / "both", BOTH_COVERED, "--strict")) == 0
    assert "rules covered 2/2" in capsys.readouterr().out


def test_coverage_strict_fails_on_a_tag_naming_no_rule(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = BOTH_COVERED + "\n    @AAA-009\n    Scenario: A rule that does not exist\n      When it is assessed\n"
    assert main(coverage(tmp_path, text, "--strict")) == 1
    assert "Tags that name no rule\n    family.feature:" in capsys.readouterr().out


def test_coverage_accepts_the_end_to_end_tag(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = BOTH_COVERED + "\n    @end-to-end @AAA-001\n    Scenario: A whole measure\n      When it is assessed\n"
    assert main(coverage(tmp_path, text, "--strict")) == 0
    assert "0 unknown tags" in capsys.readouterr().out


def test_coverage_without_the_features_directory(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["rules", "coverage", "--rules", str(rules_dir(tmp_path, *TWO_RULES)), "--features", str(tmp_path / "no")]
    assert main(args) == EX_NOINPUT
    assert "no such features directory" in capsys.readouterr().err


def test_coverage_with_an_invalid_feature_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(coverage(tmp_path, "Scenario: without a feature\n  When x\n")) == EX_DATAERR
    assert "family.feature: not valid Gherkin" in capsys.readouterr().err


def test_coverage_with_an_unknown_format(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(coverage(tmp_path, ONE_COVERED, "--format", "xml")) == EX_USAGE
    assert "--format must be text or json" in capsys.readouterr().err


def test_coverage_of_the_shipped_rulebook_and_features(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["rules", "coverage", "--rules", str(SHIPPED_RULES), "--features", str(SHIPPED_FEATURES)])
    out = capsys.readouterr().out
    assert code == 0
    assert "Rules and the scenarios that exercise them" in out
    assert "Legal sources, the rules citing them, and the scenarios exercising those rules" in out
    assert "\nSummary: rules covered " in out
