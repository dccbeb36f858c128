Feature: Retention of communications data by providers
  The Court of Justice's ePrivacy case law (Digital Rights Ireland, Tele2, La Quadrature
  du Net I and II, SpaceNet) decides when providers of electronic communications may be
  obliged to keep their users' data, and for which objectives. These rules apply only
  where EU law applies, that is when providers are obliged to keep or hand over data;
  access to the data kept is documented in retention_access.feature.

  Rule: No general retention of traffic or location data except for national security (RET-001)
    Keeping everyone's traffic and location data as a precaution is precluded for every
    objective short of national security, serious crime included. Scope: retention
    obligations on providers covering traffic or location data of all users, where EU
    law applies.

    @RET-001
    Scenario: General retention of traffic data to fight serious crime is a violation
      Given a measure obliging providers to retain data, covering traffic data and location data
      And the data covered are those of all users
      And the objective is serious crime
      When it is assessed as of 2023-01-15
      Then the necessity principle is not satisfied
      And finding RET-001 is a violation
      And finding RET-001 cites Tele2
      And finding RET-001 cites SpaceNet
      And the verdict is not compliant

    @RET-001 @RET-002
    Scenario: Terrorism facing a genuine national-security threat is treated as national security
      Given a measure obliging providers to retain data, covering traffic data
      And the data covered are those of all users
      And the objective is terrorism
      And the State faces a genuine and present or foreseeable serious threat to national security
      When it is assessed as of 2023-01-15
      Then finding RET-001 is satisfied
      And finding RET-002 is a request for information

    @RET-001
    Scenario: For terrorism, the rule asks whether a genuine national-security threat exists
      Given a measure obliging providers to retain data, covering traffic data
      And the data covered are those of all users
      And the objective is terrorism
      When it is assessed as of 2023-01-15
      Then finding RET-001 asks whether the State faces a genuine and present or foreseeable serious threat to national security

    @RET-001
    Scenario: Terrorism without a national-security threat ranks with serious crime
      Given a measure obliging providers to retain data, covering traffic data
      And the data covered are those of all users
      And the objective is terrorism
      And no genuine and present or foreseeable serious threat to national security is established
      When it is assessed as of 2023-01-15
      Then finding RET-001 is a violation

    @RET-001 @RET-004
    Scenario: Targeted retention is not general retention
      Given a measure obliging providers to retain data, covering traffic data
      And the data covered are those of everyone in a targeted geographic area
      And the objective is serious crime
      When it is assessed as of 2023-01-15
      Then rule RET-001 does not apply

    @RET-001
    Scenario: Whose data are kept is not stated
      Given a measure obliging providers to retain data, covering traffic data
      And the objective is serious crime
      When it is assessed as of 2023-01-15
      Then finding RET-001 asks whose data are covered

    @RET-001
    Scenario: Outside EU law the ePrivacy rules are not run
      Given a measure obliging providers to retain data, covering traffic data
      And the data covered are those of all users
      And the objective is serious crime
      And EU law does not apply to it
      When it is assessed as of 2023-01-15
      Then rule RET-001 does not apply

  Rule: General retention for national security only under a time-limited, independently reviewed instruction (RET-002)
    To face a genuine and present or foreseeable serious threat to national security,
    providers may be instructed to keep everyone's traffic and location data, but only
    for a limited, renewable period, under binding review by a court or independent
    body. Scope: general retention of traffic or location data for national security.

    @RET-002
    Scenario: A reviewed, time-limited instruction against a genuine threat is allowed
      Given a measure obliging providers to retain data, covering traffic data and location data
      And the data covered are those of all users
      And the objective is national security
      And the State faces a genuine and present or foreseeable serious threat to national security
      And access is authorised beforehand by a court
      And the reviewer's decision binds the authority that asked
      And the retention obligation is time-limited and renewable only by a fresh decision
      When it is assessed as of 2023-01-15
      Then finding RET-002 is satisfied
      And finding RET-001 is satisfied
      And finding RET-002 cites LQDN I

    @RET-002
    Scenario: An instruction reviewed only by the minister is a violation
      Given a measure obliging providers to retain data, covering traffic data and location data
      And the data covered are those of all users
      And the objective is national security
      And the State faces a genuine and present or foreseeable serious threat to national security
      And access is authorised beforehand by a minister
      And the retention obligation is time-limited and renewable only by a fresh decision
      When it is assessed as of 2023-01-15
      Then finding RET-002 is a violation
      And the necessity principle is not satisfied

    @RET-002
    Scenario: Whether the instruction is time-limited is not stated
      Given a measure obliging providers to retain data, covering traffic data
      And the data covered are those of all users
      And the objective is national security
      And the State faces a genuine and present or foreseeable serious threat to national security
      And access is authorised beforehand by an independent administrative body
      And the reviewer's decision binds the authority that asked
      When it is assessed as of 2023-01-15
      Then finding RET-002 asks whether the retention obligation is time-limited and renewable only by a fresh decision

    @RET-002
    Scenario: General retention for serious crime is not a national-security instruction
      Given a measure obliging providers to retain data, covering traffic data
      And the data covered are those of all users
      And the objective is serious crime
      When it is assessed as of 2023-01-15
      Then rule RET-002 does not apply

  Rule: Targeted retention on objective, non-discriminatory criteria (RET-004)
    Providers may be obliged to keep the traffic and location data of categories of
    persons or of chosen places, selected on objective and non-discriminatory criteria,
    to fight serious crime or protect national security, for a strictly necessary period.
    Scope: targeted retention of traffic or location data.

    @RET-004
    Scenario: Retention around airports and stations to fight serious crime is allowed
      Given a measure obliging providers to retain data, covering traffic data and location data
      And the data covered are those of everyone in a targeted geographic area
      And the selection criteria are objective and non-discriminatory
      And the retention period is limited to what is strictly necessary
      And the objective is serious crime
      When it is assessed as of 2023-01-15
      Then finding RET-004 is satisfied

    @RET-004
    Scenario: Targeted retention to fight crime in general is a violation
      Given a measure obliging providers to retain data, covering traffic data
      And the data covered are those of targeted categories of persons
      And the selection criteria are objective and non-discriminatory
      And the retention period is limited to what is strictly necessary
      And the objective is crime in general
      When it is assessed as of 2023-01-15
      Then finding RET-004 is a violation
      And the proportionality principle is not satisfied

    @RET-004
    Scenario: Whether the criteria are non-discriminatory is not stated
      Given a measure obliging providers to retain data, covering traffic data
      And the data covered are those of everyone in a targeted geographic area
      And the retention period is limited to what is strictly necessary
      And the objective is serious crime
      When it is assessed as of 2023-01-15
      Then finding RET-004 asks whether the selection criteria are objective and non-discriminatory

    @RET-004
    Scenario: General retention is not targeted retention
      Given a measure obliging providers to retain data, covering traffic data
      And the data covered are those of all users
      And the objective is serious crime
      When it is assessed as of 2023-01-15
      Then rule RET-004 does not apply

  Rule: Targeting may not rely on protected characteristics (RET-005)
    The persons or places covered must be chosen on objective, non-discriminatory
    factors, never on ethnic origin, religion, political opinion or similar grounds.
    Scope: targeted retention and preservation schemes that select whose
    communications data providers keep, where EU law applies; access to the data of
    identified persons selects no one (LQDN I § 168).

    @RET-005
    Scenario: Selecting persons by religion is a violation
      Given a measure obliging providers to retain data, covering traffic data
      And the data covered are those of targeted categories of persons
      And the selection relies on protected characteristics such as ethnic origin or religion
      When it is assessed as of 2023-01-15
      Then finding RET-005 is a violation
      And the proportionality principle is not satisfied

    @RET-005
    Scenario: Selection on neutral criteria
      Given a measure obliging providers to retain data, covering traffic data
      And the data covered are those of everyone in a targeted geographic area
      And the selection does not rely on protected characteristics
      When it is assessed as of 2023-01-15
      Then finding RET-005 is satisfied

    @RET-005
    Scenario: The selection criteria of a targeted retention scheme are not described
      Given a measure ordering providers to preserve data quickly, covering traffic data
      And the data covered are those of targeted categories of persons
      When it is assessed as of 2023-01-15
      Then finding RET-005 asks whether the selection relies on protected characteristics such as ethnic origin or religion

    @RET-005
    Scenario: A general measure selects nobody and is not asked about its criteria
      Given the example measure "ex04-ip-retention-online-crime"
      When it is assessed
      Then rule RET-005 does not apply

    @RET-005
    Scenario: Passenger data handed over by air carriers are not ePrivacy data
      Given the example measure "ex12-pnr-selected-intra-eu"
      When it is assessed
      Then rule RET-005 does not apply

  Rule: General retention of source IP addresses for serious crime or national security (RET-006)
    Since La Quadrature du Net I (6 October 2020), providers may be obliged to keep the IP
    addresses assigned to the source of every connection to fight serious crime or
    protect national security, for a strictly necessary period. Scope: general retention
    of IP addresses (alone or with civil identity) for those objectives.

    @RET-006
    Scenario: General IP retention to fight serious crime for a strictly necessary period
      Given a measure obliging providers to retain data, covering IP addresses of the source of a connection
      And the data covered are those of all users
      And the retention period is limited to what is strictly necessary
      And the objective is serious crime
      When it is assessed as of 2022-01-10
      Then finding RET-006 is satisfied
      And rule RET-001 does not apply

    @RET-006
    Scenario: An IP retention period longer than strictly necessary is a violation
      Given a measure obliging providers to retain data, covering IP addresses of the source of a connection
      And the data covered are those of all users
      And the retention period is not limited to what is strictly necessary
      And the objective is national security
      When it is assessed as of 2022-01-10
      Then finding RET-006 is a violation

    @RET-006
    Scenario: Before La Quadrature du Net I the rule is not in force
      Given a measure obliging providers to retain data, covering IP addresses of the source of a connection
      And the data covered are those of all users
      And the retention period is limited to what is strictly necessary
      And the objective is serious crime
      When it is assessed as of 2020-10-05
      Then rule RET-006 does not apply

    @RET-006 @RET-007
    Scenario: IP retention for crime in general is left to RET-007
      Given a measure obliging providers to retain data, covering IP addresses of the source of a connection
      And the data covered are those of all users
      And the objective is crime in general
      When it is assessed as of 2022-01-10
      Then rule RET-006 does not apply
      And finding RET-007 is a violation

  Rule: General IP retention for crime in general, before and after La Quadrature du Net II (RET-007)
    Until 29 April 2024, general retention of source IP addresses was allowed only for
    serious crime and higher objectives (version 1). From 30 April 2024 it may also serve
    crime in general, if the IP addresses are kept genuinely watertight-separated from
    other data, for a strictly necessary period (version 2, provisional: the separation
    test has no technical standard yet). Scope: general retention of IP addresses.

    @RET-007
    Scenario: Before 30 April 2024, IP retention for crime in general is a violation
      Given a measure obliging providers to retain data, covering IP addresses of the source of a connection
      And the data covered are those of all users
      And retained IP addresses are kept in watertight separation from other data
      And the retention period is limited to what is strictly necessary
      And the objective is crime in general
      When it is assessed as of 2024-04-29
      Then finding RET-007 is a violation
      And finding RET-007 is version 1
      And finding RET-007 cites LQDN I
      And the proportionality principle is not satisfied

    @RET-007
    Scenario: Before 30 April 2024, IP retention for serious crime passes this rule
      Given a measure obliging providers to retain data, covering IP addresses of the source of a connection
      And the data covered are those of all users
      And the objective is serious crime
      When it is assessed as of 2023-06-01
      Then finding RET-007 is satisfied
      And finding RET-007 is version 1

    @RET-007
    Scenario: From 30 April 2024, watertight separation makes IP retention for crime in general possible
      Given a measure obliging providers to retain data, covering IP addresses of the source of a connection
      And the data covered are those of all users
      And retained IP addresses are kept in watertight separation from other data
      And the retention period is limited to what is strictly necessary
      And the objective is crime in general
      When it is assessed as of 2024-04-30
      Then finding RET-007 is satisfied
      And finding RET-007 is version 2
      And finding RET-007 cites LQDN II
      And finding RET-007 requires legal review

    @RET-007
    Scenario: From 30 April 2024, IP retention without watertight separation is a violation
      Given a measure obliging providers to retain data, covering IP addresses of the source of a connection
      And the data covered are those of all users
      And retained IP addresses are not kept in watertight separation from other data
      And the retention period is limited to what is strictly necessary
      And the objective is online IP enforcement
      When it is assessed as of 2025-03-01
      Then finding RET-007 is a violation
      And finding RET-007 is version 2
      And the verdict requires legal review

    @RET-007
    Scenario: The draft does not say how IP addresses are separated from other data
      Given the example measure "ex04-ip-retention-online-crime"
      When it is assessed
      Then finding RET-007 is version 2
      And finding RET-007 asks whether retained IP addresses are kept in watertight separation from other data
      And the verdict is undecided for lack of information

    @RET-007
    Scenario: After 30 April 2024, IP retention for serious crime is left to RET-006
      Given a measure obliging providers to retain data, covering IP addresses of the source of a connection
      And the data covered are those of all users
      And the retention period is limited to what is strictly necessary
      And the objective is serious crime
      When it is assessed as of 2025-03-01
      Then rule RET-007 does not apply
      And finding RET-006 is satisfied

  Rule: Civil-identity data alone may be retained and accessed for crime in general (RET-009)
    Name, address and similar civil-identity data allow no precise conclusions about
    private life: they may be kept generally, without a specific time limit, and
    accessed to fight any crime. Scope: retention of and access to retained data.

    @RET-009
    Scenario: General retention of subscriber identity for crime in general is allowed
      Given a measure obliging providers to retain data, covering the subscriber's civil identity
      And the data covered are those of all users
      And the objective is crime in general
      When it is assessed as of 2023-01-15
      Then finding RET-009 is satisfied
      And finding RET-009 cites Ministerio Fiscal

    @RET-009
    Scenario: The permission does not extend to traffic data
      Given a measure requiring access to retained data, covering the subscriber's civil identity and traffic data
      And the objective is crime in general
      When it is assessed as of 2023-01-15
      Then rule RET-009 does not apply
      And finding RET-011 is a violation

    @RET-009
    Scenario: The data categories are not stated
      Given a measure obliging providers to retain data, covering the subscriber's civil identity
      And it is not stated which data the measure covers
      When it is assessed as of 2023-01-15
      Then finding RET-009 asks which data the measure covers

  Rule: Quick freeze for serious crime or national security under judicial review (RET-010)
    A provider may be ordered to preserve, for a fixed period, traffic and location data
    it still holds, to fight serious crime or protect national security, by a decision
    subject to effective judicial review; crime in general does not justify it. Scope:
    expedited preservation (quick freeze) of traffic or location data.

    @RET-010
    Scenario: A judge-ordered 90-day freeze in serious-crime cases is allowed
      Given the example measure "ex01-quick-freeze-serious-crime"
      When it is assessed
      Then finding RET-010 is satisfied
      And the verdict is compliant

    @RET-010
    Scenario: A quick freeze to fight crime in general is a violation
      Given a measure ordering providers to preserve data quickly, covering traffic data
      And the objective is crime in general
      And the order is subject to effective review by a court
      And the maximum retention period is 90 days
      When it is assessed as of 2025-06-01
      Then finding RET-010 is a violation
      And the proportionality principle is not satisfied

    @RET-010
    Scenario: A freeze without any time limit is a violation
      Given a measure ordering providers to preserve data quickly, covering traffic data
      And the objective is serious crime
      And the order is subject to effective review by a court
      And the law sets no maximum period for keeping the data
      When it is assessed as of 2025-06-01
      Then finding RET-010 is a violation

    @RET-010
    Scenario: The length of the freeze is not stated
      Given a measure ordering providers to preserve data quickly, covering traffic data
      And the objective is serious crime
      And the order is subject to effective review by a court
      When it is assessed as of 2025-06-01
      Then finding RET-010 asks how long the data may be kept at most

    @RET-010
    Scenario: A general retention obligation is not a quick freeze
      Given a measure obliging providers to retain data, covering traffic data
      And the data covered are those of all users
      When it is assessed as of 2025-06-01
      Then rule RET-010 does not apply

  Rule: Retained data stay in the EU and are irreversibly destroyed (RET-017)
    Traffic, location and IP data kept by or obtained through providers must be stored
    within the European Union, under independent control, and destroyed irreversibly at
    the end of the period. Scope: retention and preservation obligations on providers
    of electronic communications services for traffic, location or IP data, where EU
    law applies (Tele2 § 122); access measures are not retention regimes.

    @RET-017
    Scenario: Storage outside the EU must be changed
      Given a measure obliging providers to retain data, covering IP addresses of the source of a connection
      And the data are stored in a third country
      And the data must be irreversibly destroyed at the end of the period
      When it is assessed as of 2025-06-01
      Then finding RET-017 is a condition to impose
      And the safeguards to impose include RET-017
      And finding RET-017 cites Tele2

    @RET-017
    Scenario: No duty to destroy the data at the end of the period
      Given a measure obliging providers to retain data, covering location data
      And the data are stored inside the EU
      And the data need not be irreversibly destroyed at the end of the period
      When it is assessed as of 2025-06-01
      Then finding RET-017 is a condition to impose

    @RET-017
    Scenario: Storage in the EU with irreversible destruction
      Given the example measure "ex04-ip-retention-online-crime"
      When it is assessed
      Then finding RET-017 is satisfied

    @RET-017
    Scenario: Storage and destruction are not stated
      Given a measure ordering providers to preserve data quickly, covering traffic data
      When it is assessed as of 2025-06-01
      Then finding RET-017 asks where the data are stored
      And finding RET-017 asks whether the data must be irreversibly destroyed at the end of the period

    @RET-017
    Scenario: Content alone is not routed to this rule
      Given the example measure "ex10-targeted-key-disclosure"
      When it is assessed
      Then rule RET-017 does not apply
