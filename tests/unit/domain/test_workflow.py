"""The review workflow's state machine: exactly the transitions of the issue, and clear refusals."""

from __future__ import annotations

import pytest

from art52.domain.workflow import TRANSITIONS, Action, Status, after_assessment, allowed_actions, transition
from art52.errors import InvalidTransitionError

EXPECTED = {
    (Status.DRAFT, Action.SUBMIT): Status.SUBMITTED,
    (Status.ASSESSED, Action.TAKE_FOR_REVIEW): Status.IN_REVIEW,
    (Status.IN_REVIEW, Action.APPROVE): Status.APPROVED,
    (Status.IN_REVIEW, Action.REJECT): Status.REJECTED,
    (Status.IN_REVIEW, Action.RETURN): Status.RETURNED,
    (Status.RETURNED, Action.REVISE): Status.DRAFT,
    (Status.DRAFT, Action.REVISE): Status.DRAFT,
}


def test_the_transition_table_is_the_documented_one() -> None:
    assert TRANSITIONS == EXPECTED


@pytest.mark.parametrize("status", list(Status))
@pytest.mark.parametrize("action", list(Action))
def test_every_other_transition_is_refused_with_the_state_and_a_hint(status: Status, action: Action) -> None:
    if (status, action) in EXPECTED:
        assert transition(status, action) is EXPECTED[(status, action)]
        return
    with pytest.raises(InvalidTransitionError) as refused:
        transition(status, action)
    message = str(refused.value)
    assert status.value.replace("_", " ") in message
    assert "(" in message
    assert message.endswith(")")


def test_only_a_submitted_measure_becomes_assessed_by_an_assessment() -> None:
    assert after_assessment(Status.SUBMITTED) is Status.ASSESSED
    for status in set(Status) - {Status.SUBMITTED}:
        assert after_assessment(status) is status


def test_approved_and_rejected_are_final() -> None:
    assert allowed_actions(Status.APPROVED) == ()
    assert allowed_actions(Status.REJECTED) == ()
    assert set(allowed_actions(Status.IN_REVIEW)) == {Action.APPROVE, Action.REJECT, Action.RETURN}
