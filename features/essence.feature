Feature: Essence: some limitations destroy the core of the right
  Art. 52(1) of the Charter forbids any limitation that does not respect the essence
  of the right. Where the essence is affected, no objective and no safeguard can
  save the measure: the balancing does not even start. These rules apply where EU
  law (the Charter) applies; outside it, the ECHR rules on surveillance govern.

  Rule: ESS-001 No generalised access to the content of communications
    Legislation that lets public authorities access the content of communications
    in a general way compromises the essence of private life (Schrems; Podchasov).
    Applies to measures covering communications content, where EU law applies.

    @ESS-001
    Scenario: General access by authorities to the content of communications
      Given a measure requiring access to retained data, covering the content of communications
      And authorities access the data in a general way
      When it is assessed as of 2025-01-01
      Then the essence principle is not satisfied
      And finding ESS-001 is a violation
      And finding ESS-001 cites Podchasov
      And finding ESS-001 cites Schrems
      And the verdict is not compliant

    @ESS-001
    Scenario: Access to content limited to targeted persons respects the essence
      Given a measure requiring access to retained data, covering the content of communications
      And authorities access the data of targeted persons only
      When it is assessed as of 2025-01-01
      Then finding ESS-001 is satisfied

    @ESS-001
    Scenario: How far access to content reaches is not stated
      Given a measure requiring access to retained data, covering the content of communications
      When it is assessed as of 2025-01-01
      Then finding ESS-001 asks whether authorities access data of targeted persons or in a general way

    @ESS-001
    Scenario: A measure on traffic data only is not asked about access to content
      Given a measure requiring access to retained data, covering traffic data
      When it is assessed as of 2025-01-01
      Then rule ESS-001 does not apply

    @ESS-001
    Scenario: Outside EU law the Charter rule is not run
      Given a measure intercepting communications in bulk
      And the measure covers the content of communications
      And authorities access the data in a general way
      And EU law does not apply to it
      When it is assessed as of 2025-01-01
      Then rule ESS-001 does not apply

  Rule: ESS-002 No general preventive retention of the content of communications
    Obliging providers to store everyone's content in advance goes beyond what
    Digital Rights Ireland tolerated: the essence was intact there only because
    content was excluded. Applies to retention obligations covering content, where
    EU law applies.

    @ESS-002
    Scenario: Providers must keep the content of all users' communications
      Given a measure obliging providers to retain data, covering the content of communications
      And the data covered are those of all users
      When it is assessed as of 2025-01-01
      Then the essence principle is not satisfied
      And finding ESS-002 is a violation
      And finding ESS-002 cites DRI

    @ESS-002
    Scenario: Retention of the content of suspects only does not breach this rule
      Given a measure obliging providers to retain data, covering the content of communications
      And the data covered are those of suspects only
      When it is assessed as of 2025-01-01
      Then finding ESS-002 is satisfied

    @ESS-002
    Scenario: Whose content is retained is not stated
      Given a measure obliging providers to retain data, covering the content of communications
      When it is assessed as of 2025-01-01
      Then finding ESS-002 asks whose data are covered

    @ESS-002
    Scenario: Retention of traffic data is not a retention of content
      Given a measure obliging providers to retain data, covering traffic data
      And the data covered are those of all users
      When it is assessed as of 2025-01-01
      Then rule ESS-002 does not apply

  Rule: ESS-003 The law guarantees a high level of data security
    For communications data the law itself must guarantee a particularly high level
    of security and protection against unlawful access; the essence of data
    protection relies on it. Applies to traffic, location, content and source IP
    data, where EU law applies. Missing rules are a safeguard to impose.

    @ESS-003
    Scenario: Intercept material with no data-security rules
      Given the example measure "ex03-judicial-targeted-interception"
      When it is assessed
      Then the essence principle is satisfied only with conditions
      And finding ESS-003 is a condition to impose
      And the safeguards to impose include ESS-003
      And finding ESS-003 cites Tele2

    @ESS-003
    Scenario: Retained traffic data kept under specific security rules
      Given a measure obliging providers to retain data, covering traffic data
      And the law lays down specific rules on data security
      When it is assessed as of 2025-01-01
      Then finding ESS-003 is satisfied

    @ESS-003
    Scenario: Whether the law sets data-security rules is not stated
      Given a measure obliging providers to retain data, covering traffic data
      When it is assessed as of 2025-01-01
      Then finding ESS-003 asks whether the law lays down specific rules on data security

    @ESS-003
    Scenario: Civil-identity data alone are not asked about it
      Given a measure obliging providers to retain data, covering the subscriber's civil identity
      When it is assessed as of 2025-01-01
      Then rule ESS-003 does not apply
