"""``art52 diff``: what changes between two measures, or one measure on two legal dates.

Exit codes as for diff(1): 0 nothing changed, 1 something changed; failures 64+.
"""

from __future__ import annotations

from typing import Annotated

import typer

from art52.cli import parse_date
from art52.cli.app import RulesDir, app
from art52.cli.exits import EX_USAGE, CliError
from art52.cli.inputs import read_inputs

DIFF_FORMATS = ("summary", "md", "json")


@app.command()
def diff(
    old: Annotated[str, typer.Argument(help="The measure before the change (JSON or YAML file, or -).")],
    new: Annotated[
        str | None, typer.Argument(help="The measure after the change; omit it to compare OLD on two --as-of dates.")
    ] = None,
    as_of: Annotated[
        list[str] | None,
        typer.Option("--as-of", help="Legal date YYYY-MM-DD; give it twice for the old and the new side."),
    ] = None,
    output_format: Annotated[
        str, typer.Option("--format", help="summary (one line), md (Markdown) or json.")
    ] = "summary",
    rules: RulesDir = None,
    engine: Annotated[str | None, typer.Option(help="durable or reference (default: ART52_ENGINE or durable).")] = None,
) -> None:
    """Show what changes: verdict, principles, findings added/removed/changed, questions opened/closed."""
    from art52.bootstrap import build_assessor
    from art52.cli.settings import settings_for
    from art52.reasoning.diff import diff_assessments
    from art52.report.diff import diff_markdown, diff_summary

    if output_format not in DIFF_FORMATS:
        raise CliError(EX_USAGE, "--format must be summary, md or json")
    dates = [parse_date("--as-of", value) for value in as_of or []]
    if len(dates) > 2:
        raise CliError(EX_USAGE, "--as-of is given once (both sides) or twice (old, then new)")
    if new is None and len(dates) != 2:
        raise CliError(EX_USAGE, "with one measure, give two --as-of dates to compare")
    old_date, new_date = (dates * 2)[:2] if dates else (None, None)
    documents = []
    for name in (old, new or old):
        items = read_inputs([name])
        if len(items) != 1:
            raise CliError(EX_USAGE, f"{name} holds {len(items)} measures; diff compares one with one")
        if items[0].broken:
            raise CliError(items[0].code, items[0].error or f"cannot read {name}")
        documents.append(items[0].document)
    assessor = build_assessor(settings_for(rules, engine))
    result = diff_assessments(
        assessor.assess(documents[0], as_of=old_date), assessor.assess(documents[1], as_of=new_date)
    )
    if output_format == "json":
        typer.echo(result.to_json())
    elif output_format == "md":
        typer.echo(diff_markdown(result), nl=False)
    else:
        typer.echo(diff_summary(result))
    raise typer.Exit(1 if result.changed else 0)
