"""The service commands: serve, tokens and audit verify, on a database of their own."""

from __future__ import annotations

import shlex
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from service_databases import BACKENDS, postgres_schema

from art52.bootstrap import build_container, schema_is_current
from art52.cli import main
from art52.cli.service import first_start_hint
from art52.config import Settings

DATABASE_VARIABLES = ("ART52_DATABASE_URL", "ART52_DATABASE_SCHEMA")


@pytest.fixture
def database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Settings:
    """An empty SQLite database selected through the environment, as an operator would."""
    monkeypatch.setenv("ART52_DATABASE_URL", f"sqlite:///{tmp_path / 'service.db'}")
    monkeypatch.setenv("ART52_ENGINE", "reference")
    return Settings()


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_tokens_create_prints_the_token_alone_and_it_authenticates(
    database: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(
        capsys, "tokens", "create", "--org", "ministry", "--role", "reviewer", "--name", "Bob", "--subject", "emp-2"
    )
    assert code == 0
    secret = out.removesuffix("\n")
    assert "\n" not in secret
    assert secret.startswith("art52_")
    assert len(secret) > 40
    assert "created token" in err
    assert secret not in err
    container = build_container(database)
    try:
        principal = container.tokens.authenticate(secret)
    finally:
        container.close()
    assert (principal.name, principal.organisation, principal.role.value) == ("Bob", "ministry", "reviewer")
    assert principal.identity == "emp-2"


@pytest.mark.parametrize("role", ["submitter", "reviewer"])
def test_tokens_of_the_reviewing_roles_need_a_subject(
    database: Settings, capsys: pytest.CaptureFixture[str], role: str
) -> None:
    code, out, err = run(capsys, "tokens", "create", "--org", "ministry", "--role", role, "--name", "Bob")
    assert (code, out) == (64, "")
    assert err.count("\n") == 1
    assert f"--subject is required for a {role} token" in err
    assert run(capsys, "tokens", "list")[1] == ""  # nothing was created


@pytest.mark.parametrize("role", ["rule_admin", "auditor"])
def test_tokens_outside_the_review_need_no_subject(
    database: Settings, capsys: pytest.CaptureFixture[str], role: str
) -> None:
    code, out, _ = run(capsys, "tokens", "create", "--org", "ministry", "--role", role, "--name", "Ada")
    assert code == 0
    assert out.startswith("art52_")


def test_tokens_create_refuses_a_bad_organisation_or_role(
    database: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "tokens", "create", "--org", "bad org!", "--role", "auditor", "--name", "Bob")
    assert (code, out) == (64, "")
    assert "--org" in err
    code, out, _ = run(capsys, "tokens", "create", "--org", "ministry", "--role", "king", "--name", "Bob")
    assert (code, out) == (64, "")


def test_tokens_list_and_revoke(database: Settings, capsys: pytest.CaptureFixture[str]) -> None:
    _, secret, _ = run(capsys, "tokens", "create", "--org", "ministry", "--role", "auditor", "--name", "Audrey")
    code, out, _ = run(capsys, "tokens", "list")
    assert code == 0
    assert "Audrey" in out
    assert secret.strip() not in out
    token_id = out.split("\t")[0]
    assert run(capsys, "tokens", "revoke", token_id)[0] == 0
    assert run(capsys, "tokens", "list")[1].rstrip().split("\t")[-1] != "-"


def test_audit_verify_on_an_unmigrated_database_says_so(database: Settings, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "audit", "verify")
    assert code == 69
    assert "not migrated" in err


def test_serve_migrates_then_hands_the_app_factory_to_uvicorn(
    database: Settings, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import uvicorn

    calls: list[tuple[tuple[Any, ...], dict[str, Any]]] = []
    monkeypatch.setattr(uvicorn, "run", lambda *a, **k: calls.append((a, k)))
    code, out, err = run(capsys, "serve", "--host", "0.0.0.0", "--port", "9000")
    assert code == 0
    assert out == ""
    assert schema_is_current(database)
    assert calls == [
        (
            ("art52.api.app:create_app",),
            {
                "factory": True,
                "host": "0.0.0.0",
                "port": 9000,
                "workers": 1,
                "http": "art52.cli.slow_clients:DeadlineH11Protocol",
                "timeout_keep_alive": 5,
                "limit_concurrency": 201,  # 200 connections served, the 201st answered 503
                "server_header": False,
            },
        )
    ]
    assert f"ART52_DATABASE_URL=sqlite:///{database.database_url.removeprefix('sqlite:///')} art52 tokens create" in err
    assert "no default password" in err.replace("\n", " ")
    run(capsys, "tokens", "create", "--org", "ministry", "--role", "rule_admin", "--name", "Ada")
    _, _, err = run(capsys, "serve")
    assert "no API token exists" not in err
    assert calls[-1][1]["port"] == 8000


def test_serve_reports_an_unreachable_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("ART52_DATABASE_URL", f"sqlite:///{tmp_path}/no/such/dir/x.db")
    code, _, err = run(capsys, "serve")
    assert code == 69
    assert "cannot migrate the database" in err


def test_serve_passes_the_number_of_workers_to_uvicorn(
    database: Settings, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import uvicorn

    calls: list[dict[str, Any]] = []
    monkeypatch.setattr(uvicorn, "run", lambda *_a, **k: calls.append(k))
    code, _, err = run(capsys, "serve", "--workers", "3")
    assert code == 0
    assert calls[0]["workers"] == 3
    assert "3 worker processes" in err
    code, _, err = run(capsys, "serve", "--workers", "0")
    assert code >= 64
    assert len(calls) == 1


def test_tokens_create_names_the_database_it_wrote_to(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("ART52_DATABASE_URL", "sqlite:///relative.db")
    code, _, err = run(capsys, "tokens", "create", "--org", "ministry", "--role", "auditor", "--name", "Bob")
    assert code == 0
    assert f"in the database sqlite:///{tmp_path / 'relative.db'}\n" in err


def test_messages_hide_the_database_password() -> None:
    settings = Settings(database_url="postgresql+psycopg://alice:s3cret@db.internal:5432/art52", database_schema="prod")
    hint = first_start_hint(settings)
    assert "s3cret" not in hint
    command = next(line for line in hint.splitlines() if "tokens create" in line)
    assert shlex.split(command)[:2] == [
        "ART52_DATABASE_URL=postgresql+psycopg://alice:***@db.internal:5432/art52",
        "ART52_DATABASE_SCHEMA=prod",
    ]
    assert "password in place of ***" in hint


@pytest.fixture(params=BACKENDS)
def server_database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[dict[str, str]]:
    """The environment selecting an empty database of each kind (SQLite by a relative path)."""
    if request.param == "sqlite":
        yield {"ART52_DATABASE_URL": "sqlite:///art52.db"}
        return
    with postgres_schema() as (url, schema):
        yield {"ART52_DATABASE_URL": url, "ART52_DATABASE_SCHEMA": schema}


def test_following_the_first_start_hint_creates_the_token_in_the_servers_database(
    server_database: dict[str, str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    import uvicorn

    monkeypatch.setattr(uvicorn, "run", lambda *_a, **_k: None)
    monkeypatch.setenv("ART52_ENGINE", "reference")
    (tmp_path / "server").mkdir()
    (tmp_path / "elsewhere").mkdir()
    monkeypatch.chdir(tmp_path / "server")
    for name, value in server_database.items():
        monkeypatch.setenv(name, value)
    _, _, err = run(capsys, "serve")
    command = shlex.split(next(line for line in err.splitlines() if "tokens create" in line))
    environment = dict(word.split("=", 1) for word in command if word.startswith("ART52_"))
    assert set(environment) == set(server_database)

    # Another terminal: another directory, only the environment the hint gave.
    for name in DATABASE_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path / "elsewhere")
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    code, _, created = run(capsys, "tokens", "create", "--org", "ministry", "--role", "rule_admin", "--name", "Ada")
    assert code == 0
    assert list((tmp_path / "elsewhere").iterdir()) == []
    assert f"in the database {environment['ART52_DATABASE_URL']}" in created

    monkeypatch.chdir(tmp_path / "server")
    for name, value in server_database.items():
        monkeypatch.setenv(name, value)
    _, _, err = run(capsys, "serve")
    assert "no API token exists" not in err


def test_tokens_carry_the_subject_they_are_created_with(database: Settings, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, _ = run(
        capsys,
        "tokens",
        "create",
        "--org",
        "ministry",
        "--role",
        "reviewer",
        "--name",
        "Anna Berg",
        "--subject",
        "emp-1042",
    )
    assert code == 0
    listed = run(capsys, "tokens", "list")[1].strip().split("\t")
    assert listed[3:5] == ["Anna Berg", "emp-1042"]
    code, out, err = run(
        capsys,
        "tokens",
        "create",
        "--org",
        "ministry",
        "--role",
        "reviewer",
        "--name",
        "Anna",
        "--subject",
        "Аnna berg",
    )
    assert (code, out) == (64, "")
    assert "--subject" in err
