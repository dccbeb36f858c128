"""The what-if comparison: what changes between two assessments, part by part."""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from art52.bootstrap import build_assessor
from art52.config import Settings
from art52.reasoning.diff import diff_assessments
from art52.report.diff import diff_markdown, diff_summary
from art52.services.assessments import Assessor


@pytest.fixture(scope="module")
def assessor() -> Assessor:
    return build_assessor(Settings(engine="reference"))


def _example(examples_dir: Path, prefix: str) -> dict[str, Any]:
    path = next(examples_dir.glob(f"{prefix}-*.json"))
    loaded: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return loaded


def test_the_same_measure_changes_nothing(assessor: Assessor, examples_dir: Path) -> None:
    measure = _example(examples_dir, "ex01")
    result = diff_assessments(assessor.assess(measure), assessor.assess(copy.deepcopy(measure)))
    assert not result.changed
    assert not result.verdict.changed
    assert result.principles == result.findings_added == result.findings_removed == ()
    assert result.findings_changed == result.questions_opened == result.questions_closed == ()
    assert diff_summary(result).endswith("nothing changed.")


def test_a_judge_instead_of_a_court_and_a_missing_fact(assessor: Assessor, examples_dir: Path) -> None:
    old = _example(examples_dir, "ex01")
    new = copy.deepcopy(old)
    new["access"]["limited_to_serious_crime"] = False
    del new["remedy"]["available"]
    before, after = assessor.assess(old), assessor.assess(new)
    result = diff_assessments(before, after)
    assert result.changed
    assert result.verdict.old is before.verdict
    assert result.verdict.new is after.verdict
    assert result.verdict.changed is (before.verdict != after.verdict or before.verdict_range != after.verdict_range)
    moved = {c.principle for c in result.principles}
    assert moved == {p for p in before.principles if before.principles[p].outcome != after.principles[p].outcome}
    assert "remedy.available" in {q.path for q in result.questions_opened}
    old_rules = {f.rule_id: f for f in before.findings}
    for change in result.findings_changed:
        assert change.old_effect is old_rules[change.rule_id].effect
        assert change.changed
    assert {f.rule_id for f in result.findings_added} == {f.rule_id for f in after.findings} - set(old_rules)
    assert {f.rule_id for f in result.findings_removed} == set(old_rules) - {f.rule_id for f in after.findings}
    assert any(f.effect.value == "violation" for f in after.findings if f.rule_id not in old_rules) or any(
        c.new_effect.value == "violation" for c in result.findings_changed
    )


def test_one_measure_on_two_legal_dates(assessor: Assessor, examples_dir: Path) -> None:
    measure = _example(examples_dir, "ex04")
    early, late = dt.date(2012, 1, 1), dt.date(2025, 6, 1)
    result = diff_assessments(assessor.assess(measure, as_of=early), assessor.assess(measure, as_of=late))
    assert (result.old.as_of, result.new.as_of) == (early, late)
    assert result.changed
    assert result.findings_added or result.findings_removed or result.findings_changed


def test_markdown_names_each_kind_of_change(assessor: Assessor, examples_dir: Path) -> None:
    old = _example(examples_dir, "ex01")
    new = copy.deepcopy(old)
    new["access"]["limited_to_serious_crime"] = False
    del new["remedy"]["available"]
    result = diff_assessments(assessor.assess(old), assessor.assess(new))
    text = diff_markdown(result)
    assert text.startswith("# What changes")
    assert "## Questions opened" in text
    assert "`remedy.available`" in text
    if result.verdict.old != result.verdict.new:
        assert "→" in text.splitlines()[5]
