"""Derived facts D3-D5 as legal review R4-R5 reads them: later serious stages, described periods."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from contract_files import REPO

from art52.domain.measure import Measure
from art52.engine.facts import build_facts
from art52.rulebook.loader import load_rulebook

ON = dt.date(2025, 1, 1)
IDENTITY_LOOKUP = ["subscriber_civil_identity", "ip_source_connection"]
LAW = load_rulebook(REPO / "rules").law


def derived(doc: dict[str, Any]) -> dict[str, Any]:
    return dict(build_facts(Measure.model_validate({"title": "t", **doc}), ON, LAW).derived)


@pytest.mark.parametrize(
    ("categories", "access", "expected"),
    [
        # Linking in the access itself makes it serious (Ministerio Fiscal; Prokuratuur).
        (["subscriber_civil_identity"], {"linking_allows_precise_conclusions": True}, "serious"),
        # Finding the identity behind an IP address: the linking is a later stage (LQDN II, R5).
        (IDENTITY_LOOKUP, {"ip_to_identity": True, "linking_allows_precise_conclusions": True}, "ip_rules"),
        # ... unless the official states that the access itself is serious.
        (
            IDENTITY_LOOKUP,
            {"ip_to_identity": True, "linking_allows_precise_conclusions": True, "serious_only_at_later_stage": False},
            "serious",
        ),
        # A stated later stage keeps identity data alone not serious.
        (
            ["subscriber_civil_identity"],
            {"linking_allows_precise_conclusions": True, "serious_only_at_later_stage": True},
            "not_serious",
        ),
        # Traffic data are serious whatever the stages.
        (["traffic"], {"serious_only_at_later_stage": True}, "serious"),
    ],
)
def test_a_later_serious_stage_does_not_make_the_measure_serious(
    categories: list[str], access: dict[str, Any], expected: str
) -> None:
    assert derived({"data": {"categories": categories}, "access": access})["interference_seriousness"] == expected


@pytest.mark.parametrize(
    "retention",
    [
        {"period_days": 90},
        {"period_unlimited": True},
        {"until_no_longer_necessary": True},
        {"bound_to_event": True},
        {"no_storage": True},
    ],
)
def test_each_way_of_describing_the_period_completes_the_description(retention: dict[str, Any]) -> None:
    document = {
        "data": {"categories": ["traffic"], "subjects_scope": "suspects_only"},
        "access": {"authorities": ["police"]},
        "retention": retention,
    }
    assert derived(document)["factual_description_complete"] is True


@pytest.mark.parametrize(
    "retention", [{}, {"period_unlimited": False}, {"no_storage": False}, {"until_no_longer_necessary": False}]
)
def test_a_period_not_described_leaves_the_description_incomplete(retention: dict[str, Any]) -> None:
    document = {
        "data": {"categories": ["traffic"], "subjects_scope": "suspects_only"},
        "access": {"authorities": ["police"]},
        "retention": retention,
    }
    assert derived(document)["factual_description_complete"] is False


def test_persons_and_areas_in_one_scheme_are_targeted() -> None:
    assert derived({"data": {"targeting_criteria": {"type": "persons_and_geographic"}}})["scope"] == "targeted"
