"""Results stored under assessment schema 1.0 are still read, claiming nothing they did not say."""

from __future__ import annotations

import json
from typing import Any

from art52.domain.assessment import ASSESSMENT_SCHEMA_VERSION, Assessment
from art52.domain.principles import Principle, Verdict
from art52.services.assessments import Assessor


def as_stored_under_1_0(assessment: Assessment) -> dict[str, Any]:
    """The same result in the 1.0 form: no range, no recommendations, plain questions and conditions."""
    data: dict[str, Any] = json.loads(assessment.to_json())
    data["schema_version"] = "1.0"
    for key in ("verdict_range", "recommendations"):
        del data[key]
    for finding in data["findings"]:
        del finding["basis"]
    data["missing_facts"] = [{k: m[k] for k in ("path", "question", "rules")} for m in data["missing_facts"]]
    for condition in data["conditions"]:
        del condition["confirm"]
    return data


def test_the_schema_version_is_1_1() -> None:
    assert ASSESSMENT_SCHEMA_VERSION == "1.1"


def test_a_withheld_1_0_verdict_reads_with_the_widest_range(reference_assessor: Assessor, examples_dir: Any) -> None:
    current = reference_assessor.assess(json.loads((examples_dir / "ex04-ip-retention-online-crime.json").read_text()))
    old = Assessment.model_validate_json(json.dumps(as_stored_under_1_0(current)))
    assert old.schema_version == "1.0"
    assert old.verdict is Verdict.INSUFFICIENT_INFORMATION
    assert (old.verdict_range.best, old.verdict_range.worst) == (Verdict.COMPLIANT, Verdict.NON_COMPLIANT)
    assert {m.path for m in old.missing_facts} == {m.path for m in current.missing_facts}
    assert all(m.changes == "verdict" for m in old.missing_facts)
    assert all(f.basis is None for f in old.findings)
    assert old.recommendations == ()


def test_a_decided_1_0_verdict_reads_as_a_single_point(reference_assessor: Assessor, examples_dir: Any) -> None:
    current = reference_assessor.assess(json.loads((examples_dir / "ex09-client-side-scanning.json").read_text()))
    old = Assessment.model_validate_json(json.dumps(as_stored_under_1_0(current)))
    assert (old.verdict_range.best, old.verdict_range.worst) == (Verdict.NON_COMPLIANT, Verdict.NON_COMPLIANT)
    [question] = [m for m in old.missing_facts if m.path == "access.limited_to"]
    assert (question.changes, question.principles) == ("principle", (Principle.NECESSITY,))
