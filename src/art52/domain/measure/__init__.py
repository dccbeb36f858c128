"""The measure contract as Pydantic models: the Python face of ``measure.schema.json``.

A document is accepted here exactly when it is valid under the contract's JSON Schema (contract/measure.schema.json)
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

from typing import Any, Self

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from art52.domain.measure.regimes import (
    AutomatedProcessing,
    Bulk,
    EEvidence,
    Encryption,
    Enforcing,
    FurtherUse,
    Led,
    LessIntrusiveAlternative,
    Necessity,
    Pnr,
    RefusalFlags,
    SpecialCategories,
    Transfer,
)
from art52.domain.measure.sections import (
    Access,
    Authorisation,
    Data,
    Duration,
    LegalBasis,
    Logging,
    NationalSecurityThreat,
    Notification,
    Offence,
    Remedy,
    Retention,
    Safeguards,
    Separation,
    TargetingCriteria,
)
from art52.domain.measure.values import (
    DATE_PATTERN,
    JURISDICTION_PATTERN,
    Amount,
    CalendarDate,
    Count,
    Flag,
    IsoDate,
    Items,
    Jurisdiction,
    Name,
    NonEmptyName,
    NonEmptyText,
    Text,
    UniqueItems,
    UniqueTuple,
    _ContractModel,
    _fact,
)
from art52.domain.measure.vocabulary import (
    AccessLimitedTo,
    AccessScope,
    ActorModel,
    DataCategory,
    EEvidenceAuthority,
    EffectivenessEvidence,
    EncryptionEffect,
    LegalBasisLevel,
    LoggedOperation,
    MeasureType,
    Objective,
    ObligedParty,
    OrderType,
    PersonsAffected,
    PersonsNotified,
    PnrFlights,
    PnrLongTermRetention,
    PriorReviewer,
    RequestedData,
    SchemaVersion,
    SpecialCategoriesLegalGround,
    SpecialCategoryKind,
    StorageLocation,
    SubjectsScope,
    TargetingType,
)


class Measure(_ContractModel):
    """One security measure, described by the facts needed to assess it under Art. 52(1) of the Charter."""

    schema_version: SchemaVersion | None = _fact(
        "Version of the measure contract the document follows ('1.0', '1.1' or '1.2'); optional, as every field added "
        "in 1.1 or 1.2 is optional; 1.2 bounds sizes and adds the enforcing section."
    )
    id: Name | None = _fact("Your own reference for this measure (file number, draft number); free text.")
    title: NonEmptyName = Field(
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
    in_force_from: IsoDate | None = _fact(
        "First day on which the measure was, or is to be, in force, where it differs from the legal date of the "
        "assessment (contract 1.1)."
    )
    in_force_until: IsoDate | None = _fact(
        "Last day on which the measure was in force, if it has ended (contract 1.1)."
    )
    actor_model: ActorModel | None = _fact(
        "Who carries out the processing: an obligation placed on private providers, the State acting directly, an EU "
        "agency, or a cross-border order to a provider in another State."
    )
    obliged_party: ObligedParty | None = _fact(
        "For an obligation on private parties: who is obliged, a provider of electronic communications services, a "
        "hosting or platform provider, an air carrier, or another private party (contract 1.1)."
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
    enforcing: Enforcing | None = _fact(
        "What the enforcing authority knows of a cross-border order notified to it; fill in to assess the order "
        "from the enforcing side (contract 1.2)."
    )
    pnr: Pnr | None = _fact("Passenger Name Record processing; fill in for PNR schemes only.")
    further_use: FurtherUse | None = _fact("Reuse of the data for a purpose other than the original one.")
    transfer: Transfer | None = _fact("Transfer of the data to a country outside the EU (contract 1.1).")

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
    """The JSON Schema pydantic derives from :class:`Measure` (kept equal to the contract file by tests)."""
    return Measure.model_json_schema()


__all__ = [
    "DATE_PATTERN",
    "JURISDICTION_PATTERN",
    "Access",
    "AccessLimitedTo",
    "AccessScope",
    "ActorModel",
    "Amount",
    "Authorisation",
    "AutomatedProcessing",
    "Bulk",
    "CalendarDate",
    "Count",
    "Data",
    "DataCategory",
    "Duration",
    "EEvidence",
    "EEvidenceAuthority",
    "EffectivenessEvidence",
    "Encryption",
    "EncryptionEffect",
    "Enforcing",
    "Flag",
    "FurtherUse",
    "IsoDate",
    "Items",
    "Jurisdiction",
    "Led",
    "LegalBasis",
    "LegalBasisLevel",
    "LessIntrusiveAlternative",
    "LoggedOperation",
    "Logging",
    "Measure",
    "MeasureType",
    "Name",
    "NationalSecurityThreat",
    "Necessity",
    "NonEmptyName",
    "NonEmptyText",
    "Notification",
    "Objective",
    "ObligedParty",
    "Offence",
    "OrderType",
    "PersonsAffected",
    "PersonsNotified",
    "Pnr",
    "PnrFlights",
    "PnrLongTermRetention",
    "PriorReviewer",
    "RefusalFlags",
    "Remedy",
    "RequestedData",
    "Retention",
    "Safeguards",
    "SchemaVersion",
    "Separation",
    "SpecialCategories",
    "SpecialCategoriesLegalGround",
    "SpecialCategoryKind",
    "StorageLocation",
    "SubjectsScope",
    "TargetingCriteria",
    "TargetingType",
    "Text",
    "Transfer",
    "UniqueItems",
    "UniqueTuple",
    "measure_json_schema",
]
