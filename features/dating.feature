Feature: The law as it was stated on the legal date
  A rule applies from the judgment that first stated its test, or from the day the
  instrument it restates began to apply; where an earlier test governed before, that
  predecessor applies on earlier dates. A finding rests only on sources that existed on
  its legal date; later judgments of the same rule are listed apart, as later
  confirmation (legal review R2).

  Rule: A finding rests only on the sources that existed on its legal date

    @RET-011
    Scenario: Access for crime in general in 2018 rests on Tele2; Prokuratuur only confirms it later
      Given a measure requiring access to retained data, covering traffic data
      And the objective is crime in general
      When it is assessed as of 2018-06-01
      Then finding RET-011 is a violation
      And finding RET-011 cites Tele2
      And finding RET-011 does not rest on Prokuratuur
      And finding RET-011 lists Prokuratuur as a later confirmation

    @RET-011
    Scenario: Before Tele2 the access test had not been stated
      Given a measure requiring access to retained data, covering traffic data
      And the objective is crime in general
      When it is assessed as of 2016-12-20
      Then rule RET-011 does not apply

  Rule: General retention: Digital Rights Ireland before Tele2

    @RET-001
    Scenario: A general retention law of 2015 with unlimited access, under Digital Rights Ireland
      Given a measure obliging providers to retain data, covering traffic data and location data
      And the data covered are those of all users
      And the objective is serious crime
      And the law does not limit access to serious crime or higher objectives
      When it is assessed as of 2015-06-01
      Then finding RET-001 is a violation
      And finding RET-001 is version 2
      And finding RET-001 cites DRI
      And finding RET-001 requires legal review

    @RET-001
    Scenario: The same law assessed after Tele2 meets the settled prohibition
      Given a measure obliging providers to retain data, covering traffic data and location data
      And the data covered are those of all users
      And the objective is serious crime
      When it is assessed as of 2017-01-10
      Then finding RET-001 is a violation
      And finding RET-001 is version 1
      And finding RET-001 cites Tele2

  Rule: Bulk interception: the Weber and Saravia safeguards before Big Brother Watch

    @SURV-007 @SURV-006
    Scenario: A bulk interception regime of 2015 without sharing precautions
      Given a measure intercepting communications in bulk
      And the law sets no precautions for sharing intercept material
      And no independent body supervises bulk interception while it runs
      When it is assessed as of 2015-06-01
      Then finding SURV-007 is a violation
      And finding SURV-007 is version 2
      And finding SURV-007 cites Weber and Saravia
      And rule SURV-006 does not apply

    @SURV-007
    Scenario: Independent supervision was not yet required before 2021-05-25
      Given a measure intercepting communications in bulk
      And the law sets the grounds for bulk interception
      And the law sets when an individual's communications may be selected
      And the law sets how intercept material is selected, examined and used
      And the law sets precautions for sharing intercept material
      And the law limits how long material is intercepted and kept, and when it is erased
      And no independent body supervises bulk interception while it runs
      When it is assessed as of 2021-05-24
      Then finding SURV-007 is satisfied
      And finding SURV-007 is version 2

    @SURV-007
    Scenario: From 2021-05-25 the same regime lacks an end-to-end safeguard
      Given a measure intercepting communications in bulk
      And the law sets the grounds for bulk interception
      And the law sets when an individual's communications may be selected
      And the law sets how intercept material is selected, examined and used
      And the law sets precautions for sharing intercept material
      And the law limits how long material is intercepted and kept, and when it is erased
      And no independent body supervises bulk interception while it runs
      When it is assessed as of 2021-05-25
      Then finding SURV-007 is a violation
      And finding SURV-007 is version 1
