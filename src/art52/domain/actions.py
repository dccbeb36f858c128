"""What a principal may do to a measure now: the workflow's actions filtered by role.

Pages show only these, so nobody is offered a button that can only fail; the
services still check every action when it is taken.
"""

from __future__ import annotations

from art52.domain.access import Permission, Principal
from art52.domain.workflow import Action, DecisionKind, Status, allowed_actions

NEEDS: dict[Action, Permission] = {
    Action.REVISE: Permission.WRITE_MEASURE,
    Action.SUBMIT: Permission.SUBMIT,
    Action.TAKE_FOR_REVIEW: Permission.REVIEW,
    Action.APPROVE: Permission.REVIEW,
    Action.REJECT: Permission.REVIEW,
    Action.RETURN: Permission.REVIEW,
}


def actions_for(principal: Principal, status: Status) -> tuple[Action, ...]:
    """The workflow actions ``principal`` may take on a measure in ``status``."""
    return tuple(action for action in allowed_actions(status) if principal.can(NEEDS[action]))


ISSUING_CHOICES = (DecisionKind.APPROVE, DecisionKind.REJECT, DecisionKind.RETURN)
ENFORCING_CHOICES = (DecisionKind.NO_OBJECTION, DecisionKind.REFUSE, DecisionKind.CONDITIONS)


def decisions_for(principal: Principal, status: Status, *, notified: bool) -> tuple[DecisionKind, ...]:
    """The decisions offered to ``principal`` now: the enforcing authority's on a notified order, else the others."""
    if Action.APPROVE not in actions_for(principal, status):
        return ()
    return ENFORCING_CHOICES if notified else ISSUING_CHOICES


NOT_ASSESSED_IN = (Status.IN_REVIEW, Status.APPROVED, Status.REJECTED)
"""In review the verdict must not change under the reviewer (the services refuse it); a final decision stands."""


def may_assess(principal: Principal, status: Status) -> bool:
    """Whether ``principal`` is offered a new assessment of a measure of its organisation in ``status``."""
    return principal.can(Permission.ASSESS) and status not in NOT_ASSESSED_IN


def may_contest(principal: Principal) -> bool:
    return principal.can(Permission.REVIEW)


def may_try_changes(principal: Principal) -> bool:
    """Whether ``principal`` may assess a measure of its organisation with changed facts (what-if, nothing stored)."""
    return principal.can(Permission.READ) and principal.can(Permission.ASSESS_STATELESS)
