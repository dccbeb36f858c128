"""Recording, reading and verifying the audit trail.

Events are appended inside the unit of work that makes the change they
describe, under the lock on the chain head: sequence numbers are therefore
gapless and in commit order, which is what lets a feed reader resume from
the last number it saw without missing anything.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from art52.domain.access import Permission, Principal
from art52.domain.audit import AuditEvent, ChainProblem, NewEvent, chain, verify
from art52.errors import PermissionDeniedError
from art52.services.ports import Clock, UnitOfWork, UnitOfWorkFactory

MAX_PAGE = 500
VERIFY_PAGE = 1000


def record(
    uow: UnitOfWork,
    clock: Clock,
    kind: str,
    actor: str,
    organisation: str | None,
    subject: str | None,
    data: dict[str, Any],
) -> AuditEvent:
    """Append one event to the chain inside ``uow`` (committed with it)."""
    head = uow.audit.head(lock=True)
    event = chain(head, NewEvent(kind, actor, organisation, subject, data), clock.now())
    uow.audit.append(event)
    return event


@dataclass(frozen=True)
class EventPage:
    """A page of the feed and the cursor to continue from (the last seq delivered)."""

    events: list[AuditEvent]
    next_cursor: int


class AuditService:
    """The event feed for integrating systems and the verification of the chain."""

    def __init__(self, uow: UnitOfWorkFactory) -> None:
        self._uow = uow

    def feed(self, principal: Principal, after: int, limit: int) -> EventPage:
        """Events after ``after`` in order; only the principal's organisation unless it reads across."""
        if not principal.can(Permission.READ_EVENTS):
            raise PermissionDeniedError(f"the role {principal.role.value} may not read the event feed")
        organisation = None if principal.can(Permission.READ_ACROSS_ORGANISATIONS) else principal.organisation
        with self._uow() as uow:
            events = uow.audit.events(after, min(limit, MAX_PAGE), organisation)
        return EventPage(events, events[-1].seq if events else after)

    def verify(self) -> ChainProblem | None:
        """The first tampered or missing event, or None when the chain is intact.

        The head is read first and the events up to it are streamed page by page:
        events appended meanwhile are beyond the head and not part of this check.
        """
        with self._uow() as uow:
            head = uow.audit.head()
            return verify(_up_to(uow, head.seq), head)

    def count(self) -> int:
        with self._uow() as uow:
            return uow.audit.head().seq


def _up_to(uow: UnitOfWork, last: int) -> Iterator[AuditEvent]:
    after = 0
    while True:
        page = [e for e in uow.audit.events(after, VERIFY_PAGE) if e.seq <= last]
        if not page:
            return
        yield from page
        after = page[-1].seq
