"""The static checks of ``art52 rules check``: conflicting rules, rules that can never fire, dating.

Each check is triggered by crafted rules in a temporary rules directory; the
shipped rulebook must pass them all.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path
from typing import Any

import pytest
import yaml
from rulebook_fixtures import add_law_tables

from art52.domain.derived_facts import fact_catalogue
from art52.errors import RulebookError, RuleIssue
from art52.rulebook.catalog import Rulebook
from art52.rulebook.conditions import parse_condition
from art52.rulebook.loader import load_rulebook
from art52.rulebook.schema import RuleSpec, build_rule
from art52.rulebook.static_checks import MAX_TERMS, normalise, static_issues, trigger_key, unsatisfiable

SOURCES = """\
- id: "a_source"
  short: "Source"
  title: "A source"
  authority: "A court"
  kind: "judgment"
  date: 1900-01-01
"""

FIELDS = fact_catalogue()


def rule(rule_id: str, when: Any, *, applies_to: Any = None, effect: str = "violation", **extra: Any) -> dict[str, Any]:
    """A valid rule as plain data."""
    data: dict[str, Any] = {
        "id": rule_id,
        "version": extra.pop("version", 1),
        "title": f"Rule {rule_id}",
        "basis": "case_law",
        "principle": "legality",
        "status": "settled",
        "valid_from": extra.pop("valid_from", "1900-01-01"),
        "when": when,
        "then": {"effect": effect, "explanation": "Because."},
        "sources": [{"ref": "a_source", "pinpoint": "para. 1"}],
    }
    if applies_to is not None:
        data["applies_to"] = applies_to
    data.update(extra)
    return data


def write_rules(directory: Path, *rules: dict[str, Any], name: str = "family.yaml") -> Path:
    directory.mkdir(exist_ok=True)
    (directory / "sources.yaml").write_text(SOURCES)
    add_law_tables(directory)
    path = directory / name
    path.write_text(yaml.safe_dump(list(rules), sort_keys=False))
    return path


def issues_for(tmp_path: Path, *rules: dict[str, Any]) -> list[RuleIssue]:
    write_rules(tmp_path / "rules", *rules)
    return static_issues(load_rulebook(tmp_path / "rules"))


def line_of_key(path: Path, rule_index: int, key: str) -> int:
    """1-based line of ``key`` in the rule at ``rule_index`` of a rule file."""
    node = yaml.compose(path.read_text())
    assert isinstance(node, yaml.SequenceNode)
    mapping = node.value[rule_index]
    return next(k.start_mark.line + 1 for k, _ in mapping.value if k.value == key)


# --- The shipped rulebook ------------------------------------------------------------------------


def test_the_shipped_rulebook_passes_every_static_check(rulebook: Rulebook) -> None:
    issues = static_issues(rulebook)
    assert not issues, "\n".join(str(i) for i in issues)


# --- Conflicting rules -----------------------------------------------------------------------------

OBJECTIVE_SCOPE = {"objective": {"eq": "crime_general"}}


def test_same_scope_and_condition_with_opposite_effects_conflict(tmp_path: Path) -> None:
    issues = issues_for(
        tmp_path,
        rule("AAA-001", {"legal_basis.exists": {"eq": False}}, applies_to=OBJECTIVE_SCOPE),
        rule("AAA-002", {"legal_basis.exists": {"eq": False}}, applies_to=OBJECTIVE_SCOPE, effect="satisfied"),
    )
    path = tmp_path / "rules" / "family.yaml"
    assert len(issues) == 1
    issue = issues[0]
    assert (issue.file, issue.line, issue.rule_id) == (str(path), line_of_key(path, 1, "then"), "AAA-002")
    assert "conflicting rules: AAA-002@1 and AAA-001@1" in issue.message
    assert "'then' concludes satisfied in AAA-002@1 but violation in AAA-001@1" in issue.message
    assert "from 1900-01-01 to open-ended" in issue.message
    assert str(issue).startswith(f"{path}:{issue.line} [AAA-002]: ")


def test_conflict_is_found_whatever_the_order_of_items_and_double_negations(tmp_path: Path) -> None:
    issues = issues_for(
        tmp_path,
        rule("AAA-001", {"all": [{"legal_basis.exists": {"eq": False}}, {"objective": {"eq": "crime_general"}}]}),
        rule(
            "AAA-002",
            {"all": [{"objective": {"eq": "crime_general"}}, {"not": {"not": {"legal_basis.exists": {"eq": False}}}}]},
            effect="satisfied",
        ),
    )
    assert [i.rule_id for i in issues] == ["AAA-002"]


def test_opposite_otherwise_branches_conflict(tmp_path: Path) -> None:
    issues = issues_for(
        tmp_path,
        rule("AAA-001", {"legal_basis.exists": {"eq": True}}, effect="condition"),
        rule(
            "AAA-002",
            {"legal_basis.exists": {"eq": True}},
            effect="condition",
            otherwise={"effect": "violation", "explanation": "No."},
        ),
    )
    assert len(issues) == 1
    assert "'otherwise' concludes violation in AAA-002@1 but satisfied in AAA-001@1" in issues[0].message


def test_rules_in_force_at_different_times_do_not_conflict(tmp_path: Path) -> None:
    when = {"legal_basis.exists": {"eq": False}}
    assert not issues_for(
        tmp_path,
        rule("AAA-001", when, valid_to="2020-12-31"),
        rule("AAA-002", when, effect="satisfied", valid_from="2021-01-01"),
    )


def test_rules_overlapping_in_time_conflict_for_the_common_period(tmp_path: Path) -> None:
    when = {"legal_basis.exists": {"eq": False}}
    issues = issues_for(
        tmp_path,
        rule("AAA-001", when, valid_to="2021-06-30"),
        rule("AAA-002", when, effect="satisfied", valid_from="2021-01-01"),
    )
    assert len(issues) == 1
    assert "from 2021-01-01 to 2021-06-30" in issues[0].message


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ({"legal_basis.exists": {"eq": False}}, {"legal_basis.accessible": {"eq": False}}),
        ({"legal_basis.exists": {"eq": False}}, {"legal_basis.exists": {"eq": True}}),
    ],
)
def test_different_conditions_do_not_conflict(tmp_path: Path, first: Any, second: Any) -> None:
    assert not issues_for(tmp_path, rule("AAA-001", first), rule("AAA-002", second, effect="satisfied"))


def test_a_condition_to_impose_does_not_conflict_with_a_violation(tmp_path: Path) -> None:
    when = {"legal_basis.exists": {"eq": False}}
    assert not issues_for(tmp_path, rule("AAA-001", when), rule("AAA-002", when, effect="condition"))


def test_canonical_form_keeps_the_meaning() -> None:
    raw = {"not": {"any": [{"objective": {"in": ["crime_general"]}}, {"retention.period_days": {"lt": 10}}]}}
    assert normalise(parse_condition(raw)) == normalise(
        parse_condition({"all": [{"retention.period_days": {"ge": 10}}, {"objective": {"not_in": ["crime_general"]}}]})
    )
    # all_of has no complementary operator: the negation stays around the leaf.
    negated = parse_condition({"not": {"data.categories": {"all_of": ["traffic"]}}})
    assert trigger_key(negated) == '{"not": {"data.categories": {"all_of": ["traffic"]}}}'


# --- Rules that can never fire ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("scope", "reason"),
    [
        ({"all": [{"objective": {"eq": "crime_general"}}, {"objective": {"eq": "serious_crime"}}]}, "do not intersect"),
        (
            {"all": [{"objective": {"in": ["crime_general", "terrorism"]}}, {"objective": {"in": ["serious_crime"]}}]},
            "sets that do not intersect",
        ),
        ({"retention.period_days": {"gt": 30, "lt": 10}}, "which no number is"),
        ({"retention.period_days": {"gt": 1, "lt": 2}}, "which no whole number is"),
        ({"offence.max_penalty_years": {"ge": 3, "lt": 3}}, "which no number is"),
        (
            {"all": [{"separation.ip_watertight": {"exists": True}}, {"separation.ip_watertight": {"missing": True}}]},
            "both stated (exists) and not stated (missing)",
        ),
        (
            {"all": [{"separation.ip_watertight": {"missing": True}}, {"separation.ip_watertight": {"eq": True}}]},
            "not stated (missing) and also tested for a value",
        ),
        ({"objective": {"eq": "terrorism", "ne": "terrorism"}}, "no value left"),
        ({"data.categories": {"all_of": ["traffic"], "none_of": ["traffic", "content"]}}, "must contain and must not"),
        ({"data.categories": {"eq": ["traffic"], "any_of": ["content"]}}, "is required to equal [traffic]"),
        (
            {"all": [{"data.categories": {"eq": ["traffic"]}}, {"data.categories": {"eq": ["location"]}}]},
            "equal two different lists",
        ),
        (
            {"data.categories": {"all_of": ["traffic", "content"], "subset_of": ["traffic", "location"]}},
            "must contain [content], which it may not",
        ),
        ({"data.categories": {"any_of": ["content"], "subset_of": ["traffic"]}}, "none of which it may contain"),
        (
            {
                "all": [
                    {"data.categories": {"all_of": ["traffic", "location"]}},
                    {"not": {"data.categories": {"all_of": ["traffic"]}}},
                ]
            },
            "and also not all of them",
        ),
        (
            {
                "all": [
                    {"data.categories": {"subset_of": ["traffic"]}},
                    {"not": {"data.categories": {"subset_of": ["traffic", "location"]}}},
                ]
            },
            "outside [location, traffic]",
        ),
        (
            {"all": [{"objective": {"eq": "terrorism"}}, {"not": {"objective": {"in": ["terrorism", "other"]}}}]},
            "no value left",
        ),
        (
            {
                "any": [
                    {"objective": {"eq": "terrorism", "ne": "terrorism"}},
                    {"retention.period_days": {"lt": 0, "gt": 0}},
                ]
            },
            "each of its 2 alternatives is contradictory",
        ),
        ({"all": [{"legal_basis.exists": {"ne": True}}, {"legal_basis.exists": {"ne": False}}]}, "no value left"),
    ],
)
def test_a_scope_that_can_never_be_true_is_reported(tmp_path: Path, scope: Any, reason: str) -> None:
    issues = issues_for(tmp_path, rule("AAA-001", {"legal_basis.exists": {"eq": False}}, applies_to=scope))
    path = tmp_path / "rules" / "family.yaml"
    assert len(issues) == 1, issues
    issue = issues[0]
    assert (issue.rule_id, issue.file, issue.line) == ("AAA-001", str(path), line_of_key(path, 0, "applies_to"))
    assert issue.message.startswith("AAA-001@1 can never apply: its scope (applies_to) can never be true")
    assert reason in issue.message


def test_a_condition_that_can_never_hold_within_the_scope_is_reported(tmp_path: Path) -> None:
    issues = issues_for(
        tmp_path,
        rule("AAA-001", {"objective": {"eq": "crime_general"}}, applies_to={"objective": {"eq": "serious_crime"}}),
    )
    path = tmp_path / "rules" / "family.yaml"
    assert len(issues) == 1
    issue = issues[0]
    assert (issue.line, issue.rule_id) == (line_of_key(path, 0, "when"), "AAA-001")
    assert "can never fire its 'then' (violation)" in issue.message


@pytest.mark.parametrize(
    "condition",
    [
        {"objective": {"eq": "terrorism", "ne": "serious_crime"}},
        {"retention.period_days": {"ge": 3, "le": 3}},
        {"offence.max_penalty_years": {"gt": 2, "lt": 3}},
        {"any": [{"objective": {"eq": "terrorism", "ne": "terrorism"}}, {"objective": {"eq": "serious_crime"}}]},
        {"data.categories": {"all_of": ["traffic"], "any_of": ["traffic", "content"], "none_of": ["location"]}},
        {
            "all": [
                {"data.categories": {"eq": ["traffic", "location"]}},
                {"not": {"data.categories": {"all_of": ["content"]}}},
            ]
        },
        {"all": [{"separation.ip_watertight": {"missing": True}}, {"objective": {"eq": "terrorism"}}]},
        {"not": {"all": [{"objective": {"eq": "terrorism"}}, {"objective": {"eq": "serious_crime"}}]}},
        {"all": [{"scope": {"eq": "targeted"}}, {"data.subjects_scope": {"eq": "all_users"}}]},
    ],
)
def test_satisfiable_conditions_are_not_reported(condition: Any) -> None:
    assert unsatisfiable(parse_condition(condition), FIELDS) is None


def test_the_check_gives_up_rather_than_guess_on_huge_conditions() -> None:
    alternatives = [
        {"any": [{"retention.period_days": {"eq": i}}, {"retention.period_days": {"eq": i + 100}}]} for i in range(13)
    ]
    assert MAX_TERMS < 2**13
    contradictory = {"all": [*alternatives, {"retention.period_days": {"missing": True}}]}
    assert unsatisfiable(parse_condition(contradictory), FIELDS) is None
    small = {"all": [*alternatives[:3], {"retention.period_days": {"missing": True}}]}
    assert unsatisfiable(parse_condition(small), FIELDS) is not None


# --- Dated versions (the loader's check, reused) ---------------------------------------------------


def test_overlapping_versions_are_rejected_by_the_loader(tmp_path: Path) -> None:
    when = {"legal_basis.exists": {"eq": False}}
    write_rules(
        tmp_path / "rules",
        rule("AAA-001", when, version=1, valid_to="2021-01-31"),
        rule("AAA-001", when, version=2, valid_from="2021-01-01"),
    )
    with pytest.raises(RulebookError) as raised:
        load_rulebook(tmp_path / "rules")
    assert any("versions 1 and 2 are both in force on 2021-01-01" in i.message for i in raised.value.issues)


def _built(data: dict[str, Any], line: int) -> Any:
    return build_rule(RuleSpec.model_validate(data), "family", "family.yaml", line)


def test_static_checks_report_overlaps_and_gaps_of_an_in_memory_rulebook() -> None:
    when = {"legal_basis.exists": {"eq": False}}
    overlapping = Rulebook(
        rules=(
            _built(rule("AAA-001", when, version=1, valid_to=dt.date(2021, 1, 31)), 1),
            _built(rule("AAA-001", when, version=2, valid_from=dt.date(2021, 1, 1)), 20),
        )
    )
    messages = [str(i) for i in static_issues(overlapping)]
    assert messages == ["family.yaml:20 [AAA-001]: versions 1 and 2 are both in force on 2021-01-01"]
    gapped = Rulebook(
        rules=(
            _built(rule("AAA-001", when, version=1, valid_to=dt.date(2020, 12, 31)), 1),
            _built(rule("AAA-001", when, version=2, valid_from=dt.date(2021, 2, 1)), 20),
        )
    )
    messages = [str(i) for i in static_issues(gapped)]
    assert messages == ["family.yaml:20 [AAA-001]: gap between versions 1 and 2: nothing in force from 2021-01-01"]


def test_issues_are_ordered_by_file_and_line(tmp_path: Path) -> None:
    write_rules(
        tmp_path / "rules", rule("BBB-001", {"objective": {"eq": "terrorism", "ne": "terrorism"}}), name="b.yaml"
    )
    write_rules(
        tmp_path / "rules", rule("AAA-001", {"objective": {"eq": "terrorism", "ne": "terrorism"}}), name="a.yaml"
    )
    issues = static_issues(load_rulebook(tmp_path / "rules"))
    assert [i.rule_id for i in issues] == ["AAA-001", "BBB-001"]
    assert all(i.line is not None for i in issues)


def test_a_rule_file_written_by_hand_points_at_the_right_lines(tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "sources.yaml").write_text(SOURCES)
    add_law_tables(rules)
    (rules / "hand.yaml").write_text(
        textwrap.dedent(
            """\
            # A comment line
            - id: AAA-001
              version: 1
              title: Fine
              basis: case_law
              principle: legality
              status: settled
              valid_from: 1900-01-01
              when: {legal_basis.exists: {eq: false}}
              then: {effect: violation, explanation: x}
              sources: [{ref: a_source, pinpoint: p}]

            - id: AAA-002
              version: 1
              title: Never fires
              basis: case_law
              principle: legality
              status: settled
              valid_from: 1900-01-01
              applies_to:
                objective: {eq: terrorism}
              when:
                all:
                  - objective: {eq: crime_general}
              then: {effect: violation, explanation: x}
              sources: [{ref: a_source, pinpoint: p}]
            """
        )
    )
    (issue,) = static_issues(load_rulebook(rules))
    assert (issue.rule_id, issue.line) == ("AAA-002", 22)


def test_a_version_in_force_before_all_its_sources_is_reported(tmp_path: Path) -> None:
    issues = issues_for(
        tmp_path,
        rule("AAA-001", {"legal_basis.exists": {"eq": False}}, valid_from="1899-12-31"),
        rule("AAA-002", {"legal_basis.exists": {"eq": False}}, valid_from=None),
        rule("AAA-003", {"legal_basis.exists": {"eq": False}}, valid_from="1900-01-01"),
    )
    dated = {i.rule_id: i.message for i in issues if "none of its sources existed" in i.message}
    assert dated == {
        "AAA-001": "version 1 is in force from 1899-12-31, but none of its sources existed before 1900-01-01",
        "AAA-002": (
            "version 1 is in force on every date (no valid_from), but none of its sources existed before 1900-01-01"
        ),
    }


def test_the_shipped_rulebook_has_no_version_older_than_its_law() -> None:
    from art52.rulebook.source_dating import undated_versions

    shipped = Path(__file__).resolve().parents[2] / "rules"
    assert undated_versions(load_rulebook(shipped)) == []
