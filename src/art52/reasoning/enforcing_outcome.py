"""The result of an assessment in the enforcing authority's words.

The enforcing authority does not approve or reject a measure: within its deadline it
either raises a ground for refusal (after consulting the issuing authority) or lets
the order run. So its findings are summed up as one decision, with the grounds found
and the reasons of every finding that is not plainly met. Only grounds actually
examined can support "no ground for refusal": a missing fact yields "insufficient
information", an order not notified yields "no order under review", and a measure no
enforcing rule applies to is said to be outside those rules.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from art52.domain.assessment import EnforcingDecision, EnforcingOutcome, RefusalGround
from art52.domain.findings import Finding
from art52.domain.perspective import EnforcingRole
from art52.domain.principles import Effect

CONSULT = "consult the issuing authority before refusing"
CONSULTED = "the issuing authority was consulted: the ground stands and the enforcing authority may refuse"
NOT_NOTIFIED = (
    "no order under review: the notification was required and has not been received, so no ground for refusal "
    "was examined; ask the issuing authority to notify the order, as the review period runs only from the notification"
)
NO_GROUND_EXAMINED = "no order under review: no notification has been received, so no ground for refusal was examined"
NOT_APPLICABLE = (
    "the enforcing rules do not apply to this measure: it is not a European Production Order notified to the "
    "enforcing authority on the legal date"
)


def enforcing_outcome(
    findings: Iterable[Finding],
    grounds_of: Mapping[str, str | None],
    roles_of: Mapping[str, EnforcingRole | None] | None = None,
) -> EnforcingOutcome:
    """The decision the findings support.

    ``grounds_of`` names the refusal ground each rule id establishes; ``roles_of`` says
    which rule states the notification and which the consultation (rules/README.md).
    """
    listed = tuple(findings)
    roles = roles_of or {}
    reasons = tuple(f"{f.rule_id}: {f.explanation}" for f in listed if f.effect is not Effect.SATISFIED)

    def decided(
        decision: EnforcingDecision, statement: str, grounds: tuple[RefusalGround, ...] = ()
    ) -> EnforcingOutcome:
        return EnforcingOutcome(decision=decision, statement=statement, grounds=grounds, reasons=reasons)

    if not listed:
        return decided(EnforcingDecision.NOT_APPLICABLE, NOT_APPLICABLE)
    if any(f.effect is Effect.VIOLATION and roles.get(f.rule_id) is EnforcingRole.NOTIFICATION for f in listed):
        return decided(EnforcingDecision.NO_ORDER_UNDER_REVIEW, NOT_NOTIFIED)
    grounds = tuple(
        RefusalGround(rule_id=f.rule_id, ground=ground)
        for f in listed
        if f.effect is Effect.VIOLATION and (ground := grounds_of.get(f.rule_id))
    )
    if grounds:
        consulted = any(
            f.effect is Effect.SATISFIED and roles.get(f.rule_id) is EnforcingRole.CONSULTATION for f in listed
        )
        named = "; ".join(g.ground for g in grounds)
        return decided(
            EnforcingDecision.GROUND_FOR_REFUSAL,
            f"ground for refusal: {named}; {CONSULTED if consulted else CONSULT}",
            grounds,
        )
    if any(f.effect is Effect.NEEDS_INFORMATION for f in listed):
        return decided(
            EnforcingDecision.INSUFFICIENT_INFORMATION, "insufficient information to decide within the deadline"
        )
    if not any(grounds_of.get(f.rule_id) for f in listed):
        return decided(EnforcingDecision.NO_ORDER_UNDER_REVIEW, NO_GROUND_EXAMINED)
    return decided(EnforcingDecision.NO_GROUND_FOR_REFUSAL, "no ground for refusal")
