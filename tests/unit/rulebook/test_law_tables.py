"""The dated tables of law (rules/law/): validated like rules, inside the rulebook hash."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

import pytest

from art52.engine.reference import ReferenceBackend
from art52.errors import RulebookError
from art52.rulebook.loader import load_rulebook
from art52.services.assessments import Assessor

SHIPPED = Path(os.environ.get("ART52_RULES_DIR", Path(__file__).resolve().parents[3] / "rules"))
ACCESS_FOR_CRIME_IN_GENERAL = {
    "title": "Access to traffic data for any offence",
    "jurisdiction": "DE",
    "actor_model": "provider_obligation",
    "measure_type": "access_to_retained_data",
    "objective": "crime_general",
    "data": {"categories": ["traffic"]},
    "offence": {"serious_crime_threshold_years": 2.5},
}
ON = dt.date(2025, 1, 1)


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    return Path(shutil.copytree(SHIPPED, tmp_path / "rules"))


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def assess(directory: Path) -> tuple[str, dict[str, str], tuple[str, ...]]:
    assessment = Assessor(load_rulebook(directory), ReferenceBackend()).assess(ACCESS_FOR_CRIME_IN_GENERAL, ON)
    return assessment.rulebook_version, {f.rule_id: f.effect.value for f in assessment.findings}, assessment.warnings


def test_a_changed_objective_rank_changes_the_rulebook_version_and_the_result(copy: Path) -> None:
    version, effects, _ = assess(SHIPPED)
    assert effects["RET-011"] == "violation"
    edit(
        copy / "law" / "objective_ranks.yaml",
        "{objective: crime_general, rank: 2}",
        "{objective: crime_general, rank: 3}",
    )
    changed_version, changed_effects, _ = assess(copy)
    assert changed_version != version
    assert changed_effects["RET-011"] == "satisfied"


def test_a_changed_threshold_changes_the_rulebook_version_and_the_warning(copy: Path) -> None:
    version, _, warnings = assess(SHIPPED)
    assert any("below 3 years" in w for w in warnings)
    edit(copy / "law" / "legal_values.yaml", "value: 3", "value: 2")
    changed_version, _, changed_warnings = assess(copy)
    assert changed_version != version
    assert not any("serious crime is set below" in w for w in changed_warnings)


def test_a_changed_date_of_membership_changes_the_route(copy: Path) -> None:
    edit(copy / "law" / "eu_membership.yaml", "{state: DE, from: 1958-01-01}", "{state: DE, from: 2030-01-01}")
    version, effects, _ = assess(copy)
    assert version != load_rulebook(SHIPPED).version
    assert "RET-011" not in effects


def test_a_bad_table_entry_names_file_line_and_entry(copy: Path) -> None:
    edit(copy / "law" / "eu_membership.yaml", "{state: HR, from: 2013-07-01}", "{state: HR, from: 2013-02-30}")
    with pytest.raises(RulebookError) as caught:
        load_rulebook(copy)
    [issue] = caught.value.issues
    assert issue.file.endswith("eu_membership.yaml")
    assert issue.rule_id == "HR"
    lines = (copy / "law" / "eu_membership.yaml").read_text().splitlines()
    assert issue.line is not None
    assert "state: HR" in lines[issue.line - 1]


def test_a_missing_table_or_unknown_source_rejects_the_whole_rulebook(copy: Path) -> None:
    (copy / "law" / "legal_values.yaml").unlink()
    edit(copy / "law" / "instruments.yaml", "source: led\n", "source: no_such_act\n")
    with pytest.raises(RulebookError) as caught:
        load_rulebook(copy)
    messages = [i.message for i in caught.value.issues]
    assert "the table 'legal_values' is missing" in messages
    assert "unknown source 'no_such_act' (not in sources.yaml)" in messages


def test_overlapping_periods_of_one_state_are_rejected(copy: Path) -> None:
    edit(
        copy / "law" / "echr_parties.yaml",
        "{state: CH, from: 1974-11-28}",
        "{state: CH, from: 1974-11-28}\n  - {state: CH, from: 1990-01-01}",
    )
    with pytest.raises(RulebookError, match="periods of CH overlap from 1990-01-01"):
        load_rulebook(copy)


def test_every_objective_of_the_contract_has_a_rank(copy: Path) -> None:
    edit(copy / "law" / "objective_ranks.yaml", "  - {objective: ipr_enforcement_online, rank: 1}\n", "")
    with pytest.raises(RulebookError, match="the objective has no rank"):
        load_rulebook(copy)
