Feature: Secret surveillance and interception
  The European Court of Human Rights accepts secret surveillance only under a law
  with safeguards against abuse: authorisation by a body independent of the
  executive, individual suspicion for targeted interception, an effective remedy,
  and end-to-end safeguards for bulk interception. The Convention binds every
  Council of Europe State, so these rules apply whether or not EU law applies.

  Rule: SURV-001 Targeted interception is not left to the executive alone
    A minister, the police or the requesting authority itself may not be the only
    check on an interception: a court or an independent body must authorise it, or
    at least review it afterwards (Szabó and Vissy; Zakharov).
    Scope: targeted interception, whether or not EU law applies.

    @SURV-001
    Scenario: A minister authorises the interception and nobody reviews it afterwards
      Given a measure intercepting the communications of targeted persons
      And EU law does not apply to it
      And access is authorised beforehand by a minister
      And no independent body reviews uses of the measure afterwards
      When it is assessed as of 2025-01-01
      Then finding SURV-001 is a violation
      And finding SURV-001 cites Szabó and Vissy
      And the safeguards principle is not satisfied
      And the verdict is not compliant

    @SURV-001
    Scenario: The police authorise the interception and nobody reviews it afterwards
      Given a measure intercepting the communications of targeted persons
      And access is authorised beforehand by the police
      And no independent body reviews uses of the measure afterwards
      When it is assessed as of 2025-01-01
      Then finding SURV-001 is a violation

    @SURV-001
    Scenario: A judge authorises the interception
      Given a measure intercepting the communications of targeted persons
      And access is authorised beforehand by a court
      When it is assessed as of 2025-01-01
      Then finding SURV-001 is satisfied

    @SURV-001
    Scenario: A ministerial warrant is reviewed afterwards by an independent body
      Given a measure intercepting the communications of targeted persons
      And access is authorised beforehand by a minister
      And an independent body reviews uses of the measure afterwards
      When it is assessed as of 2025-01-01
      Then finding SURV-001 is satisfied

    @SURV-001
    Scenario: It is not stated whether a ministerial warrant is reviewed afterwards
      Given a measure intercepting the communications of targeted persons
      And access is authorised beforehand by a minister
      When it is assessed as of 2025-01-01
      Then finding SURV-001 asks whether an independent body reviews uses of the measure afterwards

    @SURV-001
    Scenario: Bulk interception has its own authorisation test
      Given a measure intercepting communications in bulk
      And access is authorised beforehand by a minister
      When it is assessed as of 2025-01-01
      Then rule SURV-001 does not apply

  Rule: SURV-002 Interception warrants require individual suspicion
    Interception may be authorised only on a sufficient factual basis and an
    individual suspicion against the target, so that its strict necessity in the
    particular case can be checked (Szabó and Vissy; Zakharov).
    Scope: targeted interception, whether or not EU law applies.

    @SURV-002
    Scenario: The law does not require individual suspicion
      Given a measure intercepting the communications of targeted persons
      And EU law does not apply to it
      And authorisation does not require individual suspicion
      When it is assessed as of 2025-01-01
      Then finding SURV-002 is a violation
      And the necessity principle is not satisfied

    @SURV-002
    Scenario: The judge must find an individual suspicion
      Given the example measure "ex03-judicial-targeted-interception"
      When it is assessed
      Then finding SURV-002 is satisfied
      And finding SURV-002 cites Zakharov

    @SURV-002
    Scenario: The law is silent on suspicion
      Given a measure intercepting the communications of targeted persons
      When it is assessed as of 2025-01-01
      Then finding SURV-002 asks whether authorisation requires a factual basis and individual suspicion

    @SURV-002
    Scenario: Bulk interception is not based on individual suspicion by design
      Given a measure intercepting communications in bulk
      And authorisation does not require individual suspicion
      When it is assessed as of 2025-01-01
      Then rule SURV-002 does not apply

  Rule: SURV-004 No direct network access without showing the authorisation
    Where an agency can tap the network directly, it must show its authorisation to
    the provider or another party able to check it; otherwise the system is
    particularly prone to abuse (Zakharov).
    Scope: interception, real-time collection, access to retained data and
    transmission to agencies, and any other measure that states whether the agency
    has direct network access; whether or not EU law applies.

    @SURV-004
    Scenario: The agency taps the network without showing any authorisation
      Given a measure intercepting the communications of targeted persons
      And EU law does not apply to it
      And the agency can tap the network directly
      And the agency need not show the authorisation to the provider
      When it is assessed as of 2025-01-01
      Then finding SURV-004 is a violation
      And finding SURV-004 cites Zakharov
      And the safeguards principle is not satisfied

    @SURV-004
    Scenario: The agency taps the network but must show the authorisation
      Given a measure collecting data in real time, covering traffic data and location data
      And the agency can tap the network directly
      And the agency must show the authorisation to the provider before access
      When it is assessed as of 2025-01-01
      Then finding SURV-004 is satisfied

    @SURV-004
    Scenario: A retention measure states that the agency has no direct access
      Given the example measure "ex04-ip-retention-online-crime"
      When it is assessed
      Then finding SURV-004 is satisfied

    @SURV-004
    Scenario: Direct access is stated but not whether the authorisation is shown
      Given a measure intercepting the communications of targeted persons
      And the agency can tap the network directly
      When it is assessed as of 2025-01-01
      Then finding SURV-004 asks whether the agency must show the authorisation to the provider before access

    @SURV-004
    Scenario: A bulk interception regime does not say how the agency reaches the cables
      Given the example measure "ex11-bulk-interception-ministerial"
      When it is assessed
      Then finding SURV-004 asks whether the agency can tap the network directly

    @SURV-004
    Scenario: A PNR scheme is not asked about network access
      Given a measure processing passenger name records
      When it is assessed as of 2025-01-01
      Then rule SURV-004 does not apply

  Rule: SURV-005 An effective remedy that works without notification
    Persons concerned must have an effective remedy before a court or independent
    body; where they are not told about the measure, the remedy must work without
    notification (Zakharov; Art. 47 Charter; Art. 13 ECHR).
    Scope: secret measures of every type except "other" (an "other" measure only when
    it states whether a remedy exists), but not one-off cross-border orders under
    Regulation (EU) 2023/1543 nor a measure the person is told of at the time;
    whether or not EU law applies.

    @SURV-005
    Scenario: There is no remedy at all
      Given the example measure "ex11-bulk-interception-ministerial"
      When it is assessed
      Then finding SURV-005 is a violation
      And the safeguards principle is not satisfied

    @SURV-005
    Scenario: The remedy needs a notification that never comes
      Given a measure intercepting the communications of targeted persons
      And the persons concerned have an effective remedy
      And the persons concerned are informed never
      And using the remedy depends on having been notified
      When it is assessed as of 2025-01-01
      Then finding SURV-005 is a violation

    @SURV-005
    Scenario: The remedy needs a notification the law does not provide for
      Given a measure searching a device
      And the persons concerned have an effective remedy
      And the persons concerned are informed as the law does not say
      And using the remedy depends on having been notified
      When it is assessed as of 2025-01-01
      Then finding SURV-005 is a violation

    @SURV-005
    Scenario: The remedy works without notification
      Given the example measure "ex03-judicial-targeted-interception"
      When it is assessed
      Then finding SURV-005 is satisfied

    @SURV-005
    Scenario: Persons are notified, so the remedy need not work without notification
      Given a measure intercepting the communications of targeted persons
      And the persons concerned have an effective remedy
      And the persons concerned are informed once this no longer jeopardises the investigation
      When it is assessed as of 2025-01-01
      Then finding SURV-005 is satisfied

    @SURV-005
    Scenario: Access to retained data does not say whether a remedy exists
      Given a measure requiring access to retained data, covering traffic data
      When it is assessed as of 2025-01-01
      Then finding SURV-005 asks whether the persons concerned have an effective remedy

    @SURV-005
    Scenario: An unclassified measure that says nothing about remedies is not asked
      Given a measure of another kind
      When it is assessed as of 2025-01-01
      Then rule SURV-005 does not apply

  Rule: SURV-006 Bulk interception is authorised at the outset by an independent body
    Each bulk operation must be authorised, when its object and scope are defined, by
    a body independent of the executive, which must be told the purpose, the bearers
    and the categories of selectors (Big Brother Watch, Grand Chamber).
    Scope: bulk interception, whether or not EU law applies.

    @SURV-006
    Scenario: The defence minister authorises cable interception without selector categories
      Given the example measure "ex11-bulk-interception-ministerial"
      When it is assessed
      Then finding SURV-006 is a violation
      And finding SURV-006 cites BBW GC
      And the verdict is not compliant

    @SURV-006
    Scenario: An independent body authorises each operation knowing its selectors
      Given a measure intercepting communications in bulk
      And each bulk operation is authorised at the outset by a body independent of the executive
      And the authorising body is told the purpose, the bearers and the categories of selectors
      When it is assessed as of 2025-01-01
      Then finding SURV-006 is satisfied

    @SURV-006
    Scenario: It is not stated what the independent authoriser is told
      Given a measure intercepting communications in bulk
      And each bulk operation is authorised at the outset by a body independent of the executive
      When it is assessed as of 2025-01-01
      Then finding SURV-006 asks whether the authorising body is told the purpose, the bearers and the categories of selectors

    @SURV-006
    Scenario: Targeted interception is outside this rule
      Given a measure intercepting the communications of targeted persons
      When it is assessed as of 2025-01-01
      Then rule SURV-006 does not apply

  Rule: SURV-007 The law on bulk interception covers the eight end-to-end safeguards
    The law must set the grounds for bulk interception, when an individual's
    communications may be intercepted, the authorisation procedure, rules on
    selecting, examining and using material, precautions when sharing it, limits on
    duration, storage and erasure, independent supervision and independent ex post
    review (Big Brother Watch; Centrum för rättvisa). One finding lists every gap.
    Scope: bulk interception, whether or not EU law applies.

    @SURV-007
    Scenario: No sharing precautions and no ex post review
      Given the example measure "ex11-bulk-interception-ministerial"
      When it is assessed
      Then finding SURV-007 is a violation
      And the legality principle is not satisfied

    @SURV-007
    Scenario: All eight safeguards are in the law
      Given a measure intercepting communications in bulk
      And the law sets the grounds for bulk interception
      And the law sets when an individual's communications may be selected
      And the law sets the procedure for authorising bulk interception
      And the law sets how intercept material is selected, examined and used
      And the law sets precautions for sharing intercept material
      And the law limits how long material is intercepted and kept, and when it is erased
      And an independent body supervises bulk interception while it runs
      And bulk interception is open to effective independent review afterwards
      When it is assessed as of 2025-01-01
      Then finding SURV-007 is satisfied

    @SURV-007
    Scenario: Seven safeguards are stated and ex post review is not
      Given a measure intercepting communications in bulk
      And the law sets the grounds for bulk interception
      And the law sets when an individual's communications may be selected
      And the law sets the procedure for authorising bulk interception
      And the law sets how intercept material is selected, examined and used
      And the law sets precautions for sharing intercept material
      And the law limits how long material is intercepted and kept, and when it is erased
      And an independent body supervises bulk interception while it runs
      When it is assessed as of 2025-01-01
      Then finding SURV-007 asks whether bulk interception is open to effective independent review afterwards

    @SURV-007
    Scenario: Targeted interception is governed by the six minimum safeguards instead
      Given a measure intercepting the communications of targeted persons
      And the law sets no precautions for sharing intercept material
      When it is assessed as of 2025-01-01
      Then rule SURV-007 does not apply

  Rule: SURV-008 Strong and journalistic selectors need prior approval
    Selectors linked to identifiable people need prior internal approval; selectors
    aimed at journalists' sources or material need a judge or independent body
    (Big Brother Watch, Arts. 8 and 10 findings).
    Scope: bulk interception, whether or not EU law applies.

    @SURV-008
    Scenario: Nobody approves strong or journalistic selectors
      Given the example measure "ex11-bulk-interception-ministerial"
      When it is assessed
      Then finding SURV-008 is a condition to impose
      And the safeguards to impose include SURV-008

    @SURV-008
    Scenario: Both kinds of selector need prior approval
      Given a measure intercepting communications in bulk
      And selectors linked to identifiable persons need prior internal authorisation
      And selectors aimed at journalistic sources need independent authorisation
      When it is assessed as of 2025-01-01
      Then finding SURV-008 is satisfied

    @SURV-008
    Scenario: The approval of journalistic selectors is not stated
      Given a measure intercepting communications in bulk
      And selectors linked to identifiable persons need prior internal authorisation
      When it is assessed as of 2025-01-01
      Then finding SURV-008 asks whether selectors aimed at journalistic sources need independent authorisation

    @SURV-008
    Scenario: Targeted interception uses no selectors
      Given a measure intercepting the communications of targeted persons
      When it is assessed as of 2025-01-01
      Then rule SURV-008 does not apply
