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
      Given a measure of another kind
      And EU law does not apply to it
      And the special categories processed are genetic data and biometric data
      And the measure keeps data of persons who were not convicted
      And the law sets no maximum period for keeping the data
      And how long the data are kept does not depend on the gravity of the offence
      And the need to keep stored data is not reviewed periodically
      And the person concerned cannot have continued retention reviewed
      When it is assessed as of 2010-01-01
      Then finding BIO-001 is a violation
      And finding BIO-001 is version 1
      And finding BIO-001 cites S. and Marper
      And the proportionality principle is not satisfied

    @BIO-001
    Scenario: Before S. and Marper the test did not exist
      Given a measure of another kind
      And EU law does not apply to it
      And the special categories processed are genetic data
      And the measure keeps data of persons who were not convicted
      And the law sets no maximum period for keeping the data
      When it is assessed as of 2008-12-03
      Then rule BIO-001 does not apply

    @BIO-001
    Scenario: Retention depends on the gravity of the offence
      Given a measure of another kind
      And the special categories processed are biometric data
      And the measure keeps data of persons who were not convicted
      And the law sets no maximum period for keeping the data
      And how long the data are kept depends on the gravity of the offence and the person's age
      When it is assessed as of 2010-01-01
      Then finding BIO-001 is satisfied

    @BIO-001
    Scenario: A fixed maximum period takes the measure out of the blanket-retention test
      Given a measure of another kind
      And the special categories processed are biometric data
      And the measure keeps data of persons who were not convicted
      And the maximum retention period is 1825 days
      When it is assessed as of 2010-01-01
      Then finding BIO-001 is satisfied

    @BIO-001
    Scenario: Whether the person can have the data deleted is not stated
      Given a measure of another kind
      And the special categories processed are genetic data
      And the measure keeps data of persons who were not convicted
      And the law sets no maximum period for keeping the data
      And how long the data are kept does not depend on the gravity of the offence
      And the need to keep stored data is not reviewed periodically
      When it is assessed as of 2010-01-01
      Then finding BIO-001 asks whether the person concerned can have continued retention reviewed and the data deleted

    @BIO-001
    Scenario: Before Gaughran, convicted persons' data were outside the test
      Given a measure of another kind
      And the special categories processed are genetic data
      And the measure keeps no data of persons who were not convicted
      And the law sets no maximum period for keeping the data
      When it is assessed as of 2019-01-01
      Then rule BIO-001 does not apply

    @BIO-001
    Scenario: After Gaughran, a convicted person's DNA kept forever with no review
      Given a measure of another kind
      And the special categories processed are genetic data and biometric data
      And the measure keeps no data of persons who were not convicted
      And the law sets no maximum period for keeping the data
      And how long the data are kept does not depend on the gravity of the offence
      And the need to keep stored data is not reviewed periodically
      And the person concerned cannot have continued retention reviewed
      When it is assessed as of 2021-01-01
      Then finding BIO-001 is a violation
      And finding BIO-001 is version 2
      And finding BIO-001 cites Gaughran

    @BIO-001
    Scenario: After Gaughran, a review on request saves the retention
      Given a measure of another kind
      And the special categories processed are genetic data
      And the measure keeps no data of persons who were not convicted
      And the law sets no maximum period for keeping the data
      And the person concerned can have continued retention reviewed and the data deleted
      When it is assessed as of 2021-01-01
      Then finding BIO-001 is satisfied

    @BIO-001
    Scenario: A 1.0 document cannot state whether persons not convicted are kept and is not asked
      Given the example measure "ex02-automated-dna-face-exchange"
      When it is assessed
      Then rule BIO-001 does not apply
