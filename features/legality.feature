Feature: Legality: the limitation must be provided for by law
  Art. 52(1) of the Charter and Art. 8(2) ECHR allow a limitation of private life
  only if it rests on a law that is accessible, foreseeable and itself sets the
  conditions and the minimum safeguards of the interference. These rules are the
  first step of the test: a measure that is not "law" cannot be saved by balancing.

  Rule: LEG-001 The limitation has a legal basis
    Every measure needs a legal basis. If none exists, the limitation is not
    "provided for by law" and the other quality-of-law questions are moot.
    Applies to every measure.

    @LEG-001 @LEG-002 @LEG-003
    Scenario: A measure without any legal basis is not provided for by law
      Given a measure intercepting the communications of targeted persons
      And no legal basis for the measure exists
      When it is assessed as of 2025-01-01
      Then the legality principle is not satisfied
      And finding LEG-001 is a violation
      And finding LEG-001 cites Charter
      And finding LEG-001 cites ECHR
      And rule LEG-002 does not apply
      And rule LEG-003 does not apply
      And the verdict is not compliant

    @LEG-001
    Scenario: A measure that rests on a law passes this first test
      Given a measure intercepting the communications of targeted persons
      And the processing is carried out by private providers under an obligation
      And a legal basis for the measure exists
      When it is assessed as of 2025-01-01
      Then finding LEG-001 is satisfied

    @LEG-001
    Scenario: Whether a law exists is not stated
      Given a measure intercepting the communications of targeted persons
      When it is assessed as of 2025-01-01
      Then finding LEG-001 asks whether a legal basis for the measure exists
      And the assessment asks whether a legal basis for the measure exists

  Rule: LEG-002 The law is accessible to the persons concerned
    Secret or unpublished rules are not "law": the people affected must be able to
    know the rules that govern the interference. Applies to measures that rest on a
    legal basis.

    @LEG-002
    Scenario: Unpublished rules make the measure unlawful
      Given a measure intercepting the communications of targeted persons
      And the processing is carried out by private providers under an obligation
      And a legal basis for the measure exists
      And the law is not accessible to the people concerned
      When it is assessed as of 2025-01-01
      Then the legality principle is not satisfied
      And finding LEG-002 is a violation
      And finding LEG-002 cites Zakharov
      And finding LEG-002 cites Szabó and Vissy

    @LEG-002
    Scenario: Published rules meet the accessibility requirement
      Given a measure intercepting the communications of targeted persons
      And the processing is carried out by private providers under an obligation
      And a legal basis for the measure exists
      And the law is published and accessible to the people concerned
      When it is assessed as of 2025-01-01
      Then finding LEG-002 is satisfied

    @LEG-002
    Scenario: Accessibility of the law is not stated
      Given a measure intercepting the communications of targeted persons
      And the processing is carried out by private providers under an obligation
      And a legal basis for the measure exists
      When it is assessed as of 2025-01-01
      Then finding LEG-002 asks whether the law is published and accessible to the people concerned

  Rule: LEG-003 The law itself sets the conditions of access and use
    A law that only names a purpose is not enough: it must itself lay down the
    substantive and procedural conditions on which authorities may access and use
    the data. Applies to measures that rest on a legal basis.

    @LEG-003
    Scenario: A law that leaves the conditions of access to the authorities is unlawful
      Given a measure intercepting the communications of targeted persons
      And the processing is carried out by private providers under an obligation
      And a legal basis for the measure exists
      And the law itself does not set the conditions for access to and use of the data
      When it is assessed as of 2025-01-01
      Then the legality principle is not satisfied
      And finding LEG-003 is a violation
      And finding LEG-003 cites PI
      And finding LEG-003 cites Opinion 1/15

    @LEG-003
    Scenario: A law that sets the conditions of access meets the requirement
      Given a measure intercepting the communications of targeted persons
      And the processing is carried out by private providers under an obligation
      And a legal basis for the measure exists
      And the law itself sets the conditions for access to and use of the data
      When it is assessed as of 2025-01-01
      Then finding LEG-003 is satisfied

    @LEG-003
    Scenario: Whether the law sets the conditions of access is not stated
      Given a measure intercepting the communications of targeted persons
      And the processing is carried out by private providers under an obligation
      And a legal basis for the measure exists
      When it is assessed as of 2025-01-01
      Then finding LEG-003 asks whether the law itself sets the conditions for access to and use of the data

  Rule: LEG-004 Secret surveillance law contains the minimum safeguards
    A law allowing secret surveillance must define the offences, the people liable
    to it, its duration (expiry, renewal, cancellation), the handling, sharing and
    erasure of the data. One gap is enough to make the law unforeseeable. Applies to
    interception (targeted or bulk), real-time collection and access to retained data.

    @LEG-004
    Scenario: Judge-authorised interception whose law contains every safeguard
      Given the example measure "ex03-judicial-targeted-interception"
      When it is assessed
      Then finding LEG-004 is satisfied
      And finding LEG-004 cites Weber and Saravia

    @LEG-004
    Scenario: The law says nothing about passing intercept material to others
      Given the example measure "ex03-judicial-targeted-interception"
      And the law sets no precautions for passing the data on
      When it is assessed
      Then the legality principle is not satisfied
      And finding LEG-004 is a violation
      And finding LEG-004 cites Zakharov

    @LEG-004
    Scenario: The law does not say how an authorisation is renewed
      Given the example measure "ex03-judicial-targeted-interception"
      And the law does not state the conditions for renewing an order
      When it is assessed
      Then finding LEG-004 is a violation

    @LEG-004
    Scenario: Several gaps give one finding, a violation, even if other items are unstated
      Given the example measure "ex11-bulk-interception-ministerial"
      When it is assessed
      Then finding LEG-004 is a violation

    @LEG-004
    Scenario: The expiry of authorisations is not stated
      Given the example measure "ex03-judicial-targeted-interception"
      And it is not stated whether the law states when an order expires
      When it is assessed
      Then finding LEG-004 asks whether the law states when an order expires

    @LEG-004
    Scenario: Measures other than secret surveillance are not asked about these safeguards
      Given a measure searching a device
      When it is assessed as of 2025-01-01
      Then rule LEG-004 does not apply

  Rule: LEG-005 National-security powers are not unfettered
    Powers used for national security may be broad, but the law must indicate in
    which circumstances they may be used. Applies to measures pursuing national
    security, including terrorism where a genuine threat to national security is relied on.

    @LEG-005
    Scenario: National-security powers with no stated circumstances of use
      Given a measure intercepting communications in bulk
      And the objective is national security
      And the law does not say in which circumstances the national-security powers may be used
      When it is assessed as of 2025-01-01
      Then the legality principle is not satisfied
      And finding LEG-005 is a violation
      And finding LEG-005 cites Szabó and Vissy

    @LEG-005
    Scenario: The law indicates when national-security powers may be used
      Given a measure intercepting communications in bulk
      And the objective is national security
      And the law says in which circumstances the national-security powers may be used
      When it is assessed as of 2025-01-01
      Then finding LEG-005 is satisfied

    @LEG-005
    Scenario: Terrorism relied on as a genuine threat to national security counts as national security
      Given a measure intercepting communications in bulk
      And the objective is terrorism
      And the State faces a genuine and present or foreseeable serious threat to national security
      And the law does not say in which circumstances the national-security powers may be used
      When it is assessed as of 2025-01-01
      Then finding LEG-005 is a violation

    @LEG-005
    Scenario: Terrorism without a national-security threat is not asked about it
      Given a measure intercepting communications in bulk
      And the objective is terrorism
      When it is assessed as of 2025-01-01
      Then rule LEG-005 does not apply

    @LEG-005
    Scenario: A serious-crime measure is not a national-security power
      Given a measure intercepting communications in bulk
      And the objective is serious crime
      When it is assessed as of 2025-01-01
      Then rule LEG-005 does not apply

    @LEG-005
    Scenario: Whether the law defines the circumstances of use is not stated
      Given a measure intercepting communications in bulk
      And the objective is national security
      When it is assessed as of 2025-01-01
      Then finding LEG-005 asks whether the law says in which circumstances the national-security powers may be used

  Rule: LEG-006 A retention regime contrary to EU law is not "in accordance with the law"
    Where a court has declared a retention regime incompatible with EU law, the
    ECtHR has found it incompatible with Art. 8 ECHR too (Škoberne, 15 February 2024;
    provisional, one Chamber judgment). Applies from that date, where EU law applies,
    to obligations on providers.

    @LEG-006
    Scenario: A regime declared incompatible with EU law, assessed after Škoberne
      Given a measure obliging providers to retain data, covering traffic data
      And a court has declared the retention regime incompatible with EU law
      When it is assessed as of 2024-06-01
      Then the legality principle is not satisfied
      And finding LEG-006 is a violation
      And finding LEG-006 requires legal review
      And finding LEG-006 cites Škoberne

    @LEG-006
    Scenario: The same regime assessed before Škoberne
      Given a measure obliging providers to retain data, covering traffic data
      And a court has declared the retention regime incompatible with EU law
      When it is assessed as of 2024-01-15
      Then rule LEG-006 does not apply

    @LEG-006
    Scenario: No court has declared the regime incompatible
      Given a measure obliging providers to retain data, covering traffic data
      And no court has declared the retention regime incompatible with EU law
      When it is assessed as of 2024-06-01
      Then finding LEG-006 is satisfied

    @LEG-006
    Scenario: Whether a court has ruled on the regime is not stated
      Given a measure obliging providers to retain data, covering traffic data
      When it is assessed as of 2024-06-01
      Then finding LEG-006 asks whether a court has declared the retention regime incompatible with EU law
      And finding LEG-006 requires legal review

    @LEG-006
    Scenario: A measure the State carries out itself, outside EU law, is not asked
      Given a measure intercepting communications in bulk
      And EU law does not apply to it
      When it is assessed as of 2024-06-01
      Then rule LEG-006 does not apply

    @LEG-006
    Scenario: A cross-border order is not a retention obligation on providers
      Given a cross-border order to produce electronic evidence
      And the processing is carried out by a provider in another State under a cross-border order
      And the measure's jurisdiction is DE
      When it is assessed as of 2024-06-01
      Then rule LEG-006 does not apply
