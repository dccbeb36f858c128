"""The facts art52 derives from a measure (vocabulary.md §4), by name and kind.

Only the names and kinds live here, so that the rulebook can check rule
conditions against them; ``art52.engine.facts`` computes the values.
"""

from __future__ import annotations

from art52.domain.fields import FieldSpec, measure_fields

ROUTES_DOC = "dated: the instrument applies and the State is bound on the legal date (rules/law/)"

DERIVED_FACTS: dict[str, FieldSpec] = {
    spec.path: spec
    for spec in (
        FieldSpec(
            "route_eprivacy",
            "boolean",
            (),
            "Whether the ePrivacy Directive (Art. 15(1)) governs the measure: it obliges providers of electronic "
            f"communications services in a Member State (D2; {ROUTES_DOC}).",
        ),
        FieldSpec(
            "route_led",
            "boolean",
            (),
            "Whether the Law Enforcement Directive governs the processing: competent authorities of a Member State, "
            f"criminal-law purposes, not the provider's own retention (D2; {ROUTES_DOC}).",
        ),
        FieldSpec(
            "route_charter",
            "boolean",
            (),
            "Whether the Charter binds the measure: a Union act, or a Member State implementing Union law "
            f"(D2; {ROUTES_DOC}).",
        ),
        FieldSpec(
            "route_echr",
            "boolean",
            (),
            f"Whether the ECHR binds the measure: the Convention is in force for the State (D2; {ROUTES_DOC}).",
        ),
        FieldSpec(
            "scope",
            "enum",
            ("targeted", "general_indiscriminate"),
            "Whether the measure is targeted or general and indiscriminate (D3).",
        ),
        FieldSpec(
            "interference_seriousness",
            "enum",
            ("serious", "not_serious", "ip_rules"),
            "How serious the interference is, from the data categories (D4).",
        ),
        FieldSpec(
            "factual_description_complete",
            "boolean",
            (),
            "Whether data categories, subjects, retention period and authorities are all stated (D5).",
        ),
        FieldSpec(
            "lawful_access_solution",
            "boolean",
            (),
            "Whether the measure uses a technical route to encrypted data (D6).",
        ),
        FieldSpec(
            "eevidence_regime_applicable",
            "boolean",
            (),
            "Whether Regulation (EU) 2023/1543 governs the order on the legal date (D7).",
        ),
        FieldSpec(
            "serious_threshold_warning",
            "boolean",
            (),
            "Whether the national serious-crime threshold is below the one in rules/law/legal_values.yaml "
            "(D8, a warning).",
        ),
        FieldSpec(
            "objective_rank",
            "integer",
            (),
            "Rank of the objective, higher is weightier, from rules/law/objective_ranks.yaml (D9).",
        ),
        FieldSpec("further_use_rank", "integer", (), "Rank of the further-use objective on the same scale (D9)."),
        FieldSpec(
            "further_use_less_serious",
            "boolean",
            (),
            "Whether the declared further use pursues a less serious objective than the measure (D9).",
        ),
        FieldSpec(
            "objective_specified",
            "boolean",
            (),
            "Whether the objective is stated, and described where it is 'other' (NEC-001).",
        ),
        FieldSpec(
            "equally_effective_alternative_exists",
            "boolean",
            (),
            "Whether an alternative that was not chosen is stated to be equally effective (NEC-005).",
        ),
    )
}

# The contract fields each derived fact is computed from: what to ask for when it is unknown.
DERIVED_INPUTS: dict[str, tuple[str, ...]] = {
    # obliged_party and led.applicable (contract 1.1) refine a route when stated, but are never asked: an
    # unstated one keeps the 1.0 reading, and the route is asked for through the facts that decide it.
    "route_eprivacy": ("jurisdiction", "actor_model", "measure_type"),
    "route_led": ("jurisdiction", "objective", "actor_model", "measure_type"),
    "route_charter": (
        "jurisdiction",
        "legal_basis.level",
        "legal_basis.implements_eu_law",
        "actor_model",
        "measure_type",
        "objective",
    ),
    "route_echr": ("jurisdiction",),
    "scope": ("data.subjects_scope", "data.targeting_criteria.type"),
    "interference_seriousness": ("data.categories", "access.linking_allows_precise_conclusions"),
    "factual_description_complete": (
        "data.categories",
        "data.subjects_scope",
        "retention.period_days",
        "access.authorities",
    ),
    "lawful_access_solution": ("encryption.effect",),
    "eevidence_regime_applicable": ("measure_type",),
    "serious_threshold_warning": (
        "offence.serious_crime_threshold_years",
        "offence.serious",
        "offence.max_penalty_years",
    ),
    "objective_rank": ("objective",),
    "further_use_rank": ("further_use.objective",),
    "further_use_less_serious": ("objective", "further_use.objective"),
    "objective_specified": ("objective", "objective_description"),
    "equally_effective_alternative_exists": ("necessity.less_intrusive_alternatives",),
}

# Statements that answer an input of a derived fact as well as the input itself would: the storage period is
# described by a number of days or by one of these statements (R4; D5), so a measure that states one of them
# is never asked for ``retention.period_days`` on that account.
ANSWERED_OTHERWISE: dict[str, tuple[str, ...]] = {
    "retention.period_days": (
        "retention.period_unlimited",
        "retention.until_no_longer_necessary",
        "retention.bound_to_event",
        "retention.no_storage",
    ),
}


def fact_catalogue() -> dict[str, FieldSpec]:
    """Every fact a rule may read: contract fields and derived facts."""
    return {**measure_fields(), **DERIVED_FACTS}
