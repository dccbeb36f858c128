"""Derived facts (vocabulary.md §4): three-valued, computed in one place."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any

import pytest

from art52.domain.measure import Measure
from art52.engine.facts import build_facts
from art52.rulebook.law_tables import LawTables
from art52.rulebook.loader import load_rulebook

ON = dt.date(2025, 1, 1)
RULES_DIR = Path(os.environ.get("ART52_RULES_DIR", Path(__file__).resolve().parents[3] / "rules"))
LAW: LawTables = load_rulebook(RULES_DIR).law


def derived(doc: dict[str, Any], on: dt.date = ON) -> dict[str, Any]:
    return dict(build_facts(Measure.model_validate({"title": "t", **doc}), on, LAW).derived)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ({"subjects_scope": "suspects_only"}, "targeted"),
        ({"subjects_scope": "all_users"}, "general_indiscriminate"),
        ({"targeting_criteria": {"type": "geographic"}}, "targeted"),
        ({"targeting_criteria": {"type": "none"}}, "general_indiscriminate"),
        ({}, None),
    ],
)
def test_scope(data: dict[str, Any], expected: str | None) -> None:
    assert derived({"data": data}).get("scope") == expected


def test_conflicting_scope_uses_subjects_and_warns() -> None:
    sheet = build_facts(
        Measure.model_validate(
            {"title": "t", "data": {"subjects_scope": "all_users", "targeting_criteria": {"type": "persons"}}}
        ),
        ON,
        LAW,
    )
    assert sheet.derived["scope"] == "general_indiscriminate"
    assert any("Inconsistent scope" in w for w in sheet.warnings)


@pytest.mark.parametrize(
    ("categories", "precise", "expected"),
    [
        (["traffic"], None, "serious"),
        (["subscriber_civil_identity"], None, "not_serious"),
        (["subscriber_civil_identity"], True, "serious"),
        (["ip_source_connection", "subscriber_civil_identity"], None, "ip_rules"),
        (["pnr"], None, None),
        (None, None, None),
    ],
)
def test_interference_seriousness(categories: list[str] | None, precise: bool | None, expected: str | None) -> None:
    doc: dict[str, Any] = {"data": {"categories": categories}}
    if precise is not None:
        doc["access"] = {"linking_allows_precise_conclusions": precise}
    assert derived(doc).get("interference_seriousness") == expected


def test_factual_description_completeness_is_never_unknown() -> None:
    assert derived({})["factual_description_complete"] is False
    complete = {
        "data": {"categories": ["traffic"], "subjects_scope": "suspects_only"},
        "retention": {"period_unlimited": True},
        "access": {"authorities": ["police"]},
    }
    assert derived(complete)["factual_description_complete"] is True
    complete["access"] = {"authorities": []}
    assert derived(complete)["factual_description_complete"] is False


def test_objective_rank_and_terrorism_as_national_security() -> None:
    assert derived({"objective": "crime_general"})["objective_rank"] == 2
    assert derived({"objective": "terrorism"})["objective_rank"] == 3
    threat = {"objective": "terrorism", "national_security_threat": {"genuine_present_or_foreseeable": True}}
    assert derived(threat)["objective_rank"] == 4
    assert "objective_rank" not in derived({"objective": "other"})


def test_further_use_less_serious() -> None:
    doc = {"objective": "serious_crime", "further_use": {"objective": "administrative_offence"}}
    assert derived(doc)["further_use_less_serious"] is True
    assert derived({**doc, "further_use": {"objective": "national_security"}})["further_use_less_serious"] is False
    assert "further_use_less_serious" not in derived({"objective": "serious_crime"})


def test_equally_effective_alternative() -> None:
    def alternatives(*flags: bool | None) -> dict[str, Any]:
        items = [{"description": f"alt {i}", "equally_effective": f} for i, f in enumerate(flags)]
        return {"necessity": {"less_intrusive_alternatives": items}}

    assert derived(alternatives(False, True))["equally_effective_alternative_exists"] is True
    assert derived(alternatives(False, False))["equally_effective_alternative_exists"] is False
    assert "equally_effective_alternative_exists" not in derived(alternatives(False, None))


def test_eevidence_regime_from_2026_08_18_with_a_warning_before() -> None:
    order = {"measure_type": "cross_border_production_order"}
    assert derived(order, dt.date(2026, 8, 18))["eevidence_regime_applicable"] is True
    sheet = build_facts(Measure.model_validate({"title": "t", **order}), dt.date(2026, 8, 17), LAW)
    assert sheet.derived["eevidence_regime_applicable"] is False
    assert any("European Investigation Order" in w for w in sheet.warnings)


def test_serious_threshold_warning() -> None:
    assert derived({"offence": {"serious_crime_threshold_years": 2}})["serious_threshold_warning"] is True
    assert derived({"offence": {"serious_crime_threshold_years": 4}})["serious_threshold_warning"] is False
    assert derived({"offence": {"serious": True, "max_penalty_years": 2}})["serious_threshold_warning"] is True


def test_lawful_access_solution_and_objective_specified() -> None:
    assert derived({"encryption": {"effect": "none"}})["lawful_access_solution"] is False
    assert derived({"encryption": {"effect": "backdoor_mandate"}})["lawful_access_solution"] is True
    assert "lawful_access_solution" not in derived({})
    assert derived({"objective": "other"})["objective_specified"] is False
    assert derived({"objective": "other", "objective_description": "x"})["objective_specified"] is True
