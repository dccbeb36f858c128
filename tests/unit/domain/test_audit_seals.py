"""Seals and checkpoints of the audit chain, independent of any storage."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from art52.domain.audit import GENESIS_HASH, AuditEvent, ChainHead, NewEvent, chain, seal, verify
from art52.domain.audit_checkpoint import make_checkpoint, parse_checkpoint
from art52.domain.audit_keys import AuditKey, KeyRing

T0 = dt.datetime(2026, 1, 1, 12, 0, tzinfo=dt.UTC)
KEY = AuditKey(b"a key of thirty-two bytes or more, for tests")
OTHER = AuditKey(b"another key of thirty-two bytes or more")
RING = KeyRing((KEY,))


def sealed(count: int, keys: KeyRing = RING) -> tuple[list[AuditEvent], ChainHead]:
    head = ChainHead(0, GENESIS_HASH)
    events = []
    for n in range(count):
        event = seal(chain(head, NewEvent("measure.created", "alice", "ministry", f"m{n}", {"n": n}), T0), keys)
        events.append(event)
        head = ChainHead(event.seq, event.hash, 1 if keys else None)
    return events, head


def test_a_sealed_chain_verifies_with_its_key() -> None:
    events, head = sealed(3)
    assert verify(events, head, RING) is None


def test_a_seal_depends_on_the_key_and_on_nothing_else() -> None:
    event = chain(ChainHead(0, GENESIS_HASH), NewEvent("k", "a", None, None, {}), T0)
    assert seal(event, RING) == seal(event, KeyRing((KEY,)))
    assert seal(event, RING).mac != seal(event, KeyRing((OTHER,))).mac
    assert seal(event, KeyRing()) == event


def test_an_event_sealed_with_a_forged_mac_is_found() -> None:
    events, head = sealed(3)
    events[1] = replace(events[1], mac="0" * 64)
    problem = verify(events, head, RING)
    assert problem is not None
    assert problem.seq == 2
    assert "MAC does not match" in problem.reason


def test_without_the_key_a_missing_seal_is_still_found() -> None:
    events, head = sealed(3)
    events[2] = replace(events[2], mac=None, mac_key=None)
    problem = verify(events, head)
    assert problem is not None
    assert problem.seq == 3


def test_keys_are_never_shown() -> None:
    assert "thirty-two" not in repr(KEY)
    assert KEY.id in repr(KEY)


def test_a_short_key_is_refused() -> None:
    with pytest.raises(ValueError, match="at least 32"):
        AuditKey(b"short")


def test_a_checkpoint_survives_its_line_and_is_authentic_only_under_its_key() -> None:
    _, head = sealed(2)
    checkpoint = make_checkpoint(head, KEY, T0)
    again = parse_checkpoint(checkpoint.line())
    assert again == checkpoint
    assert again.authentic(RING) is True
    assert replace(again, seq=1).authentic(RING) is False
    assert again.authentic(KeyRing((OTHER,))) is None


NEGATIVE = '{"seq":-1,"hash":"","mac_from":null,"created_at":"","key":"","mac":""}'


@pytest.mark.parametrize(
    ("line", "reason"),
    [("", "not JSON"), ("[]", "exactly the fields"), ('{"seq": 1}', "exactly the fields"), (NEGATIVE, "0 or more")],
)
def test_a_line_that_is_not_a_checkpoint_is_refused(line: str, reason: str) -> None:
    with pytest.raises(ValueError, match=reason):
        parse_checkpoint(line)
