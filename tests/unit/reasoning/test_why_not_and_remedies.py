"""Why not and minimal remedies: what keeps a measure from compliance, and verified changes that lift it."""

from __future__ import annotations

import json
from typing import Any

import pytest

from art52.config import default_examples_dir
from art52.domain.derived_facts import DERIVED_INPUTS
from art52.domain.principles import Effect, Outcome, Verdict
from art52.reasoning.remedies import Bounds, apply_changes
from art52.services.assessments import Assessor
from art52.services.decision_aid import explain

EXAMPLES = sorted(p.name for p in default_examples_dir().glob("*.json"))
# Contract fields some derived fact is computed from: changing one alone also moves that derived fact.
READ_BY_DERIVED = {path for inputs in DERIVED_INPUTS.values() for path in inputs}


def example(name: str) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((default_examples_dir() / name).read_text())
    return loaded


def test_without_the_request_the_assessment_json_has_no_decision_aid(reference_assessor: Assessor) -> None:
    data = json.loads(reference_assessor.assess(example("ex13-dna-database-not-convicted.json")).to_json())
    assert "remedies" not in data
    assert "why_not" not in data


def test_why_not_names_the_rule_its_facts_and_the_values_that_meet_it(reference_assessor: Assessor) -> None:
    explained = explain(reference_assessor, example("ex13-dna-database-not-convicted.json"))
    assert explained.why_not is not None
    (proportionality,) = [w for w in explained.why_not if w.principle.value == "proportionality"]
    assert proportionality.outcome is Outcome.NOT_SATISFIED
    (bio,) = proportionality.rules
    assert (bio.rule_id, bio.effect) == ("BIO-001", Effect.VIOLATION)
    flips = {f.path: f.flips_with for f in bio.facts}
    assert flips["retention.periodic_review"] == (True,)
    assert flips["retention.period_unlimited"] == (False,)


@pytest.mark.parametrize("name", EXAMPLES)
def test_each_flip_of_an_input_fact_alone_meets_the_rule(reference_assessor: Assessor, name: str) -> None:
    """An independent check of why-not: set the value in the measure, assess it whole, read the rule's finding."""
    document = example(name)
    explained = explain(reference_assessor, document, bounds=Bounds(max_assessments=0))
    checked = 0
    for principle in explained.why_not or ():
        for rule in principle.rules:
            for fact in rule.facts:
                if fact.derived or fact.path in READ_BY_DERIVED or fact.value is None:
                    continue
                for value in fact.flips_with:
                    after = reference_assessor.assess(apply_changes(document, [(fact.path, value)]), explained.as_of)
                    effects = {f.effect for f in after.findings if f.rule_id == rule.rule_id}
                    assert effects == {Effect.SATISFIED}, (rule.rule_id, fact.path, value)
                    checked += 1
    assert checked or not explained.why_not or name != "ex13-dna-database-not-convicted.json"


def test_a_breach_of_the_essence_has_no_remedy_and_says_why(reference_assessor: Assessor) -> None:
    explained = explain(reference_assessor, example("ex09-client-side-scanning.json"))
    assert explained.remedies is not None
    assert explained.remedies.sets == ()
    assert explained.remedies.reason is not None
    assert "essence" in explained.remedies.reason
    assert explained.remedies.assessments == 0


def test_a_compliant_measure_needs_no_remedy(reference_assessor: Assessor) -> None:
    explained = explain(reference_assessor, example("ex01-quick-freeze-serious-crime.json"))
    assert explained.verdict is Verdict.COMPLIANT
    assert explained.remedies is not None
    assert explained.remedies.sets == ()


def test_remedies_are_minimal_and_fewest_changes_first(reference_assessor: Assessor) -> None:
    explained = explain(reference_assessor, example("ex13-dna-database-not-convicted.json"))
    assert explained.remedies is not None
    sets = explained.remedies.sets
    assert sets
    sizes = [len(s.changes) for s in sets]
    assert sizes == sorted(sizes)
    keys = [{(c.path, json.dumps(c.value)) for c in s.changes} for s in sets]
    assert not any(a < b for a in keys for b in keys), "a set contains another: it is not minimal"
    assert all(s.verdict in (Verdict.COMPLIANT, Verdict.COMPLIANT_WITH_CONDITIONS) for s in sets)


def test_remedies_change_only_contract_fields(reference_assessor: Assessor) -> None:
    explained = explain(reference_assessor, example("ex04-ip-retention-online-crime.json"))
    assert explained.remedies is not None
    changed = {c.path for s in explained.remedies.sets for c in s.changes}
    assert changed
    assert not changed & set(explained.derived_facts)


def test_a_search_cut_short_says_so(reference_assessor: Assessor) -> None:
    explained = explain(
        reference_assessor, example("ex06-epoc-content-prosecutor-minor-offence.json"), bounds=Bounds(max_assessments=2)
    )
    assert explained.remedies is not None
    assert explained.remedies.bound_reached
    assert explained.remedies.assessments == 2


def test_remedies_appear_in_the_report_as_verified(reference_assessor: Assessor) -> None:
    from art52.report.model import build_report
    from art52.report.render import markdown

    explained = explain(reference_assessor, example("ex13-dna-database-not-convicted.json"))
    text = markdown(build_report(explained))
    assert "## What would change the outcome" in text
    assert "1. retention.deletion_review_available = yes → Compliant (verified by re-assessment)" in text
    assert "## Why not" in text


def test_a_search_cut_short_by_the_combinations_examined_says_so(reference_assessor: Assessor) -> None:
    explained = explain(
        reference_assessor,
        example("ex06-epoc-content-prosecutor-minor-offence.json"),
        bounds=Bounds(max_combinations=3),
    )
    assert explained.remedies is not None
    assert explained.remedies.bound_reached
    assert explained.remedies.assessments <= 3
