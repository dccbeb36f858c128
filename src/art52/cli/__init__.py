"""The ``art52`` command.

Exit codes of ``assess``: 0 compliant, 1 not compliant or compliant only with
conditions, 2 insufficient information. Errors use the sysexits range: 64
usage, 65 invalid measure, 66 file not found, 70 engine failure, 78 invalid
rulebook.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
import yaml
from typer.exceptions import TyperException

from art52.config import Settings
from art52.domain.principles import Verdict
from art52.errors import EngineError, MeasureError, NotFoundError, RulebookError

EX_USAGE, EX_DATAERR, EX_NOINPUT, EX_SOFTWARE, EX_CONFIG = 64, 65, 66, 70, 78
VERDICT_EXIT = {
    Verdict.COMPLIANT: 0,
    Verdict.COMPLIANT_WITH_CONDITIONS: 1,
    Verdict.NON_COMPLIANT: 1,
    Verdict.INSUFFICIENT_INFORMATION: 2,
}

app = typer.Typer(
    add_completion=False, no_args_is_help=True, help="Art. 52(1) Charter assessments of security measures."
)
rules_app = typer.Typer(no_args_is_help=True, help="Inspect and check the rulebook.")
app.add_typer(rules_app, name="rules")


class CliError(Exception):
    """A failure with its exit code and message for stderr."""

    def __init__(self, code: int, message: str) -> None:
        super().__init__(message)
        self.code = code


def _settings(rules_dir: Path | None, engine: str | None) -> Settings:
    overrides: dict[str, Any] = {}
    if rules_dir is not None:
        overrides["rules_dir"] = rules_dir
    if engine is not None:
        overrides["engine"] = engine
    return Settings(**overrides)


RulesDir = Annotated[Path | None, typer.Option("--rules", help="Rules directory (default: the shipped rulebook).")]


def read_document(path: Path) -> Any:
    """Read a measure from JSON or YAML."""
    if not path.is_file():
        raise CliError(EX_NOINPUT, f"{path}: no such file")
    text = path.read_text(encoding="utf-8")
    try:
        if path.suffix.lower() in (".yaml", ".yml"):
            return yaml.safe_load(text)
        return json.loads(text)
    except (json.JSONDecodeError, yaml.YAMLError) as error:
        raise CliError(
            EX_DATAERR, f"{path}: not valid {'YAML' if path.suffix in ('.yaml', '.yml') else 'JSON'}: {error}"
        ) from None


@app.command()
def assess(
    file: Annotated[Path, typer.Argument(help="Measure document (JSON or YAML).")],
    as_of: Annotated[str | None, typer.Option("--as-of", help="Legal date YYYY-MM-DD.")] = None,
    output_format: Annotated[str, typer.Option("--format", help="json or md.")] = "json",
    rules: RulesDir = None,
    engine: Annotated[str | None, typer.Option(help="durable or reference (default: ART52_ENGINE or durable).")] = None,
) -> None:
    """Assess a measure and print the reasoned assessment."""
    from art52.bootstrap import build_assessor
    from art52.report.markdown import render_markdown

    if output_format not in ("json", "md"):
        raise CliError(EX_USAGE, "--format must be json or md")
    try:
        legal_date = dt.date.fromisoformat(as_of) if as_of else None
    except ValueError:
        raise CliError(EX_USAGE, f"--as-of must be a date YYYY-MM-DD, not {as_of!r}") from None
    document = read_document(file)
    assessor = build_assessor(_settings(rules, engine))
    assessment = assessor.assess(document, as_of=legal_date)
    typer.echo(assessment.to_json() if output_format == "json" else render_markdown(assessment))
    raise typer.Exit(VERDICT_EXIT[assessment.verdict])


@rules_app.command("list")
def rules_list(
    rules: RulesDir = None,
    on: Annotated[str | None, typer.Option("--on", help="Only rules in force on this date.")] = None,
) -> None:
    """List rule versions: id, version, principle, status, dates, title."""
    from art52.bootstrap import rulebook_from

    book = rulebook_from(_settings(rules, None).rules_dir)
    selected = book.in_force(dt.date.fromisoformat(on)) if on else sorted(book.rules, key=lambda r: (r.id, r.version))
    for rule in selected:
        spec = rule.spec
        dates = f"{spec.valid_from or '…'}..{spec.valid_to or '…'}"
        typer.echo(f"{rule.id}\tv{rule.version}\t{spec.principle.value}\t{spec.status}\t{dates}\t{spec.title}")
    typer.echo(f"# {len(selected)} rule versions; rulebook {book.version}")


@rules_app.command("show")
def rules_show(rule_id: str, rules: RulesDir = None) -> None:
    """Show every version of a rule with its conditions and sources."""
    from art52.bootstrap import rulebook_from
    from art52.report.markdown import cite
    from art52.rulebook.conditions import to_data

    book = rulebook_from(_settings(rules, None).rules_dir)
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
    from art52.rulebook.loader import load_rulebook
    from art52.rulebook.static_checks import static_issues

    book = load_rulebook(_settings(rules, None).rules_dir)
    issues = static_issues(book)
    if issues:
        raise RulebookError(issues)  # printed by main(), exit code EX_CONFIG
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


def _register_command_modules() -> None:
    """Import the modules that add further commands to ``app`` / ``rules_app``."""
    import importlib

    for name in COMMAND_MODULES:
        importlib.import_module(f"art52.cli.{name}")


COMMAND_MODULES: tuple[str, ...] = ("coverage", "service")


def main(argv: list[str] | None = None) -> int:
    """Entry point; returns the exit code instead of letting click pick one."""
    _register_command_modules()
    try:
        code = app(args=argv, prog_name="art52", standalone_mode=False)
    except typer.Exit as done:
        return done.exit_code
    except typer.Abort:
        return EX_USAGE
    except TyperException as error:
        # Usage errors (missing argument, unknown command, bad option value).
        show = getattr(error, "show", None)
        if callable(show):
            show(file=sys.stderr)
        else:
            typer.echo(f"art52: {error}", err=True)
        return EX_USAGE
    except CliError as failure:
        typer.echo(f"art52: {failure}", err=True)
        return failure.code
    except MeasureError as error:
        typer.echo("art52: the measure is not valid under the measure contract:", err=True)
        for issue in error.issues:
            typer.echo(f"  {issue.path or '/'}: {issue.message}", err=True)
        return EX_DATAERR
    except RulebookError as error:
        typer.echo(f"art52: the rulebook is invalid ({len(error.issues)} issues):", err=True)
        for rule_issue in error.issues:
            typer.echo(f"  {rule_issue}", err=True)
        return EX_CONFIG
    except NotFoundError as error:
        typer.echo(f"art52: {error}", err=True)
        return EX_NOINPUT
    except EngineError as error:
        typer.echo(f"art52: engine failure: {error}", err=True)
        return EX_SOFTWARE
    return code if isinstance(code, int) else 0


if __name__ == "__main__":
    raise SystemExit(main())
