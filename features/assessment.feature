Feature: Assessing a whole measure under Art. 52(1) of the Charter
  An official describes a proposed measure; the assessment runs every rule in force
  on the legal date and reports, principle by principle in the Charter's order
  (legality, essence, objective, necessity, proportionality, safeguards), what the
  rules found and why, with the legal sources relied on. All principles are always
  reported, but the first principle that is not satisfied is where the analysis
  "ends": nothing later can save the measure. Missing facts become questions.

  @end-to-end @LEG-003 @ESS-001
  Scenario: Scanning every user's messages fails legality and the essence of the right
    Given the example measure "ex09-client-side-scanning"
    When it is assessed
    Then the verdict is not compliant
    And the legality principle is not satisfied
    And finding LEG-003 is a violation
    And finding LEG-003 cites PI
    And the essence principle is not satisfied
    And finding ESS-001 is a violation
    And finding ESS-001 cites Podchasov
    And the analysis ends at legality

  @end-to-end @LEG-003 @ESS-001
  Scenario: Once the law sets the conditions of access, the analysis ends at the essence
    Given the example measure "ex09-client-side-scanning"
    And the law itself sets the conditions for access to and use of the data
    When it is assessed
    Then finding LEG-003 is satisfied
    And the essence principle is not satisfied
    And the analysis ends at essence
    And the verdict is not compliant

  @end-to-end @LEG-006 @ESS-003 @NEC-005 @PROP-003 @PROP-005 @RET-015
  Scenario: A measure already non-compliant is asked only what could still change another principle
    Given the example measure "ex09-client-side-scanning"
    When it is assessed
    Then the verdict may still range from not compliant to not compliant
    And rule LEG-006 does not apply
    And the assessment does not ask whether a court has declared the retention regime incompatible with EU law
    And the assessment does not ask whether the law lays down specific rules on data security
    And the first question asks whose data may be accessed
    And the question whose data may be accessed could change the necessity principle
    And the assessment asks which less intrusive alternatives were considered
    And the assessment asks whether the retention period rests on objective criteria and is reasoned
    And the assessment asks whether communications bound by professional secrecy are specifically protected

  @end-to-end @LED-001 @LED-002 @ENC-003 @ENC-005
  Scenario: Obligations to confirm and methods do not add questions to a non-compliant measure
    Given the example measure "ex09-client-side-scanning"
    When it is assessed
    Then finding LED-001 is a request for information
    And the assessment does not ask whether the purposes of processing are specified, explicit and legitimate
    And the assessment recommends ENC-003
    And the assessment recommends ENC-005

  @end-to-end @LEG-001 @LEG-002 @LEG-003 @LEG-004 @LEG-006 @ESS-001 @ESS-003
  Scenario: Judge-authorised interception of a suspect is lawful once data security is added
    Given the example measure "ex03-judicial-targeted-interception"
    When it is assessed
    Then the legality principle is satisfied
    And finding LEG-004 is satisfied
    And finding LEG-004 cites Zakharov
    And finding ESS-001 is satisfied
    And the essence principle is satisfied only with conditions
    And the safeguards to impose include ESS-003

  @end-to-end @LEG-004 @LEG-005 @LEG-007 @PROP-004 @PROP-005 @NEC-004
  Scenario: Ministerial bulk interception outside EU law fails on the safeguards of the law
    Given the example measure "ex11-bulk-interception-ministerial"
    When it is assessed
    Then the verdict is not compliant
    And the legality principle is not satisfied
    And finding LEG-004 is a violation
    And finding LEG-005 is satisfied
    And the essence principle is not applicable
    And rule ESS-001 does not apply
    And the analysis ends at legality
    And the safeguards to impose include PROP-005
    And rule PROP-004 does not apply
    And rule NEC-004 does not apply
    And the assessment does not ask whether the law states the measure's scope in clear, precise and foreseeable terms

  @end-to-end @NEC-003 @NEC-004 @ESS-003 @PROP-003 @RET-015 @EEV-005
  Scenario: An incomplete file for a preservation order is answered with questions, most decisive first
    Given the example measure "ex07-epres-order-incomplete"
    When it is assessed
    Then the verdict is undecided for lack of information
    And the verdict may still range from compliant to not compliant
    And the necessity principle is undecided for lack of information
    And the first question asks whose data may be accessed
    And the question whose data may be accessed could change the verdict
    And finding NEC-003 is a request for information
    And the assessment recommends NEC-003
    And the assessment does not ask what evidence shows that the measure works
    And the essence principle is satisfied only with conditions
    And the question whether the law lays down specific rules on data security could change the verdict
    And the assessment asks whether the retention period rests on objective criteria and is reasoned
    And the question whether the issuing authority assessed that the order is necessary and proportionate is to confirm

  @end-to-end @RET-007 @PROP-002 @PROP-005
  Scenario: General retention of IP addresses for crime in general, after LQDN II
    Given the example measure "ex04-ip-retention-online-crime"
    When it is assessed
    Then the verdict is undecided for lack of information
    And finding RET-007 is version 2
    And finding RET-007 asks whether retained IP addresses are kept in watertight separation from other data
    And finding RET-007 requires legal review
    And rule PROP-002 does not apply
    And finding PROP-005 is a request for information
    And the proportionality principle is undecided for lack of information

  @end-to-end @RET-007 @LEG-006
  Scenario: The same IP retention assessed before LQDN II and Škoberne
    Given the example measure "ex04-ip-retention-online-crime"
    When it is assessed as of 2024-01-15
    Then the verdict is not compliant
    And finding RET-007 is version 1
    And finding RET-007 is a violation
    And the proportionality principle is not satisfied
    And rule LEG-006 does not apply
    And the analysis ends at proportionality

  @end-to-end @RET-011 @PROP-002 @NEC-001
  Scenario: Police access to traffic data for crime in general fails necessity and proportionality
    Given the example measure "ex01-quick-freeze-serious-crime"
    And the measure is access to retained data
    And the objective is crime in general
    When it is assessed
    Then the verdict is not compliant
    And finding RET-011 is a violation
    And finding RET-011 cites Prokuratuur
    And finding PROP-002 is a violation
    And finding NEC-001 is satisfied
    And the necessity principle is not satisfied
    And the proportionality principle is not satisfied
    And the analysis ends at necessity

  @end-to-end @ENC-005 @ENC-001
  Scenario: A method from guidance only recommends: targeted key disclosure without a DPIA is compliant
    Given the example measure "ex10-targeted-key-disclosure"
    When it is assessed
    Then finding ENC-005 is a condition to impose
    And the assessment recommends ENC-005
    And the verdict is compliant
    And the verdict may still range from compliant to compliant

  @end-to-end @RET-010 @RET-016
  Scenario: An unknown fact that could only add a condition gives a verdict with conditions
    Given the example measure "ex01-quick-freeze-serious-crime"
    And it is not stated whether the persons concerned are informed afterwards
    When it is assessed
    Then the verdict is compliant with conditions
    And the verdict may still range from compliant to compliant with conditions
    And the question whether the persons concerned are informed afterwards could change the verdict
    And a condition asks to confirm whether the persons concerned are informed afterwards

  @end-to-end @LED-005 @LED-002
  Scenario: An obligation whose fact is unknown is to confirm, not a reason to withhold the verdict
    Given the example measure "ex02-automated-dna-face-exchange"
    And it is not stated whether profiling relies on special categories of data in a discriminatory way
    When it is assessed
    Then the verdict is compliant with conditions
    And the verdict may still range from compliant with conditions to not compliant
    And the question whether profiling relies on special categories of data in a discriminatory way is to confirm
    And a condition asks to confirm whether profiling relies on special categories of data in a discriminatory way
