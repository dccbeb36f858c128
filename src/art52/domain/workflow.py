"""The review workflow of a measure, as a pure state machine.

::

    draft ──submit──▶ submitted ──assess──▶ assessed ──take──▶ in_review ──decide──▶ approved
      ▲                                     │    ▲                          ├──────▶ rejected
      │                                     └────┘ (re-assess)              └──────▶ returned
      └───────────────────────────── revise (a new version) ◀──────────────────────────┘

Only a draft or a returned measure may be revised; a revision of a returned
measure puts it back to draft. A draft may be assessed as often as the official
likes, and only the first assessment after submission moves the measure on; a
measure in review cannot be re-assessed (409): the reviewer decides on the
verdict they took, or returns the measure. Keeping the table here means the service,
the API and the documentation cannot disagree about what is allowed.
"""

from __future__ import annotations

from enum import StrEnum

from art52.errors import InvalidTransitionError


class Status(StrEnum):
    """Where a measure stands in the review workflow."""

    DRAFT = "draft"
    SUBMITTED = "submitted"
    ASSESSED = "assessed"
    IN_REVIEW = "in_review"
    APPROVED = "approved"
    REJECTED = "rejected"
    RETURNED = "returned"


class Action(StrEnum):
    """Something a principal does to a measure that may change its status."""

    REVISE = "revise"
    SUBMIT = "submit"
    TAKE_FOR_REVIEW = "take_for_review"
    APPROVE = "approve"
    REJECT = "reject"
    RETURN = "return"


class DecisionKind(StrEnum):
    """A reviewer's decision; each moves the workflow as the action of its name, or as its counterpart.

    ``no_objection``, ``refuse`` and ``conditions`` are the enforcing authority's decisions on a notified
    order (Reg. 2023/1543, Art. 12): they approve, reject and approve with conditions.
    """

    APPROVE = "approve"
    REJECT = "reject"
    RETURN = "return"
    NO_OBJECTION = "no_objection"
    REFUSE = "refuse"
    CONDITIONS = "conditions"

    @property
    def action(self) -> Action:
        return _COUNTERPART.get(self) or Action(self.value)

    @property
    def enforcing(self) -> bool:
        """Whether only the enforcing authority takes this decision, on a notified order."""
        return self in ENFORCING_DECISIONS

    @property
    def takes_conditions(self) -> bool:
        return self in (DecisionKind.APPROVE, DecisionKind.CONDITIONS)


ENFORCING_DECISIONS = frozenset({DecisionKind.NO_OBJECTION, DecisionKind.REFUSE, DecisionKind.CONDITIONS})
_COUNTERPART: dict[DecisionKind, Action] = {
    DecisionKind.NO_OBJECTION: Action.APPROVE,
    DecisionKind.REFUSE: Action.REJECT,
    DecisionKind.CONDITIONS: Action.APPROVE,
}


class RefusalGroundKind(StrEnum):
    """The grounds on which the enforcing authority may refuse a notified order (Reg. 2023/1543, Art. 12(1))."""

    IMMUNITY_OR_PRIVILEGE = "immunity_or_privilege"
    PRESS_FREEDOM = "press_freedom"
    FUNDAMENTAL_RIGHTS = "fundamental_rights"
    NE_BIS_IN_IDEM = "ne_bis_in_idem"
    DOUBLE_CRIMINALITY = "double_criminality"


TERMINAL: frozenset[Status] = frozenset({Status.APPROVED, Status.REJECTED})

TRANSITIONS: dict[tuple[Status, Action], Status] = {
    (Status.DRAFT, Action.REVISE): Status.DRAFT,
    (Status.RETURNED, Action.REVISE): Status.DRAFT,
    (Status.DRAFT, Action.SUBMIT): Status.SUBMITTED,
    (Status.ASSESSED, Action.TAKE_FOR_REVIEW): Status.IN_REVIEW,
    (Status.IN_REVIEW, Action.APPROVE): Status.APPROVED,
    (Status.IN_REVIEW, Action.REJECT): Status.REJECTED,
    (Status.IN_REVIEW, Action.RETURN): Status.RETURNED,
}

_WHY_NOT: dict[Action, str] = {
    Action.REVISE: "only a draft or a returned measure can be revised",
    Action.SUBMIT: "only a draft can be submitted",
    Action.TAKE_FOR_REVIEW: "only an assessed measure can be taken for review",
    Action.APPROVE: "only a measure in review can be decided",
    Action.REJECT: "only a measure in review can be decided",
    Action.RETURN: "only a measure in review can be decided",
}

_HINT: dict[Status, str] = {
    Status.DRAFT: "submit it first",
    Status.SUBMITTED: "assess it first",
    Status.ASSESSED: "a reviewer must take it for review first",
    Status.IN_REVIEW: "a reviewer must decide it",
    Status.APPROVED: "the decision is final",
    Status.REJECTED: "the decision is final",
    Status.RETURNED: "revise it (a new version) to bring it back to draft",
}


def transition(status: Status, action: Action) -> Status:
    """The status after ``action``; InvalidTransitionError says why it is not allowed."""
    try:
        return TRANSITIONS[(status, action)]
    except KeyError:
        raise InvalidTransitionError(
            f"cannot {action.value.replace('_', ' ')}: the measure is {status.value.replace('_', ' ')}; "
            f"{_WHY_NOT[action]} ({_HINT[status]})"
        ) from None


def check_assessable(status: Status) -> None:
    """InvalidTransitionError for a measure in review: its verdict must not change under the reviewer.

    Re-assessing there would put a new verdict beside the decision being prepared; the reviewer
    returns the measure instead, and it is revised and assessed again.
    """
    if status is Status.IN_REVIEW:
        raise InvalidTransitionError(
            "cannot assess: the measure is in review, and its assessment must not change under the reviewer "
            "(a reviewer must decide it, or return it to have it revised and assessed again)"
        )


def after_assessment(status: Status) -> Status:
    """The status after a stored assessment: a submitted measure becomes assessed, others stay."""
    return Status.ASSESSED if status is Status.SUBMITTED else status


def allowed_actions(status: Status) -> tuple[Action, ...]:
    """The actions the workflow allows in ``status`` (shown to clients)."""
    return tuple(action for (state, action) in TRANSITIONS if state is status)
