"""The ``art52`` command.

Exit codes: 0 compliant, 1 not compliant or compliant only with conditions, 2
insufficient information (for a batch, the worst of its measures); failures use
the sysexits range (:mod:`art52.cli.exits`): 64 usage, 65 invalid input, 66 no
input, 69 database unavailable, 70 internal failure, 74 output error, 78 invalid
configuration or rulebook. A failure prints one line on stderr; ``--debug`` adds
the traceback.

Commands live in modules registered on demand (``COMMAND_MODULES``), so ``art52
assess`` never imports what only the server needs.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import sys
import traceback
from pathlib import Path
from typing import Annotated

import typer
from typer.exceptions import TyperException

from art52.cli.exits import (
    EX_CONFIG,
    EX_DATAERR,
    EX_INTERRUPTED,
    EX_IOERR,
    EX_NOINPUT,
    EX_SOFTWARE,
    EX_UNAVAILABLE,
    EX_USAGE,
    VERDICT_EXIT,
    CliError,
)
from art52.errors import DocumentError, EngineError, MeasureError, NotFoundError, RulebookError

__all__ = [
    "EX_CONFIG",
    "EX_DATAERR",
    "EX_INTERRUPTED",
    "EX_IOERR",
    "EX_NOINPUT",
    "EX_SOFTWARE",
    "EX_UNAVAILABLE",
    "EX_USAGE",
    "VERDICT_EXIT",
    "CliError",
    "RulesDir",
    "app",
    "main",
    "parse_date",
    "rules_app",
]

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="Art. 52(1) Charter assessments of security measures.",
)
rules_app = typer.Typer(no_args_is_help=True, help="Inspect and check the rulebook.")
app.add_typer(rules_app, name="rules")


class _Options:
    debug = False


@app.callback()
def _global(
    debug: Annotated[bool, typer.Option("--debug", help="Print the traceback of a failure.")] = False,
) -> None:
    _Options.debug = debug


RulesDir = Annotated[Path | None, typer.Option("--rules", help="Rules directory (default: the shipped rulebook).")]


def parse_date(option: str, value: str | None) -> dt.date | None:
    """A YYYY-MM-DD option value; a usage error naming the option otherwise."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise CliError(EX_USAGE, f"{option} must be a date YYYY-MM-DD, not {value!r}") from None


@rules_app.command("list")
def rules_list(
    rules: RulesDir = None,
    on: Annotated[str | None, typer.Option("--on", help="Only rules in force on this date.")] = None,
) -> None:
    """List rule versions: id, version, principle, status, dates, title."""
    from art52.bootstrap import rulebook_from
    from art52.cli.settings import settings_for

    day = parse_date("--on", on)
    book = rulebook_from(settings_for(rules).rules_dir)
    selected = book.in_force(day) if day else sorted(book.rules, key=lambda r: (r.id, r.version))
    for rule in selected:
        spec = rule.spec
        dates = f"{spec.valid_from or '…'}..{spec.valid_to or '…'}"
        typer.echo(f"{rule.id}\tv{rule.version}\t{spec.principle.value}\t{spec.status}\t{dates}\t{spec.title}")
    typer.echo(f"# {len(selected)} rule versions; rulebook {book.version}")


@rules_app.command("show")
def rules_show(rule_id: str, rules: RulesDir = None) -> None:
    """Show every version of a rule with its conditions and sources."""
    from art52.bootstrap import rulebook_from
    from art52.cli.settings import settings_for
    from art52.report.markdown import cite
    from art52.rulebook.conditions import to_data

    book = rulebook_from(settings_for(rules).rules_dir)
    for rule in book.versions(rule_id):
        spec = rule.spec
        typer.echo(f"{rule.id} v{rule.version} — {spec.title}")
        typer.echo(
            f"  principle: {spec.principle.value}; basis: {spec.basis.value}; status: {spec.status}; "
            f"family: {rule.family}"
        )
        typer.echo(f"  in force: {spec.valid_from or 'always'} .. {spec.valid_to or 'open'}")
        typer.echo(f"  applies to: {json.dumps(to_data(rule.scope))}")
        typer.echo(f"  when: {json.dumps(to_data(rule.condition))}")
        typer.echo(f"  then: {spec.then.effect.value} — {spec.then.explanation}")
        if rule.otherwise:
            typer.echo(f"  otherwise: {rule.otherwise.effect.value} — {rule.otherwise.explanation}")
        for citation in book.citations(rule):
            typer.echo(f"  source: {cite(citation)}")
        if spec.notes:
            typer.echo(f"  notes: {spec.notes.strip()}")
        typer.echo(f"  defined at: {rule.file}:{rule.line}")


