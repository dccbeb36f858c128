"""Recording, reading and verifying the audit trail.

Events are appended inside the unit of work that makes the change they
describe, under the lock on the chain head: sequence numbers are therefore
gapless and in commit order, which is what lets a feed reader resume from
the last number it saw without missing anything. The lock is taken by the
last statement before the commit, so appends serialise only for as long as
that commit takes (and a writer waits for it no longer than the lock timeout).

Verification trusts nothing stored: with the key ring it checks the seals, and
with checkpoints kept elsewhere it checks that no event they record is gone.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from art52.domain.access import Permission, Principal
from art52.domain.audit import AuditEvent, ChainHead, ChainProblem, NewEvent, chain, verify
from art52.domain.audit_checkpoint import Checkpoint, make_checkpoint
from art52.domain.audit_keys import KeyRing
from art52.errors import ConfigurationError, PermissionDeniedError
from art52.services.ports import Clock, UnitOfWork, UnitOfWorkFactory

NO_KEY = "no audit key is configured (set ART52_AUDIT_KEY or ART52_AUDIT_KEY_FILE)"

MAX_PAGE = 500
PAGE_BYTES = 1_000_000
"""A page of events carries about this much event data at most (always at least one event): a
decision may hold a long reason and many conditions, and a page of them must stay small. The
cursor goes on from the last event delivered, so nothing is skipped."""
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

    def __init__(self, uow: UnitOfWorkFactory, keys: KeyRing | None = None, clock: Clock | None = None) -> None:
        self._uow = uow
        self._keys = keys or KeyRing()
        self._clock = clock

    def feed(self, principal: Principal, after: int, limit: int) -> EventPage:
        """Events after ``after`` in order; only the principal's organisation unless it reads across."""
        if not principal.can(Permission.READ_EVENTS):
            raise PermissionDeniedError(f"the role {principal.role.value} may not read the event feed")
        organisation = None if principal.can(Permission.READ_ACROSS_ORGANISATIONS) else principal.organisation
        with self._uow(read_only=True) as uow:
            events = _within_budget(uow.audit.events(after, min(limit, MAX_PAGE), organisation))
        return EventPage(events, events[-1].seq if events else after)

    def recent(self, principal: Principal, before: int | None, limit: int) -> list[AuditEvent]:
        """The latest events before seq ``before``, newest first, as the feed scopes them."""
        if not principal.can(Permission.READ_EVENTS):
            raise PermissionDeniedError(f"the role {principal.role.value} may not read the event feed")
        organisation = None if principal.can(Permission.READ_ACROSS_ORGANISATIONS) else principal.organisation
        with self._uow(read_only=True) as uow:
            return _within_budget(uow.audit.latest(before, min(limit, MAX_PAGE), organisation))

    def verify(self, checkpoints: Sequence[Checkpoint] = ()) -> ChainProblem | None:
        """The first tampered or missing event, or None when the chain is intact.

        The head is read first and the events up to it are streamed page by page:
        events appended meanwhile are beyond the head and not part of this check.
        Seals are checked with the key ring; each checkpoint must be signed by a
        key of the ring and must match the stored chain.
        """
        if checkpoints and not self._keys:
            raise ConfigurationError(f"checkpoints cannot be checked: {NO_KEY}")
        for checkpoint in checkpoints:
            if not checkpoint.authentic(self._keys):
                return ChainProblem(
                    checkpoint.seq,
                    f"named by a checkpoint of {checkpoint.created_at} that no configured key signed: "
                    "forged, or made with a key missing from the ring",
                )
        with self._uow(read_only=True) as uow:
            head = uow.audit.head()
            return verify(_up_to(uow, head.seq), head, self._keys, checkpoints)

    def checkpoint(self) -> Checkpoint | ChainProblem:
        """A signed checkpoint of the chain head, or the problem that keeps the chain from being vouched for."""
        key = self._keys.current
        if key is None:
            raise ConfigurationError(f"a checkpoint must be signed: {NO_KEY}")
        if self._clock is None:
            raise RuntimeError("checkpoints need the service to be given a clock")
        with self._uow(read_only=True) as uow:
            head = uow.audit.head()
            problem = verify(_up_to(uow, head.seq), head, self._keys)
        return problem or make_checkpoint(head, key, self._clock.now())

    def head(self) -> ChainHead:
        with self._uow(read_only=True) as uow:
            return uow.audit.head()

    @property
    def keyed(self) -> bool:
        """Whether new events are sealed (a key is configured)."""
        return bool(self._keys)

    def count(self) -> int:
        return self.head().seq


def _up_to(uow: UnitOfWork, last: int) -> Iterator[AuditEvent]:
    after = 0
    while True:
        page = [e for e in uow.audit.events(after, VERIFY_PAGE) if e.seq <= last]
        if not page:
            return
        yield from page
        after = page[-1].seq


def _within_budget(events: list[AuditEvent]) -> list[AuditEvent]:
    """The leading events whose data fit in PAGE_BYTES (the first one always)."""
    kept: list[AuditEvent] = []
    used = 0
    for event in events:
        used += len(json.dumps(event.data, ensure_ascii=False).encode("utf-8"))
        if kept and used > PAGE_BYTES:
            break
        kept.append(event)
    return kept
