Feature: Scopes as the leading cases read them, and interference in stages
  A rule runs only on the measures its leading case concerns (legal review R4): a test
  written for secret surveillance does not reach an overt or a one-off court-ordered
  measure, a test written for retention regimes does not reach access measures, and a
  stated list of data categories is complete. An interference that becomes serious only
  at a later stage is not serious as a whole; the prior review attaches to that stage
  (R5, La Quadrature du Net II). Each boundary is shown from both sides.

  Rule: SURV-005 is a test for secret surveillance (Zakharov)
    Zakharov examines remedies against secret surveillance, where the person is not told.
    A person informed when the measure is carried out, or a one-off cross-border order
    under Regulation (EU) 2023/1543 with its own remedies, is outside the test.

    @SURV-005
    Scenario: Secret interception with no remedy is a violation (Zakharov)
      Given a measure intercepting the communications of targeted persons
      And the persons concerned have no effective remedy
      When it is assessed as of 2025-01-01
      Then finding SURV-005 is a violation
      And finding SURV-005 cites Zakharov

    @SURV-005
    Scenario: The person is informed when the measure is carried out, so it is not secret
      Given a measure intercepting the communications of targeted persons
      And the persons concerned have no effective remedy
      And the person concerned is informed when the measure is carried out
      When it is assessed as of 2025-01-01
      Then rule SURV-005 does not apply

    @SURV-005
    Scenario: A one-off cross-border production order is not secret surveillance
      Given a cross-border order to produce electronic evidence
      And the persons concerned have no effective remedy
      When it is assessed as of 2027-01-01
      Then rule SURV-005 does not apply

  Rule: LEG-004 covers secret interception, bulk and real-time regimes (Weber and Saravia; Zakharov)
    The minimum statutory safeguards are the test for secret surveillance regimes. One-off
    access to retained data ordered by a court is tested by the Court of Justice's access
    rules (RET-011 to RET-016) instead; an overt measure is not secret.

    @LEG-004
    Scenario: Access to retained data approved by the police lacks the minimum safeguards
      Given a measure requiring access to retained data, covering traffic data
      And access is authorised beforehand by the police
      And the law sets no precautions for passing the data on
      When it is assessed as of 2025-01-01
      Then finding LEG-004 is a violation
      And finding LEG-004 cites Weber and Saravia

    @LEG-004
    Scenario: Access to retained data ordered by a court in each case is left to the access rules
      Given a measure requiring access to retained data, covering traffic data
      And access is authorised beforehand by a court
      And the law sets no precautions for passing the data on
      When it is assessed as of 2025-01-01
      Then rule LEG-004 does not apply

    @LEG-004
    Scenario: Whether access is ordered by a court decides whether the safeguards are asked
      Given a measure requiring access to retained data, covering traffic data
      When it is assessed as of 2025-01-01
      Then finding LEG-004 asks who authorises each use beforehand

    @LEG-004
    Scenario: An overt interception is not secret surveillance
      Given a measure intercepting the communications of targeted persons
      And the person concerned is informed when the measure is carried out
      And the law sets no precautions for passing the data on
      When it is assessed as of 2025-01-01
      Then rule LEG-004 does not apply

  Rule: PROP-004 concerns retention of traffic and location data, general or targeted (LQDN I §§ 137, 168)
    La Quadrature du Net I requires general retention for national security to be
    limited in time and renewable, and targeted retention to last no longer than strictly
    necessary. Other general measures are not asked for a sunset clause by this rule.

    @PROP-004
    Scenario: General retention of traffic data with no sunset clause and no review
      Given a measure obliging providers to retain data, covering traffic data
      And the data covered are those of all users
      And the measure does not expire unless repealed
      And the measure as a whole is not re-evaluated at fixed intervals
      When it is assessed as of 2025-01-01
      Then finding PROP-004 is a condition to impose
      And finding PROP-004 cites LQDN I

    @PROP-004
    Scenario: A targeted retention scheme needs an end or a review too
      Given a measure obliging providers to retain data, covering location data
      And the data covered are those of everyone in a targeted geographic area
      And the measure does not expire unless repealed
      And the measure as a whole is not re-evaluated at fixed intervals
      When it is assessed as of 2025-01-01
      Then finding PROP-004 is a condition to impose

    @PROP-004
    Scenario: Bulk interception is not a retention scheme
      Given the example measure "ex11-bulk-interception-ministerial"
      When it is assessed
      Then rule PROP-004 does not apply

  Rule: PROP-005 concerns communications data and content (DRI § 58; BBW §§ 448-450)
    Professional secrecy is at stake where communications data or content of persons who
    are not suspects are caught; fingerprints or identity data alone are not
    communications, and a measure stated to catch no professional is not asked.

    @PROP-005
    Scenario: Retention of everyone's traffic data without protection for professional secrecy
      Given a measure obliging providers to retain data, covering traffic data
      And the data covered are those of all users
      And communications bound by professional secrecy are not specifically protected
      When it is assessed as of 2025-01-01
      Then finding PROP-005 is a condition to impose
      And finding PROP-005 cites DRI

    @PROP-005
    Scenario: Biometric data of many people are not communications data
      Given a measure of another kind
      And the measure covers special categories of personal data
      And the data covered are those of targeted categories of persons
      And communications bound by professional secrecy are not specifically protected
      When it is assessed as of 2025-01-01
      Then rule PROP-005 does not apply

    @PROP-005
    Scenario: No one bound by professional secrecy can be caught
      Given a measure obliging providers to retain data, covering traffic data
      And the data covered are those of everyone in a targeted geographic area
      And the data of persons bound by professional secrecy cannot be caught
      And communications bound by professional secrecy are not specifically protected
      When it is assessed as of 2025-01-01
      Then rule PROP-005 does not apply

  Rule: RET-017 and LEG-006 concern retention regimes (Tele2 § 122; Škoberne)
    Storage in the EU, irreversible destruction and a court ruling on the retention
    regime are questions about the retention obligation itself, not about access or
    interception; and only providers of electronic communications services fall under
    the ePrivacy retention rules.

    @RET-017
    Scenario: A retention obligation that lets data be stored anywhere
      Given a measure obliging providers to retain data, covering traffic data
      And the data are stored in a place the law does not specify
      When it is assessed as of 2025-01-01
      Then finding RET-017 is a condition to impose
      And finding RET-017 cites Tele2

    @RET-017
    Scenario: Access to retained data is not a retention regime
      Given a measure requiring access to retained data, covering traffic data
      And the data are stored in a place the law does not specify
      When it is assessed as of 2025-01-01
      Then rule RET-017 does not apply

    @RET-017 @LEG-006
    Scenario: A hosting provider is not an electronic-communications provider
      Given a measure obliging providers to retain data, covering traffic data
      And the measure obliges hosting or platform providers
      And the data are stored in a place the law does not specify
      And a court has declared the retention regime incompatible with EU law
      When it is assessed as of 2025-01-01
      Then rule RET-017 does not apply
      And rule LEG-006 does not apply

    @LEG-006
    Scenario: A retention regime declared contrary to EU law
      Given a measure obliging providers to retain data, covering traffic data
      And the measure obliges providers of electronic communications services
      And a court has declared the retention regime incompatible with EU law
      When it is assessed as of 2025-01-01
      Then finding LEG-006 is a violation
      And finding LEG-006 cites Škoberne

    @LEG-006
    Scenario: Targeted interception is not a retention regime
      Given the example measure "ex03-judicial-targeted-interception"
      When it is assessed
      Then rule LEG-006 does not apply

  Rule: RET-005 concerns how a targeted retention or preservation scheme selects persons or areas (LQDN I § 168)
    Selection criteria matter where a scheme chooses whom or where to cover; access to the
    data of an identified person selects no one.

    @RET-005
    Scenario: A targeted retention scheme selects by religion
      Given a measure obliging providers to retain data, covering traffic data
      And the data covered are those of targeted categories of persons
      And the selection relies on protected characteristics such as ethnic origin or religion
      When it is assessed as of 2025-01-01
      Then finding RET-005 is a violation
      And finding RET-005 cites LQDN I

    @RET-005
    Scenario: Access to the data of an identified suspect selects no one
      Given a measure requiring access to retained data, covering traffic data
      And the data covered are those of suspects only
      When it is assessed as of 2025-01-01
      Then rule RET-005 does not apply

  Rule: LED-005 runs only where automated processing takes place (LED Art. 11)
    Article 11 of the Law Enforcement Directive concerns decisions based solely on
    automated processing, including profiling. A measure without automated processing is
    not asked about it.

    @LED-005
    Scenario: Automated analysis takes adverse decisions with no human review
      Given a measure analysing data automatically
      And the objective is serious crime
      And the measure's jurisdiction is DE
      And adverse decisions are taken solely by automated means
      And automated hits are not re-examined by a human before action is taken
      When it is assessed as of 2025-01-01
      Then finding LED-005 is a violation

    @LED-005
    Scenario: No automated processing takes place
      Given a measure requiring access to retained data
      And the objective is serious crime
      And the measure's jurisdiction is DE
      And the data are not analysed automatically to profile or select persons
      When it is assessed as of 2025-01-01
      Then rule LED-005 does not apply

    @LED-005
    Scenario: Whether automated processing takes place is asked once
      Given a measure requiring access to retained data
      And the objective is serious crime
      And the measure's jurisdiction is DE
      When it is assessed as of 2025-01-01
      Then finding LED-005 asks whether the data are analysed automatically to profile or select persons

    @LED-001
    Scenario: The processing is stated to fall outside the Law Enforcement Directive
      Given a measure requiring access to retained data
      And the objective is serious crime
      And the measure's jurisdiction is DE
      And the data are not processed by competent authorities for criminal-law purposes
      And the purposes of processing are not specified, explicit and legitimate
      When it is assessed as of 2025-01-01
      Then rule LED-001 does not apply

  Rule: A stated list of data categories is complete (LED-004, LED-006; LED Art. 10)
    Where the data covered are stated and include no special category, no special category is
    processed, so the special-category tests are not asked.

    @LED-004 @LED-006
    Scenario: Traffic data only: no special category is processed
      Given a measure requiring access to retained data, covering traffic data
      And the objective is serious crime
      And no data protection impact assessment was carried out
      And the processing uses no new technologies
      And the data covered are those of suspects only
      When it is assessed as of 2025-01-01
      Then rule LED-004 does not apply
      And finding LED-006 is satisfied

    @LED-004
    Scenario: Special categories are listed, so their justification is asked
      Given a measure requiring access to retained data, covering special categories of personal data
      And the objective is serious crime
      When it is assessed as of 2025-01-01
      Then finding LED-004 asks whether processing the special categories is shown to be strictly necessary

  Rule: A described storage period is not asked again (NEC-001)
    A measure that stores nothing needs no retention period; an erasure rule ("until no
    longer necessary, verified periodically") or an end bound to an event describes a
    period; a stated absence of any maximum is a description too (EDPS Toolkit, Step 1).

    @NEC-001
    Scenario: A measure that stores nothing is fully described without a period
      Given a measure requiring access to retained data, covering traffic data
      And the objective is serious crime
      And the data covered are those of suspects only
      And the authorities that may access the data are "criminal police"
      And the measure keeps no data at all
      When it is assessed as of 2025-01-01
      Then finding NEC-001 is satisfied

    @NEC-001
    Scenario: An erasure rule describes the period
      Given a measure requiring access to retained data, covering traffic data
      And the objective is serious crime
      And the data covered are those of suspects only
      And the authorities that may access the data are "criminal police"
      And the data are kept only until they are no longer necessary
      When it is assessed as of 2025-01-01
      Then finding NEC-001 is satisfied

    @NEC-001
    Scenario: A stated unlimited period is not asked again when something else is missing
      Given a measure requiring access to retained data, covering traffic data
      And the objective is serious crime
      And the data covered are those of suspects only
      And the law sets no maximum period for keeping the data
      When it is assessed as of 2025-01-01
      Then finding NEC-001 asks which authorities may access the data
      And finding NEC-001 does not ask how long the data may be kept at most

    @NEC-001
    Scenario: Nothing is said about the period
      Given a measure requiring access to retained data, covering traffic data
      And the objective is serious crime
      And the data covered are those of suspects only
      And the authorities that may access the data are "criminal police"
      When it is assessed as of 2025-01-01
      Then finding NEC-001 asks how long the data may be kept at most

  Rule: A later serious stage does not make the whole measure serious (R5; LQDN II)
    Finding the civil identity behind an IP address is not a serious interference; linking
    identity, address and the works consulted may become one at a later stage, and that
    stage needs prior review by a court or independent body (RET-008). PROP-002 does not
    treat the whole measure as serious because of that later stage.

    @PROP-002 @RET-008
    Scenario: Identity behind an IP address for crime in general, with a later linking stage
      Given a measure requiring access to retained data, covering the subscriber's civil identity and IP addresses of the source of a connection
      And the objective is crime in general
      And the access consists in finding the civil identity behind an IP address
      And linking the data could reveal the person's private life
      And access is authorised beforehand by the police
      When it is assessed as of 2025-01-01
      Then rule PROP-002 does not apply
      And finding RET-008 is a condition to impose
      And finding RET-008 cites LQDN II

    @PROP-002
    Scenario: Stated to be serious only at a later stage
      Given a measure requiring access to retained data, covering the subscriber's civil identity
      And the objective is crime in general
      And linking the data could reveal the person's private life
      And the interference can become serious only at a later stage
      When it is assessed as of 2025-01-01
      Then finding PROP-002 is satisfied

    @PROP-002
    Scenario: Linking in the access itself makes it serious
      Given a measure requiring access to retained data, covering the subscriber's civil identity
      And the objective is crime in general
      And linking the data could reveal the person's private life
      When it is assessed as of 2025-01-01
      Then finding PROP-002 is a violation
      And finding PROP-002 cites Ministerio Fiscal
