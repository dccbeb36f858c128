"""How a review deadline stands: a page warns exactly when the reminders fire."""

from __future__ import annotations

import datetime as dt

import pytest

from art52.domain.deadlines import DeadlineEvent, Standing, due_events, standing

DEADLINE = dt.datetime(2026, 9, 11, 9, tzinfo=dt.UTC)


@pytest.mark.parametrize(
    ("before", "expected"),
    [
        (dt.timedelta(hours=24, seconds=1), Standing.RUNNING),
        (dt.timedelta(hours=24), Standing.DUE_SOON),
        (dt.timedelta(0), Standing.DUE_SOON),
        (-dt.timedelta(seconds=1), Standing.PASSED),
    ],
)
def test_the_standing_turns_when_the_reminders_fire(before: dt.timedelta, expected: Standing) -> None:
    now = DEADLINE - before
    assert standing(DEADLINE, now) is expected
    fired = due_events(DEADLINE, now, decided=False)
    assert (DeadlineEvent.PASSED in fired) == (expected is Standing.PASSED)
    assert (DeadlineEvent.APPROACHING in fired) == (expected is not Standing.RUNNING)
