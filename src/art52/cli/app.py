"""The typer application of the ``art52`` command: every command, their help and their usage errors.

Imported for every command line but a plain ``art52 assess`` (see
:mod:`art52.cli.assess_options`). Commands live in modules registered on demand
(``COMMAND_MODULES``), so a command never imports what only the server needs.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from art52.cli import Options, parse_date
from art52.cli.assess_options import option
from art52.cli.exits import EX_CONFIG, EX_SOFTWARE, EX_USAGE, CliError
from art52.errors import RulebookError

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="Art. 52(1) Charter assessments of security measures.",
)
rules_app = typer.Typer(no_args_is_help=True, help="Inspect and check the rulebook.")
app.add_typer(rules_app, name="rules")


@app.callback()
def _global(
    debug: Annotated[bool, typer.Option("--debug", help="Print the traceback of a failure.")] = False,
) -> None:
    Options.debug = debug


RulesDir = Annotated[Path | None, typer.Option("--rules", help=option("--rules").help)]


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


COMMAND_MODULES: tuple[str, ...] = ("assess_command", "coverage", "diff", "handbook", "interview", "jobs", "service")
"""Modules under art52.cli that add commands to ``app`` or ``rules_app``."""

_NEEDED_BY = {"assess": ("assess_command",), "schema": ()}
"""The commands that need fewer than all modules; any other loads them all."""


def _register_command_modules(argv: list[str]) -> None:
    """Import the command modules the command line needs (all of them for help or an unknown command)."""
    import importlib

    command = next((arg for arg in argv if not arg.startswith("-")), "")
    for name in _NEEDED_BY.get(command, COMMAND_MODULES):
        importlib.import_module(f"art52.cli.{name}")


def run_app(args: list[str]) -> int:
    """Run the command line with typer; its exit code (exceptions other than click's propagate)."""
    _register_command_modules(args)
    try:
        code = app(args=args, prog_name="art52", standalone_mode=False)
    except typer.Exit as done:
        return done.exit_code
    except SystemExit as stop:
        if stop.code == 1:  # click's own exit when stdout is a closed pipe; 1 would read as a verdict
            raise BrokenPipeError from None
        return stop.code if isinstance(stop.code, int) else EX_SOFTWARE
    return code if isinstance(code, int) else 0
