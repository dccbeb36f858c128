"""The loader validates everything first and names file, line and rule id."""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

import pytest
from rulebook_fixtures import add_law_tables

from art52.errors import RulebookError
from art52.rulebook.loader import load_rulebook

SOURCES = """\
- id: src_a
  short: Source A
  title: Source A v B
  authority: Court
  kind: judgment
  date: 2020-01-01
  verified: true
"""

GOOD_RULE = """\
- id: TST-001
  version: 1
  title: A test rule
  basis: case_law
  principle: legality
  status: settled
  when:
    legal_basis.exists: {eq: false}
  then:
    effect: violation
    explanation: No legal basis.
  sources:
    - ref: src_a
      pinpoint: "para. 1"
"""


def write_rules(tmp_path: Path, files: dict[str, str], sources: str = SOURCES) -> Path:
    (tmp_path / "sources.yaml").write_text(sources)
    for name, text in files.items():
        (tmp_path / name).write_text(textwrap.dedent(text))
    return add_law_tables(tmp_path)


def issues_of(directory: Path) -> list[tuple[str, int | None, str | None, str]]:
    with pytest.raises(RulebookError) as caught:
        load_rulebook(directory)
    return [(Path(i.file).name, i.line, i.rule_id, i.message) for i in caught.value.issues]


def test_a_valid_rulebook_loads(tmp_path: Path) -> None:
    book = load_rulebook(write_rules(tmp_path, {"legality.yaml": GOOD_RULE}))
    assert [r.key for r in book.rules] == ["TST-001@1"]
    assert book.rules[0].family == "legality"
    assert book.citations(book.rules[0])[0].short == "Source A"


@pytest.mark.parametrize(
    ("replace", "by", "line", "message"),
    [
        ("  title: A test rule\n", "  title: A test rule\n  colour: red\n", 4, "colour: unknown field"),
        ("legal_basis.exists", "legal_basis.exist", 8, "unknown fact 'legal_basis.exist'"),
        ("{eq: false}", "{eq: 3}", 8, "is a boolean"),
        ("{eq: false}", "{regex: x}", 8, "unknown operator 'regex'"),
        ("ref: src_a", "ref: src_b", 13, "unknown source 'src_b'"),
        ("effect: violation", "effect: fatal", 10, "then.effect"),
        ("version: 1", "version: 0", 2, "version"),
        ("  basis: case_law\n", "", 1, "basis: Field required"),
        ("basis: case_law", "basis: opinion", 4, "basis"),
        ("  status: settled\n", "  status: settled\n  valid_from: 2024-02-30\n", 7, "valid_from"),
    ],
)
def test_errors_name_file_line_and_rule(tmp_path: Path, replace: str, by: str, line: int, message: str) -> None:
    found = issues_of(write_rules(tmp_path, {"legality.yaml": GOOD_RULE.replace(replace, by)}))
    assert len(found) == 1, found
    name, got_line, rule_id, text = found[0]
    assert (name, rule_id) == ("legality.yaml", "TST-001")
    assert got_line == line
    assert message in text


def test_enum_values_are_checked_against_the_contract(tmp_path: Path) -> None:
    rule = GOOD_RULE.replace("legal_basis.exists: {eq: false}", "objective: {in: [serious_crime, petty_crime]}")
    [(_, _, _, message)] = issues_of(write_rules(tmp_path, {"legality.yaml": rule}))
    assert "'petty_crime' is not an allowed value of 'objective'" in message


def test_operator_must_suit_the_field(tmp_path: Path) -> None:
    rule = GOOD_RULE.replace("legal_basis.exists: {eq: false}", "data.categories: {gt: 3}")
    [(_, _, _, message)] = issues_of(write_rules(tmp_path, {"legality.yaml": rule}))
    assert "operator 'gt' does not apply to 'data.categories'" in message


