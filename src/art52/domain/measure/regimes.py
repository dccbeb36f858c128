"""The sections of a measure about necessity evidence and specific regimes (encryption, bulk, LED, e-evidence, PNR)."""

from __future__ import annotations

from typing import Self

from pydantic import (
    Field,
    model_validator,
)
from pydantic_core import PydanticCustomError

from art52.domain.measure.values import (
    Amount,
    Count,
    Flag,
    Items,
    NonEmptyText,
    Text,
    UniqueTuple,
    UtcTime,
    _ContractModel,
    _fact,
)
from art52.domain.measure.vocabulary import (
    AnnexIvCategory,
    EEvidenceAuthority,
    EffectivenessEvidence,
    EncryptionEffect,
    FundamentalRightsEvidence,
    Objective,
    OrderType,
    PersonResidence,
    PnrFlights,
    PnrLongTermRetention,
    RequestedData,
    SpecialCategoriesLegalGround,
    SpecialCategoryKind,
)


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
    less_intrusive_alternatives: Items[LessIntrusiveAlternative] | None = _fact(
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

    takes_place: Flag | None = _fact(
        "Whether the data are processed by automated means to analyse, profile or select persons (contract 1.1)."
    )
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
    statutory_intervention_threshold: Flag | None = _fact(
        "Whether the law itself sets the threshold of danger or suspicion from which automated analysis may be used "
        "(contract 1.1)."
    )
    statutory_limits_data_methods: Flag | None = _fact(
        "Whether the law itself limits the data and the analysis methods that automated analysis may use (contract "
        "1.1)."
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
    applicable: Flag | None = _fact(
        "Whether the processing is done by competent authorities to prevent, investigate, detect or prosecute criminal "
        "offences or execute criminal penalties (the Law Enforcement Directive's scope); false for a provider's own "
        "retention, national security, or processing by a third country's authorities (contract 1.1)."
    )
    residual_high_risk: Flag | None = _fact(
        "Whether the impact assessment found a high risk that remains despite the measures planned (contract 1.1)."
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
    emergency_validation_within_48h: Flag | None = _fact(
        "For an emergency order issued without prior validation: whether validation is sought within 48 hours "
        "(contract 1.1)."
    )
    extension_count: Count | None = _fact(
        "For a preservation order: how many extensions are provided for (contract 1.1)."
    )


class Enforcing(_ContractModel):
    """What the enforcing authority knows of an order notified to it (Reg. 2023/1543, Arts. 8 and 12; contract 1.1)."""

    notification_received: Flag | None = _fact(
        "Whether the enforcing authority has received a notification of the order."
    )
    notification_received_at: UtcTime | None = _fact(
        "When the notification was received, in UTC (YYYY-MM-DDThh:mm[:ss]Z); the review deadline runs from it."
    )
    emergency: Flag | None = _fact("Whether the notified order is an emergency case.")
    annex_iv_category: AnnexIvCategory | None = _fact(
        "The category of offences of Annex IV the issuing authority indicates for the offence ('not_listed' if none)."
    )
    conduct_is_offence_in_enforcing_state: Flag | None = _fact(
        "Whether the conduct for which the order is issued is also an offence under the enforcing State's law."
    )
    person_residence: PersonResidence | None = _fact("Where the person whose data are sought resides.")
    immunity_or_privilege_asserted: Flag | None = _fact(
        "Whether the data are protected by an immunity or privilege under the enforcing State's law that prevents "
        "executing the order."
    )
    press_freedom_rules_apply: Flag | None = _fact(
        "Whether the data are covered by the enforcing State's rules on criminal liability relating to freedom of "
        "the press or of expression that prevent executing the order."
    )
    fundamental_rights_concern: Flag | None = _fact(
        "Whether executing the order would, in the circumstances of the case, entail a manifest breach of a "
        "fundamental right."
    )
    fundamental_rights_evidence: FundamentalRightsEvidence | None = _fact(
        "What the fundamental-rights concern rests on: nothing, general information only, or specific and "
        "objective evidence about the case."
    )
    ne_bis_in_idem: Flag | None = _fact(
        "Whether executing the order would be contrary to ne bis in idem (a final decision on the same acts)."
    )
    issuing_authority_consulted: Flag | None = _fact(
        "Whether the enforcing authority has consulted the issuing authority about the ground it intends to raise."
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
    objectives: UniqueTuple[Objective] | None = _fact(
        "Every objective of later uses, where the data may be reused for more than one (contract 1.1)."
    )


class Transfer(_ContractModel):
    """Transfer of the data to a country outside the EU."""

    to_third_country: Flag | None = _fact(
        "Whether the data are transferred to, or made accessible from, a country outside the EU and the EEA (contract "
        "1.1)."
    )
    recipient_country: Text | None = _fact("The country or countries that receive the data (contract 1.1).")
    recipient_access_limited_to_strictly_necessary: Flag | None = _fact(
        "Whether the recipient country's law limits its authorities' access to and use of the transferred data to what "
        "is strictly necessary, under clear and precise rules (contract 1.1)."
    )
    recipient_effective_remedy: Flag | None = _fact(
        "Whether persons whose data are transferred have an effective remedy before an independent court or body in "
        "the recipient country (contract 1.1)."
    )
