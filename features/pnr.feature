Feature: Passenger Name Record schemes
  Air carriers transfer the booking data of their passengers (PNR data) to a
  Passenger Information Unit, which screens them and keeps them for later
  investigations. In Ligue des droits humains (21 June 2022) the Court of Justice
  upheld the PNR Directive (EU) 2016/681 only if it is read strictly: these rules
  state that reading, from the day of the judgment.

  Background:
    Given a measure processing passenger name records
    And the measure's jurisdiction is BE
    And the processing is carried out by private providers under an obligation
    And the national law implements Union law
    And the objective is serious crime

  Rule: The rules apply to PNR schemes under EU law, from the judgment of 21 June 2022
    A PNR scheme is assessed under these rules where EU law applies to it (a Member
    State's PNR law binding air carriers, or a law implementing the Directive), and
    only on or after 21 June 2022, the day the Court gave its reading.

    @PNR-001 @PNR-002 @PNR-003 @PNR-004 @PNR-005
    Scenario: A PNR scheme of a State outside the Union
      Given EU law does not apply to it
      When it is assessed as of 2025-01-01
      Then rule PNR-001 does not apply
      And rule PNR-002 does not apply
      And rule PNR-003 does not apply
      And rule PNR-004 does not apply
      And rule PNR-005 does not apply

    @PNR-001 @PNR-002 @PNR-003 @PNR-004 @PNR-005
    Scenario: A PNR scheme assessed the day before the judgment
      Given the flights covered are all flights within the EU
      And after six months the data kept are those of all passengers
      When it is assessed as of 2022-06-20
      Then rule PNR-001 does not apply
      And rule PNR-002 does not apply
      And rule PNR-003 does not apply
      And rule PNR-004 does not apply
      And rule PNR-005 does not apply

    @PNR-001 @PNR-003
    Scenario: A measure that is not a PNR scheme
      Given the measure is access to retained data
      And after six months the data kept are those of all passengers
      When it is assessed as of 2025-01-01
      Then rule PNR-001 does not apply
      And rule PNR-003 does not apply

    @PNR-001
    Scenario: Whether EU law applies to the scheme is not stated
      Given it is not stated where the measure applies
      And it is not stated who carries out the processing
      When it is assessed as of 2025-01-01
      Then finding PNR-001 asks where the measure applies

  Rule: PNR-001 PNR data only for terrorist offences and serious crime
    PNR data may be used only against terrorist offences and serious crime with an
    objective link, even an indirect one, with air travel. Ordinary crime, minor
    offences and other purposes are excluded. The link with air travel is left to
    the reviewer: no fact of the measure states it.

    @PNR-001
    Scenario: PNR data used against crime in general is a violation
      Given the objective is crime in general
      When it is assessed as of 2025-01-01
      Then the necessity principle is not satisfied
      And finding PNR-001 is a violation
      And finding PNR-001 cites LDH

    @PNR-001
    Scenario: PNR data used against administrative offences is a violation
      Given the objective is administrative offences
      When it is assessed as of 2025-01-01
      Then finding PNR-001 is a violation

    @PNR-001
    Scenario: PNR data used against serious crime satisfies the rule
      When it is assessed as of 2025-01-01
      Then finding PNR-001 is satisfied

    @PNR-001
    Scenario: PNR data used against terrorism satisfies the rule
      Given the objective is terrorism
      When it is assessed as of 2025-01-01
      Then finding PNR-001 is satisfied

    @PNR-001
    Scenario: The purpose of the scheme is not stated
      Given it is not stated which objective the measure pursues
      When it is assessed as of 2025-01-01
      Then finding PNR-001 asks which objective the measure pursues

    @PNR-001
    Scenario: The purpose limit applies from the day of the judgment
      Given the objective is crime in general
      When it is assessed as of 2022-06-21
      Then finding PNR-001 is a violation

  Rule: PNR-002 all intra-EU flights only during a genuine terrorist threat
    Screening every intra-EU flight is allowed only while the State faces a terrorist
    threat that is genuine and present or foreseeable, by a decision limited in time
    and reviewed by a court or an independent administrative body. Otherwise the
    scheme must be limited to selected routes, travel patterns or airports.

    @PNR-002
    Scenario: All intra-EU flights without a genuine threat is a violation
      Given the flights covered are all flights within the EU
      And no genuine and present or foreseeable serious threat to national security is established
      When it is assessed as of 2025-01-01
      Then the proportionality principle is not satisfied
      And finding PNR-002 is a violation
      And finding PNR-002 cites LDH

    @PNR-002
    Scenario: All intra-EU flights on a minister's decision is a violation
      Given the flights covered are all flights within the EU
      And the State faces a genuine and present or foreseeable serious threat to national security
      And the law states when an order expires
      And access is authorised beforehand by a minister
      When it is assessed as of 2025-01-01
      Then finding PNR-002 is a violation

    @PNR-002
    Scenario: All intra-EU flights during a genuine threat, time-limited and reviewed by a court
      Given the flights covered are all flights within the EU
      And the State faces a genuine and present or foreseeable serious threat to national security
      And the law states when an order expires
      And access is authorised beforehand by a court
      When it is assessed as of 2025-01-01
      Then finding PNR-002 is satisfied

    @PNR-002
    Scenario: Selected intra-EU routes satisfy the rule
      Given the flights covered are selected routes within the EU
      When it is assessed as of 2025-01-01
      Then finding PNR-002 is satisfied

    @PNR-002
    Scenario: All intra-EU flights, the threat not stated
      Given the flights covered are all flights within the EU
      And the law states when an order expires
      And access is authorised beforehand by an independent administrative body
      When it is assessed as of 2025-01-01
      Then finding PNR-002 asks whether the State faces a genuine and present or foreseeable serious threat to national security

    @PNR-002
    Scenario: The flights covered are not stated
      When it is assessed as of 2025-01-01
      Then finding PNR-002 asks which flights are covered

    @PNR-002
    Scenario: The limit on intra-EU flights applies from the day of the judgment
      Given the flights covered are all flights within the EU
      And no genuine and present or foreseeable serious threat to national security is established
      When it is assessed as of 2022-06-21
      Then finding PNR-002 is a violation

  Rule: PNR-003 after six months only data of passengers with an established link are kept
    After the first six months, PNR data may be kept only for passengers for whom
    objective evidence shows a link with terrorism or serious crime; the data of all
    other passengers must be deleted.

    @PNR-003
    Scenario: Keeping every passenger's data beyond six months is a violation
      Given after six months the data kept are those of all passengers
      When it is assessed as of 2025-01-01
      Then finding PNR-003 is a violation
      And finding PNR-003 cites LDH

    @PNR-003
    Scenario: Keeping only linked passengers' data beyond six months satisfies the rule
      Given after six months the data kept are those of passengers linked to terrorism or serious crime only
      When it is assessed as of 2025-01-01
      Then finding PNR-003 is satisfied

    @PNR-003
    Scenario: Deleting all data after six months satisfies the rule
      Given after six months the data kept are those of nobody
      When it is assessed as of 2025-01-01
      Then finding PNR-003 is satisfied

    @PNR-003
    Scenario: What is kept after six months is not stated
      When it is assessed as of 2025-01-01
      Then finding PNR-003 asks whose data are kept after the first six months

    @PNR-003
    Scenario: The six-month limit applies from the day of the judgment
      Given after six months the data kept are those of all passengers
      When it is assessed as of 2022-06-21
      Then finding PNR-003 is a violation

  Rule: PNR-004 fixed, non-discriminatory criteria and a human check of every hit
    The automated screening may not use self-learning systems that change the
    criteria without human control; the criteria must be set in advance, specific
    and non-discriminatory; and every hit must be re-examined by a person.

    @PNR-004
    Scenario: A self-learning risk model is a violation
      Given the system uses self-learning models that can change the criteria
      And the screening criteria are set in advance, specific, reliable and non-discriminatory
      And every automated hit is re-examined by a human before action is taken
      When it is assessed as of 2025-01-01
      Then finding PNR-004 is a violation
      And finding PNR-004 cites LDH

    @PNR-004
    Scenario: Discriminatory screening criteria are a violation
      Given the screening criteria are not set in advance in a specific, reliable and non-discriminatory way
      When it is assessed as of 2025-01-01
      Then finding PNR-004 is a violation

    @PNR-004
    Scenario: Hits acted on without a human check are a violation
      Given the system uses no self-learning models
      And the screening criteria are set in advance, specific, reliable and non-discriminatory
      And automated hits are not re-examined by a human before action is taken
      When it is assessed as of 2025-01-01
      Then finding PNR-004 is a violation

    @PNR-004
    Scenario: Fixed non-discriminatory criteria with a human check of every hit
      Given the system uses no self-learning models
      And the screening criteria are set in advance, specific, reliable and non-discriminatory
      And every automated hit is re-examined by a human before action is taken
      When it is assessed as of 2025-01-01
      Then finding PNR-004 is satisfied

    @PNR-004
    Scenario: The screening method is not described
      When it is assessed as of 2025-01-01
      Then finding PNR-004 asks whether the system uses self-learning models that can change the criteria
      And finding PNR-004 asks whether every automated hit is re-examined by a human before action is taken

  Rule: PNR-005 disclosure of stored PNR data only after independent prior review
    Before stored PNR data are disclosed for a later assessment, a court or an
    independent administrative body must review the request, save in duly justified
    urgency. No court has yet fixed the details, so the finding needs legal review.

    @PNR-005
    Scenario: Disclosure approved only inside the authority needs a safeguard
      Given disclosure of stored passenger data needs no prior independent review
      When it is assessed as of 2025-01-01
      Then finding PNR-005 is a condition to impose
      And the safeguards to impose include PNR-005
      And finding PNR-005 requires legal review
      And finding PNR-005 cites LDH

    @PNR-005
    Scenario: Disclosure reviewed beforehand by a court or independent body
      Given disclosure of stored passenger data needs prior review by a court or independent body
      When it is assessed as of 2025-01-01
      Then finding PNR-005 is satisfied

    @PNR-005
    Scenario: How disclosure is authorised is not stated
      When it is assessed as of 2025-01-01
      Then finding PNR-005 asks whether disclosure of stored passenger data needs prior review by a court or independent body

  Rule: The example measure
    The national PNR scheme of the shared examples: extra-EU flights and selected
    intra-EU routes, linked passengers only after six months, fixed criteria with
    human review, disclosure approved by the head of the Passenger Information Unit.

    @PNR-001 @PNR-002 @PNR-003 @PNR-004 @PNR-005
    Scenario: A national PNR scheme for extra-EU flights and selected intra-EU routes
      Given the example measure "ex12-pnr-selected-intra-eu"
      When it is assessed
      Then finding PNR-005 is a condition to impose
      And finding PNR-005 requires legal review
      And finding PNR-001 is satisfied
      And finding PNR-002 is satisfied
      And finding PNR-003 is satisfied
      And finding PNR-004 is satisfied
