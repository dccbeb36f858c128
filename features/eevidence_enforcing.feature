Feature: Cross-border e-evidence orders, from the enforcing side
  A European Production Order for traffic or content data is notified, in most
  cases, to the authority of the State where the provider is addressed. That
  enforcing authority has 10 days (96 hours in an emergency) to raise a ground for
  refusal (Reg. (EU) 2023/1543, Art. 12(1)), after consulting the issuing
  authority. These scenarios assess an order from the enforcing side; from
  18 August 2026 only.

  Background:
    Given a cross-border order to produce electronic evidence
    And the most sensitive data the order asks for are traffic data
    And the offence was, is or will be committed in the issuing State
    And the residence of the person whose data are sought is in the enforcing State
    And the enforcing authority has received a notification of the order
    And the notified order is not an emergency case
    And the data are protected by no immunity or privilege under the enforcing State's law
    And no rule of the enforcing State on press freedom and liability prevents executing the order
    And executing the order would entail no manifest breach of a fundamental right
    And executing the order would not be contrary to ne bis in idem
    And the conduct is also an offence under the enforcing State's law

  Rule: EEVE-001 The enforcing authority must be notified of traffic and content orders
    Unless the offence and the person are both in the issuing State, an order for
    traffic or content data is notified to the enforcing authority (Art. 8(1)-(2)).

    @EEVE-001
    Scenario: A notified order for a person living in the enforcing State
      When it is assessed from the enforcing side as of 2026-09-01
      Then finding EEVE-001 is satisfied
      And finding EEVE-001 cites Reg. 2023/1543
      And the enforcing authority's outcome is no ground for refusal

    @EEVE-001
    Scenario: An order that should have been notified and was not
      Given the enforcing authority has received no notification of the order
      When it is assessed from the enforcing side as of 2026-09-01
      Then finding EEVE-001 is a violation
      And rule EEVE-003 does not apply
      And the enforcing authority's outcome is no order under review
      And the enforcing authority's outcome says the notification was required and has not been received

    @EEVE-001
    Scenario: No notification is needed when the offence and the person are in the issuing State
      Given the enforcing authority has received no notification of the order
      And the residence of the person whose data are sought is in the issuing State
      When it is assessed from the enforcing side as of 2026-09-01
      Then finding EEVE-001 is satisfied


    @EEVE-001
    Scenario: Neither notified nor to be notified, the order is not under review
      Given the enforcing authority has received no notification of the order
      And the residence of the person whose data are sought is in the issuing State
      When it is assessed from the enforcing side as of 2026-09-01
      Then rule EEVE-003 does not apply
      And the enforcing authority's outcome is no order under review

    @EEVE-001
    Scenario: The issuing side does not apply the enforcing authority's rules
      When it is assessed as of 2026-09-01
      Then rule EEVE-001 does not apply
      And rule EEVE-003 does not apply

  Rule: EEVE-002 The notification suspends the transfer, except in emergencies
    Outside emergencies the provider transfers only when the review period ends or
    the enforcing authority confirms it raises no ground (Art. 8(4), Art. 10(2)).

    @EEVE-002
    Scenario: A notified order outside an emergency is suspended
      When it is assessed from the enforcing side as of 2026-09-01
      Then finding EEVE-002 is a condition to impose
      And the safeguards to impose include EEVE-002

    @EEVE-002
    Scenario: An emergency order is not suspended
      Given the notified order is an emergency case
      When it is assessed from the enforcing side as of 2026-09-01
      Then finding EEVE-002 is satisfied

    @EEVE-002
    Scenario: Whether the order is an emergency is not stated
      Given it is not stated whether the notified order is an emergency case
      When it is assessed from the enforcing side as of 2026-09-01
      Then finding EEVE-002 is a request for information
      And the enforcing authority's outcome is insufficient information to decide within the deadline

  Rule: EEVE-003 Ground for refusal: immunities, privileges or press-freedom rules
    Data protected by an immunity or privilege, or by rules on press freedom, of the
    enforcing State (Art. 12(1)(a)).

    @EEVE-003
    Scenario: A journalist's data covered by rules protecting the press
      Given the example measure "ex16-epoc-journalist-notified-enforcing"
      When it is assessed from the enforcing side
      Then finding EEVE-003 is a violation
      And the grounds for refusal include EEVE-003
      And the enforcing authority's outcome is a ground for refusal

    @EEVE-003
    Scenario: Data covered by a professional privilege
      Given the data are protected by an immunity or privilege under the enforcing State's law
      When it is assessed from the enforcing side as of 2026-09-01
      Then finding EEVE-003 is a violation

    @EEVE-003
    Scenario: No privilege and no press-freedom rule
      When it is assessed from the enforcing side as of 2026-09-01
      Then finding EEVE-003 is satisfied

    @EEVE-003
    Scenario: Whether a privilege applies is not stated
      Given it is not stated whether the data are protected by an immunity or privilege under the enforcing State's law
      When it is assessed from the enforcing side as of 2026-09-01
      Then finding EEVE-003 is a request for information
      And the enforcing authority's outcome is insufficient information to decide within the deadline

  Rule: EEVE-004 Ground for refusal: a manifest breach of a fundamental right
    Only in exceptional situations, on specific and objective evidence
    (Art. 12(1)(b)).

    @EEVE-004
    Scenario: A manifest breach shown by specific and objective evidence
      Given executing the order would entail a manifest breach of a fundamental right
      And the fundamental-rights concern rests on specific and objective evidence about the case
      When it is assessed from the enforcing side as of 2026-09-01
      Then finding EEVE-004 is a violation
      And the enforcing authority's outcome is a ground for refusal

    @EEVE-004
    Scenario: A concern resting on general information only
      Given executing the order would entail a manifest breach of a fundamental right
      And the fundamental-rights concern rests on general information only
      When it is assessed from the enforcing side as of 2026-09-01
      Then finding EEVE-004 is satisfied

    @EEVE-004
    Scenario: A concern whose evidence is not described
      Given executing the order would entail a manifest breach of a fundamental right
      When it is assessed from the enforcing side as of 2026-09-01
      Then finding EEVE-004 is a request for information

  Rule: EEVE-005 Ground for refusal: ne bis in idem
    Executing the order would be contrary to ne bis in idem (Art. 12(1)(c)).

    @EEVE-005
    Scenario: The same acts were finally judged
      Given executing the order would be contrary to ne bis in idem
      When it is assessed from the enforcing side as of 2026-09-01
      Then finding EEVE-005 is a violation
      And the grounds for refusal include EEVE-005

    @EEVE-005
    Scenario: No final decision on the same acts
      When it is assessed from the enforcing side as of 2026-09-01
      Then finding EEVE-005 is satisfied

  Rule: EEVE-006 Ground for refusal: no double criminality, outside the Annex IV categories
    The conduct is not an offence in the enforcing State, unless it is in an Annex
    IV category and punishable in the issuing State by a maximum of at least 3 years
    (Art. 12(1)(d)).

    @EEVE-006
    Scenario: Conduct that is no offence in the enforcing State and in no Annex IV category
      Given the conduct is not an offence under the enforcing State's law
      And the offence is indicated as an offence of no Annex IV category
      When it is assessed from the enforcing side as of 2026-09-01
      Then finding EEVE-006 is a violation
      And the grounds for refusal include EEVE-006

    @EEVE-006
    Scenario: An Annex IV offence carrying 3 years is exempt from the check
      Given the conduct is not an offence under the enforcing State's law
      And the offence is indicated as corruption
      And the maximum sentence for the offence, in years, is 3
      When it is assessed from the enforcing side as of 2026-09-01
      Then finding EEVE-006 is satisfied

    @EEVE-006
    Scenario: An Annex IV offence carrying less than 3 years is not exempt
      Given the conduct is not an offence under the enforcing State's law
      And the offence is indicated as corruption
      And the maximum sentence for the offence, in years, is 2
      When it is assessed from the enforcing side as of 2026-09-01
      Then finding EEVE-006 is a violation

    @EEVE-006
    Scenario: An Annex IV offence whose maximum sentence is not stated
      Given the conduct is not an offence under the enforcing State's law
      And the offence is indicated as corruption
      When it is assessed from the enforcing side as of 2026-09-01
      Then finding EEVE-006 is a request for information

    @EEVE-006
    Scenario: Conduct that is an offence in both States
      When it is assessed from the enforcing side as of 2026-09-01
      Then finding EEVE-006 is satisfied

  Rule: EEVE-007 The issuing authority is consulted before a ground for refusal is raised
    Before raising a ground, the enforcing authority contacts the issuing authority
    (Art. 12(5), paragraph not verified).

    @EEVE-007
    Scenario: A ground is present and the issuing authority has not been consulted
      Given executing the order would be contrary to ne bis in idem
      And the enforcing authority has not consulted the issuing authority
      When it is assessed from the enforcing side as of 2026-09-01
      Then finding EEVE-007 is a condition to impose
      And the enforcing authority's outcome is a ground for refusal
      And the enforcing authority's outcome says consult the issuing authority before refusing

    @EEVE-007
    Scenario: A ground is present and the issuing authority has been consulted
      Given executing the order would be contrary to ne bis in idem
      And the enforcing authority has consulted the issuing authority
      When it is assessed from the enforcing side as of 2026-09-01
      Then finding EEVE-007 is satisfied
      And the enforcing authority's outcome is a ground for refusal
      And the enforcing authority's outcome says the issuing authority was consulted
      And the enforcing authority's outcome does not say consult the issuing authority before refusing

    @EEVE-007
    Scenario: Without a ground there is nothing to consult about
      When it is assessed from the enforcing side as of 2026-09-01
      Then rule EEVE-007 does not apply

  Rule: The enforcing rules apply from 18 August 2026, when the Regulation applies
    Every EEVE rule is in force from the day Regulation (EU) 2023/1543 applies
    (Art. 34(2)); on the day before, none of them applies and the enforcing
    authority has no European Production Order to review.

    @EEVE-001 @EEVE-002 @EEVE-003 @EEVE-004 @EEVE-005 @EEVE-006 @EEVE-007
    Scenario: The day before the Regulation applies, no enforcing rule applies
      Given executing the order would be contrary to ne bis in idem
      And the enforcing authority has not consulted the issuing authority
      When it is assessed from the enforcing side as of 2026-08-17
      Then rule EEVE-001 does not apply
      And rule EEVE-002 does not apply
      And rule EEVE-003 does not apply
      And rule EEVE-004 does not apply
      And rule EEVE-005 does not apply
      And rule EEVE-006 does not apply
      And rule EEVE-007 does not apply
      And the enforcing authority's outcome is that the enforcing rules do not apply

    @EEVE-001 @EEVE-002 @EEVE-003 @EEVE-004 @EEVE-005 @EEVE-006 @EEVE-007
    Scenario: On the day the Regulation applies, every enforcing rule applies
      Given executing the order would be contrary to ne bis in idem
      And the enforcing authority has not consulted the issuing authority
      When it is assessed from the enforcing side as of 2026-08-18
      Then finding EEVE-001 is satisfied
      And finding EEVE-002 is a condition to impose
      And finding EEVE-003 is satisfied
      And finding EEVE-004 is satisfied
      And finding EEVE-005 is a violation
      And finding EEVE-006 is satisfied
      And finding EEVE-007 is a condition to impose
      And the enforcing authority's outcome is a ground for refusal

  Rule: EEVE-002 The review deadline runs from the notification
    The enforcing authority raises any ground within 10 days of receiving the
    notification, or 96 hours in an emergency (Art. 12(1)); the periods are law
    data (rules/law/legal_values.yaml). When it is not stated whether the order is
    an emergency, the shorter period is shown. A reminder is due from 24 hours
    before the deadline, and another once it has passed without a decision; the
    deadline itself is still within the period.

    @EEVE-002
    Scenario: Ten days from the notification outside an emergency
      Given the notification was received at "2026-09-01T09:00:00Z"
      Then the review deadline is 2026-09-11T09:00:00+00:00

    @EEVE-002
    Scenario: Ninety-six hours from the notification in an emergency
      Given the notified order is an emergency case
      And the notification was received at "2026-09-01T09:00:00Z"
      Then the review deadline is 2026-09-05T09:00:00+00:00

    @EEVE-002
    Scenario: The shorter period when the emergency is not stated
      Given it is not stated whether the notified order is an emergency case
      And the notification was received at "2026-09-01T09:00:00Z"
      Then the review deadline is 2026-09-05T09:00:00+00:00

    @EEVE-002
    Scenario: The 24-hour reminder, on either side of its boundary
      Given the notification was received at "2026-09-01T09:00:00Z"
      Then at 2026-09-10T08:59:59+00:00 no reminder is due
      And at 2026-09-10T09:00:00+00:00 the reminder that the deadline is 24 hours away is due

    @EEVE-002
    Scenario: The deadline passed, on either side of its boundary
      Given the notification was received at "2026-09-01T09:00:00Z"
      Then at 2026-09-11T09:00:00+00:00 the reminder that the deadline is 24 hours away is due
      And at 2026-09-11T09:00:01+00:00 the reminder that the deadline has passed is due

    @EEVE-002
    Scenario: The emergency deadline, on either side of its boundaries
      Given the notified order is an emergency case
      And the notification was received at "2026-09-01T09:00:00Z"
      Then at 2026-09-04T08:59:59+00:00 no reminder is due
      And at 2026-09-04T09:00:00+00:00 the reminder that the deadline is 24 hours away is due
      And at 2026-09-05T09:00:00+00:00 the reminder that the deadline is 24 hours away is due
      And at 2026-09-05T09:00:01+00:00 the reminder that the deadline has passed is due
