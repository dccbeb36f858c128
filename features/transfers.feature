Feature: Transfers of personal data to countries outside the EU
  Personal data may leave the Union only for a country whose law offers protection
  essentially equivalent to the Charter's (Schrems, 6 October 2015; Schrems II, 16 July
  2020): its authorities' access must be limited to what is strictly necessary under
  clear and precise rules, and the persons concerned must have an effective remedy.
  These rules apply where EU law applies.

  Rule: XFER-001 The recipient's law limits access to what is strictly necessary (Schrems para. 73; Schrems II para. 180)
    Scope: measures stating a transfer to a third country (contract 1.1), where EU law applies.

    @XFER-001
    Scenario: The recipient country sets no limits on its authorities' access
      Given a measure obliging providers to transmit data to agencies
      And the measure's jurisdiction is EU
      And the data are transferred to a country outside the EU and the EEA
      And the recipient country does not limit its authorities' access to what is strictly necessary
      When it is assessed as of 2021-01-01
      Then finding XFER-001 is a violation
      And finding XFER-001 cites Schrems
      And the proportionality principle is not satisfied

    @XFER-001
    Scenario: The recipient country's law limits access to what is strictly necessary
      Given a measure obliging providers to transmit data to agencies
      And the measure's jurisdiction is EU
      And the data are transferred to a country outside the EU and the EEA
      And the recipient country limits its authorities' access to what is strictly necessary
      When it is assessed as of 2021-01-01
      Then finding XFER-001 is satisfied

    @XFER-001
    Scenario: The recipient's law is not described
      Given a measure obliging providers to transmit data to agencies
      And the measure's jurisdiction is EU
      And the data are transferred to a country outside the EU and the EEA
      When it is assessed as of 2021-01-01
      Then finding XFER-001 asks whether the recipient country limits its authorities' access to what is strictly necessary

    @XFER-001
    Scenario: Before Schrems the essential-equivalence test did not exist
      Given a measure obliging providers to transmit data to agencies
      And the measure's jurisdiction is EU
      And the data are transferred to a country outside the EU and the EEA
      And the recipient country does not limit its authorities' access to what is strictly necessary
      When it is assessed as of 2015-10-05
      Then rule XFER-001 does not apply

    @XFER-001 @XFER-002
    Scenario: The data stay in the Union
      Given a measure obliging providers to transmit data to agencies
      And the measure's jurisdiction is EU
      And the data are not transferred outside the EU and the EEA
      When it is assessed as of 2021-01-01
      Then rule XFER-001 does not apply
      And rule XFER-002 does not apply

    @XFER-001
    Scenario: Outside EU law the Charter test does not run
      Given a measure obliging providers to transmit data to agencies
      And EU law does not apply to it
      And the data are transferred to a country outside the EU and the EEA
      And the recipient country does not limit its authorities' access to what is strictly necessary
      When it is assessed as of 2021-01-01
      Then rule XFER-001 does not apply

  Rule: XFER-002 An effective remedy in the recipient country (Schrems para. 95; Schrems II paras. 186-187)
    No possibility of any legal remedy does not respect the essence of Art. 47 of the Charter.

    @XFER-002
    Scenario: No remedy in the recipient country
      Given a measure obliging providers to transmit data to agencies
      And the measure's jurisdiction is EU
      And the data are transferred to a country outside the EU and the EEA
      And the persons concerned have no effective remedy in the recipient country
      When it is assessed as of 2021-01-01
      Then finding XFER-002 is a violation
      And finding XFER-002 cites Schrems II
      And the essence principle is not satisfied

    @XFER-002
    Scenario: An effective remedy exists in the recipient country
      Given a measure obliging providers to transmit data to agencies
      And the measure's jurisdiction is EU
      And the data are transferred to a country outside the EU and the EEA
      And the persons concerned have an effective remedy in the recipient country
      When it is assessed as of 2021-01-01
      Then finding XFER-002 is satisfied
