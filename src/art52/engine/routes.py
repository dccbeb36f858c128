"""Which body of law governs a measure on its legal date: the four routes (legal review R1).

The courts keep four routes apart, and each rule belongs to one (or, for the
ECtHR's tests, to the ECHR and, through Art. 52(3) of the Charter, to the
Charter):

- **ePrivacy**: measures of a Member State (or of the Union) that oblige
  providers of electronic communications services to retain, preserve, transmit
  or give access to data, or to process data for the State, national security
  included; not the State acting directly without providers (LQDN I, para. 103),
  nor air carriers or the search of a seized device; where the measure type does
  not say, an obliged party stated (contract 1.1) decides whether the obligation
  falls on such a provider.
- **LED**: processing by competent authorities for criminal-law purposes; not
  national security (LED Art. 2(3)(a)), not Union bodies (Art. 2(3)(b)), not the
  provider's own retention or preservation; a stated ``led.applicable``
  (contract 1.1) is taken as the official's answer.
- **Charter**: Union acts, and Member States when they implement Union law
  (Charter Art. 51(1)) — which they do on the ePrivacy and LED routes.
- **ECHR**: any measure of a State for which the Convention is in force; the
  Union itself is not a Party.

Each route is also dated: the instrument must apply on the legal date, and the
State must be a Member State or a Party on that date (rules/law/). Every route is
three-valued: None when a fact that decides it is unknown.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from art52.rulebook.law_tables import LawTables

# Measures that by their nature act through providers of electronic communications services.
PROVIDER_MEASURES = frozenset(
    {
        "retention_obligation",
        "expedited_preservation",
        "transmission_to_agencies",
        "access_to_retained_data",
        "cross_border_production_order",
        "cross_border_preservation_order",
    }
)
# Obligations on parties that are not providers of electronic communications services.
NOT_COMMUNICATIONS_PROVIDERS = frozenset({"pnr_processing", "device_search"})
# The provider's own retention or preservation: no competent authority processes data yet.
PROVIDER_OWN_RETENTION = frozenset({"retention_obligation", "expedited_preservation"})
CRIMINAL_LAW_OBJECTIVES = frozenset({"terrorism", "serious_crime", "public_security_serious_threat", "crime_general"})
PROVIDER_ACTORS = frozenset({"provider_obligation", "cross_border_order"})
UNION = "EU"
COMMUNICATIONS_PROVIDER = "electronic_communications_provider"


def routes(f: Mapping[str, Any], on: dt.date, law: LawTables) -> dict[str, bool | None]:
    """The four route facts of a measure on the legal date ``on``."""
    eprivacy = route_eprivacy(f, on, law)
    led = route_led(f, on, law)
    return {
        "route_eprivacy": eprivacy,
        "route_led": led,
        "route_charter": route_charter(f, on, law, eprivacy, led),
        "route_echr": route_echr(f, on, law),
    }


def bound_by_union_law(f: Mapping[str, Any], on: dt.date, law: LawTables) -> bool | None:
    """Whether the measure's jurisdiction is the Union or one of its Member States on ``on``."""
    jurisdiction = f.get("jurisdiction")
    if jurisdiction is None:
        return None
    return jurisdiction == UNION or law.eu_member(jurisdiction, on)


def route_eprivacy(f: Mapping[str, Any], on: dt.date, law: LawTables) -> bool | None:
    if not law.in_force("eprivacy", on):
        return False
    measure_type = f.get("measure_type")
    actor = f.get("actor_model")
    obliged_party = f.get("obliged_party")
    through_providers: bool | None
    if measure_type in NOT_COMMUNICATIONS_PROVIDERS:
        through_providers = False
    elif measure_type in PROVIDER_MEASURES:
        through_providers = True
    elif obliged_party is not None:  # contract 1.1: who is obliged, where the measure type does not say
        through_providers = obliged_party == COMMUNICATIONS_PROVIDER
    elif actor in PROVIDER_ACTORS:
        through_providers = True
    elif actor is None:
        through_providers = None
    else:
        through_providers = False  # the State or a Union body acting itself (LQDN I, para. 103)
    return kleene_and(through_providers, bound_by_union_law(f, on, law))


def route_led(f: Mapping[str, Any], on: dt.date, law: LawTables) -> bool | None:
    if not law.in_force("led", on):
        return False
    stated = f.get("led.applicable")  # contract 1.1: the official may say whether the LED applies
    if stated is not None:
        return kleene_and(stated, bound_by_union_law(f, on, law))
    objective = f.get("objective")
    criminal_law = None if objective is None else objective in CRIMINAL_LAW_OBJECTIVES
    measure_type = f.get("measure_type")
    actor = f.get("actor_model")
    jurisdiction = f.get("jurisdiction")
    authority: bool | None
    if measure_type in PROVIDER_OWN_RETENTION or actor == "eu_agency":
        authority = False
    elif actor is not None or (jurisdiction is not None and jurisdiction != UNION):
        authority = True  # a Member State's authorities process the data, whoever collects them
    else:
        authority = None
    return kleene_and(criminal_law, authority, bound_by_union_law(f, on, law))


def route_charter(
    f: Mapping[str, Any], on: dt.date, law: LawTables, eprivacy: bool | None, led: bool | None
) -> bool | None:
    if not law.in_force("charter", on):
        return False
    if charter_by_union_act(f):
        return True
    bound = bound_by_union_law(f, on, law)
    if bound is False:
        return False
    implements = f.get("legal_basis.implements_eu_law")
    if eprivacy is True or led is True or implements is True:
        return bound
    if eprivacy is False and led is False and implements is False:
        return False
    return None


def providers_decided(f: Mapping[str, Any]) -> bool:
    """Whether the stated facts already decide if the measure acts through communications providers."""
    measure_type = f.get("measure_type")
    return (
        measure_type in PROVIDER_MEASURES
        or measure_type in NOT_COMMUNICATIONS_PROVIDERS
        or f.get("obliged_party") is not None
        or f.get("actor_model") is not None
    )


def charter_by_union_act(f: Mapping[str, Any]) -> bool:
    """Whether the measure is the Union's own act: the Charter then binds it whatever else is stated."""
    return (
        f.get("jurisdiction") == UNION
        or f.get("legal_basis.level") == "eu"
        or f.get("actor_model") in ("eu_agency", "cross_border_order")
    )


def route_echr(f: Mapping[str, Any], on: dt.date, law: LawTables) -> bool | None:
    jurisdiction = f.get("jurisdiction")
    if jurisdiction is None:
        return None
    return jurisdiction != UNION and law.echr_party(jurisdiction, on)


def kleene_and(*values: bool | None) -> bool | None:
    """False if any is false, else unknown if any is unknown, else true."""
    if any(v is False for v in values):
        return False
    return None if any(v is None for v in values) else True
