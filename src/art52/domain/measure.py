"""The measure contract as Pydantic models: the Python face of ``measure.schema.json``.

A document is accepted here exactly when it is valid under the shared JSON Schema
(draft 2020-12, ``format`` treated as asserting), so the API, the CLI and the engine
can rely on a parsed :class:`Measure` without re-validating against the schema.
Every field except ``title`` is optional and ``None`` means *unknown*; an empty list
is a statement ("none"), not unknown. Field descriptions are the schema's own and
double as the questions put to the official.

Where JSON Schema and Python disagree on what a value is, the schema wins:

- integers: ``true``/``false`` are not integers, ``1.5`` is not, but ``1.0`` is
  (JSON Schema counts a number with zero fractional part as an integer); it is
  stored as ``1``.
- numbers: ``true``/``false`` are not numbers; integers are, and are stored as
  floats. Non-finite values cannot be written in JSON and are rejected.
- dates: ``pattern`` plus ``format: date`` as an assertion, so ``2023-02-30``
  is rejected although it matches the pattern.
- patterns follow ECMA-262 (the dialect the schema is written in): ``$`` does not
  match before a trailing newline, so ``"DE\\n"`` is not a jurisdiction. Python's
  ``re.search``, used by the ``jsonschema`` package, would accept it.

The cross-field constraints (vocabulary.md §3, the schema's ``if``/``then``) are
model validators; their errors carry the object's location and name both fields.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal, Self, TypeVar

from annotated_types import Ge, MinLen
from pydantic import (
    AllowInfNan,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    GetCoreSchemaHandler,
    GetJsonSchemaHandler,
    Strict,
    StrictBool,
    StrictStr,
    StringConstraints,
    model_validator,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import PydanticCustomError, core_schema

DATE_PATTERN = r"^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"
JURISDICTION_PATTERN = r"^(EU|[A-Z]{2})$"

_T = TypeVar("_T")


class CalendarDate:
    """Marks a ``YYYY-MM-DD`` string that must also name a real day (``format: date``).

    Kept as a marker class so the field catalogue can recognise date fields.
    """

    def __get_pydantic_core_schema__(self, source: Any, handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        return core_schema.no_info_after_validator_function(_check_calendar_date, handler(source))

    def __get_pydantic_json_schema__(
        self, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        json_schema = handler(schema)
        json_schema["format"] = "date"
        return json_schema


def _check_calendar_date(value: str) -> str:
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        raise PydanticCustomError("date_invalid", "{value} is not a calendar date", {"value": value}) from None
    return value


class UniqueItems:
    """Marks a list whose items must all differ (``uniqueItems: true``)."""

    def __get_pydantic_core_schema__(self, source: Any, handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        return core_schema.no_info_after_validator_function(_check_unique, handler(source))

    def __get_pydantic_json_schema__(
        self, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        json_schema = handler(schema)
        json_schema["uniqueItems"] = True
        return json_schema


def _check_unique(items: tuple[Any, ...]) -> tuple[Any, ...]:
    seen: list[Any] = []  # a list, not a set: items need not be hashable
    for item in items:
        if item in seen:
            raise PydanticCustomError("unique_items", "list items must be unique; {item} is repeated", {"item": item})
        seen.append(item)
    return items


def _integral_float_to_int(value: Any) -> Any:
    """Let ``1.0`` through as the integer 1, as JSON Schema's ``integer`` type does."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


Text = StrictStr
NonEmptyText = Annotated[StrictStr, MinLen(1)]
Flag = StrictBool
Count = Annotated[int, Strict(), Ge(0), BeforeValidator(_integral_float_to_int)]
Amount = Annotated[float, Strict(), Ge(0), AllowInfNan(False)]
IsoDate = Annotated[StrictStr, StringConstraints(pattern=DATE_PATTERN), CalendarDate()]
Jurisdiction = Annotated[StrictStr, StringConstraints(pattern=JURISDICTION_PATTERN)]
UniqueTuple = Annotated[tuple[_T, ...], UniqueItems()]


