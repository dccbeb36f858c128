"""Service commands: ``serve``, ``tokens create|list|revoke``, ``audit verify|checkpoint``, ``deadlines check``.

The database is the one named by ART52_DATABASE_URL (default: an SQLite file
in the working directory); every message names it (password hidden), so a
token is never created in another database than the server's. ``serve``
applies pending migrations first; the HTTP application is handed to uvicorn by
its import string (``--workers N`` starts N processes, each building its own
engine through the factory), so this layer never imports the HTTP layer.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from art52.cli import EX_CONFIG, EX_DATAERR, EX_IOERR, EX_NOINPUT, EX_USAGE, CliError
from art52.cli.app import app
from art52.config import Settings
from art52.domain.access import Role, under_four_eyes
from art52.domain.audit import ChainProblem
from art52.domain.audit_checkpoint import Checkpoint, parse_checkpoint
from art52.errors import ConfigurationError, RequestError, UnavailableError

if TYPE_CHECKING:
    from art52.bootstrap import Container

EX_UNAVAILABLE = 69

tokens_app = typer.Typer(no_args_is_help=True, help="Create, list and revoke bearer tokens.")
audit_app = typer.Typer(no_args_is_help=True, help="Check the audit trail and export signed checkpoints of it.")
app.add_typer(tokens_app, name="tokens")
app.add_typer(audit_app, name="audit")
deadlines_app = typer.Typer(no_args_is_help=True, help="Deadline reminders for orders notified to the enforcing side.")
app.add_typer(deadlines_app, name="deadlines")

FIRST_START = """\
art52: no API token exists yet, so nobody can call the API. Create the first one in this
database ({database}) with

    {environment} {program} tokens create --org YOUR-ORGANISATION --role rule_admin --name "Your Name"

and tokens for officials with --role submitter or reviewer (each with --subject, a stable id
of the person, such as a staff number) or auditor.{password} A token is shown
once; keep it secret. There is no default password.
"""

PASSWORD_NOTE = " Put the database password in place of ***."


def first_start_hint(settings: Settings) -> str:
    """How to create the first token in the database this server uses, from any directory."""
    from art52.bootstrap import database_environment, database_has_password, describe_database

    return FIRST_START.format(
        database=describe_database(settings),
        environment=database_environment(settings),
        program=_program(),
        password=PASSWORD_NOTE if database_has_password(settings) else "",
    )


def _program() -> str:
    """How the user invoked art52 (e.g. .venv/bin/art52 under `make run`), to quote it back."""
    invoked = sys.argv[0]
    return invoked if Path(invoked).name == "art52" else "art52"


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.", min=1, max=65535)] = 8000,
    workers: Annotated[
        int, typer.Option(help="Worker processes; each builds its own engine from the environment.", min=1)
    ] = 1,
    header_timeout: Annotated[
        float | None,
        typer.Option(
            help="Seconds a client has to send a request's headers (default 10; ART52_HEADER_TIMEOUT).", min=0.1
        ),
    ] = None,
    body_timeout: Annotated[
        float | None,
        typer.Option(help="Seconds a client has to send a request's body (default 30; ART52_BODY_TIMEOUT).", min=0.1),
    ] = None,
    keep_alive_timeout: Annotated[
        float | None,
        typer.Option(help="Seconds an idle connection is kept open (default 5; ART52_KEEP_ALIVE_TIMEOUT).", min=0.1),
    ] = None,
    max_connections: Annotated[
        int | None,
        typer.Option(help="Open connections per worker; beyond it requests get 503 (default 200).", min=1),
    ] = None,
) -> None:
    """Apply pending database migrations, then serve the HTTP API.

    Slow clients cannot hold the server: headers and body each have a deadline (408, then the
    connection is closed), idle connections close after the keep-alive timeout, and each worker
    keeps at most --max-connections connections.
    """
    import uvicorn

    from art52.bootstrap import build_container, describe_database
    from art52.cli.slow_clients import BODY_TIMEOUT_VARIABLE, HEADER_TIMEOUT_VARIABLE

    settings = _with_limits(Settings(), header_timeout, body_timeout, keep_alive_timeout, max_connections)
    _migrate(settings)
    container = build_container(settings)
    try:
        if not container.tokens.any_active():
            typer.echo(first_start_hint(settings), err=True)
    finally:
        container.close()
    processes = f", {workers} worker processes" if workers > 1 else ""
    typer.echo(f"art52: serving on http://{host}:{port} (database {describe_database(settings)}{processes})", err=True)
    # The protocol reads its deadlines in each worker, where uvicorn builds it.
    os.environ[HEADER_TIMEOUT_VARIABLE] = str(settings.header_timeout)
    os.environ[BODY_TIMEOUT_VARIABLE] = str(settings.body_timeout)
    uvicorn.run(
        "art52.api.app:create_app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        http="art52.cli.slow_clients:DeadlineH11Protocol",
        timeout_keep_alive=max(1, round(settings.keep_alive_timeout)),
        # uvicorn answers 503 once the open connections, the new request's own counted, reach the limit.
        limit_concurrency=settings.max_connections + 1,
        server_header=False,
    )


def _with_limits(
    settings: Settings, header: float | None, body: float | None, keep_alive: float | None, connections: int | None
) -> Settings:
    """The settings with the limits given on the command line in place of the environment's."""
    given = {
        "header_timeout": header,
        "body_timeout": body,
        "keep_alive_timeout": keep_alive,
        "max_connections": connections,
    }
    return settings.model_copy(update={name: value for name, value in given.items() if value is not None})


