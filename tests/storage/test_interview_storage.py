"""Interviews in the database (SQLite and PostgreSQL): stored exactly, guarded by revision, saved as drafts."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from art52.adapters.unit_of_work import SqlUnitOfWork
from art52.bootstrap import Container, database_engine
from art52.domain.access import Principal, Role
from art52.domain.interviews import Answer, InterviewRecord
from art52.errors import ConflictError

START = {"title": "Court-ordered quick freeze of traffic data", "measure_type": "expedited_preservation"}


def _principal(container: Container) -> Principal:
    _, secret = container.tokens.create("Alice", "ministry", Role.SUBMITTER)
    return container.tokens.authenticate(secret)


def test_an_interview_comes_back_exactly_and_a_stale_revision_is_refused(container: Container) -> None:
    engine = database_engine(container.settings)
    moment = dt.datetime(2026, 12, 3, 12, 0, 0, 123456, tzinfo=dt.UTC)
    record = InterviewRecord(
        id="0b6f3c1e-1111-4c4c-8c8c-000000000001",
        organisation="ministry",
        created_by="Alice",
        created_at=moment,
        expires_at=moment + dt.timedelta(hours=1),
        as_of=dt.date(2025, 6, 1),
        document={**START, "data": {"categories": ["traffic"]}, "legal_basis": {"exists": True}},
        answers=(Answer("data.categories", ["traffic"]), Answer("legal_basis.exists", True), Answer("x.y", None)),
        passed=("x.y",),
    )
    try:
        with SqlUnitOfWork(engine) as uow:
            uow.interviews.add(record)
            uow.commit()
        with SqlUnitOfWork(engine) as uow:
            assert uow.interviews.get(record.id) == record
            assert uow.interviews.get("0b6f3c1e-1111-4c4c-8c8c-000000000002") is None
            uow.interviews.update(replace(record, revision=2), expected_revision=1)
            uow.commit()
        with SqlUnitOfWork(engine) as uow, pytest.raises(ConflictError):
            uow.interviews.update(replace(record, revision=3), expected_revision=1)
    finally:
        engine.dispose()


def test_an_interview_saved_as_a_draft_names_its_measure(container: Container) -> None:
    alice = _principal(container)
    started = container.interviews.start(alice, START)
    answered = container.interviews.answer(alice, started.record.id, "jurisdiction", "NL")
    assert answered.record.document == {**START, "jurisdiction": "NL"}
    saved = container.interviews.save(alice, started.record.id)
    assert saved.document == {**START, "jurisdiction": "NL"}
    assert container.interviews.get(alice, started.record.id).record.measure_id == saved.record.id
