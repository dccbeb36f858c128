"""The hash chain of the audit trail, independent of any storage."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from art52.domain.audit import GENESIS_HASH, AuditEvent, ChainHead, NewEvent, chain, verify

T0 = dt.datetime(2026, 1, 1, 12, 0, tzinfo=dt.UTC)


def build(count: int) -> tuple[list[AuditEvent], ChainHead]:
    head = ChainHead(0, GENESIS_HASH)
    events = []
    for n in range(count):
        event = chain(head, NewEvent("measure.created", "alice", "ministry", f"m{n}", {"n": n}), T0)
        events.append(event)
        head = ChainHead(event.seq, event.hash)
    return events, head


def test_each_event_links_to_the_one_before() -> None:
    events, head = build(3)
    assert events[0].prev_hash == GENESIS_HASH
    assert [e.prev_hash for e in events[1:]] == [e.hash for e in events[:-1]]
    assert verify(events, head) is None


def test_an_empty_trail_is_intact() -> None:
    assert verify([], ChainHead(0, GENESIS_HASH)) is None


def test_the_same_instant_in_another_zone_hashes_the_same() -> None:
    cet = dt.timezone(dt.timedelta(hours=1))
    new = NewEvent("k", "a", None, None, {})
    head = ChainHead(0, GENESIS_HASH)
    assert chain(head, new, T0).hash == chain(head, new, T0.astimezone(cet)).hash


def test_an_edited_field_is_found_at_its_event() -> None:
    events, head = build(4)
    events[2] = replace(events[2], data={"n": 99})
    problem = verify(events, head)
    assert problem is not None
    assert problem.seq == 3
    assert "edited" in problem.reason


def test_an_edited_event_with_a_recomputed_hash_breaks_the_next_link() -> None:
    events, head = build(4)
    forged = chain(ChainHead(1, events[0].hash), NewEvent("measure.created", "mallory", "ministry", "m1", {}), T0)
    events[1] = forged
    problem = verify(events, head)
    assert problem is not None
    assert problem.seq == 3
    assert "link" in problem.reason


def test_a_deleted_event_is_named() -> None:
    events, head = build(4)
    del events[1]
    problem = verify(events, head)
    assert problem is not None
    assert problem.seq == 2
    assert "deleted" in problem.reason


def test_deleting_the_newest_events_is_caught_by_the_head() -> None:
    events, head = build(4)
    problem = verify(events[:2], head)
    assert problem is not None
    assert problem.seq == 3
    assert "deleted" in problem.reason