@tokens_app.command("create")
def tokens_create(
    org: Annotated[str, typer.Option("--org", help="Organisation the token holder belongs to.")],
    role: Annotated[Role, typer.Option("--role", help="submitter, reviewer, rule_admin or auditor.")],
    name: Annotated[str, typer.Option("--name", help="The person (or system) holding the token.")],
    subject: Annotated[
        str | None,
        typer.Option(
            "--subject",
            help="Stable id of the holder (e.g. a staff number), the same on all their tokens: the four-eyes "
            "rule tells people apart by it, never by name. Required for submitter and reviewer tokens; "
            "without one, a rule_admin or auditor token is a principal of its own.",
        ),
    ] = None,
) -> None:
    """Create a token and print it, alone, on stdout (it is not stored and cannot be shown again)."""
    from art52.bootstrap import build_container, describe_database

    if subject is None and under_four_eyes(role):
        raise CliError(
            EX_USAGE,
            f"--subject is required for a {role.value} token: the four-eyes rule tells people apart by it "
            "(give the same one, e.g. a staff number, on all of one person's tokens)",
        )
    settings = Settings()
    _migrate(settings)
    container = build_container(settings)
    try:
        token, secret = container.tokens.create(name, org, role, subject=subject)
    except RequestError as error:
        options = {"organisation": "--org", "name": "--name", "subject": "--subject"}
        raise CliError(
            EX_USAGE, "; ".join(f"{options.get(i.path, i.path)}: {i.message}" for i in error.issues)
        ) from None
    finally:
        container.close()
    typer.echo(
        f"art52: created token {token.id} for {token.name} ({token.role.value}, {token.organisation})"
        f" in the database {describe_database(settings)}",
        err=True,
    )
    typer.echo(secret)


def _migrated() -> Settings:
    """The settings, after checking the database carries every migration (these commands never migrate)."""
    from art52.bootstrap import describe_database, schema_is_current

    settings = Settings()
    try:
        current = schema_is_current(settings)
    except Exception as error:
        raise CliError(
            EX_UNAVAILABLE, f"cannot read the database {describe_database(settings)}: {type(error).__name__}"
        ) from error
    if not current:
        raise CliError(
            EX_UNAVAILABLE, f"the database {describe_database(settings)} is not migrated; run art52 serve first"
        )
    return settings


@tokens_app.command("list")
def tokens_list() -> None:
    """List tokens: id, organisation, role, name, subject, created, revoked (never the secrets)."""
    from art52.bootstrap import build_container

    container = build_container(_migrated())
    try:
        for token in container.tokens.list():
            revoked = token.revoked_at.isoformat() if token.revoked_at else "-"
            created = token.created_at.isoformat()
            subject = token.subject or "-"
            typer.echo(
                f"{token.id}\t{token.organisation}\t{token.role.value}\t{token.name}\t{subject}\t{created}\t{revoked}"
            )
    finally:
        container.close()


@tokens_app.command("revoke")
def tokens_revoke(token_id: Annotated[str, typer.Argument(help="Token id, as shown by tokens list.")]) -> None:
    """Revoke a token: it stops working at once."""
    from art52.bootstrap import build_container

    container = build_container(_migrated())
    try:
        token = container.tokens.revoke(token_id)
    finally:
        container.close()
    typer.echo(f"art52: token {token.id} ({token.name}) is revoked", err=True)


