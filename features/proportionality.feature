Feature: Proportionality: the interference must match what the measure achieves
  Even a necessary measure must strike a fair balance: the more serious the
  interference, the weightier the objective must be, and broad measures need limits
  in time, per category of data, and for communications protected by professional
  secrecy. Where a limit is missing the assessment names the safeguard to add.

  Rule: PROP-002 A serious interference only for serious crime or higher objectives
    Under the ePrivacy case law, retaining, accessing or collecting in real time data
    that reveal private life can be justified only by serious crime, serious threats
    to public security or national security. Applies where EU law applies to those
    measures; IP-address-only measures are left to the RET rules, device searches to DEV-001.

    @PROP-002
    Scenario: Retention of traffic data to fight crime in general
      Given a measure obliging providers to retain data, covering traffic data
      And the objective is crime in general
      When it is assessed as of 2025-01-01
      Then the proportionality principle is not satisfied
      And finding PROP-002 is a violation
      And finding PROP-002 cites Prokuratuur
      And finding PROP-002 cites Ministerio Fiscal

    @PROP-002
    Scenario: Access to location data for administrative offences ranks lower still
      Given a measure requiring access to retained data, covering location data
      And the objective is administrative offences
      When it is assessed as of 2025-01-01
      Then finding PROP-002 is a violation

    @PROP-002
    Scenario: Access to traffic data to fight serious crime
      Given a measure requiring access to retained data, covering traffic data
      And the objective is serious crime
      When it is assessed as of 2025-01-01
      Then finding PROP-002 is satisfied

    @PROP-002
    Scenario: Civil-identity data alone may serve crime in general
      Given a measure requiring access to retained data, covering the subscriber's civil identity
      And the objective is crime in general
      When it is assessed as of 2025-01-01
      Then finding PROP-002 is satisfied

    @PROP-002
    Scenario: The objective is not stated
      Given a measure requiring access to retained data, covering traffic data
      When it is assessed as of 2025-01-01
      Then finding PROP-002 asks which objective the measure pursues

    @PROP-002
    Scenario: Retention of source IP addresses alone is left to the IP rules
      Given a measure obliging providers to retain data, covering IP addresses of the source of a connection
      And the objective is crime in general
      When it is assessed as of 2025-01-01
      Then rule PROP-002 does not apply

    @PROP-002
    Scenario: A device search is not an ePrivacy measure
      Given a measure searching a device
      And the measure covers data stored on a device
      And the measure's jurisdiction is DE
      And the national law implements Union law
      And the objective is crime in general
      When it is assessed as of 2025-01-01
      Then rule PROP-002 does not apply

    @PROP-002
    Scenario: Outside EU law the rule is not run
      Given a measure collecting data in real time
      And the measure covers location data
      And the objective is crime in general
      And EU law does not apply to it
      When it is assessed as of 2025-01-01
      Then rule PROP-002 does not apply

  Rule: PROP-003 The retention period rests on objective criteria and is set per category
    A retention period must be reasoned on objective criteria and, where several
    categories of data are kept, set for each category by its usefulness. Applies to
    measures that set a retention period; missing limits are safeguards to impose.

    @PROP-003
    Scenario: A period chosen without objective justification
      Given a measure obliging providers to retain data, covering traffic data
      And the maximum retention period is 365 days
      And the retention period does not rest on objective criteria
      When it is assessed as of 2025-01-01
      Then finding PROP-003 is a condition to impose
      And the safeguards to impose include PROP-003
      And finding PROP-003 cites DRI

    @PROP-003
    Scenario: One period for several categories of data
      Given a measure obliging providers to retain data, covering traffic data and location data
      And the maximum retention period is 180 days
      And the retention period rests on objective criteria and is reasoned
      And the retention periods do not differ by category of data
      When it is assessed as of 2025-01-01
      Then finding PROP-003 is a condition to impose

    @PROP-003
    Scenario: A reasoned period for a single category needs no differentiation
      Given a measure obliging providers to retain data, covering traffic data
      And the maximum retention period is 180 days
      And the retention period rests on objective criteria and is reasoned
      When it is assessed as of 2025-01-01
      Then finding PROP-003 is satisfied

    @PROP-003
    Scenario: Whether the period differs per category is not stated
      Given a measure obliging providers to retain data, covering traffic data and location data
      And the maximum retention period is 180 days
      And the retention period rests on objective criteria and is reasoned
      When it is assessed as of 2025-01-01
      Then finding PROP-003 asks whether the retention periods differ by category of data

    @PROP-003
    Scenario: Whether the period is justified is not stated
      Given a measure obliging providers to retain data, covering traffic data
      And the maximum retention period is 180 days
      When it is assessed as of 2025-01-01
      Then finding PROP-003 asks whether the retention period rests on objective criteria and is reasoned

    @PROP-003
    Scenario: A measure that sets no retention period is not asked
      Given a measure obliging providers to retain data, covering traffic data
      When it is assessed as of 2025-01-01
      Then rule PROP-003 does not apply

  Rule: PROP-004 A general measure expires or is reviewed periodically
    A measure that reaches everyone must end when it is no longer justified: it
    needs a sunset clause or a periodic re-evaluation. Applies to the retention of
    traffic or location data, general or targeted (LQDN I §§ 137, 168); a missing
    clause is a safeguard to impose.

    @PROP-004
    Scenario: A general measure with neither a sunset clause nor periodic review
      Given a measure obliging providers to retain data, covering traffic data
      And the data covered are those of all users
      And the measure does not expire unless repealed
      And the measure as a whole is not re-evaluated at fixed intervals
      When it is assessed as of 2025-01-01
      Then finding PROP-004 is a condition to impose
      And the assessment recommends PROP-004
      And finding PROP-004 cites EDPS Guidelines

    @PROP-004
    Scenario: A general measure that is re-evaluated at fixed intervals
      Given a measure obliging providers to retain data, covering traffic data
      And the data covered are those of all users
      And the measure does not expire unless repealed
      And the measure as a whole is re-evaluated at fixed intervals
      When it is assessed as of 2025-01-01
      Then finding PROP-004 is satisfied

    @PROP-004
    Scenario: Neither limit in time is stated
      Given a measure obliging providers to retain data, covering traffic data
      And the data covered are those of all users
      When it is assessed as of 2025-01-01
      Then finding PROP-004 asks whether the measure expires unless renewed by law
      And finding PROP-004 asks whether the measure as a whole is re-evaluated at fixed intervals

    @PROP-004
    Scenario: A non-member State's bulk interception is not tested under the Charter
      Given the example measure "ex11-bulk-interception-ministerial"
      When it is assessed
      Then rule PROP-004 does not apply

    @PROP-004
    Scenario: Whose data are covered is not stated
      Given a measure obliging providers to retain data, covering traffic data
      When it is assessed as of 2025-01-01
      Then finding PROP-004 asks whose data are covered

    @PROP-004
    Scenario: A measure limited to suspects is not asked about a sunset clause
      Given a measure intercepting the communications of targeted persons
      And the data covered are those of suspects only
      When it is assessed as of 2025-01-01
      Then rule PROP-004 does not apply

  Rule: PROP-005 Communications covered by professional secrecy are specifically protected
    A measure that reaches people who are not suspects also reaches lawyers,
    journalists and others bound by secrecy; their communications need specific
    protection. Applies to measures covering all users, categories of persons or
    areas; a missing protection is a safeguard to impose.

    @PROP-005
    Scenario: Bulk interception with no protection for professional secrecy
      Given the example measure "ex11-bulk-interception-ministerial"
      When it is assessed
      Then finding PROP-005 is a condition to impose
      And the safeguards to impose include PROP-005
      And finding PROP-005 cites BBW GC

    @PROP-005
    Scenario: Geographic targeting with protection for privileged communications
      Given a measure obliging providers to retain data, covering traffic data and location data
      And the data covered are those of everyone in a targeted geographic area
      And communications bound by professional secrecy are specifically protected
      When it is assessed as of 2025-01-01
      Then finding PROP-005 is satisfied

    @PROP-005
    Scenario: Protection of professional secrecy is not stated
      Given the example measure "ex04-ip-retention-online-crime"
      When it is assessed
      Then finding PROP-005 asks whether communications bound by professional secrecy are specifically protected

    @PROP-005
    Scenario: A measure limited to suspects is not asked about professional secrecy
      Given the example measure "ex03-judicial-targeted-interception"
      And it is not stated whether communications bound by professional secrecy are specifically protected
      When it is assessed
      Then rule PROP-005 does not apply

    @PROP-005
    Scenario: A PNR scheme covering all passengers is not asked
      Given the example measure "ex12-pnr-selected-intra-eu"
      When it is assessed
      Then rule PROP-005 does not apply
