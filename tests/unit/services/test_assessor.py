"""The assess use case on the shipped rulebook: reproducible, dated, honest about unknowns."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from art52.bootstrap import make_backend
from art52.domain.assessment import AsOfSource, assessment_json_schema
from art52.domain.principles import Effect
from art52.errors import MeasureError
from art52.rulebook.catalog import Rulebook
from art52.rulebook.loader import load_rulebook
from art52.services.assessments import Assessor

REPO = Path(__file__).resolve().parents[3]
RULES_DIR = REPO / "rules"

ACCESS_FOR_CRIME_IN_GENERAL: dict[str, Any] = {
    "title": "Access to retained traffic data for any offence",
    "jurisdiction": "DE",
    "actor_model": "provider_obligation",
    "measure_type": "access_to_retained_data",
    "objective": "crime_general",
    "data": {"categories": ["traffic"]},
}


@pytest.mark.parametrize("backend", ["durable", "reference"])
def test_same_measure_same_rulebook_gives_identical_bytes(backend: str, rulebook: Rulebook, examples_dir: Path) -> None:
    """Byte-identical JSON, also from a second assessor built from scratch (no hidden state)."""
    first_assessor = Assessor(rulebook, make_backend(backend), today=lambda: dt.date(2026, 11, 28))
    second_assessor = Assessor(load_rulebook(RULES_DIR), make_backend(backend), today=lambda: dt.date(2026, 11, 28))
    for path in sorted(examples_dir.glob("*.json")):
        first = first_assessor.assess(json.loads(path.read_text())).to_json()
        again = first_assessor.assess(json.loads(path.read_text())).to_json()
        fresh = second_assessor.assess(json.loads(path.read_text())).to_json()
        assert first == again == fresh, path.name
        assert json.loads(first)["engine"]["backend"] == backend


def test_both_backends_reach_the_same_conclusions(
    assessor: Assessor, reference_assessor: Assessor, examples_dir: Path
) -> None:
    for path in sorted(examples_dir.glob("*.json")):
        durable = json.loads(assessor.assess(json.loads(path.read_text())).to_json())
        reference = json.loads(reference_assessor.assess(json.loads(path.read_text())).to_json())
        durable.pop("engine")
        reference.pop("engine")
        assert durable == reference, path.name


def test_assessment_records_its_inputs(reference_assessor: Assessor) -> None:
    result = reference_assessor.assess(ACCESS_FOR_CRIME_IN_GENERAL, as_of=dt.date(2021, 6, 1))
    assert result.as_of == dt.date(2021, 6, 1)
    assert result.as_of_source is AsOfSource.REQUESTED
    assert result.rulebook_version == reference_assessor.rulebook.version
    assert result.engine.backend == "reference"
    assert result.derived_facts["route_eprivacy"] is True


def test_legal_date_resolution(reference_assessor: Assessor) -> None:
    planned = {**ACCESS_FOR_CRIME_IN_GENERAL, "planned_entry_into_force": "2027-01-01"}
    assert reference_assessor.assess(planned).as_of_source is AsOfSource.PLANNED_ENTRY_INTO_FORCE
    dated = {**planned, "assessment_date": "2022-01-01"}
    result = reference_assessor.assess(dated)
    assert (result.as_of, result.as_of_source) == (dt.date(2022, 1, 1), AsOfSource.ASSESSMENT_DATE)
    undated = reference_assessor.assess(ACCESS_FOR_CRIME_IN_GENERAL)
    assert undated.as_of_source is AsOfSource.DEFAULT_TODAY
    assert undated.as_of == dt.date(2026, 11, 28)
    assert "law in force today" in undated.warnings[0]


def test_a_violation_cites_its_source_and_the_facts_it_relied_on(reference_assessor: Assessor) -> None:
    result = reference_assessor.assess(ACCESS_FOR_CRIME_IN_GENERAL, as_of=dt.date(2021, 6, 1))
    ret011 = next(f for f in result.findings if f.rule_id == "RET-011")
    assert ret011.effect is Effect.VIOLATION
    assert [c.short for c in ret011.sources] == ["Tele2", "Prokuratuur"]
    relied = {f.path: f.value for f in ret011.facts}
    assert relied["measure_type"] == "access_to_retained_data"
    assert relied["objective_rank"] == 2


def test_an_unknown_decisive_fact_is_asked_for_never_satisfied(reference_assessor: Assessor) -> None:
    document = {key: value for key, value in ACCESS_FOR_CRIME_IN_GENERAL.items() if key != "objective"}
    result = reference_assessor.assess(document, as_of=dt.date(2021, 6, 1))
    ret011 = next(f for f in result.findings if f.rule_id == "RET-011")
    assert ret011.effect is Effect.NEEDS_INFORMATION
    assert ret011.missing_facts == ("objective",)
    assert "objective" in [m.path for m in result.missing_facts]
    assert result.verdict.value != "compliant"


def test_rules_outside_their_scope_are_silent(reference_assessor: Assessor) -> None:
    result = reference_assessor.assess(ACCESS_FOR_CRIME_IN_GENERAL, as_of=dt.date(2021, 6, 1))
    fired = {f.rule_id for f in result.findings}
    assert "EEV-002" not in fired
    assert "RET-001" not in fired  # retention rule; this is an access measure


def test_dated_rule_versions_follow_the_legal_date(reference_assessor: Assessor) -> None:
    ip_retention = {
        "title": "General IP retention",
        "jurisdiction": "AT",
        "actor_model": "provider_obligation",
        "measure_type": "retention_obligation",
        "objective": "crime_general",
        "data": {"categories": ["ip_source_connection"], "subjects_scope": "all_users"},
        "separation": {"ip_watertight": True},
        "retention": {"period_strictly_necessary": True},
    }
    before = reference_assessor.assess(ip_retention, as_of=dt.date(2024, 4, 29))
    after = reference_assessor.assess(ip_retention, as_of=dt.date(2024, 4, 30))
    [old] = [f for f in before.findings if f.rule_id == "RET-007"]
    [new] = [f for f in after.findings if f.rule_id == "RET-007"]
    assert (old.rule_version, old.effect) == (1, Effect.VIOLATION)
    assert (new.rule_version, new.effect, new.legal_review_required) == (2, Effect.SATISFIED, True)


def test_invalid_measures_name_the_offending_field(reference_assessor: Assessor) -> None:
    with pytest.raises(MeasureError) as caught:
        reference_assessor.assess({"title": "x", "data": {"categories": ["telepathy"]}})
    assert caught.value.issues[0].path.startswith("/data/categories")
    with pytest.raises(MeasureError) as unknown:
        reference_assessor.assess({"title": "x", "retention": {"period_weeks": 3}})
    assert unknown.value.issues[0].path == "/retention/period_weeks"
    with pytest.raises(MeasureError):
        reference_assessor.assess([1, 2])  # type: ignore[arg-type]


def test_field_pointers_are_rfc_6901_escaped(reference_assessor: Assessor) -> None:
    with pytest.raises(MeasureError) as caught:
        reference_assessor.assess({"title": "x", "retention": {"period/weeks~x": 3}})
    assert [i.path for i in caught.value.issues] == ["/retention/period~1weeks~0x"]


def test_assessments_validate_against_the_published_schema(reference_assessor: Assessor, examples_dir: Path) -> None:
    schema = assessment_json_schema()
    published = json.loads((REPO / "docs" / "schemas" / "assessment.schema.json").read_text())
    assert published == schema, "docs/schemas/assessment.schema.json is stale: run `art52 schema assessment`"
    for path in sorted(examples_dir.glob("*.json")):
        jsonschema.validate(json.loads(reference_assessor.assess(json.loads(path.read_text())).to_json()), schema)


def test_json_contract_top_level_keys(reference_assessor: Assessor) -> None:
    data = json.loads(reference_assessor.assess(ACCESS_FOR_CRIME_IN_GENERAL, as_of=dt.date(2021, 6, 1)).to_json())
    for key in ("verdict", "principles", "findings", "missing_facts", "conditions", "as_of", "rulebook_version"):
        assert key in data
    assert set(data["principles"]) == {
        "legality",
        "essence",
        "objective",
        "necessity",
        "proportionality",
        "safeguards",
    }
    finding = data["findings"][0]
    for key in ("rule_id", "rule_version", "principle", "effect", "explanation", "sources", "facts"):
        assert key in finding
