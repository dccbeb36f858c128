"""Deadline reminders for notified orders: ``art52 deadlines check``.

Each check looks at every measure with a review deadline and no final decision, and
records the reminders that are due and not yet recorded for that deadline in the
audit trail (so they reach the event feed). Running it again at the same moment, or
after the deadline has moved on, records nothing twice: a reminder is recorded once
per measure, kind and deadline.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from art52.domain.deadlines import DeadlineEvent, Standing, due_events, standing
from art52.domain.records import MeasureRecord
from art52.domain.workflow import TERMINAL
from art52.services.audit import record
from art52.services.ports import Clock, UnitOfWorkFactory

SYSTEM_ACTOR = "art52 deadlines check"


@dataclass(frozen=True)
class Reminder:
    """A reminder recorded by a check."""

    measure_id: str
    organisation: str
    kind: DeadlineEvent
    deadline_at: dt.datetime


class DeadlineService:
    """Records due deadline reminders, once each."""

    def __init__(self, uow: UnitOfWorkFactory, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    def standings(self, measures: Iterable[MeasureRecord]) -> dict[str, Standing]:
        """How the open review deadline of each measure stands now, by measure id.

        A measure with no deadline, or with a final decision, is left out: nothing is due there.
        """
        now = self._clock.now()
        return {
            m.id: standing(m.deadline_at, now)
            for m in measures
            if m.deadline_at is not None and m.status not in TERMINAL
        }

    def check(self, at: dt.datetime | None = None) -> list[Reminder]:
        """Record every reminder due at ``at`` (default: now) not yet recorded; those recorded, by deadline."""
        now = at or self._clock.now()
        recorded: list[Reminder] = []
        with self._uow() as uow:
            kinds = [k.value for k in DeadlineEvent]
            for measure in uow.measures.with_open_deadline():
                deadline = measure.deadline_at
                if deadline is None:
                    continue
                stamp = deadline.isoformat()
                fired = {
                    e.kind for e in uow.audit.events_about(measure.id, kinds) if e.data.get("deadline_at") == stamp
                }
                for kind in due_events(deadline, now, decided=False):
                    if kind.value in fired:
                        continue
                    record(
                        uow,
                        self._clock,
                        kind.value,
                        SYSTEM_ACTOR,
                        measure.organisation,
                        measure.id,
                        {"deadline_at": stamp, "status": measure.status.value},
                    )
                    recorded.append(Reminder(measure.id, measure.organisation, kind, deadline))
            uow.commit()
        return recorded
