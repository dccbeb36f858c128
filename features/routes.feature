Feature: Which body of law applies: the four routes
  The courts keep four routes apart (rules/README.md, "Which law applies"): the
  ePrivacy Directive for national measures that oblige providers of electronic
  communications services; the Law Enforcement Directive for processing by competent
  authorities for criminal-law purposes (from 6 May 2018); the Charter for Union acts
  and Member States implementing Union law (from 1 December 2009); and the ECHR for
  any State for which the Convention is in force. Each rule runs only where its route
  applies, on the legal date, with membership and ratification taken from the dated
  tables in rules/law/.

  Rule: A provider's retention obligation is ePrivacy law, the authorities' processing is LED law

    @RET-001 @LED-002
    Scenario: Providers must keep everyone's traffic data: the ePrivacy rules run, the LED rules do not
      Given a measure obliging providers to retain data, covering traffic data and location data
      And the data covered are those of all users
      And the objective is serious crime
      And it was not checked that the data are adequate, relevant and not excessive
      When it is assessed as of 2025-01-01
      Then finding RET-001 is a violation
      And rule LED-002 does not apply

    @LED-002 @RET-001
    Scenario: The police process their own files: the LED rules run, the ePrivacy rules do not
      Given a measure of another kind
      And the processing is carried out by the State itself
      And the measure covers traffic data and location data
      And the data covered are those of all users
      And the objective is serious crime
      And it was not checked that the data are adequate, relevant and not excessive
      When it is assessed as of 2025-01-01
      Then finding LED-002 is a condition to impose
      And rule RET-001 does not apply

    @LED-002
    Scenario: Before 6 May 2018 the LED rules do not run on the same police files
      Given a measure of another kind
      And the processing is carried out by the State itself
      And the objective is serious crime
      And it was not checked that the data are adequate, relevant and not excessive
      When it is assessed as of 2018-05-05
      Then rule LED-002 does not apply

  Rule: EU membership is dated: the United Kingdom counts until 31 December 2020

    @RET-011 @SURV-004
    Scenario: A UK access law assessed within the transition period is under EU law
      Given a measure requiring access to retained data, covering traffic data
      And the measure's jurisdiction is GB
      And the objective is crime in general
      When it is assessed as of 2020-12-31
      Then finding RET-011 is a violation

    @RET-011 @SURV-004
    Scenario: The same UK access law after the transition period is judged on the ECHR alone
      Given a measure requiring access to retained data, covering traffic data
      And the measure's jurisdiction is GB
      And the objective is crime in general
      And the agency can tap the network directly
      And the agency need not show the authorisation to the provider
      When it is assessed as of 2021-01-01
      Then rule RET-011 does not apply
      And finding SURV-004 is a violation

  Rule: A State-direct measure outside EU law is judged on the ECHR rules alone

    @LEG-004 @LEG-003 @NEC-004
    Scenario: A 2010 interception by the State itself
      Given a measure intercepting the communications of targeted persons
      And the processing is carried out by the State itself
      And the national law does not implement Union law
      And the objective is serious crime
      And a legal basis for the measure exists
      And the law itself does not set the conditions for access to and use of the data
      And the law does not define the offences that may trigger the measure
      And less intrusive alternatives were not assessed
      When it is assessed as of 2010-06-01
      Then finding LEG-004 is a violation
      And finding LEG-004 cites Weber and Saravia
      And rule LEG-003 does not apply
      And rule NEC-004 does not apply
