"""Comparing an assessment of record with the candidate's: what changed, and which rule versions caused it."""

from __future__ import annotations

from typing import Any

from art52.domain.impact import ImpactKind, compare, group_by_rules


def result(verdict: str, outcomes: dict[str, str], findings: list[tuple[str, int, str]]) -> dict[str, Any]:
    return {
        "verdict": verdict,
        "principles": {name: {"outcome": outcome} for name, outcome in outcomes.items()},
        "findings": [{"rule_id": r, "rule_version": v, "effect": e} for r, v, e in findings],
    }


BEFORE = result("compliant", {"necessity": "satisfied"}, [("RET-011", 1, "satisfied"), ("LEG-001", 1, "satisfied")])


def test_the_same_result_is_unchanged() -> None:
    assert compare("m", "org", BEFORE, BEFORE).kind is ImpactKind.UNCHANGED


def test_a_finding_whose_effect_changes_names_its_rule_version_as_the_cause() -> None:
    after = result(
        "non_compliant", {"necessity": "not_satisfied"}, [("RET-011", 1, "violation"), ("LEG-001", 1, "satisfied")]
    )
    impact = compare("m", "org", BEFORE, after)
    assert impact.kind is ImpactKind.CHANGED
    assert (impact.previous_verdict, impact.verdict) == ("compliant", "non_compliant")
    assert impact.principles == ("necessity",)
    assert impact.findings_added == ("RET-011@1:violation",)
    assert impact.findings_removed == ("RET-011@1:satisfied",)
    assert impact.rules == ("RET-011@1",)


def test_a_new_rule_version_with_the_same_effect_is_still_a_change_of_the_findings() -> None:
    after = result("compliant", {"necessity": "satisfied"}, [("RET-011", 2, "satisfied"), ("LEG-001", 1, "satisfied")])
    impact = compare("m", "org", BEFORE, after)
    assert impact.kind is ImpactKind.CHANGED
    assert impact.rules == ("RET-011@1", "RET-011@2")
    assert impact.principles == ()


def test_a_measure_without_an_assessment_of_record_is_reported_as_such() -> None:
    assert compare("m", "org", None, BEFORE).kind is ImpactKind.NOT_ASSESSED_BEFORE


def test_changes_are_grouped_by_their_causes_largest_group_first() -> None:
    changed = result("compliant", {"necessity": "satisfied"}, [("RET-011", 2, "satisfied")])
    other = result("compliant", {"necessity": "satisfied"}, [("RET-011", 1, "satisfied")])
    impacts = [compare("a", "o", BEFORE, changed), compare("b", "o", BEFORE, other), compare("c", "o", BEFORE, changed)]
    groups = group_by_rules(impacts)
    assert [(g.rules, g.measures) for g in groups] == [
        (("LEG-001@1", "RET-011@1", "RET-011@2"), ("a", "c")),
        (("LEG-001@1",), ("b",)),
    ]
