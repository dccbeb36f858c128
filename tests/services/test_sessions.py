"""Browser sessions: a token exchanged for a session that ends on time, on sign-out and on revocation."""

from __future__ import annotations

from typing import Any

import pytest

from art52.domain.access import Role
from art52.errors import AuthenticationError
from art52.services.tokens import hash_token


def test_a_session_stands_for_the_token_holder_and_keeps_no_secret(services: Any) -> None:
    record, secret = services.tokens.create("Alice Official", "ministry", Role.SUBMITTER)
    session_secret, signed_in = services.sessions.sign_in(secret)
    assert signed_in.principal == record.principal()
    assert services.sessions.resolve(session_secret) == signed_in
    stored = list(services.store.sessions.values())
    assert [s.session_hash for s in stored] == [hash_token(session_secret)]
    assert session_secret != secret
    assert secret not in repr(stored)


def test_an_unknown_token_opens_no_session(services: Any) -> None:
    with pytest.raises(AuthenticationError):
        services.sessions.sign_in("art52_unknown")
    assert services.store.sessions == {}


def test_a_session_expires_on_the_server(services: Any) -> None:
    _record, secret = services.tokens.create("Alice Official", "ministry", Role.SUBMITTER)
    session_secret, _ = services.sessions.sign_in(secret)
    services.sessions.resolve(session_secret)  # still open
    for _ in range(30):  # each reading of the fake clock is one second later; the lifetime is 30 s
        services.clock.now()
    with pytest.raises(AuthenticationError, match="ended"):
        services.sessions.resolve(session_secret)


def test_sign_out_ends_the_session(services: Any) -> None:
    _record, secret = services.tokens.create("Alice Official", "ministry", Role.SUBMITTER)
    session_secret, _ = services.sessions.sign_in(secret)
    services.sessions.sign_out(session_secret)
    with pytest.raises(AuthenticationError):
        services.sessions.resolve(session_secret)
    assert [e.kind for e in services.store.events][-2:] == ["session.started", "session.ended"]


def test_revoking_the_token_ends_its_sessions(services: Any) -> None:
    record, secret = services.tokens.create("Alice Official", "ministry", Role.SUBMITTER)
    session_secret, _ = services.sessions.sign_in(secret)
    services.tokens.revoke(record.id)
    with pytest.raises(AuthenticationError):
        services.sessions.resolve(session_secret)


def test_the_event_list_is_newest_first_and_scoped_to_the_organisation(services: Any, alice: Any) -> None:
    services.tokens.create("Mallory", "other-ministry", Role.SUBMITTER)
    services.tokens.create("Bob Reviewer", "ministry", Role.REVIEWER)
    services.tokens.create("Carol Reviewer", "ministry", Role.REVIEWER)
    recent = services.audit.recent(alice, None, 10)
    assert [e.data["name"] for e in recent] == ["Carol Reviewer", "Bob Reviewer"]
    assert [e.data["name"] for e in services.audit.recent(alice, recent[0].seq, 10)] == ["Bob Reviewer"]
