"""The four routes (legal review R1): which body of law governs a measure on its legal date."""

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

PROVIDER_RETENTION = {
    "jurisdiction": "DE",
    "actor_model": "provider_obligation",
    "measure_type": "retention_obligation",
}
POLICE_FILES = {
    "jurisdiction": "DE",
    "actor_model": "state_direct",
    "measure_type": "other",
    "objective": "serious_crime",
}
UK_PROVIDER = {"jurisdiction": "GB", "actor_model": "provider_obligation", "measure_type": "access_to_retained_data"}
STATE_INTERCEPTION = {
    "jurisdiction": "DE",
    "actor_model": "state_direct",
    "measure_type": "interception_targeted",
    "objective": "serious_crime",
    "legal_basis": {"implements_eu_law": False},
}


def routes(doc: dict[str, Any], on: dt.date = ON) -> dict[str, bool | None]:
    derived = build_facts(Measure.model_validate({"title": "t", **doc}), on, LAW).derived
    return {name: derived.get(name) for name in ("route_eprivacy", "route_led", "route_charter", "route_echr")}


def test_a_provider_retention_obligation_is_eprivacy_and_never_led() -> None:
    found = routes({**PROVIDER_RETENTION, "objective": "serious_crime"})
    assert found == {"route_eprivacy": True, "route_led": False, "route_charter": True, "route_echr": True}


def test_state_processing_of_police_files_is_led_and_never_eprivacy() -> None:
    found = routes(POLICE_FILES)
    assert found == {"route_eprivacy": False, "route_led": True, "route_charter": True, "route_echr": True}


def test_the_led_applies_only_from_2018_05_06() -> None:
    assert routes(POLICE_FILES, dt.date(2018, 5, 5))["route_led"] is False
    assert routes(POLICE_FILES, dt.date(2018, 5, 6))["route_led"] is True


def test_the_led_does_not_reach_national_security_nor_union_bodies() -> None:
    assert routes({**POLICE_FILES, "objective": "national_security"})["route_led"] is False
    assert routes({**POLICE_FILES, "jurisdiction": "EU", "actor_model": "eu_agency"})["route_led"] is False


def test_a_uk_measure_is_under_eu_law_until_the_end_of_2020_only() -> None:
    before = routes(UK_PROVIDER, dt.date(2020, 12, 31))
    after = routes(UK_PROVIDER, dt.date(2021, 1, 1))
    assert (before["route_eprivacy"], before["route_charter"], before["route_echr"]) == (True, True, True)
    assert (after["route_eprivacy"], after["route_charter"], after["route_echr"]) == (False, False, True)


def test_a_2010_state_direct_measure_outside_eu_law_is_on_the_echr_route_alone() -> None:
    found = routes(STATE_INTERCEPTION, dt.date(2010, 6, 1))
    assert found == {"route_eprivacy": False, "route_led": False, "route_charter": False, "route_echr": True}


def test_the_charter_binds_only_from_2009_12_01() -> None:
    union_act = {"jurisdiction": "EU", "legal_basis": {"level": "eu"}}
    assert routes(union_act, dt.date(2009, 11, 30))["route_charter"] is False
    assert routes(union_act, dt.date(2009, 12, 1))["route_charter"] is True
    assert routes(union_act)["route_echr"] is False  # the Union is not a Party to the Convention


def test_eprivacy_applies_from_its_transposition_deadline() -> None:
    assert routes(PROVIDER_RETENTION, dt.date(2003, 10, 30))["route_eprivacy"] is False
    assert routes(PROVIDER_RETENTION, dt.date(2003, 10, 31))["route_eprivacy"] is True


def test_air_carriers_are_not_communications_providers() -> None:
    pnr = {"jurisdiction": "IT", "actor_model": "provider_obligation", "measure_type": "pnr_processing"}
    assert routes(pnr)["route_eprivacy"] is False


def test_the_echr_follows_ratification_and_denunciation() -> None:
    assert routes({"jurisdiction": "RU"}, dt.date(2022, 9, 15))["route_echr"] is True
    assert routes({"jurisdiction": "RU"}, dt.date(2022, 9, 16))["route_echr"] is False
    assert routes({"jurisdiction": "FR"}, dt.date(1974, 5, 2))["route_echr"] is False
    assert routes({"jurisdiction": "FR"}, dt.date(1974, 5, 3))["route_echr"] is True
    assert routes({"jurisdiction": "US"})["route_echr"] is False


@pytest.mark.parametrize(
    ("doc", "unknown"),
    [
        ({}, {"route_eprivacy", "route_led", "route_charter", "route_echr"}),
        ({"jurisdiction": "DE"}, {"route_eprivacy", "route_led", "route_charter"}),
        (
            {"jurisdiction": "DE", "actor_model": "state_direct", "measure_type": "other"},
            {"route_led", "route_charter"},
        ),
    ],
)
def test_a_route_stays_unknown_while_a_fact_that_decides_it_is_unknown(doc: dict[str, Any], unknown: set[str]) -> None:
    assert {name for name, value in routes(doc).items() if value is None} == unknown
