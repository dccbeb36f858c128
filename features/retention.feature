Feature: Retention of and access to communications data
  The CJEU's ePrivacy case law decides when providers may be obliged to keep
  communications data and when authorities may access it.

  @RET-011
  Rule: Access to traffic or location data only for serious crime
    Access to traffic or location data that reveal private life is allowed only
    to fight serious crime or serious threats to public security, however short
    the period or small the amount of data (Prokuratuur).

    Scenario: Access to traffic data to fight crime in general is a violation
      Given a measure requiring access to retained traffic data
      And the objective is crime in general
      When it is assessed as of 2021-06-01
      Then the necessity principle is not satisfied
      And finding RET-011 is a violation
      And finding RET-011 cites Prokuratuur

    Scenario: The objective is not stated
      Given a measure requiring access to retained traffic and location data
      When it is assessed as of 2021-06-01
      Then finding RET-011 asks for "objective"
