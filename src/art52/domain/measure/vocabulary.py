"""The enumerations of the measure contract, in schema order."""

from __future__ import annotations

from typing import Literal

# Enumerations, in schema order (the order is part of the contract: it is shown to officials).
SchemaVersion = Literal["1.0", "1.1", "1.2"]
ActorModel = Literal["provider_obligation", "state_direct", "eu_agency", "cross_border_order"]
ObligedParty = Literal[
    "electronic_communications_provider",
    "hosting_or_platform_provider",
    "air_carrier",
    "other_private_party",
]
MeasureType = Literal[
    "retention_obligation",
    "expedited_preservation",
    "access_to_retained_data",
    "real_time_collection",
    "automated_analysis",
    "transmission_to_agencies",
    "interception_targeted",
    "interception_bulk",
    "device_search",
    "encryption_obligation",
    "cross_border_production_order",
    "cross_border_preservation_order",
    "pnr_processing",
    "other",
]
Objective = Literal[
    "national_security",
    "terrorism",
    "serious_crime",
    "public_security_serious_threat",
    "crime_general",
    "administrative_offence",
    "ipr_enforcement_online",
    "other",
]
LegalBasisLevel = Literal["eu", "national", "international_agreement"]
DataCategory = Literal[
    "subscriber_civil_identity",
    "identification_only",
    "ip_source_connection",
    "traffic",
    "location",
    "content",
    "device_stored_data",
    "pnr",
    "special_categories",
]
SubjectsScope = Literal[
    "suspects_only",
    "persons_linked_by_objective_evidence",
    "targeted_categories_persons",
    "targeted_geographic",
    "all_users",
    "all_passengers_extra_eu",
    "all_passengers_intra_eu",
]
PersonsAffected = Literal["few", "many", "entire_population"]
TargetingType = Literal["persons", "geographic", "persons_and_geographic", "none"]
StorageLocation = Literal["eu", "third_country", "unspecified"]
AccessScope = Literal["targeted", "general"]
AccessLimitedTo = Literal["suspects", "persons_linked_by_objective_evidence", "any"]
PriorReviewer = Literal[
    "court",
    "independent_admin_body",
    "public_prosecutor_directing_investigation",
    "public_prosecutor_other",
    "police",
    "executive_minister",
    "internal",
    "none",
]
PersonsNotified = Literal["required_when_no_jeopardy", "never", "not_specified"]
LoggedOperation = Literal["collection", "alteration", "consultation", "disclosure", "combination", "erasure"]
EffectivenessEvidence = Literal["none", "anecdotal", "statistical", "independent_evaluation"]
EncryptionEffect = Literal[
    "none",
    "targeted_device_access",
    "provider_key_disclosure_targeted",
    "provider_must_be_able_to_decrypt_all",
    "generalised_weakening",
    "backdoor_mandate",
    "client_side_scanning_all_users",
    "detection_order",
    "e2ee_prohibition",
]
SpecialCategoryKind = Literal[
    "racial_or_ethnic_origin",
    "political_opinions",
    "religious_or_philosophical_beliefs",
    "trade_union_membership",
    "genetic",
    "biometric",
    "health",
    "sex_life_or_orientation",
]
SpecialCategoriesLegalGround = Literal["law", "vital_interests", "manifestly_public", "none"]
OrderType = Literal["production", "preservation"]
RequestedData = Literal["subscriber", "identification_only", "traffic", "content"]
EEvidenceAuthority = Literal[
    "judge",
    "court",
    "investigating_judge",
    "public_prosecutor",
    "other_competent_authority",
    "none",
]
AnnexIvCategory = Literal[
    "participation_in_criminal_organisation",
    "terrorism",
    "trafficking_in_human_beings",
    "sexual_exploitation_of_children",
    "drug_trafficking",
    "weapons_trafficking",
    "corruption",
    "fraud",
    "money_laundering",
    "counterfeiting_currency",
    "computer_related_crime",
    "environmental_crime",
    "facilitation_of_unauthorised_entry",
    "murder_or_grievous_bodily_injury",
    "organ_trafficking",
    "kidnapping_or_hostage_taking",
    "racism_and_xenophobia",
    "organised_or_armed_robbery",
    "cultural_goods_trafficking",
    "swindling",
    "racketeering_and_extortion",
    "counterfeiting_and_piracy_of_products",
    "forgery_of_administrative_documents",
    "forgery_of_means_of_payment",
    "hormonal_substances_trafficking",
    "nuclear_materials_trafficking",
    "stolen_vehicles_trafficking",
    "rape",
    "arson",
    "international_criminal_court_crimes",
    "unlawful_seizure_of_aircraft_or_ships",
    "sabotage",
    "not_listed",
]
PersonResidence = Literal["issuing_state", "enforcing_state", "another_state"]
FundamentalRightsEvidence = Literal["none", "general_information_only", "specific_and_objective"]
PnrFlights = Literal["extra_eu", "intra_eu_selected", "intra_eu_all"]
PnrLongTermRetention = Literal["none", "linked_passengers_only", "all_passengers"]
