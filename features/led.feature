Feature: Processing of personal data by law-enforcement authorities
  The Law Enforcement Directive (EU) 2016/680 sets the data-protection principles
  that police, prosecutors and other competent authorities must respect when they
  process personal data to prevent, investigate or prosecute crime: purpose
  limitation, data minimisation, storage limitation, special protection of
  sensitive data, limits on automated decisions, impact assessments and logs.

  Background:
    Given a measure of type "device_search"
    And "jurisdiction" is "BE"
    And the objective is serious crime

  Rule: The Directive reaches criminal-law processing in the Union only
    The rules below apply where the purpose is a criminal-law one (terrorism,
    serious crime, serious threats to public security, crime in general) and the
    processing takes place in the Union or a Member State. National security lies
    outside Union law, and a State outside the Union is not bound by the Directive.

    @LED-001 @LED-002 @LED-003 @LED-004 @LED-005 @LED-006 @LED-007
    Scenario: A State outside the Union is not bound by the Directive
      Given EU law does not apply to it
      When it is assessed as of 2025-01-01
      Then rule LED-001 does not apply
      And rule LED-002 does not apply
      And rule LED-003 does not apply
      And rule LED-004 does not apply
      And rule LED-005 does not apply
      And rule LED-006 does not apply
      And rule LED-007 does not apply

    @LED-001 @LED-002 @LED-003 @LED-004 @LED-005 @LED-006 @LED-007
    Scenario: Processing for national security is outside the Directive
      Given the objective is national security
      When it is assessed as of 2025-01-01
      Then rule LED-001 does not apply
      And rule LED-002 does not apply
      And rule LED-003 does not apply
      And rule LED-004 does not apply
      And rule LED-005 does not apply
      And rule LED-006 does not apply
      And rule LED-007 does not apply

    @LED-001 @LED-006
    Scenario: Administrative offences are outside the Directive
      Given the objective is administrative offences
      When it is assessed as of 2025-01-01
      Then rule LED-001 does not apply
      And rule LED-006 does not apply

    @LED-001
    Scenario: Without an objective it cannot be told whether the Directive applies
      Given "objective" is not stated
      When it is assessed as of 2025-01-01
      Then finding LED-001 asks for "objective"

    @LED-001 @LED-002 @LED-003 @LED-004 @LED-005 @LED-006 @LED-007
    Scenario: A non-EU intelligence service intercepting in bulk is outside the Directive
      Given the example measure "ex11-bulk-interception-ministerial"
      When it is assessed
      Then rule LED-001 does not apply
      And rule LED-002 does not apply
      And rule LED-003 does not apply
      And rule LED-004 does not apply
      And rule LED-005 does not apply
      And rule LED-006 does not apply
      And rule LED-007 does not apply

  Rule: LED-001 purposes are specified, and reuse for another purpose is authorised by law
    Personal data may be collected only for specified, explicit and legitimate
    purposes. Using them later for another purpose needs a legal provision that
    authorises it. The reuse limb is examined only where a further use is declared.

    @LED-001
    Scenario: Purposes that are not specified are a violation
      Given "led.purposes_specified_explicit" is false
      When it is assessed as of 2025-01-01
      Then the necessity principle is not satisfied
      And finding LED-001 is a violation
      And finding LED-001 cites LED

    @LED-001
    Scenario: A declared reuse without legal authorisation is a violation
      Given "led.purposes_specified_explicit" is true
      And "further_use.objective" is "crime_general"
      And "led.further_processing_authorised_by_law" is false
      When it is assessed as of 2025-01-01
      Then finding LED-001 is a violation

    @LED-001
    Scenario: Specified purposes and no declared reuse satisfy the rule
      Given "led.purposes_specified_explicit" is true
      When it is assessed as of 2025-01-01
      Then finding LED-001 is satisfied

    @LED-001
    Scenario: A reuse authorised by law satisfies the rule
      Given "led.purposes_specified_explicit" is true
      And "further_use.description" is "Use in other proceedings for offences of the same gravity"
      And "led.further_processing_authorised_by_law" is true
      When it is assessed as of 2025-01-01
      Then finding LED-001 is satisfied

    @LED-001
    Scenario: Whether the purposes are specified is not stated
      When it is assessed as of 2025-01-01
      Then finding LED-001 asks for "led.purposes_specified_explicit"

    @LED-001
    Scenario: A declared reuse whose legal basis is not stated
      Given "led.purposes_specified_explicit" is true
      And "further_use.objective" is "serious_crime"
      When it is assessed as of 2025-01-01
      Then finding LED-001 asks for "led.further_processing_authorised_by_law"

  Rule: LED-002 only data adequate, relevant and not excessive are processed
    It must be checked that every category of data is adequate, relevant and not
    excessive for the purpose. Where nobody checked, the check is a condition to
    impose before the measure is adopted.

    @LED-002
    Scenario: Data minimisation that was not assessed is a condition to impose
      Given "led.data_minimisation_assessed" is false
      When it is assessed as of 2025-01-01
      Then finding LED-002 is a condition to impose
      And the safeguards to impose include LED-002
      And finding LED-002 cites LED

    @LED-002
    Scenario: Assessed data minimisation satisfies the rule
      Given "led.data_minimisation_assessed" is true
      When it is assessed as of 2025-01-01
      Then finding LED-002 is satisfied

    @LED-002
    Scenario: Whether data minimisation was assessed is not stated
      When it is assessed as of 2025-01-01
      Then finding LED-002 asks for "led.data_minimisation_assessed"

  Rule: LED-003 time limits for erasure or a periodic review of stored data
    The law must set time limits for erasing the data or for reviewing regularly
    whether they are still needed. A stated maximum period is enough; a measure that
    keeps data without limit must at least provide for periodic review.

    @LED-003
    Scenario: Data kept without limit and without review need a safeguard
      Given "retention.period_unlimited" is true
      And "retention.periodic_review" is false
      When it is assessed as of 2025-01-01
      Then finding LED-003 is a condition to impose
      And the safeguards to impose include LED-003

    @LED-003
    Scenario: Data kept without limit but reviewed periodically satisfy the rule
      Given "retention.period_unlimited" is true
      And "retention.periodic_review" is true
      When it is assessed as of 2025-01-01
      Then finding LED-003 is satisfied

    @LED-003
    Scenario: A maximum storage period satisfies the rule
      Given "retention.period_days" is 365
      When it is assessed as of 2025-01-01
      Then finding LED-003 is satisfied

    @LED-003
    Scenario: Neither a storage period nor a review is stated
      When it is assessed as of 2025-01-01
      Then finding LED-003 asks for "retention.period_unlimited"
      And finding LED-003 asks for "retention.periodic_review"

  Rule: LED-004 sensitive data only where strictly necessary and on a listed ground
    Sensitive data (ethnic origin, opinions, religion, union membership, genetic and
    biometric data, health, sex life) may be processed only where strictly necessary,
    with safeguards, and if authorised by law, needed for vital interests or made
    manifestly public by the person. It applies only where such data are processed.

    @LED-004
    Scenario: Sensitive data that are not shown to be strictly necessary are a violation
      Given "special_categories.processed" is true
      And "special_categories.strictly_necessary_justified" is false
      And "special_categories.legal_ground" is "law"
      When it is assessed as of 2025-01-01
      Then the necessity principle is not satisfied
      And finding LED-004 is a violation
      And finding LED-004 cites LED

    @LED-004
    Scenario: Sensitive data without a listed ground are a violation
      Given "special_categories.processed" is true
      And "special_categories.strictly_necessary_justified" is true
      And "special_categories.legal_ground" is "none"
      When it is assessed as of 2025-01-01
      Then finding LED-004 is a violation

    @LED-004
    Scenario: Strictly necessary sensitive data authorised by law satisfy the rule
      Given "special_categories.processed" is true
      And "special_categories.strictly_necessary_justified" is true
      And "special_categories.legal_ground" is "law"
      When it is assessed as of 2025-01-01
      Then finding LED-004 is satisfied

    @LED-004
    Scenario: No sensitive data are processed
      Given "special_categories.processed" is false
      When it is assessed as of 2025-01-01
      Then rule LED-004 does not apply

    @LED-004
    Scenario: Whether sensitive data are processed is not stated
      When it is assessed as of 2025-01-01
      Then finding LED-004 asks for "special_categories.processed"

    @LED-004
    Scenario: Sensitive data listed among the categories, their justification not stated
      Given "data.categories" is ["special_categories"]
      When it is assessed as of 2025-01-01
      Then finding LED-004 asks for "special_categories.strictly_necessary_justified"
      And finding LED-004 asks for "special_categories.legal_ground"

  Rule: LED-005 no purely automated adverse decisions without law and human review, no discriminatory profiling
    A decision with adverse legal or similarly significant effects may be taken
    solely by automated means only where the law authorises it with safeguards, at
    least human intervention. Profiling that discriminates on sensitive data is
    always prohibited.

    @LED-005
    Scenario: A purely automated adverse decision without human review is a violation
      Given "automated_processing.solely_automated_adverse_decision" is true
      And "automated_processing.authorised_by_law" is true
      And "automated_processing.human_review" is false
      And "automated_processing.discriminatory_profiling" is false
      When it is assessed as of 2025-01-01
      Then the safeguards principle is not satisfied
      And finding LED-005 is a violation
      And finding LED-005 cites LED

    @LED-005
    Scenario: Discriminatory profiling is a violation
      Given "automated_processing.solely_automated_adverse_decision" is false
      And "automated_processing.discriminatory_profiling" is true
      When it is assessed as of 2025-01-01
      Then finding LED-005 is a violation

    @LED-005
    Scenario: No purely automated decision and no discriminatory profiling
      Given "automated_processing.solely_automated_adverse_decision" is false
      And "automated_processing.discriminatory_profiling" is false
      When it is assessed as of 2025-01-01
      Then finding LED-005 is satisfied

    @LED-005
    Scenario: A purely automated decision authorised by law with human review
      Given "automated_processing.solely_automated_adverse_decision" is true
      And "automated_processing.authorised_by_law" is true
      And "automated_processing.human_review" is true
      And "automated_processing.discriminatory_profiling" is false
      When it is assessed as of 2025-01-01
      Then finding LED-005 is satisfied

    @LED-005
    Scenario: Whether automated processing takes place is not stated
      When it is assessed as of 2025-01-01
      Then finding LED-005 asks for "automated_processing.takes_place"

    @LED-005
    Scenario: Automated decision-making takes place but is not described
      Given "automated_processing.takes_place" is true
      When it is assessed as of 2025-01-01
      Then finding LED-005 asks for "automated_processing.solely_automated_adverse_decision"
      And finding LED-005 asks for "automated_processing.discriminatory_profiling"

  Rule: LED-006 an impact assessment before high-risk processing
    Processing likely to create a high risk (new technology, data of everyone,
    sensitive data) needs a data protection impact assessment before it starts, and
    prior consultation of the data protection authority where a high risk remains.

    @LED-006
    Scenario: New technology without an impact assessment needs a safeguard
      Given "led.new_technology" is true
      And "led.dpia_done" is false
      When it is assessed as of 2025-01-01
      Then finding LED-006 is a condition to impose
      And the safeguards to impose include LED-006
      And finding LED-006 cites LED

    @LED-006
    Scenario: Processing everyone's data without an impact assessment needs a safeguard
      Given "data.subjects_scope" is "all_users"
      And "led.dpia_done" is false
      When it is assessed as of 2025-01-01
      Then finding LED-006 is a condition to impose

    @LED-006
    Scenario: An impact assessment was made
      Given "led.new_technology" is true
      And "led.dpia_done" is true
      When it is assessed as of 2025-01-01
      Then finding LED-006 is satisfied

    @LED-006
    Scenario: Targeted processing without high-risk features needs no impact assessment
      Given "led.new_technology" is false
      And "data.subjects_scope" is "suspects_only"
      And "special_categories.processed" is false
      And "led.dpia_done" is false
      When it is assessed as of 2025-01-01
      Then finding LED-006 is satisfied

    @LED-006
    Scenario: No impact assessment, and the risk features are not stated
      Given "led.dpia_done" is false
      When it is assessed as of 2025-01-01
      Then finding LED-006 asks for "led.new_technology"

  Rule: LED-007 logs of every processing operation
    Automated systems must log collection, alteration, consultation, disclosure,
    combination and erasure; logs of consultation and disclosure must show the
    justification, the date and time and who consulted or received the data.

    @LED-007
    Scenario: Logs that leave out erasure need a safeguard
      Given "safeguards.logging.operations_covered" is ["collection", "alteration", "consultation", "disclosure", "combination"]
      And "safeguards.logging.records_justification_time_identity" is true
      When it is assessed as of 2025-01-01
      Then finding LED-007 is a condition to impose
      And the safeguards to impose include LED-007
      And finding LED-007 cites LED

    @LED-007
    Scenario: Logs that do not record who consulted the data and why need a safeguard
      Given "safeguards.logging.operations_covered" is ["collection", "alteration", "consultation", "disclosure", "combination", "erasure"]
      And "safeguards.logging.records_justification_time_identity" is false
      When it is assessed as of 2025-01-01
      Then finding LED-007 is a condition to impose

    @LED-007
    Scenario: Complete logs satisfy the rule
      Given "safeguards.logging.operations_covered" is ["collection", "alteration", "consultation", "disclosure", "combination", "erasure"]
      And "safeguards.logging.records_justification_time_identity" is true
      When it is assessed as of 2025-01-01
      Then finding LED-007 is satisfied

    @LED-007
    Scenario: Logging is not described
      When it is assessed as of 2025-01-01
      Then finding LED-007 asks for "safeguards.logging.operations_covered"

  Rule: The example measures
    Whole example measures from the shared set, with the findings the examples
    README expects from these rules.

    @LED-002 @LED-004 @LED-005 @LED-006 @LED-007
    Scenario: Automated exchange of DNA profiles and facial images between police forces
      Given the example measure "ex02-automated-dna-face-exchange"
      When it is assessed
      Then finding LED-002 is a condition to impose
      And finding LED-007 is a condition to impose
      And finding LED-004 is satisfied
      And finding LED-005 is satisfied
      And finding LED-006 is satisfied

    @LED-001 @LED-002 @LED-004 @LED-005 @LED-006 @LED-007
    Scenario: Client-side scanning of every user's messages
      Given the example measure "ex09-client-side-scanning"
      When it is assessed
      Then finding LED-006 is a condition to impose
      And finding LED-001 asks for "led.purposes_specified_explicit"
      And finding LED-002 asks for "led.data_minimisation_assessed"
      And rule LED-004 does not apply
      And finding LED-005 asks for "automated_processing.discriminatory_profiling"
      And finding LED-007 asks for "safeguards.logging.operations_covered"

    @LED-001 @LED-003 @LED-006 @LED-007
    Scenario: A court-authorised device hack by the national bureau of investigation
      Given the example measure "ex08-targeted-device-access"
      When it is assessed
      Then finding LED-001 is satisfied
      And finding LED-003 is satisfied
      And finding LED-006 is satisfied
      And finding LED-007 is satisfied
