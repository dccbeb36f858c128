"""``art52 rules coverage``: which scenarios exercise which rules, and which sources.

The logic lives in :mod:`art52.rulebook.coverage`; this module only reads the
inputs and prints. Exit codes: 0 (report printed), 1 with ``--strict`` when a
rule has no scenario, a tag names no rule or a scenario name repeats, 65 when a
feature file cannot be read or is not valid Gherkin, 66 when the features
directory is missing, 78 when the rulebook is invalid.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from art52.cli import EX_DATAERR, EX_NOINPUT, EX_USAGE, CliError
from art52.cli.app import RulesDir, rules_app
from art52.config import Settings
from art52.rulebook.coverage import CoverageReport, coverage_report, report_to_data
from art52.rulebook.scenarios import FeatureParseError, ScenarioRef, parse_features

FeaturesDir = Annotated[
    Path | None, typer.Option("--features", help="Feature files directory (default: the shipped features/).")
]


@rules_app.command("coverage")
def rules_coverage(
    rules: RulesDir = None,
    features: FeaturesDir = None,
    output_format: Annotated[str, typer.Option("--format", help="text or json.")] = "text",
    strict: Annotated[
        bool,
        typer.Option(
            "--strict",
            help="Exit 1 unless every rule has a scenario, every tag names a rule and scenario names are unique.",
        ),
    ] = False,
) -> None:
    """Show rule → scenarios, source → rules → scenarios, and a coverage summary."""
    from art52.rulebook.loader import load_rulebook

    if output_format not in ("text", "json"):
        raise CliError(EX_USAGE, "--format must be text or json")
    directory = features if features is not None else Settings().features_dir
    if not directory.is_dir():
        raise CliError(EX_NOINPUT, f"{directory}: no such features directory")
    book = load_rulebook(rules if rules is not None else Settings().rules_dir)
    try:
        suite = parse_features(directory)
    except FeatureParseError as error:
        raise CliError(EX_DATAERR, str(error)) from None
    report = coverage_report(book, suite)
    if output_format == "json":
        typer.echo(json.dumps(report_to_data(report), indent=2, ensure_ascii=False))
    else:
        typer.echo(render_text(report))
    if strict and not report.complete:
        raise typer.Exit(1)


def render_text(report: CoverageReport) -> str:
    """The report as plain text: two tables and a summary line."""
    lines = ["Rules and the scenarios that exercise them", ""]
    for rule in report.rules:
        count = f"{len(rule.scenarios)} scenario{'s' if len(rule.scenarios) != 1 else ''}"
        lines.append(f"{rule.rule_id}  {rule.title}  [{rule.family}]  {count if rule.covered else 'NO SCENARIO'}")
        lines.extend(f"    {_scenario(s)}" for s in rule.scenarios)
    lines += ["", "Legal sources, the rules citing them, and the scenarios exercising those rules", ""]
    for source in report.sources:
        header = ", ".join(str(part) for part in (source.identifier, source.date) if part)
        status = "exercised" if source.exercised else ("NOT EXERCISED" if source.cited else "cited by no rule")
        lines.append(f"{source.source_id}  {source.short}{f' ({header})' if header else ''}  {status}")
        for citing in source.citing:
            mark = "verified" if citing.verified else "unverified"
            scenarios = len(citing.scenarios)
            lines.append(f"    {citing.rule_id} v{citing.version}  {citing.pinpoint}  [{mark}]  {scenarios} scenarios")
        lines.extend(f"        {_scenario(s)}" for s in source.scenarios)
    if report.unknown_tags:
        lines += ["", "Tags that name no rule"]
        lines.extend(f"    {tag}" for tag in report.unknown_tags)
    if report.duplicate_scenarios:
        lines += ["", "Scenario names repeated within a feature file (pytest-bdd runs only one of them)"]
        lines.extend(f"    {_scenario(s)}" for s in report.duplicate_scenarios)
    if report.uncovered:
        lines += ["", f"Rules without a scenario: {', '.join(report.uncovered)}"]
    lines += ["", f"Summary: {report.summary.line()}"]
    return "\n".join(lines)


def _scenario(scenario: ScenarioRef) -> str:
    return f"{scenario.feature}:{scenario.line}  {scenario.name}"