def _fact(description: str) -> Any:
    """An optional input fact: absent or ``None`` means unknown."""
    return Field(default=None, description=description)


class _ContractModel(BaseModel):
    """Base of every object of the contract: closed (no unknown keys) and immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True)


# Enumerations, in schema order (the order is part of the contract: it is shown to officials).
ActorModel = Literal["provider_obligation", "state_direct", "eu_agency", "cross_border_order"]
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
TargetingType = Literal["persons", "geographic", "none"]
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
PnrFlights = Literal["extra_eu", "intra_eu_selected", "intra_eu_all"]
PnrLongTermRetention = Literal["none", "linked_passengers_only", "all_passengers"]


class LegalBasis(_ContractModel):
    """The law on which the measure rests."""

    instrument: Text | None = _fact(
        "Citation of the legal instrument(s), e.g. 'Regulation (EU) 2023/1543' or 'Code of Criminal Procedure, "
        "s. 100g'."
    )
    level: LegalBasisLevel | None = _fact(
        "Whether the legal basis is a Union act, a national law, or an international agreement."
    )
    implements_eu_law: Flag | None = _fact(
        "Whether the national law implements or transposes a Union act (e.g. the LED, the PNR Directive) or imposes "
        "obligations falling under the ePrivacy Directive."
    )
    exists: Flag | None = _fact("Whether a legal basis for the measure exists at all.")
    accessible: Flag | None = _fact(
        "Whether the rules are published and accessible to the people concerned (false for secret rules)."
    )
    clear_and_precise: Flag | None = _fact(
        "Whether the law states the scope and application of the measure in clear and precise, foreseeable terms."
    )
    specifies_access_conditions: Flag | None = _fact(
        "Whether the law itself sets the substantive and procedural conditions for access to and use of the data, "
        "rather than only stating a purpose."
    )
    defines_threat_circumstances: Flag | None = _fact(
        "For national-security powers: whether the law says in which circumstances they may be used."
    )
    defines_offence_factors: Flag | None = _fact(
        "Whether the legislature itself defined the factors governing access, such as the nature or categories of "
        "offences."
    )


class NationalSecurityThreat(_ContractModel):
    """The national-security threat relied on, if any."""

    genuine_present_or_foreseeable: Flag | None = _fact(
        "Whether the State faces a serious threat to national security that is genuine and present or foreseeable, "
        "established for this measure."
    )
    description: Text | None = _fact("The threat and the evidence for it, in a few sentences.")


class TargetingCriteria(_ContractModel):
    """How the covered persons or places are selected, if the measure is targeted."""

    type: TargetingType | None = _fact(
        "Kind of targeting criterion: categories of persons, geographic areas, or none (no selection)."
    )
    description: Text | None = _fact(
        "The criteria in your own words (e.g. 'persons under a court supervision order', 'railway stations with over "
        "50,000 daily passengers')."
    )
    objective_non_discriminatory: Flag | None = _fact("Whether the criteria are objective and non-discriminatory.")
    uses_protected_characteristics: Flag | None = _fact(
        "Whether selection relies on protected characteristics such as ethnic origin, religion or political opinion."
    )


class Data(_ContractModel):
    """Which data the measure covers and whose data."""

    categories: UniqueTuple[DataCategory] | None = _fact("Every category of data the measure covers.")
    subjects_scope: SubjectsScope | None = _fact(
        "Whose data are covered: only suspects, persons linked by objective evidence, targeted categories of persons, "
        "a targeted geographic area, or everyone (all users, all passengers)."
    )
    persons_affected: PersonsAffected | None = _fact(
        "Rough number of people whose data are affected: a few individuals, many people, or the entire population of "
        "users."
    )
    targeting_criteria: TargetingCriteria | None = _fact(
        "How the covered persons or places are selected, if the measure is targeted."
    )


class Retention(_ContractModel):
    """How long and where the data are kept."""

    period_days: Count | None = _fact("Maximum retention period in days.")
    period_unlimited: Flag | None = _fact(
        "True if the law sets no maximum retention period at all (leave period_days out)."
    )
    period_strictly_necessary: Flag | None = _fact(
        "Whether the period is limited to what is strictly necessary for the objective."
    )
    period_justified_objectively: Flag | None = _fact("Whether the period rests on objective criteria and is reasoned.")
    differentiated_by_category: Flag | None = _fact(
        "Whether different periods are set per data category or usefulness, where several categories are kept."
    )
    time_limited_renewable: Flag | None = _fact(
        "Whether the retention obligation itself is time-limited and only renewable on a fresh decision."
    )
    storage_location: StorageLocation | None = _fact(
        "Where the data are stored: inside the EU, in a third country, or not specified."
    )
    irreversible_destruction: Flag | None = _fact(
        "Whether the data must be irreversibly destroyed at the end of the period."
    )
    periodic_review: Flag | None = _fact("Whether the need to keep stored data is reviewed periodically.")
    regime_declared_incompatible_with_eu_law: Flag | None = _fact(
        "Whether a court has declared the retention regime incompatible with EU law."
    )

    @model_validator(mode="after")
    def _unlimited_period_has_no_days(self) -> Self:
        """A period cannot be both unlimited and a number of days (vocabulary.md §3.2)."""
        if self.period_unlimited is True and self.period_days is not None:
            raise PydanticCustomError(
                "retention_period_conflict", "period_unlimited is true, so period_days must be left out or null"
            )
        return self


class Separation(_ContractModel):
    """Technical separation of retained data."""

    ip_watertight: Flag | None = _fact(
        "Whether retained IP addresses are kept genuinely watertight-separated from civil-identity, traffic and other "
        "data, so no profile can be built."
    )
    architecture_description: Text | None = _fact(
        "Short description of the separation architecture, kept as evidence for the reviewer."
    )


class Access(_ContractModel):
    """Who may access the data and on what terms."""

    authorities: UniqueTuple[NonEmptyText] | None = _fact(
        "Each authority or type of authority that may access the data, e.g. 'criminal police', 'domestic intelligence "
        "service'."
    )
    scope: AccessScope | None = _fact(
        "Whether authorities access the data of targeted persons only or in a general way."
    )
    limited_to: AccessLimitedTo | None = _fact(
        "Whose data may be accessed: suspects, persons linked by objective evidence, or anyone."
    )
    limited_to_serious_crime: Flag | None = _fact(
        "Whether the law allows access or use only to fight serious crime or higher objectives (national security, "
        "serious threats to public security)."
    )
    limited_to_persons_reasonably_suspected_terrorism: Flag | None = _fact(
        "For real-time collection: whether it is limited to persons with a valid reason to suspect involvement in "
        "terrorism."
    )
    ip_to_identity: Flag | None = _fact(
        "Whether the access consists in finding the civil identity behind an IP address."
    )
    linking_allows_precise_conclusions: Flag | None = _fact(
        "Whether linking the data in this procedure could allow precise conclusions about a person's private life."
    )
    direct_network_access_by_agency: Flag | None = _fact(
        "Whether the agency can tap the network directly, without the provider executing each request."
    )
    authorisation_shown_to_provider: Flag | None = _fact(
        "Whether the agency must show the authorisation to the provider (or another party able to check it) before "
        "access."
    )


class Authorisation(_ContractModel):
    """Prior and subsequent review of individual uses of the measure."""

    prior_review_by: PriorReviewer | None = _fact("Who must approve each use before it happens.")
    binding: Flag | None = _fact("Whether the reviewer's decision is binding on the authority that asked.")
    urgency_exception: Flag | None = _fact(
        "Whether the law allows the measure without prior review in a duly justified emergency."
    )
    ex_post_review_prompt: Flag | None = _fact(
        "Whether, after an emergency use, the independent review must follow within a short time."
    )
    reviewer_can_refuse_if_offence_not_serious: Flag | None = _fact(
        "Whether the reviewing court can refuse or limit access where the offence, though classed as serious, is "
        "manifestly not serious in the case."
    )
    requires_individual_suspicion: Flag | None = _fact(
        "Whether authorisation requires a sufficient factual basis and individual suspicion about the target."
    )
    subject_to_effective_judicial_review: Flag | None = _fact(
        "Whether the decision ordering the measure is subject to effective review by a court."
    )
    independent_ex_post_review: Flag | None = _fact(
        "Whether an independent body (preferably a court) reviews uses of the measure after the fact."
    )


class Offence(_ContractModel):
    """The offences for which the measure may be used."""

    description: Text | None = _fact("The offences or offence categories in your own words.")
    max_penalty_years: Amount | None = _fact(
        "Maximum custodial sentence, in years, for the offence in the issuing or applying State."
    )
    serious: Flag | None = _fact("Whether the offence counts as serious crime under national law.")
    serious_crime_threshold_years: Amount | None = _fact(
        "The maximum-sentence threshold, in years, that national law uses to define serious crime, if any."
    )
    eevidence_listed_offence: Flag | None = _fact(
        "Whether the offence is one specifically listed in Art. 5(4) of Reg. (EU) 2023/1543 (cyber-enabled fraud, "
        "child sexual abuse, attacks on information systems, terrorism)."
    )


class Duration(_ContractModel):
    """How long an authorisation or order lasts."""

    expiry_defined: Flag | None = _fact(
        "Whether the law states when an authorisation or order expires (the measure is time-limited)."
    )
    renewal_conditions_defined: Flag | None = _fact("Whether the law states under which conditions it may be renewed.")
    cancellation_when_unnecessary: Flag | None = _fact(
        "Whether the law requires the measure to be cancelled as soon as it is no longer necessary."
    )


class Notification(_ContractModel):
    """Informing the persons concerned."""

    persons_notified: PersonsNotified | None = _fact(
        "Whether persons concerned are informed once this no longer jeopardises the investigation, never, or the law "
        "does not say."
    )


class Remedy(_ContractModel):
    """Remedies for persons concerned."""

    available: Flag | None = _fact(
        "Whether persons concerned have an effective remedy before a court or independent body."
    )
    requires_notification: Flag | None = _fact(
        "Whether using the remedy depends on having been notified (true) or works without notification (false)."
    )


class Logging(_ContractModel):
    """Logging of processing operations."""

    operations_covered: UniqueTuple[LoggedOperation] | None = _fact(
        "Complete list of processing operations that must be logged; an operation not listed is taken as not logged."
    )
    records_justification_time_identity: Flag | None = _fact(
        "Whether consultation and disclosure logs record the justification, date and time, and who consulted or "
        "received the data."
    )


class Safeguards(_ContractModel):
    """Minimum statutory safeguards and general protective measures."""

    offences_defined: Flag | None = _fact(
        "Whether the law defines the nature of the offences that may trigger the measure (Weber/Zakharov item 1)."
    )
    persons_categories_defined: Flag | None = _fact(
        "Whether the law defines the categories of people liable to be subject to the measure (item 2)."
    )
    duration_limit: Flag | None = _fact("Whether the law limits the duration of the measure (item 3).")
    use_storage_procedure: Flag | None = _fact(
        "Whether the law sets the procedure for examining, using and storing the data obtained (item 4)."
    )
    sharing_precautions: Flag | None = _fact(
        "Whether the law sets precautions for communicating the data to other parties (item 5)."
    )
    erasure_rules: Flag | None = _fact(
        "Whether the law sets the circumstances in which data must be erased or destroyed (item 6)."
    )
    data_security_rules_specified: Flag | None = _fact(
        "Whether the law lays down specific rules guaranteeing a high level of data security and protection against "
        "unlawful access."
    )
    independent_supervision: Flag | None = _fact(
        "Whether compliance is supervised by an independent authority (e.g. the data protection authority or an "
        "independent commissioner)."
    )
    professional_secrecy_protection: Flag | None = _fact(
        "Whether communications of lawyers, journalists and others bound by professional secrecy are specifically "
        "protected."
    )
    sunset_clause: Flag | None = _fact("Whether the measure expires automatically unless renewed by law.")
    periodic_review: Flag | None = _fact("Whether the measure as a whole must be re-evaluated at fixed intervals.")
    logging: Logging | None = _fact("Logging of processing operations.")


class LessIntrusiveAlternative(_ContractModel):
    """One alternative that was considered instead of the proposed measure."""

    description: NonEmptyText = Field(description="What the alternative is, in a sentence.")
    equally_effective: Flag | None = _fact(
        "Whether the alternative would achieve the objective as effectively as the proposed measure."
    )
    reason_rejected: Text | None = _fact("Why the alternative was not chosen.")


class Necessity(_ContractModel):
    """Evidence that the measure is needed and works."""

    effectiveness_evidence: EffectivenessEvidence | None = _fact(
        "Best evidence that the measure achieves its aim: none, anecdotal, statistical, or an independent evaluation."
    )
    less_intrusive_alternatives_assessed: Flag | None = _fact(
        "Whether less intrusive alternatives were identified and assessed."
    )
    less_intrusive_alternatives: tuple[LessIntrusiveAlternative, ...] | None = _fact(
        "Each alternative considered, whether it would be as effective, and why it was not chosen."
    )

    @model_validator(mode="after")
    def _listed_alternatives_were_assessed(self) -> Self:
        """Listing alternatives contradicts declaring them not assessed (vocabulary.md §3.3)."""
        if self.less_intrusive_alternatives and self.less_intrusive_alternatives_assessed is False:
            raise PydanticCustomError(
                "alternatives_conflict",
                "less_intrusive_alternatives lists alternatives, "
                "so less_intrusive_alternatives_assessed cannot be false",
            )
        return self


class Encryption(_ContractModel):
    """Effects on encryption and lawful-access technology."""

    effect: EncryptionEffect | None = _fact(
        "What the measure does to encryption: nothing, targeted access to a suspect's device, targeted key disclosure "
        "by a provider, or a general effect on all users."
    )
    other_users_security_unaffected: Flag | None = _fact(
        "Whether the technical method leaves the security of other users' devices and communications intact (e.g. no "
        "vulnerability kept unpatched for everyone)."
    )
    error_rate_assessed: Flag | None = _fact(
        "For detection technology: whether its accuracy and error rates were independently assessed."
    )
    privacy_by_design_assessed: Flag | None = _fact(
        "Whether the technical solution was assessed for data protection by design and by default."
    )
    transparency: Flag | None = _fact(
        "Whether the existence and general functioning of the lawful-access solution are publicly disclosed."
    )


class Bulk(_ContractModel):
    """Bulk interception safeguards (the Big Brother Watch criteria)."""

    independent_authorisation_at_outset: Flag | None = _fact(
        "Whether each bulk operation is authorised at the outset by a body independent of the executive."
    )
    authoriser_informed_of_purpose_bearers_selector_categories: Flag | None = _fact(
        "Whether that body is told the purpose, the bearers or routes, and the types or categories of selectors."
    )
    grounds_defined: Flag | None = _fact(
        "Whether the law sets the grounds on which bulk interception may be authorised (criterion 1)."
    )
    individual_selection_circumstances: Flag | None = _fact(
        "Whether the law sets when an individual's communications may be intercepted (criterion 2)."
    )
    authorisation_procedure: Flag | None = _fact(
        "Whether the law sets the procedure for granting authorisation (criterion 3)."
    )
    selection_examination_use_rules: Flag | None = _fact(
        "Whether the law sets procedures for selecting, examining and using intercept material (criterion 4)."
    )
    sharing_precautions: Flag | None = _fact(
        "Whether the law sets precautions for sharing material with other parties, including foreign partners "
        "(criterion 5)."
    )
    duration_storage_erasure: Flag | None = _fact(
        "Whether the law limits the duration of interception and storage and sets when material is erased (criterion "
        "6)."
    )
    independent_supervision: Flag | None = _fact(
        "Whether an independent body supervises the operation while it runs (criterion 7)."
    )
    independent_ex_post_review: Flag | None = _fact(
        "Whether an effective independent ex post review is available (criterion 8)."
    )
    strong_selectors_prior_internal_authorisation: Flag | None = _fact(
        "Whether selectors linked to identifiable individuals need prior internal authorisation."
    )
    journalistic_selectors_independent_authorisation: Flag | None = _fact(
        "Whether selectors aimed at journalistic sources or material need judicial or other independent authorisation."
    )


class AutomatedProcessing(_ContractModel):
    """Automated analysis, profiling and automated decisions."""

    solely_automated_adverse_decision: Flag | None = _fact(
        "Whether decisions with adverse legal or similarly significant effects are taken solely by automated means."
    )
    authorised_by_law: Flag | None = _fact(
        "Whether such automated decision-making is expressly authorised by law with safeguards."
    )
    human_review: Flag | None = _fact(
        "Whether every automated hit or decision is individually re-examined by a human before action is taken."
    )
    discriminatory_profiling: Flag | None = _fact(
        "Whether profiling relies on special categories of data in a discriminatory way."
    )
    self_learning: Flag | None = _fact(
        "Whether the system uses self-learning (machine-learning) models that can change the criteria without human "
        "control."
    )
    predetermined_criteria_non_discriminatory: Flag | None = _fact(
        "Whether the screening criteria are set in advance, specific, reliable and non-discriminatory."
    )


class SpecialCategories(_ContractModel):
    """Sensitive (special-category) data."""

    processed: Flag | None = _fact(
        "Whether special categories of data are processed (ethnic origin, political opinions, religion, trade-union "
        "membership, genetic, biometric for identification, health, sex life or orientation)."
    )
    kinds: UniqueTuple[SpecialCategoryKind] | None = _fact("Which special categories are processed.")
    strictly_necessary_justified: Flag | None = _fact(
        "Whether processing of these data is shown to be strictly necessary, with appropriate safeguards."
    )
    legal_ground: SpecialCategoriesLegalGround | None = _fact(
        "The ground relied on: authorised by law, vital interests, data manifestly made public by the person, or none."
    )

    @model_validator(mode="after")
    def _listed_kinds_are_processed(self) -> Self:
        """Listing kinds of special-category data contradicts processed = false (vocabulary.md §3.4)."""
        if self.kinds and self.processed is False:
            raise PydanticCustomError(
                "special_categories_conflict", "kinds lists special categories, so processed cannot be false"
            )
        return self


class Led(_ContractModel):
    """Data-protection principles of the Law Enforcement Directive (EU) 2016/680."""

    purposes_specified_explicit: Flag | None = _fact(
        "Whether the purposes of processing are specified, explicit and legitimate."
    )
    further_processing_authorised_by_law: Flag | None = _fact(
        "If data are reused for another purpose: whether the law authorises that reuse."
    )
    data_minimisation_assessed: Flag | None = _fact(
        "Whether it was checked that the data are adequate, relevant and not excessive for the purpose."
    )
    new_technology: Flag | None = _fact("Whether the processing uses new technologies or mechanisms.")
    dpia_done: Flag | None = _fact("Whether a data protection impact assessment was carried out.")
    dpa_consulted: Flag | None = _fact(
        "Whether the data protection authority was consulted before processing, where the DPIA shows a remaining high "
        "risk."
    )


class RefusalFlags(_ContractModel):
    """Facts that may allow the enforcing State to refuse (Art. 12(1))."""

    immunity_privilege: Flag | None = _fact(
        "Whether the data are covered by an immunity or privilege under the enforcing State's law."
    )
    press_freedom_liability_rule: Flag | None = _fact(
        "Whether rules on criminal liability relating to freedom of the press or expression are engaged."
    )
    manifest_fundamental_rights_breach: Flag | None = _fact(
        "Whether specific, objective evidence shows execution would manifestly breach a fundamental right."
    )
    ne_bis_in_idem: Flag | None = _fact("Whether the person has already been finally tried for the same acts.")
    no_double_criminality_not_annex_iv: Flag | None = _fact(
        "Whether the conduct is not an offence in the enforcing State and is not an Annex IV offence punishable by at "
        "least 3 years in the issuing State."
    )


class EEvidence(_ContractModel):
    """A European Production or Preservation Order under Regulation (EU) 2023/1543."""

    order_type: OrderType | None = _fact("Whether the order asks for production or for preservation of data.")
    data_requested: RequestedData | None = _fact("The most sensitive category of data the order asks for.")
    issuing_authority: EEvidenceAuthority | None = _fact("The authority that issues the order.")
    validated_by: EEvidenceAuthority | None = _fact(
        "The authority that validates the order when the issuer is not itself competent to issue alone ('none' if not "
        "validated)."
    )
    emergency: Flag | None = _fact("Whether the order is issued as an emergency case.")
    sentence_execution_months: Amount | None = _fact(
        "If the order serves to execute a custodial sentence or detention order: its length in months."
    )
    offence_in_issuing_state: Flag | None = _fact(
        "Whether there are reasonable grounds to believe the offence was, is or will be committed in the issuing State."
    )
    person_resides_in_issuing_state: Flag | None = _fact(
        "Whether the person whose data are sought resides in the issuing State."
    )
    enforcing_authority_notified: Flag | None = _fact(
        "Whether the enforcing State's authority is notified at the same time as the provider."
    )
    deadline_hours: Count | None = _fact("Deadline, in hours, given to the provider to transfer the data.")
    enforcing_review_window_hours: Count | None = _fact(
        "Time, in hours, left to the enforcing authority to raise a ground for refusal."
    )
    refusal_flags: RefusalFlags | None = _fact("Facts that may allow the enforcing State to refuse (Art. 12(1)).")
    preservation_days: Count | None = _fact("For a preservation order: how many days the provider must keep the data.")
    extension_days: Count | None = _fact("For a preservation order: length of any extension, in days.")
    production_request_confirmed: Flag | None = _fact(
        "For a preservation order: whether a subsequent production request has been confirmed."
    )
    necessity_proportionality_assessed: Flag | None = _fact(
        "Whether the issuing authority assessed that the order is necessary and proportionate in the case."
    )
    domestic_similar_order_possible: Flag | None = _fact(
        "Whether the same order could be issued under the same conditions in a similar domestic case."
    )


class Pnr(_ContractModel):
    """Passenger Name Record processing; fill in for PNR schemes only."""

    flights: PnrFlights | None = _fact(
        "Which flights are covered: extra-EU only, selected intra-EU routes, or all intra-EU flights."
    )
    retention_beyond_6_months: PnrLongTermRetention | None = _fact(
        "Whose data are kept after the first 6 months: nobody's, only passengers with an established link to terrorism "
        "or serious crime, or all passengers."
    )
    disclosure_prior_review: Flag | None = _fact(
        "Whether disclosure of stored PNR data for later assessment needs prior review by a court or independent "
        "administrative body."
    )


class FurtherUse(_ContractModel):
    """Reuse of the data for a purpose other than the original one."""

    objective: Objective | None = _fact("The objective of the later use, on the same scale as the main objective.")
    description: Text | None = _fact("The later use in your own words.")


class Measure(_ContractModel):
    """One security measure, described by the facts needed to assess it under Art. 52(1) of the Charter."""

    id: Text | None = _fact("Your own reference for this measure (file number, draft number); free text.")
    title: NonEmptyText = Field(
        description="Short name of the measure, e.g. 'Targeted retention of traffic data around major airports'."
    )
    description: Text | None = _fact(
        "Plain-language description of what the measure does: what data, whose, which operations, who gets access, for "
        "what purpose and how long."
    )
    jurisdiction: Jurisdiction | None = _fact(
        "Where the measure applies: an ISO 3166-1 alpha-2 country code (e.g. 'DE') or 'EU' for a Union act."
    )
    assessment_date: IsoDate | None = _fact(
        "Legal date at which the measure is to be assessed (YYYY-MM-DD); rules are dated and only those in force on "
        "this date apply."
    )
    planned_entry_into_force: IsoDate | None = _fact(
        "For a draft measure: the date it is planned to take effect; used for dating only when assessment_date is not "
        "given."
    )
    actor_model: ActorModel | None = _fact(
        "Who carries out the processing: an obligation placed on private providers, the State acting directly, an EU "
        "agency, or a cross-border order to a provider in another State."
    )
    measure_type: MeasureType | None = _fact(
        "The kind of measure; choose the closest type, or 'other' and explain it in description."
    )
    objective: Objective | None = _fact("The main general-interest objective the measure pursues.")
    objective_description: Text | None = _fact(
        "The objective in your own words, with the specific problem it addresses and how that problem is documented."
    )
    legal_basis: LegalBasis | None = _fact("The law on which the measure rests.")
    national_security_threat: NationalSecurityThreat | None = _fact("The national-security threat relied on, if any.")
    data: Data | None = _fact("Which data the measure covers and whose data.")
    retention: Retention | None = _fact("How long and where the data are kept.")
    separation: Separation | None = _fact("Technical separation of retained data.")
    access: Access | None = _fact("Who may access the data and on what terms.")
    authorisation: Authorisation | None = _fact("Prior and subsequent review of individual uses of the measure.")
    offence: Offence | None = _fact("The offences for which the measure may be used.")
    duration: Duration | None = _fact("How long an authorisation or order lasts.")
    notification: Notification | None = _fact("Informing the persons concerned.")
    remedy: Remedy | None = _fact("Remedies for persons concerned.")
    safeguards: Safeguards | None = _fact("Minimum statutory safeguards and general protective measures.")
    necessity: Necessity | None = _fact("Evidence that the measure is needed and works.")
    encryption: Encryption | None = _fact("Effects on encryption and lawful-access technology.")
    bulk: Bulk | None = _fact(
        "Bulk interception safeguards (Big Brother Watch criteria); fill in for bulk interception only."
    )
    automated_processing: AutomatedProcessing | None = _fact("Automated analysis, profiling and automated decisions.")
    special_categories: SpecialCategories | None = _fact("Sensitive (special-category) data.")
    led: Led | None = _fact(
        "Data-protection principles of the Law Enforcement Directive (EU) 2016/680 (also answer them for other "
        "processing)."
    )
    eevidence: EEvidence | None = _fact(
        "European Production or Preservation Order under Regulation (EU) 2023/1543; fill in for cross-border orders "
        "only."
    )
    pnr: Pnr | None = _fact("Passenger Name Record processing; fill in for PNR schemes only.")
    further_use: FurtherUse | None = _fact("Reuse of the data for a purpose other than the original one.")

    @model_validator(mode="after")
    def _special_category_data_is_processed(self) -> Self:
        """data.categories naming special_categories contradicts processed = false (vocabulary.md §3.4)."""
        categories = self.data.categories if self.data is not None else None
        if (
            categories is not None
            and "special_categories" in categories
            and self.special_categories is not None
            and self.special_categories.processed is False
        ):
            raise PydanticCustomError(
                "special_categories_conflict",
                "data.categories lists special_categories, so special_categories.processed cannot be false",
            )
        return self


def measure_json_schema() -> dict[str, Any]:
    """The JSON Schema pydantic derives from :class:`Measure` (kept equivalent to the shared contract by tests)."""
    return Measure.model_json_schema()
