"""The enforcing side on a real database: deadline, perspective and refusal ground come back; reminders once."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from art52.bootstrap import Container
from art52.cli import main
from art52.config import Settings
from art52.domain.access import Principal, Role
from art52.domain.perspective import Perspective
from art52.domain.workflow import DecisionKind, RefusalGroundKind

EXAMPLE = "ex16-epoc-journalist-notified-enforcing.json"
DEADLINE = dt.datetime(2026, 9, 11, 9, 0, tzinfo=dt.UTC)


def principal(container: Container, name: str, role: Role) -> Principal:
    _, secret = container.tokens.create(name, "enforcing-ie", role)
    return container.tokens.authenticate(secret)


def test_a_notified_order_keeps_its_deadline_perspective_and_refusal(container: Container, examples_dir: Path) -> None:
    alice = principal(container, "Alice", Role.SUBMITTER)
    bob = principal(container, "Bob", Role.REVIEWER)
    order = json.loads((examples_dir / EXAMPLE).read_text())
    measure_id = container.measures.create(alice, order).record.id
    assert container.measures.get(alice, measure_id).record.deadline_at == DEADLINE
    container.reviews.submit(alice, measure_id)
    stored = container.assessments.assess_measure(alice, measure_id, None, perspective=Perspective.ENFORCING).stored
    again = container.assessments.get(alice, stored.id).stored
    assert again == stored
    assert again.perspective is Perspective.ENFORCING
    assert container.assessments.rerun(again) == stored.result
    container.reviews.take(bob, measure_id)
    container.reviews.decide(
        bob, measure_id, DecisionKind.REFUSE, "Sources are protected.", ground=RefusalGroundKind.PRESS_FREEDOM
    )
    (decision,) = container.measures.get(bob, measure_id).decisions
    assert decision.kind is DecisionKind.REFUSE
    assert decision.ground is RefusalGroundKind.PRESS_FREEDOM


def use_database(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    """Point the command line at the test's database."""
    monkeypatch.setenv("ART52_DATABASE_URL", settings.database_url)
    if settings.database_schema:
        monkeypatch.setenv("ART52_DATABASE_SCHEMA", settings.database_schema)


def test_deadlines_check_records_each_reminder_once(
    container: Container,
    database: Settings,
    examples_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    use_database(database, monkeypatch)
    alice = principal(container, "Alice", Role.SUBMITTER)
    measure_id = container.measures.create(alice, json.loads((examples_dir / EXAMPLE).read_text())).record.id
    assert main(["deadlines", "check", "--at", "2026-09-10T08:59:59Z"]) == 0
    assert capsys.readouterr().out == ""
    assert main(["deadlines", "check", "--at", "2026-09-10T09:00:00Z"]) == 0
    assert capsys.readouterr().out.split("\t")[:2] == ["measure.deadline_approaching", measure_id]
    assert main(["deadlines", "check", "--at", "2026-09-11T09:00:01Z"]) == 0
    assert capsys.readouterr().out.split("\t")[:2] == ["measure.deadline_passed", measure_id]
    assert main(["deadlines", "check", "--at", "2026-09-12T09:00:00Z"]) == 0
    assert capsys.readouterr().out == ""
    auditor = principal(container, "Audrey", Role.AUDITOR)
    kinds = [e.kind for e in container.audit.feed(auditor, 0, 100).events if e.subject == measure_id]
    assert kinds == ["measure.created", "measure.deadline_approaching", "measure.deadline_passed"]


@pytest.mark.parametrize("moment", ["yesterday", "2026-09-10T09:00:00"])
def test_deadlines_check_refuses_an_unclear_moment(
    database: Settings, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], moment: str
) -> None:
    use_database(database, monkeypatch)
    assert main(["deadlines", "check", "--at", moment]) == 64
    assert len(capsys.readouterr().err.strip().splitlines()) == 1


def test_a_decided_order_has_no_open_deadline(container: Container, examples_dir: Path) -> None:
    """The database query behind the reminders skips orders with a final decision."""
    alice = principal(container, "Alice", Role.SUBMITTER)
    bob = principal(container, "Bob", Role.REVIEWER)
    order = json.loads((examples_dir / EXAMPLE).read_text())
    decided = container.measures.create(alice, order).record.id
    still_open = container.measures.create(alice, order).record.id
    container.reviews.submit(alice, decided)
    container.assessments.assess_measure(alice, decided, None, perspective=Perspective.ENFORCING)
    container.reviews.take(bob, decided)
    container.reviews.decide(
        bob, decided, DecisionKind.REFUSE, "Sources are protected.", ground=RefusalGroundKind.PRESS_FREEDOM
    )
    assert container.measures.get(bob, decided).record.deadline_at == DEADLINE
    reminded = container.deadlines.check(at=DEADLINE + dt.timedelta(seconds=1))
    assert {r.measure_id for r in reminded} == {still_open}
