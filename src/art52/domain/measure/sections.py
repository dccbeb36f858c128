"""The sections of a measure about its law, data, access and oversight."""

from __future__ import annotations

from typing import Self

from pydantic import (
    model_validator,
)
from pydantic_core import PydanticCustomError

from art52.domain.measure.values import (
    Amount,
    Count,
    Flag,
    NonEmptyName,
    Text,
    UniqueTuple,
    _ContractModel,
    _fact,
)
from art52.domain.measure.vocabulary import (
    AccessLimitedTo,
    AccessScope,
    DataCategory,
    LegalBasisLevel,
    LoggedOperation,
    PersonsAffected,
    PersonsNotified,
    PriorReviewer,
    StorageLocation,
    SubjectsScope,
    TargetingType,
)


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
    named_persons_or_premises: Flag | None = _fact(
        "Whether each warrant or order must name or describe the persons or premises it targets (contract 1.1)."
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
    persons_not_convicted: Flag | None = _fact(
        "Whether the measure keeps data of persons arrested, suspected or charged but not convicted (acquitted, "
        "discharged, proceedings dropped) (contract 1.1)."
    )
    minors_included: Flag | None = _fact("Whether the persons covered can include minors (contract 1.1).")
    professional_secrecy_persons_affected: Flag | None = _fact(
        "Whether the data of lawyers, journalists, doctors or others bound by professional secrecy can be caught by "
        "the measure (contract 1.1)."
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
    until_no_longer_necessary: Flag | None = _fact(
        "Whether the data are kept only until they are no longer necessary for the purpose, the need to keep them "
        "being verified periodically: an erasure rule instead of a number of days (contract 1.1)."
    )
    bound_to_event: Flag | None = _fact(
        "Whether storage ends with a defined event rather than after a number of days, e.g. the end of the contract "
        "or the expiry of the holder's own document (contract 1.1)."
    )
    central_database: Flag | None = _fact(
        "Whether the data are kept in a central database; false if they stay only in the holder's own document or "
        "device, or with the provider (contract 1.1)."
    )
    no_storage: Flag | None = _fact(
        "Whether the measure keeps no data at all (e.g. a check against a list that leaves no record), so that no "
        "retention period arises (contract 1.1)."
    )
    differentiated_by_offence_gravity: Flag | None = _fact(
        "Whether how long the data are kept depends on the nature or gravity of the offence and on the person's age "
        "(contract 1.1)."
    )
    deletion_review_available: Flag | None = _fact(
        "Whether the person concerned can have the continued retention reviewed and the data deleted when it is no "
        "longer justified (contract 1.1)."
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

    authorities: UniqueTuple[NonEmptyName] | None = _fact(
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
    serious_only_at_later_stage: Flag | None = _fact(
        "Whether the interference is not serious at the first stage (e.g. finding the identity behind an IP address) "
        "and can become serious only at a later stage, when data are linked (contract 1.1)."
    )
    provider_side_scanning: Flag | None = _fact(
        "Whether providers scan the content on their own systems or on users' devices and report hits, rather than "
        "authorities accessing the content themselves (contract 1.1)."
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
    informed_at_time: Flag | None = _fact(
        "Whether the person concerned is informed when the measure is carried out (an overt measure, e.g. an order "
        "served on the person) (contract 1.1)."
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
