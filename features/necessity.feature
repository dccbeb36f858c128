Feature: Necessity: the measure must be described, effective and the least intrusive option
  A limitation is necessary only if it genuinely serves its objective and no less
  intrusive means would serve it as well. The EDPS Necessity Toolkit turns this into
  steps: describe the measure and its objective, show that it works, and compare it
  with less intrusive alternatives. Where those facts are missing the assessment
  asks for them instead of guessing.

  Rule: NEC-001 The measure and its objective are fully described
    Necessity cannot be judged until the measure is described (which data, whose,
    kept how long, who has access) and its objective is specific. Applies to every
    measure; the request lists what is still missing.

    @NEC-001
    Scenario: A measure described only by its data categories
      Given a measure intercepting the communications of targeted persons
      And the objective is serious crime
      And the measure covers the content of communications
      When it is assessed as of 2025-01-01
      Then finding NEC-001 is a request for information
      And finding NEC-001 asks whose data are covered
      And finding NEC-001 asks how long the data may be kept at most
      And finding NEC-001 asks which authorities may access the data
      And finding NEC-001 cites EDPS Toolkit

    @NEC-001
    Scenario: An objective stated as "other" needs a description
      Given the example measure "ex01-quick-freeze-serious-crime"
      And the objective is another objective
      And it is not stated how the objective is described
      When it is assessed
      Then finding NEC-001 asks how the objective is described

    @NEC-001
    Scenario: The objective is not stated
      Given the example measure "ex01-quick-freeze-serious-crime"
      And it is not stated which objective the measure pursues
      When it is assessed
      Then finding NEC-001 asks which objective the measure pursues

    @NEC-001
    Scenario: A fully described measure with a specific objective
      Given the example measure "ex01-quick-freeze-serious-crime"
      When it is assessed
      Then finding NEC-001 is satisfied

  Rule: NEC-003 There is evidence that the measure is effective
    A measure that cannot be shown to achieve its aim is neither suitable nor
    necessary. Where no evidence of effectiveness is given, or none is stated,
    the assessment asks for it. Applies to every measure.

    @NEC-003
    Scenario: The proposal admits there is no evidence that it works
      Given the example measure "ex01-quick-freeze-serious-crime"
      And the evidence that the measure works is none at all
      When it is assessed
      Then finding NEC-003 is a request for information
      And finding NEC-003 asks what evidence shows that the measure works
      And the assessment recommends NEC-003
      And the necessity principle is satisfied
      And the verdict is compliant
      And finding NEC-003 cites EDPS Guidelines

    @NEC-003
    Scenario: Statistics show that the measure works
      Given the example measure "ex01-quick-freeze-serious-crime"
      When it is assessed
      Then finding NEC-003 is satisfied

    @NEC-003
    Scenario: Anecdotal evidence is evidence for this rule
      Given the example measure "ex01-quick-freeze-serious-crime"
      And the evidence that the measure works is anecdotal
      When it is assessed
      Then finding NEC-003 is satisfied

    @NEC-003
    Scenario: The evidence of effectiveness is not stated
      Given the example measure "ex01-quick-freeze-serious-crime"
      And it is not stated what evidence shows that the measure works
      When it is assessed
      Then finding NEC-003 asks what evidence shows that the measure works

  Rule: NEC-004 Less intrusive alternatives were assessed
    Necessity means showing that no less intrusive option would be as effective,
    so the alternatives must have been identified and assessed. Applies to every
    measure.

    @NEC-004
    Scenario: No alternative was considered
      Given the example measure "ex07-epres-order-incomplete"
      When it is assessed
      Then finding NEC-004 is a request for information
      And finding NEC-004 asks whether less intrusive alternatives were identified and assessed
      And finding NEC-004 cites PI

    @NEC-004
    Scenario: A non-member State's measure is not assessed under the Charter method
      Given the example measure "ex11-bulk-interception-ministerial"
      When it is assessed
      Then rule NEC-004 does not apply

    @NEC-004
    Scenario: Alternatives were assessed
      Given the example measure "ex01-quick-freeze-serious-crime"
      When it is assessed
      Then finding NEC-004 is satisfied

    @NEC-004
    Scenario: Whether alternatives were assessed is not stated
      Given the example measure "ex01-quick-freeze-serious-crime"
      And it is not stated whether less intrusive alternatives were identified and assessed
      When it is assessed
      Then finding NEC-004 asks whether less intrusive alternatives were identified and assessed

  Rule: NEC-005 No less intrusive, equally effective alternative exists
    If an alternative that is less intrusive would be just as effective, the chosen
    measure is not strictly necessary. Applies to measures that list the
    alternatives they considered.

    @NEC-005
    Scenario: An equally effective, less intrusive alternative was rejected
      Given the example measure "ex01-quick-freeze-serious-crime"
      And a less intrusive alternative was considered, "Production orders for data already held for billing", which would be as effective
      When it is assessed
      Then the necessity principle is not satisfied
      And finding NEC-005 is a violation
      And finding NEC-005 cites Charter

    @NEC-005
    Scenario: The alternative considered would not be as effective
      Given the example measure "ex01-quick-freeze-serious-crime"
      When it is assessed
      Then finding NEC-005 is satisfied

    @NEC-005
    Scenario: The equal effectiveness of the alternative is not stated
      Given the example measure "ex09-client-side-scanning"
      When it is assessed
      Then finding NEC-005 is a request for information
      And finding NEC-005 asks which less intrusive alternatives were considered

    @NEC-005
    Scenario: A measure that lists no alternatives is left to NEC-004
      Given the example measure "ex03-judicial-targeted-interception"
      When it is assessed
      Then rule NEC-005 does not apply
