"""``art52 impact`` (what a candidate rulebook would change) and ``art52 worker`` (run queued jobs).

``impact`` loads the candidate into the configured database, starts an
analysis and waits for it: in this process on SQLite, on the workers sharing
the database on PostgreSQL. Exit code 0 when no measure changes, 1 when some
do (so a pipeline can stop on it), 64 and above for failures.
"""

from __future__ import annotations

import json
import logging
import sys
import time
from pathlib import Path
from typing import Annotated

import typer

from art52.cli import EX_USAGE, CliError, parse_date
from art52.cli.app import app
from art52.cli.service import _migrate
from art52.config import Settings
from art52.domain.records import MeasureFilter
from art52.domain.workflow import Status

POLL_SECONDS = 0.5


@app.command()
def impact(
    rules: Annotated[
        Path | None, typer.Option("--rules", help="Directory of the candidate rulebook (its *.yaml and law/).")
    ] = None,
    git_ref: Annotated[
        str | None, typer.Option("--git-ref", help="Take the candidate from rules/ at this git ref instead.")
    ] = None,
    repository: Annotated[Path, typer.Option("--repository", help="Git repository for --git-ref.")] = Path("."),
    as_of: Annotated[
        str | None,
        typer.Option("--as-of", help="Legal date for every measure (default: the date of its assessment of record)."),
    ] = None,
    organisation: Annotated[
        str | None, typer.Option("--organisation", help="Only this organisation's measures.")
    ] = None,
    status: Annotated[Status | None, typer.Option("--status", help="Only measures in this workflow state.")] = None,
    output: Annotated[str, typer.Option("--format", help="json (the report) or csv (every measure).")] = "json",
) -> int:
    """Re-assess the stored measures under a candidate rulebook and report those whose result changes."""
    from art52.adapters.rulebook_files import read_git_rules, read_rules_tree
    from art52.bootstrap import build_container
    from art52.services.impact_report import impact_csv, impact_json

    if output not in ("json", "csv"):
        raise CliError(EX_USAGE, f"--format must be json or csv, not {output!r}")
    if (rules is None) == (git_ref is None):
        raise CliError(EX_USAGE, "give the candidate rulebook with either --rules DIR or --git-ref REF")
    day = parse_date("--as-of", as_of)
    files = read_git_rules(git_ref, repository) if git_ref else read_rules_tree(rules or Path())
    source = f"git:{git_ref}" if git_ref else str((rules or Path()).resolve())
    settings = Settings()
    _migrate(settings)
    container = build_container(settings)
    try:
        candidate = container.impact.load("art52 impact (command line)", organisation, files, source)
        where = MeasureFilter(status=status, organisation=organisation)
        analysis = container.impact.start("art52 impact (command line)", candidate.id, where, day, organisation)
        report = container.impact.report(None, analysis.id)
        while not report.finished:
            typer.echo(f"art52: {report.processed}/{analysis.total} measures re-assessed", err=True)
            time.sleep(POLL_SECONDS)
            report = container.impact.report(None, analysis.id)
    finally:
        container.close()
    if output == "csv":
        sys.stdout.write(impact_csv(report))
    else:
        typer.echo(json.dumps(impact_json(report), indent=2, ensure_ascii=False))
    return 1 if report.changed else 0


@app.command()
def worker(
    concurrency: Annotated[int, typer.Option(help="Jobs run at the same time by this worker.", min=1)] = 1,
) -> None:
    """Run queued jobs (impact analyses, webhook deliveries) from the PostgreSQL database, until stopped."""
    from art52.adapters.procrastinate_queue import ProcrastinateQueue, run_workers
    from art52.bootstrap import build_container, describe_database, uses_workers

    settings = Settings()
    if not uses_workers(settings):
        raise CliError(EX_USAGE, "workers need PostgreSQL (ART52_DATABASE_URL); with SQLite jobs run in-process")
    _migrate(settings)
    container = build_container(settings)
    if not isinstance(container.jobs, ProcrastinateQueue):
        raise CliError(EX_USAGE, "ART52_JOBS=in_process: jobs run in the server, not on workers")
    typer.echo(f"art52: worker on {describe_database(settings)} ({concurrency} at a time)", err=True)
    try:
        logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
        run_workers(container.jobs, concurrency, settings.worker_heartbeat, settings.worker_stalled_after)
    finally:
        container.close()
