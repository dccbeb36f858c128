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
      Given a measure obliging providers to retain traffic and location data
      And "data.subjects_scope" is "all_users"
      And the objective is serious crime
      And "led.data_minimisation_assessed" is false
      When it is assessed as of 2025-01-01
      Then finding RET-001 is a violation
      And rule LED-002 does not apply

    @LED-002 @RET-001
    Scenario: The police process their own files: the LED rules run, the ePrivacy rules do not
      Given a measure of type "other"
      And "actor_model" is "state_direct"
      And "data.categories" is ["traffic", "location"]
      And "data.subjects_scope" is "all_users"
      And the objective is serious crime
      And "led.data_minimisation_assessed" is false
      When it is assessed as of 2025-01-01
      Then finding LED-002 is a condition to impose
      And rule RET-001 does not apply

    @LED-002
    Scenario: Before 6 May 2018 the LED rules do not run on the same police files
      Given a measure of type "other"
      And "actor_model" is "state_direct"
      And the objective is serious crime
      And "led.data_minimisation_assessed" is false
      When it is assessed as of 2018-05-05
      Then rule LED-002 does not apply

  Rule: EU membership is dated: the United Kingdom counts until 31 December 2020

    @RET-011 @SURV-004
    Scenario: A UK access law assessed within the transition period is under EU law
      Given a measure requiring access to retained traffic data
      And "jurisdiction" is "GB"
      And the objective is crime in general
      When it is assessed as of 2020-12-31
      Then finding RET-011 is a violation

    @RET-011 @SURV-004
    Scenario: The same UK access law after the transition period is judged on the ECHR alone
      Given a measure requiring access to retained traffic data
      And "jurisdiction" is "GB"
      And the objective is crime in general
      And "access.direct_network_access_by_agency" is true
      And "access.authorisation_shown_to_provider" is false
      When it is assessed as of 2021-01-01
      Then rule RET-011 does not apply
      And finding SURV-004 is a violation

  Rule: A State-direct measure outside EU law is judged on the ECHR rules alone

    @LEG-004 @LEG-003 @NEC-004
    Scenario: A 2010 interception by the State itself
      Given a measure of type "interception_targeted"
      And "actor_model" is "state_direct"
      And "legal_basis.implements_eu_law" is false
      And the objective is serious crime
      And "legal_basis.exists" is true
      And "legal_basis.specifies_access_conditions" is false
      And "safeguards.offences_defined" is false
      And "necessity.less_intrusive_alternatives_assessed" is false
      When it is assessed as of 2010-06-01
      Then finding LEG-004 is a violation
      And finding LEG-004 cites Weber and Saravia
      And rule LEG-003 does not apply
      And rule NEC-004 does not apply
