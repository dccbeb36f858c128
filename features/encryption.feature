Feature: Encryption and lawful access
  The EU supports strong encryption, and authorities must still be able to use their
  lawful powers. Weakening encryption for everyone, or scanning everyone's private
  messages, is not a lawful route to encrypted data; targeted access under judicial
  safeguards can be. These rules apply only to measures that state an effect on
  encryption other than "none" (and ask encryption obligations for that effect).
  There is no CJEU ruling yet: several findings are provisional and call for legal
  review.

  Rule: ENC-001 No weakening of encryption for all users
    A duty to build backdoors, to weaken encryption in general, to ban end-to-end
    encryption or to be able to decrypt everything affects every user regardless of
    any link to crime and also exposes them to criminals (Podchasov).
    Scope: measures with a stated encryption effect other than "none", and
    encryption obligations; whether or not EU law applies.

    @ENC-001
    Scenario: A duty to build a backdoor for the authorities
      Given a measure imposing obligations concerning encryption
      And the measure's effect on encryption is a mandatory backdoor
      When it is assessed as of 2025-01-01
      Then finding ENC-001 is a violation
      And finding ENC-001 cites Podchasov
      And the essence principle is not satisfied
      And the verdict is not compliant

    @ENC-001
    Scenario: A court order to decrypt one identified account
      Given the example measure "ex10-targeted-key-disclosure"
      When it is assessed
      Then finding ENC-001 is satisfied

    @ENC-001
    Scenario: An encryption obligation that does not say what it does to encryption
      Given a measure imposing obligations concerning encryption
      When it is assessed as of 2025-01-01
      Then finding ENC-001 asks what the measure does to encryption

    @ENC-001
    Scenario: A retention measure is not asked about encryption
      Given a measure obliging providers to retain data, covering traffic data
      When it is assessed as of 2025-01-01
      Then rule ENC-001 does not apply

    @ENC-001
    Scenario: A measure stated to have no effect on encryption
      Given the example measure "ex11-bulk-interception-ministerial"
      When it is assessed
      Then rule ENC-001 does not apply

  Rule: ENC-002 No scanning of everyone's private communications
    Scanning the content of the private, including end-to-end encrypted,
    communications of all users amounts to generalised access to content and is
    very likely incompatible with the right to private life, possibly with its
    essence (Schrems; Podchasov; EDPB-EDPS Joint Opinion 04/2022). A detection order
    covering every user of a service is treated alike. Provisional: no court has
    ruled yet.
    Scope: client-side scanning and detection orders.

    @ENC-002
    Scenario: Client-side scanning of every user's messages
      Given the example measure "ex09-client-side-scanning"
      When it is assessed
      Then finding ENC-002 is a violation
      And finding ENC-002 requires legal review
      And the essence principle is not satisfied
      And the verdict is not compliant

    @ENC-002
    Scenario: A detection order covering all users of a service
      Given a measure imposing obligations concerning encryption
      And the processing is carried out by private providers under an obligation
      And the measure's effect on encryption is a detection order
      And the data covered are those of all users
      When it is assessed as of 2025-01-01
      Then finding ENC-002 is a violation
      And finding ENC-002 requires legal review

    @ENC-002
    Scenario: A detection order limited to the accounts of suspects
      Given a measure imposing obligations concerning encryption
      And the processing is carried out by private providers under an obligation
      And the measure's effect on encryption is a detection order
      And the data covered are those of suspects only
      When it is assessed as of 2025-01-01
      Then finding ENC-002 is satisfied

    @ENC-002
    Scenario: A detection order that does not say whose communications it covers
      Given a measure imposing obligations concerning encryption
      And the processing is carried out by private providers under an obligation
      And the measure's effect on encryption is a detection order
      When it is assessed as of 2025-01-01
      Then finding ENC-002 asks whose data are covered

    @ENC-002
    Scenario: Targeted access to a suspect's device scans nobody else
      Given the example measure "ex08-targeted-device-access"
      When it is assessed
      Then rule ENC-002 does not apply

  Rule: ENC-003 Detection technology is shown to be effective and accurate
    Before scanning or detection can be called necessary, its effectiveness must be
    shown by statistics or an independent evaluation, and its error rates must be
    independently assessed, especially for new material and grooming (EDPB-EDPS
    Joint Opinion 04/2022). Provisional: the source is advisory.
    Scope: client-side scanning and detection orders.

    @ENC-003
    Scenario: Anecdotal evidence and no assessment of error rates
      Given the example measure "ex09-client-side-scanning"
      When it is assessed
      Then finding ENC-003 is a request for information
      And finding ENC-003 asks whether the detection technology's error rates were independently assessed
      And finding ENC-003 requires legal review

    @ENC-003
    Scenario: An independently evaluated detection order with assessed error rates
      Given a measure imposing obligations concerning encryption
      And the processing is carried out by private providers under an obligation
      And the measure's effect on encryption is a detection order
      And the evidence that the measure works is an independent evaluation
      And the detection technology's error rates were independently assessed
      When it is assessed as of 2025-01-01
      Then finding ENC-003 is satisfied

    @ENC-003
    Scenario: Statistics are given but error rates are not mentioned
      Given a measure imposing obligations concerning encryption
      And the processing is carried out by private providers under an obligation
      And the measure's effect on encryption is a detection order
      And the evidence that the measure works is statistical
      When it is assessed as of 2025-01-01
      Then finding ENC-003 asks whether the detection technology's error rates were independently assessed

    @ENC-003
    Scenario: A backdoor mandate is not a detection technology
      Given a measure imposing obligations concerning encryption
      And the measure's effect on encryption is a mandatory backdoor
      When it is assessed as of 2025-01-01
      Then rule ENC-003 does not apply

  Rule: ENC-004 Targeted access to a suspect's device under judicial safeguards
    Access to an identified suspect's device, authorised beforehand by a court or
    independent body, for a serious offence, limited in time, with later
    notification, and by a method that leaves other users' security intact, is the
    kind of targeted lawful access the case law can accept; if a safeguard is
    missing, it must be added. Provisional: no court has ruled on state hacking
    under EU law, and "satisfied" means "not contrary to any identified rule".
    Scope: measures whose encryption effect is targeted device access.

    @ENC-004
    Scenario: Court-authorised access to a named suspect's phone
      Given the example measure "ex08-targeted-device-access"
      When it is assessed
      Then finding ENC-004 is satisfied
      And finding ENC-004 requires legal review
      And finding ENC-004 cites Landeck

    @ENC-004
    Scenario: Device access authorised by the police
      Given the example measure "ex08-targeted-device-access"
      And access is authorised beforehand by the police
      When it is assessed
      Then finding ENC-004 is a condition to impose
      And the safeguards to impose include ENC-004

    @ENC-004
    Scenario: A method that keeps a vulnerability open for everyone
      Given the example measure "ex08-targeted-device-access"
      And the method weakens the security of other users
      When it is assessed
      Then finding ENC-004 is a condition to impose

    @ENC-004
    Scenario: It is not stated whether other users' security is affected
      Given the example measure "ex08-targeted-device-access"
      And it is not stated whether the method leaves the security of other users intact
      When it is assessed
      Then finding ENC-004 asks whether the method leaves the security of other users intact

    @ENC-004
    Scenario: A provider's targeted key disclosure is not device access
      Given the example measure "ex10-targeted-key-disclosure"
      When it is assessed
      Then rule ENC-004 does not apply

  Rule: ENC-005 Lawful-access solutions are assessed, privacy-friendly and transparent
    Any technical route to encrypted data must respect legality, transparency,
    necessity and proportionality, and data protection by design and by default:
    it needs a data protection impact assessment, a privacy-by-design assessment
    and public disclosure of its existence and general functioning (Council
    Resolution on Encryption 2020; LED Arts. 20 and 27).
    Scope: every measure with a lawful-access technical solution.

    @ENC-005
    Scenario: A decryption procedure with no DPIA that is not public
      Given the example measure "ex10-targeted-key-disclosure"
      When it is assessed
      Then finding ENC-005 is a condition to impose
      And the assessment recommends ENC-005
      And the verdict is compliant

    @ENC-005
    Scenario: An assessed and publicly documented device-access tool
      Given the example measure "ex08-targeted-device-access"
      When it is assessed
      Then finding ENC-005 is satisfied

    @ENC-005
    Scenario: Nothing is said about assessments or transparency
      Given a measure imposing obligations concerning encryption
      And the processing is carried out by private providers under an obligation
      And the measure's effect on encryption is targeted disclosure of keys by a provider
      When it is assessed as of 2025-01-01
      Then finding ENC-005 asks whether a data protection impact assessment was carried out

    @ENC-005
    Scenario: No technical route to encrypted data
      Given the example measure "ex03-judicial-targeted-interception"
      When it is assessed
      Then rule ENC-005 does not apply