@deadlines_app.command("check")
def deadlines_check(
    at: Annotated[
        str | None,
        typer.Option("--at", help="Check as of this moment (YYYY-MM-DDThh:mm[:ss]Z; default: now)."),
    ] = None,
) -> None:
    """Record the reminders due: a review deadline 24 hours away, or passed without a decision (run it often)."""
    import datetime as dt

    from art52.bootstrap import build_container

    moment = None
    if at is not None:
        try:
            moment = dt.datetime.fromisoformat(at)
        except ValueError:
            raise CliError(EX_USAGE, f"--at must be a moment like 2026-09-10T09:00:00Z, not {at!r}") from None
        if moment.tzinfo is None:
            raise CliError(EX_USAGE, f"--at must name its time zone (end it with Z for UTC), not {at!r}")
    container = build_container(_migrated())
    try:
        reminders = container.deadlines.check(moment)
    finally:
        container.close()
    for reminder in reminders:
        typer.echo(
            f"{reminder.kind.value}\t{reminder.measure_id}\t{reminder.organisation}\t{reminder.deadline_at.isoformat()}"
        )
    typer.echo(f"art52: {len(reminders)} deadline reminders recorded", err=True)


@audit_app.command("verify")
def audit_verify(
    checkpoint: Annotated[
        Path | None,
        typer.Option(
            "--checkpoint",
            help="File of checkpoints written by `art52 audit checkpoint`; the chain must match every one.",
        ),
    ] = None,
) -> None:
    """Check the audit trail: hash chain, seals, checkpoints; exit 65 naming the first edited or missing event."""
    checkpoints = _read_checkpoints(checkpoint) if checkpoint is not None else []
    container = _audit_container()
    try:
        problem = container.audit.verify(checkpoints)
        head = container.audit.head()
        keyed = container.audit.keyed
    except (ConfigurationError, UnavailableError) as error:
        raise _audit_failure(error) from None
    finally:
        container.close()
    if problem is not None:
        raise CliError(EX_DATAERR, f"audit trail broken at {problem}")
    typer.echo(f"audit trail intact: {head.seq} events; {_sealing(head.mac_from, keyed)}")
    if checkpoint is not None:
        typer.echo(f"matches {len(checkpoints)} checkpoints in {checkpoint}")


@audit_app.command("checkpoint")
def audit_checkpoint(
    output: Annotated[
        Path | None,
        typer.Option("--output", help="Append the checkpoint to this file (default: print it on stdout)."),
    ] = None,
) -> None:
    """Verify the audit trail, then print (or append) a checkpoint of its head signed with the audit key.

    Run it periodically and keep the checkpoints where the database's users cannot rewrite them.
    """
    container = _audit_container()
    try:
        made = container.audit.checkpoint()
    except (ConfigurationError, UnavailableError) as error:
        raise _audit_failure(error) from None
    finally:
        container.close()
    if isinstance(made, ChainProblem):
        raise CliError(EX_DATAERR, f"no checkpoint written: audit trail broken at {made}")
    if output is None:
        typer.echo(made.line())
        return
    try:
        with output.open("a", encoding="utf-8") as file:
            file.write(made.line() + "\n")
    except OSError as error:
        raise CliError(EX_IOERR, f"cannot append to {output}: {error.strerror or type(error).__name__}") from None
    typer.echo(f"art52: checkpoint of event {made.seq} appended to {output}", err=True)


def _audit_container() -> Container:
    from art52.bootstrap import build_container

    try:
        return build_container(_migrated())
    except ConfigurationError as error:
        raise CliError(EX_CONFIG, str(error)) from None


def _audit_failure(error: ConfigurationError | UnavailableError) -> CliError:
    if isinstance(error, ConfigurationError):
        return CliError(EX_CONFIG, str(error))
    return CliError(EX_UNAVAILABLE, str(error))


def _sealing(mac_from: int | None, keyed: bool) -> str:
    if mac_from is None:
        return "no event is sealed yet" + ("" if keyed else " (no audit key is configured)")
    checked = "MACs checked" if keyed else "MACs present but NOT checked: no audit key is configured"
    return f"sealed from event {mac_from} on ({checked})"


def _read_checkpoints(path: Path) -> list[Checkpoint]:
    """Every checkpoint in ``path`` (one JSON line each); a one-line error naming the bad line otherwise."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise CliError(EX_NOINPUT, f"no checkpoint file {path}") from None
    except (OSError, UnicodeDecodeError) as error:
        raise CliError(EX_DATAERR, f"cannot read {path}: {type(error).__name__}") from None
    checkpoints = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            checkpoints.append(parse_checkpoint(line))
        except ValueError as error:
            raise CliError(EX_DATAERR, f"{path}:{number}: not a checkpoint: {error}") from None
    if not checkpoints:
        raise CliError(EX_NOINPUT, f"{path} holds no checkpoint")
    return checkpoints


def _migrate(settings: Settings) -> None:
    """Bring the database up to the newest migration, or stop with one line naming it."""
    from art52.bootstrap import describe_database, migrate

    try:
        migrate(settings)
    except Exception as error:
        raise CliError(
            EX_UNAVAILABLE, f"cannot migrate the database {describe_database(settings)}: {type(error).__name__}"
        ) from error
