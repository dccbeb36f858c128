"""The audit trail: an append-only, hash-chained log of everything that happened.

Each event carries the hash of the one before it, and its own hash covers its
content and that link. Editing an event changes its hash; deleting one breaks
the link of its successor; deleting the newest ones is caught by the chain
head, which records the sequence number and hash of the last event. Nothing
here touches storage: the chain can be checked on any sequence of events.

The chain is public arithmetic, so whoever can write to the database can also
rewrite it consistently, head included. Two things make that detectable (see
the README, "Audit trail"): each event from ``ChainHead.mac_from`` on carries a
MAC under a key held outside the database (:mod:`art52.domain.audit_keys`),
and signed checkpoints kept outside it pin the head at moments in time
(:mod:`art52.domain.audit_checkpoint`). Events written before a key was
configured carry no MAC; they are covered by the MAC of the first sealed event,
whose hash links to all of them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from art52.domain.audit_keys import EVENT_PURPOSE, KeyRing, event_message, seal_matches

if TYPE_CHECKING:
    from art52.domain.audit_checkpoint import Checkpoint

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
    mac_key: str | None = None
    mac: str | None = None


@dataclass(frozen=True)
class ChainHead:
    """The newest event's sequence number and hash (0 and the genesis hash when empty).

    ``mac_from`` is the first event sealed with a key: every event from it on carries a MAC.
    """

    seq: int
    hash: str
    mac_from: int | None = None


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


def seal(event: AuditEvent, keys: KeyRing) -> AuditEvent:
    """``event`` with the MAC of the ring's current key (unchanged when there is no key)."""
    key = keys.current
    if key is None:
        return event
    return replace(event, mac_key=key.id, mac=key.mac(EVENT_PURPOSE, event_message(event.seq, event.hash)))


@dataclass(frozen=True)
class ChainProblem:
    """The first place where the stored chain is not what was written."""

    seq: int
    reason: str

    def __str__(self) -> str:
        return f"event {self.seq}: {self.reason}"


def verify(
    events: Iterable[AuditEvent],
    head: ChainHead,
    keys: KeyRing | None = None,
    checkpoints: Sequence[Checkpoint] = (),
) -> ChainProblem | None:
    """The first problem in ``events`` (ordered by seq), or None when the chain is intact.

    With ``keys``, the MAC of every event from ``head.mac_from`` on is checked too; without, only its
    presence. ``checkpoints`` (already known to be authentic) must each match the stored chain.
    """
    ring = keys or KeyRing()
    pinned = {c.seq: c for c in checkpoints}
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
        problem = _seal_problem(event, head, ring) or _checkpoint_problem(event, pinned.get(event.seq))
        if problem is not None:
            return problem
        expected_seq, prev = expected_seq + 1, event.hash
    last = expected_seq - 1
    if head.seq > last:
        return ChainProblem(last + 1, f"missing (the chain head records {head.seq} events): deleted")
    if head.seq < last:
        return ChainProblem(head.seq + 1, f"not recorded in the chain head (it records {head.seq} events): altered")
    if head.hash != prev:
        return ChainProblem(last, "does not match the hash recorded in the chain head: edited")
    return _beyond_the_chain(last, head, checkpoints)


def _seal_problem(event: AuditEvent, head: ChainHead, keys: KeyRing) -> ChainProblem | None:
    if head.mac_from is None or event.seq < head.mac_from:
        if event.mac is not None:
            return ChainProblem(event.seq, "carries a MAC but the chain head says sealing starts later: head altered")
        return None
    if event.mac is None or event.mac_key is None:
        return ChainProblem(
            event.seq, f"has no MAC although every event from {head.mac_from} on carries one: rewritten or stripped"
        )
    if not keys:
        return None
    matches = seal_matches(keys, event.mac_key, event.mac, EVENT_PURPOSE, event_message(event.seq, event.hash))
    if matches is None:
        return ChainProblem(event.seq, f"sealed with key {event.mac_key}, which is not in the configured key ring")
    if not matches:
        return ChainProblem(event.seq, "its MAC does not match: rewritten by someone without the audit key")
    return None


def _checkpoint_problem(event: AuditEvent, checkpoint: Checkpoint | None) -> ChainProblem | None:
    if checkpoint is None or checkpoint.hash == event.hash:
        return None
    return ChainProblem(event.seq, f"does not match the checkpoint of {checkpoint.created_at}: rewritten")


def _beyond_the_chain(last: int, head: ChainHead, checkpoints: Sequence[Checkpoint]) -> ChainProblem | None:
    """What checkpoints prove beyond the stored events: that events existed, and where sealing started."""
    for checkpoint in sorted(checkpoints, key=lambda c: c.seq):
        if checkpoint.seq > last:
            return ChainProblem(
                last + 1,
                f"missing (the checkpoint of {checkpoint.created_at} records {checkpoint.seq} events): deleted",
            )
        if checkpoint.mac_from is not None and (head.mac_from is None or head.mac_from > checkpoint.mac_from):
            return ChainProblem(
                checkpoint.mac_from,
                f"sealed from {checkpoint.mac_from} on per the checkpoint of {checkpoint.created_at}, "
                "but the chain head says otherwise: head altered",
            )
    return None
