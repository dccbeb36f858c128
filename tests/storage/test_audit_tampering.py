"""Tampering with the audit trail by someone who can write to the database is detected.

The attacker here has DDL rights: they lift the append-only triggers, then
delete, rewrite or roll back, recomputing every public hash. The seals (a MAC
under a key the database never sees) and checkpoints kept elsewhere catch it.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from alembic.config import Config
from pydantic import SecretStr
from sqlalchemy import Engine, insert, text
from sqlalchemy.exc import DBAPIError

from art52.adapters import tables
from art52.adapters.database import make_engine
from art52.adapters.migrations import MIGRATIONS_DIR
from art52.adapters.unit_of_work import SqlUnitOfWork
from art52.bootstrap import Container, build_container, migrate
from art52.cli import main
from art52.config import Settings
from art52.domain.access import Principal, Role
from art52.domain.audit import GENESIS_HASH, AuditEvent, ChainHead, NewEvent, chain
from art52.domain.audit_checkpoint import Checkpoint, parse_checkpoint
from art52.domain.audit_keys import CHECKPOINT_PURPOSE, AuditKey
from art52.domain.workflow import DecisionKind

KEY = "k" * 16 + "0123456789abcdef0123"
OTHER_KEY = "another key, never configured on this server"
MEASURE: dict[str, Any] = {
    "title": "Quick freeze of traffic data",
    "jurisdiction": "NL",
    "assessment_date": "2025-06-01",
    "measure_type": "expedited_preservation",
    "objective": "serious_crime",
}
EVENTS_TRIGGERS_SQLITE = ("audit_events_no_update", "audit_events_no_delete")
HEAD_TRIGGERS_SQLITE = ("audit_head_forward", "audit_head_no_insert", "audit_head_no_delete")


def keyed(settings: Settings, *keys: str) -> Settings:
    return settings.model_copy(update={"audit_key": SecretStr(keys[0] if keys else KEY)})


@pytest.fixture
def sealed(database: Settings) -> Settings:
    return keyed(database)


@pytest.fixture
def trail(sealed: Settings) -> Iterator[Container]:
    """A service sealing with KEY, after a workflow that wrote seven events."""
    container = build_container(sealed)
    try:
        run_workflow(container)
        yield container
    finally:
        container.close()


def principal(container: Container, name: str, role: Role) -> Principal:
    _, secret = container.tokens.create(name, "ministry", role)
    return container.tokens.authenticate(secret)


def run_workflow(container: Container) -> None:
    alice = principal(container, "Alice", Role.SUBMITTER)
    bob = principal(container, "Bob", Role.REVIEWER)
    measure_id = container.measures.create(alice, MEASURE).record.id
    container.reviews.submit(alice, measure_id)
    container.assessments.assess_measure(alice, measure_id, None)
    container.reviews.take(bob, measure_id)
    container.reviews.decide(bob, measure_id, DecisionKind.APPROVE, "Targeted and limited.")


def engine_of(settings: Settings) -> Engine:
    return make_engine(settings.database_url, schema=settings.database_schema)


def stored_events(settings: Settings) -> list[AuditEvent]:
    engine = engine_of(settings)
    try:
        with SqlUnitOfWork(engine) as uow:
            return uow.audit.events(0)
    finally:
        engine.dispose()


def as_attacker(settings: Settings, *statements: tuple[str, dict[str, Any]]) -> None:
    """Lift every trigger guarding the trail (DDL rights), then run ``statements`` in one transaction."""
    engine = engine_of(settings)
    try:
        with engine.begin() as connection:
            if engine.dialect.name == "postgresql":
                connection.execute(text("ALTER TABLE audit_events DISABLE TRIGGER USER"))
                connection.execute(text("ALTER TABLE audit_head DISABLE TRIGGER USER"))
            else:
                for trigger in EVENTS_TRIGGERS_SQLITE + HEAD_TRIGGERS_SQLITE:
                    connection.execute(text(f"DROP TRIGGER IF EXISTS {trigger}"))
            for statement, values in statements:
                connection.execute(text(statement), values)
    finally:
        engine.dispose()


def rewrite_from(settings: Settings, seq: int, *, strip_seals: bool = False) -> None:
    """Change event ``seq`` and recompute every hash after it, head included, as the public code does."""
    events = stored_events(settings)
    head = ChainHead(events[seq - 2].seq, events[seq - 2].hash) if seq > 1 else ChainHead(0, GENESIS_HASH)
    statements: list[tuple[str, dict[str, Any]]] = []
    for event in events[seq - 1 :]:
        data = {"reason": "rubber-stamped"} if event.seq == seq else event.data
        new = NewEvent(event.kind, event.actor, event.organisation, event.subject, data)
        forged = chain(head, new, event.occurred_at)
        statements.append(
            (
                "UPDATE audit_events SET data = :data, prev_hash = :prev, hash = :hash, "
                "mac_key = :mac_key, mac = :mac WHERE seq = :seq",
                {
                    "data": json.dumps(data, sort_keys=True, separators=(",", ":")),
                    "prev": forged.prev_hash,
                    "hash": forged.hash,
                    "mac_key": None if strip_seals else event.mac_key,
                    "mac": None if strip_seals else event.mac,
                    "seq": event.seq,
                },
            )
        )
        head = ChainHead(forged.seq, forged.hash)
    statements.append(("UPDATE audit_head SET seq = :seq, hash = :hash", {"seq": head.seq, "hash": head.hash}))
    as_attacker(settings, *statements)


def problem_of(container: Container, checkpoints: list[Checkpoint] | None = None) -> tuple[int, str]:
    problem = container.audit.verify(checkpoints or [])
    assert problem is not None, "the tampering went unnoticed"
    return problem.seq, problem.reason


def cli(settings: Settings, monkeypatch: pytest.MonkeyPatch, *args: str) -> int:
    monkeypatch.setenv("ART52_DATABASE_URL", settings.database_url)
    if settings.database_schema:
        monkeypatch.setenv("ART52_DATABASE_SCHEMA", settings.database_schema)
    if settings.audit_key is not None:
        monkeypatch.setenv("ART52_AUDIT_KEY", settings.audit_key.get_secret_value())
    return main(["audit", *args])


def test_a_sealed_trail_verifies_and_every_event_carries_a_seal(trail: Container, sealed: Settings) -> None:
    assert trail.audit.verify() is None
    events = stored_events(sealed)
    assert [e.seq for e in events] == list(range(1, 8))
    assert all(e.mac is not None and e.mac_key == AuditKey(KEY.encode()).id for e in events)
    assert trail.audit.head().mac_from == 1


def test_deleting_the_newest_event_and_rolling_back_the_head_is_caught_by_a_checkpoint(
    trail: Container, sealed: Settings
) -> None:
    checkpoint = trail.audit.checkpoint()
    assert isinstance(checkpoint, Checkpoint)
    sixth = stored_events(sealed)[5]
    as_attacker(
        sealed,
        ("DELETE FROM audit_events WHERE seq = 7", {}),
        ("UPDATE audit_head SET seq = 6, hash = :hash", {"hash": sixth.hash}),
    )
    # What is left is a valid, sealed chain of six events: only something kept outside can tell.
    assert trail.audit.verify() is None
    seq, reason = problem_of(trail, [checkpoint])
    assert seq == 7
    assert "deleted" in reason


def test_rewriting_the_chain_from_any_point_with_the_public_hash_is_caught_by_the_seals(
    trail: Container, sealed: Settings
) -> None:
    rewrite_from(sealed, 3)
    seq, reason = problem_of(trail)
    assert seq == 3
    assert "MAC does not match" in reason


def test_a_rewrite_that_strips_the_seals_is_caught(trail: Container, sealed: Settings) -> None:
    rewrite_from(sealed, 5, strip_seals=True)
    seq, reason = problem_of(trail)
    assert seq == 5
    assert "has no MAC" in reason


def test_a_rewrite_of_everything_posing_as_an_unsealed_trail_is_caught_by_a_checkpoint(
    trail: Container, sealed: Settings
) -> None:
    checkpoint = trail.audit.checkpoint()
    assert isinstance(checkpoint, Checkpoint)
    rewrite_from(sealed, 1, strip_seals=True)
    as_attacker(sealed, ("UPDATE audit_head SET mac_from = NULL", {}))
    assert trail.audit.verify() is None  # without an anchor outside the database this is undetectable
    seq, reason = problem_of(trail, [checkpoint])
    assert seq == 7
    assert "does not match the checkpoint" in reason


def test_a_checkpoint_signed_with_another_key_is_rejected(trail: Container) -> None:
    genuine = trail.audit.checkpoint()
    assert isinstance(genuine, Checkpoint)
    forged = replace(genuine, mac=AuditKey(OTHER_KEY.encode()).mac(CHECKPOINT_PURPOSE, genuine.message()))
    seq, reason = problem_of(trail, [forged])
    assert seq == genuine.seq
    assert "forged" in reason


def test_a_server_with_another_key_does_not_vouch_for_the_trail(trail: Container, sealed: Settings) -> None:
    stranger = build_container(keyed(sealed, OTHER_KEY))
    try:
        seq, reason = problem_of(stranger)
    finally:
        stranger.close()
    assert seq == 1
    assert "not in the configured key ring" in reason


def test_a_rotated_key_still_verifies_the_events_sealed_with_the_old_one(
    trail: Container, sealed: Settings, tmp_path: Path
) -> None:
    ring = tmp_path / "audit-keys"
    ring.write_text(f"# current key first\n{OTHER_KEY}\n{KEY}\n")
    rotated = build_container(sealed.model_copy(update={"audit_key": None, "audit_key_file": ring}))
    try:
        principal(rotated, "Carol", Role.SUBMITTER)
        assert rotated.audit.verify() is None
    finally:
        rotated.close()
    assert {e.mac_key for e in stored_events(sealed)} == {AuditKey(KEY.encode()).id, AuditKey(OTHER_KEY.encode()).id}


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE audit_head SET seq = seq - 1",
        "UPDATE audit_head SET mac_from = NULL",
        "UPDATE audit_head SET seq = seq + 1",
        "DELETE FROM audit_head",
        "INSERT INTO audit_head (id, seq, hash) VALUES (2, 0, 'x')",
    ],
)
def test_the_database_refuses_to_move_the_chain_head_other_than_forward(
    trail: Container, sealed: Settings, statement: str
) -> None:
    engine = engine_of(sealed)
    try:
        with pytest.raises(DBAPIError, match="only moves forward"), engine.begin() as connection:
            connection.execute(text(statement))
    finally:
        engine.dispose()
    assert trail.audit.verify() is None


def test_audit_checkpoint_and_verify_on_the_command_line(
    trail: Container,
    sealed: Settings,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    checkpoints = tmp_path / "checkpoints.jsonl"
    assert cli(sealed, monkeypatch, "checkpoint", "--output", str(checkpoints)) == 0
    principal(trail, "Carol", Role.SUBMITTER)
    assert cli(sealed, monkeypatch, "checkpoint", "--output", str(checkpoints)) == 0
    assert [parse_checkpoint(line).seq for line in checkpoints.read_text().splitlines()] == [7, 8]
    capsys.readouterr()
    assert cli(sealed, monkeypatch, "verify", "--checkpoint", str(checkpoints)) == 0
    out = capsys.readouterr().out
    assert "intact: 8 events; sealed from event 1 on (MACs checked)" in out
    assert "matches 2 checkpoints" in out
    eighth = stored_events(sealed)[6]
    as_attacker(
        sealed,
        ("DELETE FROM audit_events WHERE seq = 8", {}),
        ("UPDATE audit_head SET seq = 7, hash = :hash", {"hash": eighth.hash}),
    )
    assert cli(sealed, monkeypatch, "verify") == 0
    assert cli(sealed, monkeypatch, "verify", "--checkpoint", str(checkpoints)) == 65
    assert "event 8: missing" in capsys.readouterr().err


def test_audit_checkpoint_without_a_key_is_a_configuration_error(
    database: Settings, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("ART52_AUDIT_KEY", raising=False)
    capsys.readouterr()
    assert cli(database, monkeypatch, "checkpoint") == 78
    assert "no audit key is configured" in capsys.readouterr().err


def test_events_stored_before_the_migration_verify_and_sealing_starts_after_them(
    unmigrated: Settings, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    store_unsealed_events_at_revision_0001(unmigrated, count=3)
    settings = keyed(unmigrated)
    migrate(settings)
    container = build_container(settings)
    try:
        assert container.audit.verify() is None
        principal(container, "Alice", Role.SUBMITTER)
        assert container.audit.verify() is None
        assert container.audit.head().mac_from == 4
        assert [e.mac is not None for e in stored_events(settings)] == [False, False, False, True]
        capsys.readouterr()
        assert cli(settings, monkeypatch, "verify") == 0
        assert "intact: 4 events; sealed from event 4 on (MACs checked)" in capsys.readouterr().out
        # The unsealed events are bound by the first seal: rewriting them and every hash after is caught.
        rewrite_from(settings, 2)
        seq, reason = problem_of(container)
        assert seq == 4
        assert "MAC does not match" in reason
    finally:
        container.close()


def store_unsealed_events_at_revision_0001(settings: Settings, count: int) -> None:
    """A database as the previous release left it: the first schema, and a chain without seals."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    engine = engine_of(settings)
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "0001")
            head = ChainHead(0, GENESIS_HASH)
            for n in range(count):
                new = NewEvent("token.created", "cli", "ministry", f"t{n}", {"name": f"Official {n}"})
                event = chain(head, new, dt.datetime(2026, 1, 1, 12, n, tzinfo=dt.UTC))
                columns = {n: v for n, v in event.__dict__.items() if n not in {"mac", "mac_key", "data"}}
                connection.execute(insert(tables.audit_events).values(**columns, data=json.dumps(event.data)))
                head = ChainHead(event.seq, event.hash)
            connection.execute(text("UPDATE audit_head SET seq = :seq, hash = :hash"), head.__dict__)
    finally:
        engine.dispose()


def test_a_server_without_the_key_is_not_ready_on_a_sealed_trail(trail: Container, sealed: Settings) -> None:
    keyless = build_container(sealed.model_copy(update={"audit_key": None}))
    try:
        report = keyless.readiness.check()
    finally:
        keyless.close()
    assert not report.ready
    assert report.checks["database"].startswith("the audit trail is sealed from event 1 on")
    assert trail.readiness.check().ready


@pytest.mark.parametrize(
    ("content", "code", "message"),
    [
        (None, 66, "no checkpoint file"),
        ("", 66, "holds no checkpoint"),
        ('{"seq": 1}\n', 65, ":1: not a checkpoint: a checkpoint is an object with exactly the fields"),
    ],
)
def test_audit_verify_names_an_unusable_checkpoint_file(
    trail: Container,
    sealed: Settings,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    content: str | None,
    code: int,
    message: str,
) -> None:
    checkpoints = tmp_path / "checkpoints.jsonl"
    if content is not None:
        checkpoints.write_text(content)
    capsys.readouterr()
    assert cli(sealed, monkeypatch, "verify", "--checkpoint", str(checkpoints)) == code
    assert message in capsys.readouterr().err
