Feature: Fingerprints, DNA profiles and samples kept by the police
  The European Court of Human Rights held in S. and Marper (Grand Chamber, 4 December
  2008) that the blanket and indiscriminate retention of fingerprints, cellular samples
  and DNA profiles of persons suspected but not convicted, without time limit, whatever
  the offence and the person's age, is not necessary in a democratic society. Gaughran
  (13 February 2020) applied the test to a convicted person: indefinite retention without
  regard to the seriousness of the offence and with no real possibility of review is
  disproportionate. The Convention binds every Council of Europe State, so these rules
  apply whether or not EU law applies.

  Rule: BIO-001 Biometric data are not kept blanket and indefinitely (S. and Marper; Gaughran)
    Scope: measures that state whether data of persons not convicted are kept and that
    list genetic or biometric data (contract 1.1).

    @BIO-001
    Scenario: DNA of acquitted persons kept forever, whatever the offence, with no review
      Given a measure of type "other"
      And EU law does not apply to it
      And "special_categories.kinds" is ["genetic", "biometric"]
      And "data.persons_not_convicted" is true
      And "retention.period_unlimited" is true
      And "retention.differentiated_by_offence_gravity" is false
      And "retention.periodic_review" is false
      And "retention.deletion_review_available" is false
      When it is assessed as of 2010-01-01
      Then finding BIO-001 is a violation
      And finding BIO-001 is version 1
      And finding BIO-001 cites S. and Marper
      And the proportionality principle is not satisfied

    @BIO-001
    Scenario: Before S. and Marper the test did not exist
      Given a measure of type "other"
      And EU law does not apply to it
      And "special_categories.kinds" is ["genetic"]
      And "data.persons_not_convicted" is true
      And "retention.period_unlimited" is true
      When it is assessed as of 2008-12-03
      Then rule BIO-001 does not apply

    @BIO-001
    Scenario: Retention depends on the gravity of the offence
      Given a measure of type "other"
      And "special_categories.kinds" is ["biometric"]
      And "data.persons_not_convicted" is true
      And "retention.period_unlimited" is true
      And "retention.differentiated_by_offence_gravity" is true
      When it is assessed as of 2010-01-01
      Then finding BIO-001 is satisfied

    @BIO-001
    Scenario: A fixed maximum period takes the measure out of the blanket-retention test
      Given a measure of type "other"
      And "special_categories.kinds" is ["biometric"]
      And "data.persons_not_convicted" is true
      And "retention.period_days" is 1825
      When it is assessed as of 2010-01-01
      Then finding BIO-001 is satisfied

    @BIO-001
    Scenario: Whether the person can have the data deleted is not stated
      Given a measure of type "other"
      And "special_categories.kinds" is ["genetic"]
      And "data.persons_not_convicted" is true
      And "retention.period_unlimited" is true
      And "retention.differentiated_by_offence_gravity" is false
      And "retention.periodic_review" is false
      When it is assessed as of 2010-01-01
      Then finding BIO-001 asks for "retention.deletion_review_available"

    @BIO-001
    Scenario: Before Gaughran, convicted persons' data were outside the test
      Given a measure of type "other"
      And "special_categories.kinds" is ["genetic"]
      And "data.persons_not_convicted" is false
      And "retention.period_unlimited" is true
      When it is assessed as of 2019-01-01
      Then rule BIO-001 does not apply

    @BIO-001
    Scenario: After Gaughran, a convicted person's DNA kept forever with no review
      Given a measure of type "other"
      And "special_categories.kinds" is ["genetic", "biometric"]
      And "data.persons_not_convicted" is false
      And "retention.period_unlimited" is true
      And "retention.differentiated_by_offence_gravity" is false
      And "retention.periodic_review" is false
      And "retention.deletion_review_available" is false
      When it is assessed as of 2021-01-01
      Then finding BIO-001 is a violation
      And finding BIO-001 is version 2
      And finding BIO-001 cites Gaughran

    @BIO-001
    Scenario: After Gaughran, a review on request saves the retention
      Given a measure of type "other"
      And "special_categories.kinds" is ["genetic"]
      And "data.persons_not_convicted" is false
      And "retention.period_unlimited" is true
      And "retention.deletion_review_available" is true
      When it is assessed as of 2021-01-01
      Then finding BIO-001 is satisfied

    @BIO-001
    Scenario: A 1.0 document cannot state whether persons not convicted are kept and is not asked
      Given the example measure "ex02-automated-dna-face-exchange"
      When it is assessed
      Then rule BIO-001 does not apply
