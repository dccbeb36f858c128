Feature: Access to and use of communications data held by providers
  The Court of Justice's ePrivacy case law (Tele2, Privacy International, La Quadrature
  du Net I and II, Prokuratuur, G.D., Bolzano) sets who may authorise access to the data
  providers keep, for which objectives, whose data may be reached, and what happens to
  the data afterwards. These rules apply only where EU law applies: access to retained
  data, real-time collection, automated analysis, transmission to agencies, interception
  by operators and cross-border orders to providers.

  Rule: Identity behind an IP address without prior review, save where linking reveals private life (RET-008)
    From 30 April 2024, authorities may find out who used an IP address without prior
    review, since this alone reveals little. Where the procedure links data so that
    precise conclusions about private life could be drawn, a court or independent body
    must review first. Provisional: the Court's "atypical situations" are undefined.
    Scope: access to retained data matching an IP address to a civil identity.

    @RET-008
    Scenario: Matching an IP address to a subscriber needs no prior review
      Given a measure requiring access to retained data, covering IP addresses of the source of a connection and the subscriber's civil identity
      And the access consists in finding the civil identity behind an IP address
      And linking the data could not reveal the person's private life
      And access is authorised beforehand by a public prosecutor with no role in the investigation or prosecution
      And the objective is crime in general
      When it is assessed as of 2024-06-01
      Then finding RET-008 is satisfied
      And finding RET-008 requires legal review
      And finding RET-008 cites LQDN II

    @RET-008
    Scenario: Linking that could reveal private life needs prior independent review
      Given a measure requiring access to retained data, covering IP addresses of the source of a connection and the subscriber's civil identity
      And the access consists in finding the civil identity behind an IP address
      And linking the data could reveal the person's private life
      And access is authorised beforehand by the police
      And the objective is crime in general
      When it is assessed as of 2024-06-01
      Then finding RET-008 is a condition to impose
      And the safeguards to impose include RET-008

    @RET-008
    Scenario: Whether the linking could reveal private life is not stated
      Given a measure requiring access to retained data, covering IP addresses of the source of a connection and the subscriber's civil identity
      And the access consists in finding the civil identity behind an IP address
      And access is authorised beforehand by an official of the requesting authority
      When it is assessed as of 2024-06-01
      Then finding RET-008 asks whether linking the data could reveal the person's private life

    @RET-008
    Scenario: Before La Quadrature du Net II the rule is not in force
      Given a measure requiring access to retained data, covering IP addresses of the source of a connection and the subscriber's civil identity
      And the access consists in finding the civil identity behind an IP address
      And linking the data could not reveal the person's private life
      When it is assessed as of 2024-04-29
      Then rule RET-008 does not apply

  Rule: Access to traffic or location data only for serious crime (RET-011)
    Access to traffic or location data that reveal private life is allowed only
    to fight serious crime or serious threats to public security, however short
    the period or small the amount of data (Prokuratuur). Scope: access to retained
    traffic or location data where EU law applies.

    @RET-011
    Scenario: Access to traffic data to fight crime in general is a violation
      Given a measure requiring access to retained data, covering traffic data
      And the objective is crime in general
      When it is assessed as of 2021-06-01
      Then the necessity principle is not satisfied
      And finding RET-011 is a violation
      And finding RET-011 cites Prokuratuur

    @RET-011
    Scenario: Access to location data to prevent terrorism
      Given a measure requiring access to retained data, covering location data
      And the objective is terrorism
      When it is assessed as of 2021-06-01
      Then finding RET-011 is satisfied

    @RET-011
    Scenario: The objective is not stated
      Given a measure requiring access to retained data, covering traffic data and location data
      When it is assessed as of 2021-06-01
      Then finding RET-011 asks which objective the measure pursues

    @RET-011 @DEV-001
    Scenario: Data on a seized phone are not retained provider data
      Given a measure searching a device
      And the measure's jurisdiction is AT
      And the national law implements Union law
      And the measure covers data stored on a device and traffic data
      And the objective is crime in general
      When it is assessed as of 2025-01-10
      Then rule RET-011 does not apply

  Rule: Prior review of access by a court or independent administrative body (RET-012)
    Access to retained traffic or location data must be reviewed beforehand by a court
    or independent administrative body; only in duly justified urgency may that review
    follow promptly afterwards. Scope: access to retained traffic or location data.

    @RET-012
    Scenario: Access authorised by the police alone is a violation
      Given a measure requiring access to retained data, covering traffic data
      And access is authorised beforehand by an official of the requesting authority
      And there is no emergency exception to prior review
      When it is assessed as of 2021-06-01
      Then finding RET-012 is a violation
      And the safeguards principle is not satisfied

    @RET-012
    Scenario: An urgency clause does not cure review by a non-independent official
      Given a measure requiring access to retained data, covering traffic data
      And access is authorised beforehand by a public prosecutor with no role in the investigation or prosecution
      And in a duly justified emergency the measure may be used without prior review
      And after an emergency use the independent review must follow within a short time
      When it is assessed as of 2021-06-01
      Then finding RET-012 is a violation

    @RET-012
    Scenario: Access authorised by a judge
      Given a measure requiring access to retained data, covering traffic data
      And access is authorised beforehand by a court
      When it is assessed as of 2021-06-01
      Then finding RET-012 is satisfied
      And finding RET-012 cites Tele2

    @RET-012
    Scenario: A power used only in urgency, reviewed promptly afterwards
      Given a measure requiring access to retained data, covering location data
      And access is authorised beforehand by no one
      And in a duly justified emergency the measure may be used without prior review
      And after an emergency use the independent review must follow within a short time
      When it is assessed as of 2021-06-01
      Then finding RET-012 is satisfied

    @RET-012
    Scenario: Who reviews access is not stated
      Given a measure requiring access to retained data, covering traffic data
      When it is assessed as of 2021-06-01
      Then finding RET-012 asks who authorises each use beforehand

  Rule: A prosecutor directing the investigation or a police officer is not an independent reviewer (RET-013)
    A prosecutor who runs the investigation and may prosecute, or a police officer, even
    one outside the investigation, cannot carry out the prior review of access to
    traffic or location data. Scope: measures by which authorities obtain traffic or
    location data from providers; preservation orders and retention obligations are not
    access.

    @RET-013
    Scenario: Interception by operators authorised by the investigating prosecutor
      Given a measure intercepting the communications of targeted persons
      And the processing is carried out by private providers under an obligation
      And the measure's jurisdiction is BE
      And the measure covers the content of communications and traffic data
      And access is authorised beforehand by a public prosecutor who directs the investigation or may bring the prosecution
      When it is assessed as of 2022-05-01
      Then finding RET-013 is a violation
      And finding RET-013 cites Prokuratuur
      And finding RET-013 cites G.D.

    @RET-013
    Scenario: Access approved by a senior police officer outside the investigation
      Given a measure requiring access to retained data, covering traffic data
      And access is authorised beforehand by the police
      When it is assessed as of 2022-05-01
      Then finding RET-013 is a violation
      And finding RET-012 is a violation

    @RET-013
    Scenario: Interception ordered by an investigating judge
      Given the example measure "ex03-judicial-targeted-interception"
      When it is assessed
      Then finding RET-013 is satisfied

    @RET-013
    Scenario: A prosecutor may order the preservation of data
      Given the example measure "ex07-epres-order-incomplete"
      When it is assessed
      Then rule RET-013 does not apply

    @RET-013
    Scenario: Who reviews the access is not stated
      Given a measure collecting data in real time, covering location data
      When it is assessed as of 2022-05-01
      Then finding RET-013 asks who authorises each use beforehand

  Rule: The reviewing court can refuse access for an offence that is manifestly not serious (RET-014)
    From Bolzano (30 April 2024): Member States define serious crime, but the court
    reviewing access must be able to refuse or limit it where the offence is manifestly
    not serious in the case. Scope: access to traffic, location or content data held by
    providers where a court carries out the prior review.

    @RET-014
    Scenario: A court bound to grant access for any offence listed as serious
      Given a measure requiring access to retained data, covering traffic data
      And access is authorised beforehand by a court
      And the reviewing court cannot refuse access where the offence is manifestly not serious
      When it is assessed as of 2024-04-30
      Then finding RET-014 is a condition to impose
      And the safeguards to impose include RET-014
      And finding RET-014 cites Bolzano

    @RET-014
    Scenario: The judge can refuse access in a petty case
      Given the example measure "ex01-quick-freeze-serious-crime"
      When it is assessed
      Then finding RET-014 is satisfied

    @RET-014
    Scenario: Before Bolzano the rule is not in force
      Given a measure requiring access to retained data, covering traffic data
      And access is authorised beforehand by a court
      And the reviewing court cannot refuse access where the offence is manifestly not serious
      When it is assessed as of 2024-04-29
      Then rule RET-014 does not apply

    @RET-014
    Scenario: Who reviews the order is not stated
      Given the example measure "ex07-epres-order-incomplete"
      When it is assessed
      Then finding RET-014 asks who authorises each use beforehand

    @RET-014
    Scenario: The rule concerns review by a court only
      Given the example measure "ex06-epoc-content-prosecutor-minor-offence"
      When it is assessed
      Then rule RET-014 does not apply

  Rule: Access limited to suspects and persons linked by objective evidence (RET-015)
    Access must in principle reach only the data of persons suspected of involvement in
    a serious offence; others only exceptionally, on objective evidence, for instance in
    terrorism cases. Scope: traffic, location or content data held by or obtained
    through providers where EU law applies.

    @RET-015
    Scenario: Access to anyone's data is a violation
      Given a measure requiring access to retained data, covering traffic data and location data
      And access is limited to the data of anyone
      When it is assessed as of 2023-01-15
      Then finding RET-015 is a violation
      And the necessity principle is not satisfied

    @RET-015
    Scenario: Access to suspects' data
      Given a measure requiring access to retained data, covering traffic data
      And access is limited to the data of suspects
      When it is assessed as of 2023-01-15
      Then finding RET-015 is satisfied
      And finding RET-015 cites PI

    @RET-015
    Scenario: Whose data may be accessed is not stated
      Given the example measure "ex09-client-side-scanning"
      When it is assessed
      Then finding RET-015 asks whose data may be accessed

    @RET-015
    Scenario: A police database exchange is not communications data held by providers
      Given the example measure "ex02-automated-dna-face-exchange"
      When it is assessed
      Then rule RET-015 does not apply

  Rule: Persons whose data were accessed are informed later (RET-016)
    People whose data were accessed must be told once this no longer jeopardises the
    investigation, so that they can seek a remedy; a law that is silent must be
    completed. Scope: traffic, location or content data held by or obtained through
    providers where EU law applies.

    @RET-016
    Scenario: The interception law is silent on informing the person
      Given the example measure "ex03-judicial-targeted-interception"
      When it is assessed
      Then finding RET-016 is a condition to impose
      And the safeguards to impose include RET-016
      And the verdict is compliant with conditions

    @RET-016
    Scenario: The law excludes any information of the person
      Given a measure requiring access to retained data, covering traffic data
      And the persons concerned are informed never
      When it is assessed as of 2023-01-15
      Then finding RET-016 is a condition to impose

    @RET-016
    Scenario: Persons are informed once the investigation allows it
      Given a measure requiring access to retained data, covering location data
      And the persons concerned are informed once this no longer jeopardises the investigation
      When it is assessed as of 2023-01-15
      Then finding RET-016 is satisfied

    @RET-016
    Scenario: Information of the person is not stated
      Given the example measure "ex07-epres-order-incomplete"
      When it is assessed
      Then finding RET-016 asks whether the persons concerned are informed afterwards

    @RET-016
    Scenario: Identity data alone are not routed to this rule
      Given a measure requiring access to retained data, covering the subscriber's civil identity
      And the persons concerned are informed never
      When it is assessed as of 2023-01-15
      Then rule RET-016 does not apply

  Rule: No general transmission of traffic or location data to intelligence agencies (RET-018)
    Providers may not be required to pass the traffic and location data of all users in
    bulk to security and intelligence services, even for national security. Scope:
    obligations on providers to transmit traffic or location data to agencies.

    @RET-018
    Scenario: Bulk transmission of everyone's traffic data is a violation
      Given a measure obliging providers to transmit data to agencies, covering traffic data and location data
      And the data covered are those of all users
      And the objective is national security
      When it is assessed as of 2021-02-01
      Then finding RET-018 is a violation
      And finding RET-018 cites PI
      And the verdict is not compliant

    @RET-018
    Scenario: Transmission of the data of identified targets
      Given a measure obliging providers to transmit data to agencies, covering traffic data
      And the data covered are those of persons linked to the objective by objective evidence
      When it is assessed as of 2021-02-01
      Then finding RET-018 is satisfied

    @RET-018
    Scenario: Whose data are transmitted is not stated
      Given a measure obliging providers to transmit data to agencies, covering location data
      When it is assessed as of 2021-02-01
      Then finding RET-018 asks whose data are covered

  Rule: Automated analysis of all users' metadata only against a genuine national-security threat (RET-019)
    Screening everyone's traffic and location data with automated models is allowed only
    to face a genuine and present or foreseeable threat to national security, for a
    limited time, under binding independent review, with non-discriminatory models and
    human re-examination of every hit; the models must also be re-examined regularly.
    Scope: automated analysis of all users' traffic or location data.

    @RET-019
    Scenario: Automated screening of everyone to fight serious crime is a violation
      Given a measure analysing data automatically, covering traffic data and location data
      And the data covered are those of all users
      And the objective is serious crime
      When it is assessed as of 2021-02-01
      Then finding RET-019 is a violation
      And the proportionality principle is not satisfied

    @RET-019
    Scenario: Screening against a genuine threat with every safeguard in place
      Given a measure analysing data automatically, covering traffic data
      And the data covered are those of all users
      And the objective is national security
      And the State faces a genuine and present or foreseeable serious threat to national security
      And the law states when an order expires
      And access is authorised beforehand by an independent administrative body
      And the reviewer's decision binds the authority that asked
      And the screening criteria are set in advance, specific, reliable and non-discriminatory
      And every automated hit is re-examined by a human before action is taken
      When it is assessed as of 2021-02-01
      Then finding RET-019 is a condition to impose
      And the safeguards to impose include RET-019

    @RET-019
    Scenario: Whether hits are re-examined by a person is not stated
      Given a measure analysing data automatically, covering traffic data
      And the data covered are those of all users
      And the objective is national security
      And the State faces a genuine and present or foreseeable serious threat to national security
      And the law states when an order expires
      And access is authorised beforehand by a court
      And the reviewer's decision binds the authority that asked
      And the screening criteria are set in advance, specific, reliable and non-discriminatory
      When it is assessed as of 2021-02-01
      Then finding RET-019 asks whether every automated hit is re-examined by a human before action is taken

    @RET-019
    Scenario: Analysis limited to identified suspects is not general screening
      Given a measure analysing data automatically, covering traffic data
      And the data covered are those of suspects only
      When it is assessed as of 2021-02-01
      Then rule RET-019 does not apply

  Rule: Real-time collection only for persons reasonably suspected of terrorism (RET-020)
    Collecting traffic and location data in real time is the most intrusive access to
    metadata: it is allowed only for persons reasonably suspected of involvement in
    terrorism, after binding review by a court or independent body (in urgency, promptly
    afterwards). Scope: real-time collection of traffic or location data.

    @RET-020
    Scenario: Real-time collection for any suspect of crime is a violation
      Given a measure collecting data in real time, covering location data
      And collection is not limited to persons reasonably suspected of involvement in terrorism
      And access is authorised beforehand by a court
      And the reviewer's decision binds the authority that asked
      When it is assessed as of 2021-02-01
      Then finding RET-020 is a violation
      And the safeguards principle is not satisfied

    @RET-020
    Scenario: Real-time collection on terrorism suspects with binding judicial review
      Given a measure collecting data in real time, covering traffic data and location data
      And collection is limited to persons reasonably suspected of involvement in terrorism
      And access is authorised beforehand by a court
      And the reviewer's decision binds the authority that asked
      When it is assessed as of 2021-02-01
      Then finding RET-020 is satisfied
      And finding RET-020 cites LQDN I

    @RET-020
    Scenario: Real-time collection authorised by the minister is a violation
      Given a measure collecting data in real time, covering traffic data
      And collection is limited to persons reasonably suspected of involvement in terrorism
      And access is authorised beforehand by a minister
      And there is no emergency exception to prior review
      When it is assessed as of 2021-02-01
      Then finding RET-020 is a violation

    @RET-020
    Scenario: Whether collection is limited to terrorism suspects is not stated
      Given a measure collecting data in real time, covering traffic data
      And access is authorised beforehand by a court
      And the reviewer's decision binds the authority that asked
      When it is assessed as of 2021-02-01
      Then finding RET-020 asks whether collection is limited to persons reasonably suspected of involvement in terrorism

  Rule: No re-use of retained or accessed data for a less serious objective (RET-021)
    Data kept or accessed for national security or serious crime may not later be used
    for a less serious purpose, such as disciplinary proceedings. Provisional: the
    direct authority is a Chamber judgment (C-162/22). Scope: communications data where
    EU law applies, and only where a further use is declared.

    @RET-021
    Scenario: Data accessed for serious crime reused in misconduct proceedings
      Given a measure requiring access to retained data, covering traffic data
      And the objective is serious crime
      And the data may later be used for administrative offences
      When it is assessed as of 2024-01-10
      Then finding RET-021 is a violation
      And finding RET-021 requires legal review
      And finding RET-021 cites C-162/22 (A.G.)

    @RET-021
    Scenario: Further use for offences of the same seriousness
      Given the example measure "ex01-quick-freeze-serious-crime"
      When it is assessed
      Then finding RET-021 is satisfied

    @RET-021
    Scenario: Data retained for national security reused to fight serious crime
      Given a measure obliging providers to retain data, covering traffic data
      And the objective is national security
      And the data may later be used for serious crime
      When it is assessed as of 2024-01-10
      Then finding RET-021 is a violation

    @RET-021
    Scenario: The original objective is not stated
      Given a measure requiring access to retained data, covering traffic data
      And the data may later be used for crime in general
      When it is assessed as of 2024-01-10
      Then finding RET-021 asks which objective the measure pursues

    @RET-021
    Scenario: No further use is declared
      Given a measure requiring access to retained data, covering traffic data
      And the objective is serious crime
      When it is assessed as of 2024-01-10
      Then rule RET-021 does not apply
