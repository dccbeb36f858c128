Feature: Foreseeable covert measures and access confined to serious crime
  Two tests the rulebook lacked (legal review R6). The European Court of Human Rights
  requires the law on covert measures to say clearly when and how they may be used
  (Malone, 1984; Huvig and Kruslin, 1990; Zakharov). The Court of Justice struck down the
  Data Retention Directive because, although it pursued the fight against serious crime,
  its access provisions were not confined to serious offences defined by objective
  criteria (Digital Rights Ireland, paras. 60-61).

  Rule: LEG-007 The law on covert measures is clear and precise (Malone paras. 67-68)
    Scope: covert measure types, unless the person is informed at the time; whether or
    not EU law applies.

    @LEG-007
    Scenario: The law on telephone tapping is vague
      Given a measure intercepting the communications of targeted persons
      And EU law does not apply to it
      And the law does not state the measure's scope in clear, precise and foreseeable terms
      When it is assessed as of 1990-01-01
      Then finding LEG-007 is a violation
      And finding LEG-007 cites Malone
      And the legality principle is not satisfied

    @LEG-007
    Scenario: The law states the circumstances and conditions clearly
      Given a measure intercepting communications in bulk
      And the law states the measure's scope in clear, precise and foreseeable terms
      When it is assessed as of 2025-01-01
      Then finding LEG-007 is satisfied

    @LEG-007
    Scenario: Whether the law is clear and precise is not stated
      Given a measure collecting data in real time
      When it is assessed as of 2025-01-01
      Then finding LEG-007 asks whether the law states the measure's scope in clear, precise and foreseeable terms

    @LEG-007
    Scenario: An overt measure is outside the covert-measure test
      Given a measure intercepting the communications of targeted persons
      And the person concerned is informed when the measure is carried out
      And the law does not state the measure's scope in clear, precise and foreseeable terms
      When it is assessed as of 2025-01-01
      Then rule LEG-007 does not apply

    @LEG-007
    Scenario: Before Malone the test had not been stated
      Given a measure intercepting the communications of targeted persons
      And the law does not state the measure's scope in clear, precise and foreseeable terms
      When it is assessed as of 1984-08-01
      Then rule LEG-007 does not apply

  Rule: RET-022 Access provisions reach only the serious crime the measure is said to fight (DRI paras. 60-61)
    Scope: communications-data measures where EU law applies, with traffic or location
    data and an objective of serious crime or higher.

    @RET-022
    Scenario: Retention for serious crime, but access for any offence
      Given a measure obliging providers to retain data, covering traffic data
      And the objective is serious crime
      And the law does not limit access to serious crime or higher objectives
      When it is assessed as of 2015-01-01
      Then finding RET-022 is a violation
      And finding RET-022 cites DRI
      And the necessity principle is not satisfied

    @RET-022
    Scenario: Access is limited to serious crime
      Given a measure requiring access to retained data, covering location data
      And the objective is national security
      And the law allows access only to fight serious crime or higher objectives
      When it is assessed as of 2025-01-01
      Then finding RET-022 is satisfied

    @RET-022
    Scenario: Whether access is limited to serious crime is not stated
      Given a measure requiring access to retained data, covering traffic data
      And the objective is serious crime
      When it is assessed as of 2025-01-01
      Then finding RET-022 asks whether the law allows access only to fight serious crime or higher objectives

    @RET-022
    Scenario: A measure for crime in general is left to RET-011 and PROP-002
      Given a measure requiring access to retained data, covering traffic data
      And the objective is crime in general
      And the law does not limit access to serious crime or higher objectives
      When it is assessed as of 2025-01-01
      Then rule RET-022 does not apply

    @RET-022
    Scenario: Before Digital Rights Ireland the test had not been stated
      Given a measure obliging providers to retain data, covering traffic data
      And the objective is serious crime
      And the law does not limit access to serious crime or higher objectives
      When it is assessed as of 2014-04-07
      Then rule RET-022 does not apply
