"""Idempotency keys on each database: one claim wins, keys expire, unfinished uses are given up."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator

import pytest
from sqlalchemy import Engine

from art52.adapters.idempotency_store import SqlIdempotencyStore
from art52.bootstrap import database_engine
from art52.config import Settings
from art52.domain.idempotency import StoredResponse

NOW = dt.datetime(2026, 12, 3, 12, 0, tzinfo=dt.UTC)
DAY = dt.timedelta(days=1)
LEASE = dt.timedelta(minutes=5)
RESPONSE = StoredResponse(201, (("content-type", "application/json"), ("location", "/v1/measures/x")), b'{"id":"x"}')


@pytest.fixture
def engine(database: Settings) -> Iterator[Engine]:
    built = database_engine(database)
    try:
        yield built
    finally:
        built.dispose()


def claim(
    store: SqlIdempotencyStore, key: str, fingerprint: str, at: dt.datetime = NOW, scope: str = "org/emp-1"
) -> object:
    return store.claim(scope, key, fingerprint, at, at + DAY, at - LEASE)


def test_a_key_is_claimed_once_and_replays_its_response(engine: Engine) -> None:
    store = SqlIdempotencyStore(engine)
    assert claim(store, "k", "f1") is None
    in_progress = claim(store, "k", "f1")
    assert in_progress is not None
    assert in_progress.response is None  # type: ignore[attr-defined]
    store.complete("org/emp-1", "k", RESPONSE)
    done = claim(store, "k", "f1")
    assert done.response == RESPONSE  # type: ignore[attr-defined]
    assert done.fingerprint == "f1"  # type: ignore[attr-defined]
    assert claim(store, "k", "f1", scope="org/emp-2") is None  # another caller's key


def test_keys_expire_and_unfinished_uses_are_given_up(engine: Engine) -> None:
    store = SqlIdempotencyStore(engine)
    assert claim(store, "done", "f") is None
    store.complete("org/emp-1", "done", RESPONSE)
    assert claim(store, "done", "other", at=NOW + DAY + dt.timedelta(seconds=1)) is None  # expired: a new use
    assert claim(store, "stuck", "f") is None
    assert claim(store, "stuck", "f", at=NOW + LEASE / 2) is not None  # may still be running
    assert claim(store, "stuck", "f", at=NOW + 2 * LEASE) is None  # its request died: taken over


def test_a_released_key_can_be_claimed_again(engine: Engine) -> None:
    store = SqlIdempotencyStore(engine)
    assert claim(store, "k", "f") is None
    store.release("org/emp-1", "k")
    assert claim(store, "k", "f") is None


def test_of_concurrent_claims_exactly_one_wins(engine: Engine) -> None:
    store = SqlIdempotencyStore(engine)
    results: list[object] = []
    start = threading.Barrier(4)

    def attempt() -> None:
        start.wait()
        results.append(claim(store, "race", "f"))

    threads = [threading.Thread(target=attempt) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sum(result is None for result in results) == 1
    assert len(results) == 4
