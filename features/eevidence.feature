Feature: Cross-border e-evidence orders
  Regulation (EU) 2023/1543 lets an authority of one Member State order a service
  provider in another to produce or preserve electronic evidence. It applies from
  18 August 2026; before that date the European Investigation Order governs and
  these rules do not apply. They concern only European Production Orders and
  European Preservation Orders.

  Rule: EEV-001 Subscriber and identification orders are issued or validated by a judge or prosecutor
    A production order for subscriber data, or for data needed only to identify a
    user, must be issued by a judge, court, investigating judge or competent public
    prosecutor, or validated by one of them (Art. 4(1)).
    Scope: production orders for subscriber or identification-only data, from
    18 August 2026.

    @EEV-001
    Scenario: A police order for subscriber data that nobody validates
      Given a cross-border order to produce electronic evidence
      And the most sensitive data the order asks for are subscriber data
      And the order is issued by another competent authority
      And the order is validated by no authority
      When it is assessed as of 2026-09-01
      Then finding EEV-001 is a violation
      And finding EEV-001 cites Reg. 2023/1543
      And the legality principle is not satisfied

    @EEV-001
    Scenario: A prosecutor issues an order for identification data
      Given a cross-border order to produce electronic evidence
      And the most sensitive data the order asks for are data requested only to identify the user
      And the order is issued by a public prosecutor
      When it is assessed as of 2026-09-01
      Then finding EEV-001 is satisfied

    @EEV-001
    Scenario: A police order whose validation is not stated
      Given a cross-border order to produce electronic evidence
      And the most sensitive data the order asks for are subscriber data
      And the order is issued by another competent authority
      When it is assessed as of 2026-09-01
      Then finding EEV-001 asks which authority validates the order

    @EEV-001
    Scenario: The same order before the Regulation applies
      Given a cross-border order to produce electronic evidence
      And the most sensitive data the order asks for are subscriber data
      And the order is issued by another competent authority
      And the order is validated by no authority
      When it is assessed as of 2026-08-17
      Then rule EEV-001 does not apply

    @EEV-001
    Scenario: A traffic data order is governed by EEV-002 instead
      Given the example measure "ex05-epoc-traffic-judge-validated"
      When it is assessed
      Then rule EEV-001 does not apply

  Rule: EEV-002 Traffic and content orders need a judge
    A production order for traffic data (beyond identification) or content must be
    issued or validated by a judge, court or investigating judge; a prosecutor alone
    is not enough (Art. 4(2)).
    Scope: production orders for traffic or content data, from 18 August 2026.

    @EEV-002
    Scenario: A prosecutor orders message content with no judge involved
      Given the example measure "ex06-epoc-content-prosecutor-minor-offence"
      When it is assessed
      Then finding EEV-002 is a violation
      And finding EEV-002 cites Reg. 2023/1543
      And the legality principle is not satisfied
      And the verdict is not compliant

    @EEV-002
    Scenario: A prosecutor's traffic order validated by an investigating judge
      Given the example measure "ex05-epoc-traffic-judge-validated"
      When it is assessed
      Then finding EEV-002 is satisfied

    @EEV-002
    Scenario: A prosecutor's traffic order whose validation is not stated
      Given a cross-border order to produce electronic evidence
      And the most sensitive data the order asks for are traffic data
      And the order is issued by a public prosecutor
      When it is assessed as of 2026-09-01
      Then finding EEV-002 asks which authority validates the order

    @EEV-002
    Scenario: The same content order before the Regulation applies
      Given the example measure "ex06-epoc-content-prosecutor-minor-offence"
      When it is assessed as of 2026-08-17
      Then rule EEV-002 does not apply

  Rule: EEV-003 Traffic and content orders only for offences of at least 3 years or listed offences
    Traffic and content data may be ordered only for offences punishable by a
    maximum of at least 3 years' imprisonment in the issuing State, for listed
    cyber-enabled offences, for terrorist offences, or to execute a sentence of at
    least 4 months for such an offence (Art. 5(4)). Subscriber and identification
    data may be ordered for any offence.
    Scope: production orders for traffic or content data, from 18 August 2026.

    @EEV-003
    Scenario: Message content for a defamation offence carrying 2 years
      Given the example measure "ex06-epoc-content-prosecutor-minor-offence"
      When it is assessed
      Then finding EEV-003 is a violation
      And the proportionality principle is not satisfied

    @EEV-003
    Scenario: Traffic data for computer fraud carrying 10 years
      Given the example measure "ex05-epoc-traffic-judge-validated"
      When it is assessed
      Then finding EEV-003 is satisfied

    @EEV-003
    Scenario: A listed cyber-enabled offence below the 3-year threshold
      Given the example measure "ex06-epoc-content-prosecutor-minor-offence"
      And the offence is one listed in Article 5(4) of the e-evidence Regulation
      When it is assessed
      Then finding EEV-003 is satisfied

    @EEV-003
    Scenario: Executing a sentence shorter than 4 months
      Given the example measure "ex05-epoc-traffic-judge-validated"
      And the sentence the order serves to execute is 3 months long
      When it is assessed
      Then finding EEV-003 is a violation

    @EEV-003
    Scenario: A 2-year offence that may or may not be listed
      Given the example measure "ex06-epoc-content-prosecutor-minor-offence"
      And it is not stated whether the offence is one listed in Article 5(4) of the e-evidence Regulation
      When it is assessed
      Then finding EEV-003 asks whether the offence is one listed in Article 5(4) of the e-evidence Regulation

    @EEV-003
    Scenario: A preservation order is available for all offences
      Given the example measure "ex07-epres-order-incomplete"
      And the maximum sentence for the offence, in years, is 1
      And the offence is not one listed in Article 5(4) of the e-evidence Regulation
      When it is assessed
      Then rule EEV-003 does not apply

    @EEV-003
    Scenario: The defamation order before the Regulation applies
      Given the example measure "ex06-epoc-content-prosecutor-minor-offence"
      When it is assessed as of 2026-08-17
      Then rule EEV-003 does not apply

  Rule: EEV-005 The order is necessary, proportionate and available in a similar domestic case
    The issuing authority must assess that the order is necessary and proportionate
    in the case, and a similar order must be available under the same conditions in
    a similar domestic case (Art. 5(2); Art. 6 for preservation orders).
    Scope: production and preservation orders, from 18 August 2026.

    @EEV-005
    Scenario: The file does not record the necessity assessment
      Given the example measure "ex07-epres-order-incomplete"
      When it is assessed
      Then finding EEV-005 is a request for information
      And finding EEV-005 asks whether the issuing authority assessed that the order is necessary and proportionate
      And finding EEV-005 asks whether the same order could be issued in a similar domestic case

    @EEV-005
    Scenario: No similar order would be available at home
      Given the example measure "ex05-epoc-traffic-judge-validated"
      And the same order could not be issued in a similar domestic case
      When it is assessed
      Then finding EEV-005 is a violation
      And the necessity principle is not satisfied

    @EEV-005
    Scenario: Necessity assessed and a domestic order available
      Given the example measure "ex05-epoc-traffic-judge-validated"
      When it is assessed
      Then finding EEV-005 is satisfied

    @EEV-005
    Scenario: The incomplete preservation order before the Regulation applies
      Given the example measure "ex07-epres-order-incomplete"
      When it is assessed as of 2026-08-17
      Then rule EEV-005 does not apply

  Rule: EEV-006 The enforcing State is notified of traffic and content orders
    An order for traffic or content data must be notified to the enforcing State at
    the same time as to the provider, unless both the offence and the person are in
    the issuing State; except in emergencies the notification suspends the transfer
    (Art. 8).
    Scope: production orders for traffic or content data, from 18 August 2026.

    @EEV-006
    Scenario: The suspect lives abroad and the enforcing State is not notified
      Given the example measure "ex06-epoc-content-prosecutor-minor-offence"
      When it is assessed
      Then finding EEV-006 is a violation
      And the safeguards principle is not satisfied

    @EEV-006
    Scenario: The enforcing State is notified together with the provider
      Given the example measure "ex05-epoc-traffic-judge-validated"
      When it is assessed
      Then finding EEV-006 is satisfied

    @EEV-006
    Scenario: Offence and person are both in the issuing State
      Given the example measure "ex06-epoc-content-prosecutor-minor-offence"
      And the person whose data are sought resides in the issuing State
      When it is assessed
      Then finding EEV-006 is satisfied

    @EEV-006
    Scenario: It is not stated whether the enforcing State is notified
      Given the example measure "ex06-epoc-content-prosecutor-minor-offence"
      And it is not stated whether the enforcing State's authority is notified together with the provider
      When it is assessed
      Then finding EEV-006 asks whether the enforcing State's authority is notified together with the provider

    @EEV-006
    Scenario: A preservation order needs no notification
      Given the example measure "ex07-epres-order-incomplete"
      When it is assessed
      Then rule EEV-006 does not apply

    @EEV-006
    Scenario: The content order before the Regulation applies
      Given the example measure "ex06-epoc-content-prosecutor-minor-offence"
      When it is assessed as of 2026-08-17
      Then rule EEV-006 does not apply

  Rule: EEV-007 Transfer deadlines and the enforcing authority's review time are respected
    The provider transfers within 10 days, or 8 hours in an emergency. Where the
    enforcing State is notified, its authority has 10 days, or 96 hours in an
    emergency, to raise a ground for refusal (Arts. 10 and 12(1)).
    Scope: production orders, from 18 August 2026; the review time only where the
    enforcing State must be notified.

    @EEV-007
    Scenario: Ten days for the provider and ten days for the enforcing authority
      Given the example measure "ex05-epoc-traffic-judge-validated"
      When it is assessed
      Then finding EEV-007 is satisfied

    @EEV-007
    Scenario: An emergency order gives the provider 24 hours
      Given the example measure "ex05-epoc-traffic-judge-validated"
      And the order is issued as an emergency case
      And the provider's deadline to transfer the data is 24 hours
      And the enforcing authority's time to raise a ground for refusal is 96 hours
      When it is assessed
      Then finding EEV-007 is a violation
      And the safeguards principle is not satisfied

    @EEV-007
    Scenario: The enforcing authority is left only 5 days
      Given the example measure "ex05-epoc-traffic-judge-validated"
      And the enforcing authority's time to raise a ground for refusal is 120 hours
      When it is assessed
      Then finding EEV-007 is a violation

    @EEV-007
    Scenario: The enforcing authority's review time is not stated
      Given the example measure "ex06-epoc-content-prosecutor-minor-offence"
      When it is assessed
      Then finding EEV-007 asks how many hours the enforcing authority has to raise a ground for refusal

    @EEV-007
    Scenario: A subscriber data order involves no review by the enforcing State
      Given a cross-border order to produce electronic evidence
      And the most sensitive data the order asks for are subscriber data
      And the order is not issued as an emergency case
      And the provider's deadline to transfer the data is 240 hours
      When it is assessed as of 2026-09-01
      Then finding EEV-007 is satisfied

    @EEV-007
    Scenario: It is not stated whether the order is an emergency
      Given a cross-border order to produce electronic evidence
      And the most sensitive data the order asks for are subscriber data
      And the provider's deadline to transfer the data is 48 hours
      When it is assessed as of 2026-09-01
      Then finding EEV-007 asks whether the order is issued as an emergency case

    @EEV-007
    Scenario: A preservation order sets no transfer deadline
      Given the example measure "ex07-epres-order-incomplete"
      When it is assessed
      Then rule EEV-007 does not apply

    @EEV-007
    Scenario: The emergency order before the Regulation applies
      Given the example measure "ex05-epoc-traffic-judge-validated"
      And the order is issued as an emergency case
      And the provider's deadline to transfer the data is 24 hours
      When it is assessed as of 2026-08-17
      Then rule EEV-007 does not apply

  Rule: EEV-008 The enforcing State may refuse the order
    The enforcing State may refuse an order that touches immunities or privileges
    or press-freedom rules, would manifestly breach a fundamental right, offends ne
    bis in idem, or concerns conduct that is not an offence there and not an
    Annex IV offence (Art. 12(1)). Such a ground calls for a closer look, not
    automatically for a violation.
    Scope: production orders, from 18 August 2026.

    @EEV-008
    Scenario: The order touches press-freedom rules
      Given the example measure "ex06-epoc-content-prosecutor-minor-offence"
      When it is assessed
      Then finding EEV-008 is a request for information
      And finding EEV-008 asks whether rules on liability relating to freedom of the press are engaged

    @EEV-008
    Scenario: No ground for refusal is present
      Given the example measure "ex05-epoc-traffic-judge-validated"
      When it is assessed
      Then finding EEV-008 is satisfied

    @EEV-008
    Scenario: The grounds for refusal have not been checked
      Given a cross-border order to produce electronic evidence
      When it is assessed as of 2026-09-01
      Then finding EEV-008 asks whether the person has already been finally tried for the same acts

    @EEV-008
    Scenario: A preservation order is not reviewed by the enforcing State
      Given the example measure "ex07-epres-order-incomplete"
      When it is assessed
      Then rule EEV-008 does not apply

    @EEV-008
    Scenario: The press-freedom order before the Regulation applies
      Given the example measure "ex06-epoc-content-prosecutor-minor-offence"
      When it is assessed as of 2026-08-17
      Then rule EEV-008 does not apply

  Rule: EEV-009 Preservation ends after 60 days unless production is requested
    The duty to preserve ends after 60 days unless a request for production is
    confirmed; the issuing authority may extend it once by 30 days (Art. 11(1)).
    Scope: preservation orders, from 18 August 2026.

    @EEV-009
    Scenario: Sixty days of preservation without extension
      Given the example measure "ex07-epres-order-incomplete"
      When it is assessed
      Then finding EEV-009 is satisfied

    @EEV-009
    Scenario: Ninety days of preservation without a production request
      Given the example measure "ex07-epres-order-incomplete"
      And the provider must preserve the data for 90 days
      When it is assessed
      Then finding EEV-009 is a violation
      And the proportionality principle is not satisfied

    @EEV-009
    Scenario: Ninety days once a production request is confirmed
      Given the example measure "ex07-epres-order-incomplete"
      And the provider must preserve the data for 90 days
      And a later production request has been confirmed
      When it is assessed
      Then finding EEV-009 is satisfied

    @EEV-009
    Scenario: An extension of 60 days
      Given the example measure "ex07-epres-order-incomplete"
      And the preservation may be extended by 60 days
      When it is assessed
      Then finding EEV-009 is a violation

    @EEV-009
    Scenario: Ninety days, and no word on a production request
      Given the example measure "ex07-epres-order-incomplete"
      And the provider must preserve the data for 90 days
      And it is not stated whether a later production request has been confirmed
      When it is assessed
      Then finding EEV-009 asks whether a later production request has been confirmed

    @EEV-009
    Scenario: A production order is outside this rule
      Given the example measure "ex05-epoc-traffic-judge-validated"
      When it is assessed
      Then rule EEV-009 does not apply

    @EEV-009
    Scenario: Ninety days of preservation before the Regulation applies
      Given the example measure "ex07-epres-order-incomplete"
      And the provider must preserve the data for 90 days
      When it is assessed as of 2026-08-17
      Then rule EEV-009 does not apply
