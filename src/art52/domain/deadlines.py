"""The enforcing authority's review deadline and the events that remind of it.

A notified order must be reviewed within a period that runs from the receipt of the
notification: 10 days, or 96 hours in an emergency (Reg. 2023/1543, Art. 12(1)). The
periods are law, so they come from rules/law/legal_values.yaml; this module only does
the arithmetic. When the order's emergency flag is unknown the shorter period is
used: a deadline shown too early can be corrected, a missed one cannot.

The reminders are workflow, not law: one event when the deadline is 24 hours away,
one when it passes without a decision.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

WARNING_AHEAD = dt.timedelta(hours=24)
"""How long before the deadline the reminder fires."""


class DeadlineEvent(StrEnum):
    """The audit-trail kinds of the deadline reminders."""

    APPROACHING = "measure.deadline_approaching"
    PASSED = "measure.deadline_passed"


@dataclass(frozen=True)
class ReviewPeriods:
    """The enforcing authority's review periods, as the law tables give them."""

    days: float
    emergency_hours: float

    def period(self, emergency: bool | None) -> dt.timedelta:
        """The period for an order; the shorter one when it is not known whether it is an emergency."""
        if emergency is False:
            return dt.timedelta(days=self.days)
        return dt.timedelta(hours=self.emergency_hours)


class NotAMomentError(ValueError):
    """The notification time matches the contract's pattern but names a day that does not exist."""


def notified_at(document: Mapping[str, Any]) -> dt.datetime | None:
    """When the order in ``document`` was notified (UTC), if stated; NotAMomentError if no such day."""
    section = document.get("enforcing")
    if not isinstance(section, Mapping):
        return None
    stamp = section.get("notification_received_at")
    if not isinstance(stamp, str) or section.get("notification_received") is False:
        return None
    try:
        return dt.datetime.fromisoformat(stamp).astimezone(dt.UTC)
    except ValueError:
        raise NotAMomentError(f"{stamp} is not a moment in time") from None


def review_deadline(document: Mapping[str, Any], periods: ReviewPeriods) -> dt.datetime | None:
    """The moment the review period of the order in ``document`` ends; None if it was not notified."""
    received = notified_at(document)
    if received is None:
        return None
    section = document["enforcing"]
    emergency = section.get("emergency")
    return received + periods.period(emergency if isinstance(emergency, bool) else None)


class Standing(StrEnum):
    """How an open review deadline stands at a moment: what a page warns of, in words."""

    RUNNING = "running"
    DUE_SOON = "due_soon"
    PASSED = "passed"


def standing(deadline: dt.datetime, now: dt.datetime) -> Standing:
    """Passed after the deadline, due soon from the moment the "approaching" reminder fires, running before."""
    if now > deadline:
        return Standing.PASSED
    if now >= deadline - WARNING_AHEAD:
        return Standing.DUE_SOON
    return Standing.RUNNING


def due_events(deadline: dt.datetime, now: dt.datetime, *, decided: bool) -> tuple[DeadlineEvent, ...]:
    """The reminders due at ``now``: none once decided; "approaching" from 24 hours before, "passed" after."""
    if decided:
        return ()
    due: list[DeadlineEvent] = []
    if now >= deadline - WARNING_AHEAD:
        due.append(DeadlineEvent.APPROACHING)
    if now > deadline:
        due.append(DeadlineEvent.PASSED)
    return tuple(due)
