Feature: Police access to data stored on a seized device
  Landeck (Court of Justice, Grand Chamber, 4 October 2024) applies the Law Enforcement
  Directive to police access to the data on a seized mobile phone, including attempts
  to unlock it. Unlike access to data retained by providers, such access is not limited
  to serious crime, but it needs a law defining the relevant factors, prior
  authorisation by a court or independent authority, a case-by-case check and later
  information of the person.

  Rule: A law defining the factors, prior independent authorisation and later information (DEV-001)
    From 4 October 2024, police access to the data on a seized device needs a law in
    which the legislature itself defines the factors governing access (such as the
    nature or categories of offences), prior authorisation by a court or independent
    authority save duly substantiated urgency, and information of the person once this
    no longer jeopardises the investigation. Scope: device searches where EU law (the
    LED) applies.

    @DEV-001
    Scenario: Police search a seized phone on their own authority
      Given a measure searching a device
      And the measure's jurisdiction is AT
      And the processing is carried out by the State itself
      And the objective is serious crime
      And the measure covers data stored on a device
      And access is authorised beforehand by the police
      And the legislature itself defined the factors governing access, such as the offences
      And the persons concerned are informed once this no longer jeopardises the investigation
      When it is assessed as of 2025-01-10
      Then finding DEV-001 is a violation
      And finding DEV-001 cites Landeck
      And the safeguards principle is not satisfied
      And the verdict is not compliant

    @DEV-001
    Scenario: A judge authorises the search of a phone for a minor offence
      Given a measure searching a device
      And the measure's jurisdiction is AT
      And the processing is carried out by the State itself
      And the objective is serious crime
      And the measure covers data stored on a device
      And the objective is crime in general
      And access is authorised beforehand by a court
      And the legislature itself defined the factors governing access, such as the offences
      And the persons concerned are informed once this no longer jeopardises the investigation
      When it is assessed as of 2025-01-10
      Then finding DEV-001 is satisfied
      And rule PROP-002 does not apply
      And rule RET-011 does not apply

    @DEV-001
    Scenario: The law leaves the factors governing access to the police
      Given a measure searching a device
      And the measure's jurisdiction is AT
      And the processing is carried out by the State itself
      And the objective is serious crime
      And access is authorised beforehand by a court
      And the legislature did not itself define the factors governing access
      And the persons concerned are informed once this no longer jeopardises the investigation
      When it is assessed as of 2025-01-10
      Then finding DEV-001 is a violation

    @DEV-001
    Scenario: The person is never told that the phone was searched
      Given a measure searching a device
      And the measure's jurisdiction is AT
      And the processing is carried out by the State itself
      And the objective is serious crime
      And access is authorised beforehand by an independent administrative body
      And the legislature itself defined the factors governing access, such as the offences
      And the persons concerned are informed never
      When it is assessed as of 2025-01-10
      Then finding DEV-001 is a violation

    @DEV-001
    Scenario: Unlocking a phone in substantiated urgency, reviewed promptly afterwards
      Given a measure searching a device
      And the measure's jurisdiction is AT
      And the processing is carried out by the State itself
      And the objective is serious crime
      And access is authorised beforehand by no one
      And in a duly justified emergency the measure may be used without prior review
      And after an emergency use the independent review must follow within a short time
      And the legislature itself defined the factors governing access, such as the offences
      And the persons concerned are informed once this no longer jeopardises the investigation
      When it is assessed as of 2025-01-10
      Then finding DEV-001 is satisfied

    @DEV-001
    Scenario: Who authorises the search is not stated
      Given a measure searching a device
      And the measure's jurisdiction is AT
      And the processing is carried out by the State itself
      And the objective is serious crime
      And the legislature itself defined the factors governing access, such as the offences
      And the persons concerned are informed once this no longer jeopardises the investigation
      When it is assessed as of 2025-01-10
      Then finding DEV-001 asks who authorises each use beforehand

    @DEV-001
    Scenario: Before Landeck the rule is not in force
      Given a measure searching a device
      And the measure's jurisdiction is AT
      And the processing is carried out by the State itself
      And the objective is serious crime
      And access is authorised beforehand by the police
      When it is assessed as of 2024-10-03
      Then rule DEV-001 does not apply

    @DEV-001
    Scenario: Outside EU law the rule is not run
      Given a measure searching a device
      And EU law does not apply to it
      And access is authorised beforehand by the police
      When it is assessed as of 2025-01-10
      Then rule DEV-001 does not apply

    @DEV-001
    Scenario: Whether the search serves a criminal-law purpose is not stated
      Given a measure searching a device
      And the measure's jurisdiction is AT
      And the processing is carried out by the State itself
      And access is authorised beforehand by the police
      When it is assessed as of 2025-01-10
      Then finding DEV-001 asks which objective the measure pursues

    @DEV-001
    Scenario: A search for national security lies outside the Law Enforcement Directive
      Given a measure searching a device
      And the measure's jurisdiction is AT
      And the processing is carried out by the State itself
      And the objective is national security
      And access is authorised beforehand by the police
      When it is assessed as of 2025-01-10
      Then rule DEV-001 does not apply

    @DEV-001
    Scenario: Remote access to a suspect's phone under an interception power is not a device search
      Given the example measure "ex08-targeted-device-access"
      When it is assessed
      Then rule DEV-001 does not apply
