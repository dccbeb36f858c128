"""Measure → facts: the flat, dated view of a measure that rules read.

Facts are keyed by dotted contract path (``retention.period_days``); a fact that
is unknown is simply absent. The derived facts of vocabulary.md §4 are computed
here and only here, in three-valued logic: when the inputs do not decide a
derived fact, it stays absent (unknown) rather than defaulting to yes or no.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from art52.domain.derived_facts import ANSWERED_OTHERWISE
from art52.domain.measure import Measure
from art52.engine.routes import routes
from art52.rulebook.law_tables import LawTables

SERIOUS_CATEGORIES = frozenset({"traffic", "location", "content", "device_stored_data"})
IP_CATEGORIES = frozenset({"identification_only", "ip_source_connection"})
TARGETED_SCOPES = frozenset(
    {"suspects_only", "persons_linked_by_objective_evidence", "targeted_categories_persons", "targeted_geographic"}
)
# Statements that describe the storage period as well as a number of days does (R4, NEC-001/D5): no maximum,
# an erasure rule, an end bound to an event, or no storage at all.
PERIOD_STATEMENTS = ANSWERED_OTHERWISE["retention.period_days"]
GENERAL_SCOPES = frozenset({"all_users", "all_passengers_extra_eu", "all_passengers_intra_eu"})


@dataclass(frozen=True)
class FactSheet:
    """The facts of one measure on one legal date, with warnings for the reviewer."""

    facts: Mapping[str, Any]
    derived: Mapping[str, Any]
    warnings: tuple[str, ...]


def flatten(measure: Measure) -> dict[str, Any]:
    """Known contract fields by dotted path; lists become tuples, unknowns are dropped."""
    flat: dict[str, Any] = {}
    _walk(measure.model_dump(mode="json", exclude_none=True), "", flat)
    return flat


def _walk(node: Mapping[str, Any], prefix: str, out: dict[str, Any]) -> None:
    for key, value in node.items():
        path = f"{prefix}{key}"
        if isinstance(value, Mapping):
            _walk(value, f"{path}.", out)
        elif isinstance(value, list):
            out[path] = tuple(value)
        else:
            out[path] = value


def build_facts(measure: Measure, as_of: dt.date, law: LawTables) -> FactSheet:
    """Flatten a measure and add its derived facts for the legal date ``as_of``.

    ``law`` holds the dated tables (membership, dates of application, ranks,
    thresholds) of the rulebook the facts are built for.
    """
    facts = flatten(measure)
    warnings: list[str] = []
    objective_rank = _rank(facts.get("objective"), facts, law)
    further_use_rank = _rank(facts.get("further_use.objective"), facts, law)
    derived: dict[str, Any] = {
        **routes(facts, as_of, law),
        "scope": _scope(facts, warnings),
        "interference_seriousness": _seriousness(facts),
        "factual_description_complete": _description_complete(facts),
        "lawful_access_solution": _lawful_access(facts),
        "eevidence_regime_applicable": _eevidence_regime(facts, as_of, law, warnings),
        "serious_threshold_warning": _threshold_warning(facts, law, warnings),
        "objective_rank": objective_rank,
        "further_use_rank": further_use_rank,
        "further_use_less_serious": _less_serious(objective_rank, further_use_rank),
        "objective_specified": _objective_specified(facts),
        "equally_effective_alternative_exists": _equally_effective_alternative(facts),
    }
    _geographic_heuristic(facts, derived, warnings)
    known = {k: v for k, v in derived.items() if v is not None}
    return FactSheet(facts={**facts, **known}, derived=known, warnings=tuple(warnings))


def _scope(f: Mapping[str, Any], warnings: list[str]) -> str | None:
    subjects = f.get("data.subjects_scope")
    targeting = f.get("data.targeting_criteria.type")
    from_targeting = {
        "persons": "targeted",
        "geographic": "targeted",
        "persons_and_geographic": "targeted",
        "none": "general_indiscriminate",
    }.get(targeting or "")
    if subjects in TARGETED_SCOPES or subjects in GENERAL_SCOPES:
        scope = "targeted" if subjects in TARGETED_SCOPES else "general_indiscriminate"
        if from_targeting is not None and from_targeting != scope:
            warnings.append(
                f"Inconsistent scope: data.subjects_scope is '{subjects}' but data.targeting_criteria.type is "
                f"'{targeting}'; the subjects scope was used."
            )
        return scope
    return from_targeting


def _seriousness(f: Mapping[str, Any]) -> str | None:
    categories = f.get("data.categories")
    if categories is None:
        return None
    found = set(categories)
    if found & SERIOUS_CATEGORIES or (
        f.get("access.linking_allows_precise_conclusions") is True and not _serious_only_later(f, found)
    ):
        return "serious"
    if found == {"subscriber_civil_identity"}:
        return "not_serious"
    if found and found <= IP_CATEGORIES | {"subscriber_civil_identity"} and found & IP_CATEGORIES:
        return "ip_rules"
    return None


def _serious_only_later(f: Mapping[str, Any], categories: set[str]) -> bool:
    """Whether the linking that could reveal private life is a later stage of the measure (R5, LQDN II).

    Finding the identity behind an IP address is not a serious interference; linking identity, address and
    what was consulted may become one, and that later stage carries its own prior review (RET-008). So the
    linking does not make the whole measure serious.
    """
    if f.get("access.serious_only_at_later_stage") is True:
        return True
    identity_lookup = f.get("access.ip_to_identity") is True and categories <= IP_CATEGORIES | {
        "subscriber_civil_identity"
    }
    return identity_lookup and f.get("access.serious_only_at_later_stage") is not False


def _description_complete(f: Mapping[str, Any]) -> bool:
    return bool(
        f.get("data.categories")
        and f.get("data.subjects_scope") is not None
        and period_described(f)
        and f.get("access.authorities")
    )


def period_described(f: Mapping[str, Any]) -> bool:
    """Whether the storage period is described: in days, or by one of the statements in PERIOD_STATEMENTS."""
    return f.get("retention.period_days") is not None or any(f.get(path) is True for path in PERIOD_STATEMENTS)


def _lawful_access(f: Mapping[str, Any]) -> bool | None:
    effect = f.get("encryption.effect")
    return None if effect is None else effect != "none"


def _eevidence_regime(f: Mapping[str, Any], on: dt.date, law: LawTables, warnings: list[str]) -> bool | None:
    measure_type = f.get("measure_type")
    if measure_type is None:
        return None
    if measure_type not in ("cross_border_production_order", "cross_border_preservation_order"):
        return False
    if not law.in_force("eevidence", on):
        start = law.applies_from("eevidence")
        warnings.append(
            f"Regulation (EU) 2023/1543 applies only from {start.isoformat() if start else 'a date not in the tables'};"
            " before that date the European Investigation Order (Directive 2014/41/EU) governs cross-border orders."
        )
        return False
    return True


def _threshold_warning(f: Mapping[str, Any], law: LawTables, warnings: list[str]) -> bool | None:
    floor = law.value("serious_crime_threshold_years")
    if floor is None:
        return None
    threshold = f.get("offence.serious_crime_threshold_years")
    serious = f.get("offence.serious")
    max_penalty = f.get("offence.max_penalty_years")
    low_threshold = threshold is not None and threshold < floor
    low_penalty = serious is True and max_penalty is not None and max_penalty < floor
    if low_threshold or low_penalty:
        warnings.append(
            f"The national notion of serious crime is set below {floor:g} years' imprisonment; courts may find the "
            "offence manifestly not serious (Bolzano)."
        )
        return True
    if threshold is None and (serious is None or max_penalty is None):
        return None
    return False


def _rank(objective: Any, f: Mapping[str, Any], law: LawTables) -> int | None:
    if not isinstance(objective, str):
        return None
    genuine = f.get("national_security_threat.genuine_present_or_foreseeable") is True
    return law.objective_rank(objective, genuine_national_security_threat=genuine)


def _less_serious(objective_rank: int | None, further_rank: int | None) -> bool | None:
    if objective_rank is None or further_rank is None:
        return None
    return further_rank < objective_rank


def _objective_specified(f: Mapping[str, Any]) -> bool:
    objective = f.get("objective")
    if objective is None:
        return False
    return objective != "other" or bool(f.get("objective_description"))


def _equally_effective_alternative(f: Mapping[str, Any]) -> bool | None:
    alternatives = f.get("necessity.less_intrusive_alternatives")
    if alternatives is None:
        return None
    flags = [a.get("equally_effective") for a in alternatives]
    if any(flag is True for flag in flags):
        return True
    return None if any(flag is None for flag in flags) else False


def _geographic_heuristic(f: Mapping[str, Any], derived: Mapping[str, Any], warnings: list[str]) -> None:
    if (
        derived["scope"] == "targeted"
        and f.get("data.subjects_scope") == "targeted_geographic"
        and f.get("data.persons_affected") == "entire_population"
    ):
        warnings.append(
            "Human review advised: a geographically 'targeted' scheme that reaches the entire population may in "
            "fact be general and indiscriminate (heuristic, not law)."
        )
