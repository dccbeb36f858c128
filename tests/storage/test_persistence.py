"""What is stored comes back exactly: records, versions, assessments, and the audit chain."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.exc import IntegrityError

from art52.adapters.database import make_engine
from art52.adapters.unit_of_work import SqlUnitOfWork
from art52.bootstrap import Container
from art52.cli import main
from art52.config import Settings
from art52.domain.access import Principal, Role
from art52.domain.records import MeasureFilter, MeasureRecord, MeasureVersion
from art52.domain.workflow import DecisionKind, Status
from art52.errors import ConflictError

MEASURE: dict[str, Any] = {
    "title": "Targeted retention of traffic data around airports — «draft 3»",
    "jurisdiction": "DE",
    "actor_model": "provider_obligation",
    "measure_type": "retention_obligation",
    "objective": "serious_crime",
    "data": {"categories": ["traffic", "location"], "subjects_scope": "targeted_geographic"},
    "retention": {"period_days": 30},
}


def principal(container: Container, name: str, role: Role, organisation: str = "ministry") -> Principal:
    _, secret = container.tokens.create(name, organisation, role)
    return container.tokens.authenticate(secret)


def engine_of(settings: Settings) -> Engine:
    return make_engine(settings.database_url, schema=settings.database_schema)


def test_a_measure_and_its_versions_come_back_exactly(container: Container) -> None:
    alice = principal(container, "Alice", Role.SUBMITTER)
    created = container.measures.create(alice, MEASURE)
    revised = container.measures.revise(alice, created.record.id, {**MEASURE, "retention": {"period_days": 14}})
    read = container.measures.get(alice, created.record.id)
    assert read.record == revised.record
    assert read.record.created_at.tzinfo is dt.UTC
    assert read.record.created_at == created.record.created_at
    assert container.measures.version(alice, created.record.id, 1).document == MEASURE
    assert read.document["retention"] == {"period_days": 14}


def test_a_stored_assessment_reproduces_byte_for_byte_from_the_database(
    container: Container, examples_dir: Path
) -> None:
    alice = principal(container, "Alice", Role.SUBMITTER)
    documents = [MEASURE] + [json.loads(p.read_text()) for p in sorted(examples_dir.glob("ex0[1-4]*.json"))]
    for document in documents:
        measure_id = container.measures.create(alice, document).record.id
        for as_of in (None, dt.date(2024, 5, 1)):
            stored = container.assessments.assess_measure(alice, measure_id, as_of).stored
            again = container.assessments.get(alice, stored.id).stored
            assert again == stored
            assert container.assessments.rerun(again) == stored.result


def test_the_loser_of_a_race_for_the_same_revision_writes_nothing(container: Container, database: Settings) -> None:
    alice = principal(container, "Alice", Role.SUBMITTER)
    measure_id = container.measures.create(alice, MEASURE).record.id
    engine = engine_of(database)
    try:
        with SqlUnitOfWork(engine) as uow:
            read = uow.measures.get(measure_id)
        assert read is not None
        winner = MeasureRecord(**{**read.__dict__, "status": Status.SUBMITTED, "revision": read.revision + 1})
        loser = MeasureRecord(**{**read.__dict__, "title": "Overwritten", "revision": read.revision + 1})
        with SqlUnitOfWork(engine) as uow:
            uow.measures.update(winner, expected_revision=read.revision)
            uow.commit()
        with SqlUnitOfWork(engine) as uow, pytest.raises(ConflictError):
            uow.measures.update(loser, expected_revision=read.revision)
        assert container.measures.get(alice, measure_id).record == winner
    finally:
        engine.dispose()


def test_a_version_cannot_be_written_twice(container: Container, database: Settings) -> None:
    alice = principal(container, "Alice", Role.SUBMITTER)
    measure_id = container.measures.create(alice, MEASURE).record.id
    engine = engine_of(database)
    try:
        with SqlUnitOfWork(engine) as uow, pytest.raises(IntegrityError):
            uow.measures.add_version(
                MeasureVersion(measure_id, 1, {"title": "rewritten history"}, "mallory", dt.datetime.now(dt.UTC))
            )
    finally:
        engine.dispose()


def test_listing_pages_through_measures_created_at_the_same_instant(container: Container, database: Settings) -> None:
    alice = principal(container, "Alice", Role.SUBMITTER)
    moment = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    ids = [f"00000000-0000-4000-8000-{n:012d}" for n in range(5)]
    engine = engine_of(database)
    try:
        with SqlUnitOfWork(engine) as uow:
            for measure_id in ids:
                uow.measures.add(MeasureRecord(measure_id, "ministry", "t", Status.DRAFT, 1, 1, "a", moment, moment))
            uow.commit()
    finally:
        engine.dispose()
    seen: list[str] = []
    cursor = None
    while True:
        page = container.measures.page(alice, MeasureFilter(), after=cursor, limit=2)
        seen += [m.id for m in page.items]
        if page.next_cursor is None:
            break
        cursor = page.next_cursor
    assert seen == sorted(ids, reverse=True)


def run_workflow(container: Container) -> None:
    alice = principal(container, "Alice", Role.SUBMITTER)
    bob = principal(container, "Bob", Role.REVIEWER)
    measure_id = container.measures.create(alice, MEASURE).record.id
    container.reviews.submit(alice, measure_id)
    container.assessments.assess_measure(alice, measure_id, None)
    container.reviews.take(bob, measure_id)
    container.reviews.decide(bob, measure_id, DecisionKind.APPROVE, "Targeted and limited.", ["Annual report"])


def tamper(settings: Settings, statement: str) -> None:
    """What someone with DDL rights could do: lift the append-only guard and change the trail."""
    engine = engine_of(settings)
    try:
        with engine.begin() as connection:
            if engine.dialect.name == "postgresql":
                connection.execute(text("ALTER TABLE audit_events DISABLE TRIGGER USER"))
            else:
                connection.execute(text("DROP TRIGGER audit_events_no_update"))
                connection.execute(text("DROP TRIGGER audit_events_no_delete"))
            connection.execute(text(statement))
    finally:
        engine.dispose()


def verify_with_cli(settings: Settings, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> int:
    monkeypatch.setenv("ART52_DATABASE_URL", settings.database_url)
    if settings.database_schema:
        monkeypatch.setenv("ART52_DATABASE_SCHEMA", settings.database_schema)
    capsys.readouterr()
    return main(["audit", "verify"])


def test_the_audit_trail_of_a_workflow_verifies(
    container: Container, database: Settings, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    run_workflow(container)
    assert container.audit.verify() is None
    assert verify_with_cli(database, monkeypatch, capsys) == 0
    assert "intact: 7 events" in capsys.readouterr().out


def test_audit_verify_names_an_edited_event(
    container: Container, database: Settings, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    run_workflow(container)
    tamper(database, 'UPDATE audit_events SET data = \'{"reason":"rubber-stamped"}\' WHERE seq = 7')
    problem = container.audit.verify()
    assert problem is not None
    assert problem.seq == 7
    assert "edited" in problem.reason
    assert verify_with_cli(database, monkeypatch, capsys) == 65
    assert "event 7" in capsys.readouterr().err


def test_audit_verify_names_a_deleted_event(
    container: Container, database: Settings, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    run_workflow(container)
    tamper(database, "DELETE FROM audit_events WHERE seq = 4")
    problem = container.audit.verify()
    assert problem is not None
    assert problem.seq == 4
    assert "deleted" in problem.reason
    assert verify_with_cli(database, monkeypatch, capsys) == 65
    assert "event 4" in capsys.readouterr().err


def test_the_feed_returns_events_in_commit_order_after_the_cursor(container: Container) -> None:
    run_workflow(container)
    auditor = principal(container, "Audrey", Role.AUDITOR, organisation="court")
    events = container.audit.feed(auditor, 2, 100).events
    assert [e.seq for e in events] == [3, 4, 5, 6, 7, 8]
    assert [e.kind for e in events][-1] == "token.created"