def test_duplicate_ids_and_overlapping_versions_are_rejected(tmp_path: Path) -> None:
    found = issues_of(write_rules(tmp_path, {"a.yaml": GOOD_RULE, "b.yaml": GOOD_RULE}))
    assert any("duplicate rule id and version 1" in m for *_, m in found)
    dated = GOOD_RULE.replace("status: settled", "status: settled\n  valid_to: 2024-04-29")
    later = GOOD_RULE.replace("version: 1", "version: 2").replace(
        "status: settled", "status: settled\n  valid_from: 2024-04-01"
    )
    found = issues_of(write_rules(tmp_path, {"a.yaml": dated, "b.yaml": later}))
    assert any("both in force on 2024-04-01" in m for *_, m in found)
    gap = later.replace("2024-04-01", "2024-06-01")
    found = issues_of(write_rules(tmp_path, {"a.yaml": dated, "b.yaml": gap}))
    assert any("gap between versions 1 and 2" in m for *_, m in found)


def test_invalid_yaml_names_the_line(tmp_path: Path) -> None:
    [(name, line, _, message)] = issues_of(write_rules(tmp_path, {"bad.yaml": GOOD_RULE + "  - [unclosed\n"}))
    assert name == "bad.yaml"
    assert line is not None
    assert "invalid YAML" in message


def test_one_bad_rule_rejects_the_whole_rulebook(tmp_path: Path) -> None:
    bad = GOOD_RULE.replace("TST-001", "TST-002").replace("ref: src_a", "ref: nowhere")
    with pytest.raises(RulebookError) as caught:
        load_rulebook(write_rules(tmp_path, {"a.yaml": GOOD_RULE, "b.yaml": bad}))
    assert [i.rule_id for i in caught.value.issues] == ["TST-002"]


def test_every_issue_is_reported_not_only_the_first(tmp_path: Path) -> None:
    bad = GOOD_RULE.replace("legal_basis.exists", "nope").replace("ref: src_a", "ref: nowhere")
    assert len(issues_of(write_rules(tmp_path, {"a.yaml": bad}))) == 2


def test_dated_versions_in_force(tmp_path: Path) -> None:
    first = GOOD_RULE.replace("status: settled", "status: settled\n  valid_to: 2024-04-29")
    second = GOOD_RULE.replace("version: 1", "version: 2").replace(
        "status: settled", "status: provisional\n  valid_from: 2024-04-30"
    )
    book = load_rulebook(write_rules(tmp_path, {"a.yaml": first + second}))
    assert [r.key for r in book.in_force(dt.date(2024, 4, 29))] == ["TST-001@1"]
    assert [r.key for r in book.in_force(dt.date(2024, 4, 30))] == ["TST-001@2"]


def test_content_hash_tracks_meaning_not_formatting(tmp_path: Path) -> None:
    one_dir = tmp_path / "one"
    one_dir.mkdir()
    one = load_rulebook(write_rules(one_dir, {"a.yaml": GOOD_RULE}))
    reformatted = "# a comment\n" + GOOD_RULE.replace("{eq: false}", "\n      eq: false")
    two_dir = tmp_path / "two"
    two_dir.mkdir()
    two = load_rulebook(write_rules(two_dir, {"a.yaml": reformatted}))
    assert one.version == two.version
    changed_dir = tmp_path / "three"
    changed_dir.mkdir()
    changed = load_rulebook(write_rules(changed_dir, {"a.yaml": GOOD_RULE.replace("No legal basis.", "None.")}))
    assert changed.version != one.version
    assert one.version.startswith("sha256:")


def test_the_rules_in_force_remembered_per_period_are_those_in_force_on_each_day() -> None:
    from conftest import RULES_DIR

    from art52.domain.perspective import Perspective

    book = load_rulebook(RULES_DIR)
    days = {day + dt.timedelta(days=shift) for day in book._changes for shift in (-1, 0, 1)}
    days |= {dt.date(1950, 1, 1), dt.date(2100, 1, 1)}
    for day in sorted(days) * 2:  # the second pass reads what the first remembered
        for perspective in (Perspective.ISSUING, Perspective.ENFORCING, None):
            expected = sorted(
                (r for r in book.rules if r.in_force(day) and (perspective is None or r.perspective is perspective)),
                key=lambda r: r.id,
            )
            assert book.in_force(day, perspective) == tuple(expected), (day, perspective)