@rules_app.command("check")
def rules_check(rules: RulesDir = None) -> None:
    """Validate the rulebook and run the static checks."""
    from art52.cli.settings import settings_for
    from art52.rulebook.loader import load_rulebook
    from art52.rulebook.static_checks import static_issues

    try:
        book = load_rulebook(settings_for(rules).rules_dir)
    except RulebookError as error:
        for issue in error.issues:  # the report of this command: every issue, one per line
            typer.echo(f"  {issue}", err=True)
        raise CliError(EX_CONFIG, f"the rulebook is invalid ({len(error.issues)} issues)") from None
    issues = static_issues(book)
    if issues:
        for issue in issues:  # the report of this command: every issue, one per line
            typer.echo(f"  {issue}", err=True)
        raise CliError(EX_CONFIG, f"the rulebook is invalid ({len(issues)} issues)")
    typer.echo(f"OK: {len(book.rules)} rule versions, {len(book.sources)} sources; rulebook {book.version}")


@app.command()
def schema(
    name: Annotated[str, typer.Argument(help="assessment (the published result contract) or measure.")],
) -> None:
    """Print a published JSON Schema."""
    from art52.domain.assessment import assessment_json_schema
    from art52.domain.measure import measure_json_schema

    schemas = {"assessment": assessment_json_schema, "measure": measure_json_schema}
    if name not in schemas:
        raise CliError(EX_USAGE, f"unknown schema {name!r} (use assessment or measure)")
    typer.echo(json.dumps(schemas[name](), indent=2, sort_keys=True))


COMMAND_MODULES: tuple[str, ...] = ("assess", "coverage", "handbook", "service", "jobs")
"""Modules under art52.cli that add commands to ``app`` or ``rules_app``."""

_NEEDED_BY = {"assess": ("assess",), "schema": ()}
"""The commands that need fewer than all modules (``assess`` must start fast); any other loads them all."""


def _register_command_modules(argv: list[str]) -> None:
    """Import the command modules the command line needs (all of them for help or an unknown command)."""
    import importlib

    command = next((arg for arg in argv if not arg.startswith("-")), "")
    for name in _NEEDED_BY.get(command, COMMAND_MODULES):
        importlib.import_module(f"art52.cli.{name}")


def main(argv: list[str] | None = None) -> int:
    """Entry point; returns the exit code instead of letting click pick one."""
    args = list(sys.argv[1:] if argv is None else argv)
    if "--debug" in args:  # accepted anywhere on the command line, not only before the command
        args = ["--debug", *(arg for arg in args if arg != "--debug")]
    _Options.debug = "--debug" in args
    try:
        _register_command_modules(args)
        code = app(args=args, prog_name="art52", standalone_mode=False)
    except typer.Exit as done:
        return done.exit_code
    except SystemExit as stop:
        if stop.code == 1:  # click's own exit when stdout is a closed pipe; 1 would read as a verdict
            return _fail(BrokenPipeError())
        return stop.code if isinstance(stop.code, int) else EX_SOFTWARE
    except Exception as error:
        return _fail(error)
    except KeyboardInterrupt:
        typer.echo("art52: interrupted", err=True)
        return EX_INTERRUPTED
    return code if isinstance(code, int) else 0


def _fail(error: Exception) -> int:
    """Print a failure as one line (and the traceback with --debug); its exit code."""
    code, message = _describe(error)
    if _Options.debug:
        traceback.print_exception(error, file=sys.stderr)
    with contextlib.suppress(OSError):  # stderr itself may be closed
        typer.echo(f"art52: {message}", err=True)
    return code


def _describe(error: Exception) -> tuple[int, str]:
    if isinstance(error, CliError):
        return error.code, str(error)
    if isinstance(error, typer.Abort):
        return EX_USAGE, "aborted"
    if isinstance(error, TyperException):  # a usage error: missing argument, unknown command or option
        format_message = getattr(error, "format_message", None)
        text = format_message() if callable(format_message) else str(error)
        return EX_USAGE, f"{text} (see art52 --help)"
    if isinstance(error, MeasureError):
        fields = "; ".join(f"{i.path or '/'}: {i.message}" for i in error.issues)
        return EX_DATAERR, f"the measure is not valid under the measure contract: {fields}"
    if isinstance(error, DocumentError):
        return EX_DATAERR, str(error)
    if isinstance(error, RulebookError):
        shown = "; ".join(str(issue) for issue in error.issues[:3])
        more = f" (and {len(error.issues) - 3} more; run art52 rules check)" if len(error.issues) > 3 else ""
        return EX_CONFIG, f"the rulebook is invalid ({len(error.issues)} issues): {shown}{more}"
    if isinstance(error, NotFoundError):
        return EX_NOINPUT, str(error)
    if isinstance(error, EngineError):
        return EX_SOFTWARE, f"engine failure: {error}"
    if isinstance(error, BrokenPipeError):
        return EX_IOERR, "the output was closed before everything was written"
    return EX_SOFTWARE, f"internal error: {type(error).__name__}: {error} (run with --debug for the traceback)"


if __name__ == "__main__":
    raise SystemExit(main())
