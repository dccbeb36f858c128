"""The result of an assessment in the enforcing authority's words.

The enforcing authority does not approve or reject a measure: within its deadline it
either raises a ground for refusal (after consulting the issuing authority) or lets
the order run. So its findings are summed up as one of three decisions, with the
grounds found and the reasons of every finding that is not plainly met. A missing
fact never yields "no ground for refusal": it yields "insufficient information".
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from art52.domain.assessment import EnforcingDecision, EnforcingOutcome, RefusalGround
from art52.domain.findings import Finding
from art52.domain.principles import Effect

CONSULT = "consult the issuing authority before refusing"


def enforcing_outcome(findings: Iterable[Finding], grounds_of: Mapping[str, str | None]) -> EnforcingOutcome:
    """The decision the findings support; ``grounds_of`` names the refusal ground each rule id establishes."""
    listed = tuple(findings)
    grounds = tuple(
        RefusalGround(rule_id=f.rule_id, ground=ground)
        for f in listed
        if f.effect is Effect.VIOLATION and (ground := grounds_of.get(f.rule_id))
    )
    reasons = tuple(f"{f.rule_id}: {f.explanation}" for f in listed if f.effect is not Effect.SATISFIED)
    if grounds:
        named = "; ".join(g.ground for g in grounds)
        return EnforcingOutcome(
            decision=EnforcingDecision.GROUND_FOR_REFUSAL,
            statement=f"ground for refusal: {named}; {CONSULT}",
            grounds=grounds,
            reasons=reasons,
        )
    if any(f.effect is Effect.NEEDS_INFORMATION for f in listed):
        return EnforcingOutcome(
            decision=EnforcingDecision.INSUFFICIENT_INFORMATION,
            statement="insufficient information to decide within the deadline",
            reasons=reasons,
        )
    return EnforcingOutcome(
        decision=EnforcingDecision.NO_GROUND_FOR_REFUSAL, statement="no ground for refusal", reasons=reasons
    )
