Feature: Processing of personal data by law-enforcement authorities
  The Law Enforcement Directive (EU) 2016/680 sets the data-protection principles
  that police, prosecutors and other competent authorities must respect when they
  process personal data to prevent, investigate or prosecute crime: purpose
  limitation, data minimisation, storage limitation, special protection of
  sensitive data, limits on automated decisions, impact assessments and logs.

  Background:
    Given a measure searching a device
    And the measure's jurisdiction is BE
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
      Given it is not stated which objective the measure pursues
      When it is assessed as of 2025-01-01
      Then finding LED-001 asks which objective the measure pursues

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
      Given the purposes of processing are not specified, explicit and legitimate
      When it is assessed as of 2025-01-01
      Then the necessity principle is not satisfied
      And finding LED-001 is a violation
      And finding LED-001 cites LED

    @LED-001
    Scenario: A declared reuse without legal authorisation is a violation
      Given the purposes of processing are specified, explicit and legitimate
      And the data may later be used for crime in general
      And the law does not authorise reusing the data for another purpose
      When it is assessed as of 2025-01-01
      Then finding LED-001 is a violation

    @LED-001
    Scenario: Specified purposes and no declared reuse satisfy the rule
      Given the purposes of processing are specified, explicit and legitimate
      When it is assessed as of 2025-01-01
      Then finding LED-001 is satisfied

    @LED-001
    Scenario: A reuse authorised by law satisfies the rule
      Given the purposes of processing are specified, explicit and legitimate
      And the later use is described as "Use in other proceedings for offences of the same gravity"
      And the law authorises reusing the data for another purpose
      When it is assessed as of 2025-01-01
      Then finding LED-001 is satisfied

    @LED-001
    Scenario: Whether the purposes are specified is not stated
      When it is assessed as of 2025-01-01
      Then finding LED-001 asks whether the purposes of processing are specified, explicit and legitimate

    @LED-001
    Scenario: A declared reuse whose legal basis is not stated
      Given the purposes of processing are specified, explicit and legitimate
      And the data may later be used for serious crime
      When it is assessed as of 2025-01-01
      Then finding LED-001 asks whether the law authorises reusing the data for another purpose

  Rule: LED-002 only data adequate, relevant and not excessive are processed
    It must be checked that every category of data is adequate, relevant and not
    excessive for the purpose. Where nobody checked, the check is a condition to
    impose before the measure is adopted.

    @LED-002
    Scenario: Data minimisation that was not assessed is a condition to impose
      Given it was not checked that the data are adequate, relevant and not excessive
      When it is assessed as of 2025-01-01
      Then finding LED-002 is a condition to impose
      And the safeguards to impose include LED-002
      And finding LED-002 cites LED

    @LED-002
    Scenario: Assessed data minimisation satisfies the rule
      Given it was checked that the data are adequate, relevant and not excessive
      When it is assessed as of 2025-01-01
      Then finding LED-002 is satisfied

    @LED-002
    Scenario: Whether data minimisation was assessed is not stated
      When it is assessed as of 2025-01-01
      Then finding LED-002 asks whether it was checked that the data are adequate, relevant and not excessive

  Rule: LED-003 time limits for erasure or a periodic review of stored data
    The law must set time limits for erasing the data or for reviewing regularly
    whether they are still needed. A stated maximum period is enough; a measure that
    keeps data without limit must at least provide for periodic review.

    @LED-003
    Scenario: Data kept without limit and without review need a safeguard
      Given the law sets no maximum period for keeping the data
      And the need to keep stored data is not reviewed periodically
      When it is assessed as of 2025-01-01
      Then finding LED-003 is a condition to impose
      And the safeguards to impose include LED-003

    @LED-003
    Scenario: Data kept without limit but reviewed periodically satisfy the rule
      Given the law sets no maximum period for keeping the data
      And the need to keep stored data is reviewed periodically
      When it is assessed as of 2025-01-01
      Then finding LED-003 is satisfied

    @LED-003
    Scenario: A maximum storage period satisfies the rule
      Given the maximum retention period is 365 days
      When it is assessed as of 2025-01-01
      Then finding LED-003 is satisfied

    @LED-003
    Scenario: Neither a storage period nor a review is stated
      When it is assessed as of 2025-01-01
      Then finding LED-003 asks whether the law sets no maximum period for keeping the data
      And finding LED-003 asks whether the need to keep stored data is reviewed periodically

  Rule: LED-004 sensitive data only where strictly necessary and on a listed ground
    Sensitive data (ethnic origin, opinions, religion, union membership, genetic and
    biometric data, health, sex life) may be processed only where strictly necessary,
    with safeguards, and if authorised by law, needed for vital interests or made
    manifestly public by the person. It applies only where such data are processed.

    @LED-004
    Scenario: Sensitive data that are not shown to be strictly necessary are a violation
      Given special categories of personal data are processed
      And processing the special categories is not shown to be strictly necessary
      And the special categories are processed on the ground of authorisation by law
      When it is assessed as of 2025-01-01
      Then the necessity principle is not satisfied
      And finding LED-004 is a violation
      And finding LED-004 cites LED

    @LED-004
    Scenario: Sensitive data without a listed ground are a violation
      Given special categories of personal data are processed
      And processing the special categories is shown to be strictly necessary
      And the special categories are processed on the ground of nothing at all
      When it is assessed as of 2025-01-01
      Then finding LED-004 is a violation

    @LED-004
    Scenario: Strictly necessary sensitive data authorised by law satisfy the rule
      Given special categories of personal data are processed
      And processing the special categories is shown to be strictly necessary
      And the special categories are processed on the ground of authorisation by law
      When it is assessed as of 2025-01-01
      Then finding LED-004 is satisfied

    @LED-004
    Scenario: No sensitive data are processed
      Given no special categories of personal data are processed
      When it is assessed as of 2025-01-01
      Then rule LED-004 does not apply

    @LED-004
    Scenario: Whether sensitive data are processed is not stated
      When it is assessed as of 2025-01-01
      Then finding LED-004 asks whether special categories of personal data are processed

    @LED-004
    Scenario: Sensitive data listed among the categories, their justification not stated
      Given the measure covers special categories of personal data
      When it is assessed as of 2025-01-01
      Then finding LED-004 asks whether processing the special categories is shown to be strictly necessary
      And finding LED-004 asks on which ground the special categories are processed

  Rule: LED-005 no purely automated adverse decisions without law and human review, no discriminatory profiling
    A decision with adverse legal or similarly significant effects may be taken
    solely by automated means only where the law authorises it with safeguards, at
    least human intervention. Profiling that discriminates on sensitive data is
    always prohibited.

    @LED-005
    Scenario: A purely automated adverse decision without human review is a violation
      Given adverse decisions are taken solely by automated means
      And automated decision-making is expressly authorised by law with safeguards
      And automated hits are not re-examined by a human before action is taken
      And profiling does not rely on special categories of data in a discriminatory way
      When it is assessed as of 2025-01-01
      Then the safeguards principle is not satisfied
      And finding LED-005 is a violation
      And finding LED-005 cites LED

    @LED-005
    Scenario: Discriminatory profiling is a violation
      Given no adverse decision is taken solely by automated means
      And profiling relies on special categories of data in a discriminatory way
      When it is assessed as of 2025-01-01
      Then finding LED-005 is a violation

    @LED-005
    Scenario: No purely automated decision and no discriminatory profiling
      Given no adverse decision is taken solely by automated means
      And profiling does not rely on special categories of data in a discriminatory way
      When it is assessed as of 2025-01-01
      Then finding LED-005 is satisfied

    @LED-005
    Scenario: A purely automated decision authorised by law with human review
      Given adverse decisions are taken solely by automated means
      And automated decision-making is expressly authorised by law with safeguards
      And every automated hit is re-examined by a human before action is taken
      And profiling does not rely on special categories of data in a discriminatory way
      When it is assessed as of 2025-01-01
      Then finding LED-005 is satisfied

    @LED-005
    Scenario: Whether automated processing takes place is not stated
      When it is assessed as of 2025-01-01
      Then finding LED-005 asks whether the data are analysed automatically to profile or select persons

    @LED-005
    Scenario: Automated decision-making takes place but is not described
      Given the data are analysed automatically to profile or select persons
      When it is assessed as of 2025-01-01
      Then finding LED-005 asks whether adverse decisions are taken solely by automated means
      And finding LED-005 asks whether profiling relies on special categories of data in a discriminatory way

  Rule: LED-006 an impact assessment before high-risk processing
    Processing likely to create a high risk (new technology, data of everyone,
    sensitive data) needs a data protection impact assessment before it starts, and
    prior consultation of the data protection authority where a high risk remains.

    @LED-006
    Scenario: New technology without an impact assessment needs a safeguard
      Given the processing uses new technologies
      And no data protection impact assessment was carried out
      When it is assessed as of 2025-01-01
      Then finding LED-006 is a condition to impose
      And the safeguards to impose include LED-006
      And finding LED-006 cites LED

    @LED-006
    Scenario: Processing everyone's data without an impact assessment needs a safeguard
      Given the data covered are those of all users
      And no data protection impact assessment was carried out
      When it is assessed as of 2025-01-01
      Then finding LED-006 is a condition to impose

    @LED-006
    Scenario: An impact assessment was made
      Given the processing uses new technologies
      And a data protection impact assessment was carried out
      When it is assessed as of 2025-01-01
      Then finding LED-006 is satisfied

    @LED-006
    Scenario: Targeted processing without high-risk features needs no impact assessment
      Given the processing uses no new technologies
      And the data covered are those of suspects only
      And no special categories of personal data are processed
      And no data protection impact assessment was carried out
      When it is assessed as of 2025-01-01
      Then finding LED-006 is satisfied

    @LED-006
    Scenario: No impact assessment, and the risk features are not stated
      Given no data protection impact assessment was carried out
      When it is assessed as of 2025-01-01
      Then finding LED-006 asks whether the processing uses new technologies

  Rule: LED-007 logs of every processing operation
    Automated systems must log collection, alteration, consultation, disclosure,
    combination and erasure; logs of consultation and disclosure must show the
    justification, the date and time and who consulted or received the data.

    @LED-007
    Scenario: Logs that leave out erasure need a safeguard
      Given the operations logged are collection, alteration, consultation, disclosure and combination
      And the logs record the justification, the time and who consulted the data
      When it is assessed as of 2025-01-01
      Then finding LED-007 is a condition to impose
      And the safeguards to impose include LED-007
      And finding LED-007 cites LED

    @LED-007
    Scenario: Logs that do not record who consulted the data and why need a safeguard
      Given the operations logged are collection, alteration, consultation, disclosure, combination and erasure
      And the logs do not record the justification, the time and who consulted the data
      When it is assessed as of 2025-01-01
      Then finding LED-007 is a condition to impose

    @LED-007
    Scenario: Complete logs satisfy the rule
      Given the operations logged are collection, alteration, consultation, disclosure, combination and erasure
      And the logs record the justification, the time and who consulted the data
      When it is assessed as of 2025-01-01
      Then finding LED-007 is satisfied

    @LED-007
    Scenario: Logging is not described
      When it is assessed as of 2025-01-01
      Then finding LED-007 asks which processing operations are logged

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
      And finding LED-001 asks whether the purposes of processing are specified, explicit and legitimate
      And finding LED-002 asks whether it was checked that the data are adequate, relevant and not excessive
      And rule LED-004 does not apply
      And finding LED-005 asks whether profiling relies on special categories of data in a discriminatory way
      And finding LED-007 asks which processing operations are logged

    @LED-001 @LED-003 @LED-006 @LED-007
    Scenario: A court-authorised device hack by the national bureau of investigation
      Given the example measure "ex08-targeted-device-access"
      When it is assessed
      Then finding LED-001 is satisfied
      And finding LED-003 is satisfied
      And finding LED-006 is satisfied
      And finding LED-007 is satisfied
