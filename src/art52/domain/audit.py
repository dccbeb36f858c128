"""The audit trail: an append-only, hash-chained log of everything that happened.

Each event carries the hash of the one before it, and its own hash covers its
content and that link. Editing an event changes its hash; deleting one breaks
the link of its successor; deleting the newest ones is caught by the chain
head, which records the sequence number and hash of the last event. Nothing
here touches storage: the chain can be checked on any sequence of events.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

GENESIS_HASH = "0" * 64


@dataclass(frozen=True)
class AuditEvent:
    """One thing that happened, in the order it was committed (``seq`` counts from 1)."""

    seq: int
    occurred_at: dt.datetime
    kind: str
    actor: str
    organisation: str | None
    subject: str | None
    data: dict[str, Any]
    prev_hash: str
    hash: str


@dataclass(frozen=True)
class ChainHead:
    """The newest event's sequence number and hash (0 and the genesis hash when empty)."""

    seq: int
    hash: str


@dataclass(frozen=True)
class NewEvent:
    """An event before it has a place in the chain."""

    kind: str
    actor: str
    organisation: str | None
    subject: str | None
    data: dict[str, Any]


def canonical_time(moment: dt.datetime) -> str:
    """UTC, microseconds, fixed width: the same instant always hashes the same."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def event_hash(
    seq: int,
    occurred_at: dt.datetime,
    kind: str,
    actor: str,
    organisation: str | None,
    subject: str | None,
    data: dict[str, Any],
    prev_hash: str,
) -> str:
    """SHA-256 over the canonical JSON of the event's content and its link to the previous event."""
    payload = {
        "seq": seq,
        "occurred_at": canonical_time(occurred_at),
        "kind": kind,
        "actor": actor,
        "organisation": organisation,
        "subject": subject,
        "data": data,
        "prev_hash": prev_hash,
    }
    canonical = json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def chain(head: ChainHead, new: NewEvent, occurred_at: dt.datetime) -> AuditEvent:
    """``new`` placed after ``head``: the next sequence number, linked and hashed."""
    seq = head.seq + 1
    digest = event_hash(seq, occurred_at, new.kind, new.actor, new.organisation, new.subject, new.data, head.hash)
    return AuditEvent(seq, occurred_at, new.kind, new.actor, new.organisation, new.subject, new.data, head.hash, digest)


@dataclass(frozen=True)
class ChainProblem:
    """The first place where the stored chain is not what was written."""

    seq: int
    reason: str

    def __str__(self) -> str:
        return f"event {self.seq}: {self.reason}"


def verify(events: Iterable[AuditEvent], head: ChainHead) -> ChainProblem | None:
    """The first problem in ``events`` (ordered by seq), or None when the chain is intact."""
    expected_seq, prev = 1, GENESIS_HASH
    for event in events:
        if event.seq != expected_seq:
            return ChainProblem(expected_seq, f"missing (the next stored event is {event.seq}): deleted")
        if event.prev_hash != prev:
            return ChainProblem(event.seq, "does not link to the event before it: an earlier event was altered")
        recomputed = event_hash(
            event.seq, event.occurred_at, event.kind, event.actor, event.organisation, event.subject, event.data, prev
        )
        if recomputed != event.hash:
            return ChainProblem(event.seq, "its content does not match its hash: edited")
        expected_seq, prev = expected_seq + 1, event.hash
    last = expected_seq - 1
    if head.seq > last:
        return ChainProblem(last + 1, f"missing (the chain head records {head.seq} events): deleted")
    if head.seq < last:
        return ChainProblem(head.seq + 1, f"not recorded in the chain head (it records {head.seq} events): altered")
    if head.hash != prev:
        return ChainProblem(last, "does not match the hash recorded in the chain head: edited")
    return None
