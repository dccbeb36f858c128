"""``art52 assess``: one measure as a report, or many as a batch.

One measure (one file, or stdin holding one document) prints its assessment as
JSON, or its report as Markdown, HTML or PDF (``--format``); ``--remedies`` adds
why-not and the smallest verified changes that make it compliant. Several measures — several files, a directory,
JSON Lines — are a batch, printed with ``--output jsonl`` (the default) or
``--output table``; ``--format md`` cannot render a batch, and ``--output`` with an
explicit ``--format`` is refused rather than guessed. See the README, "Bulk
assessment", for the exit codes.

Neither typer nor click is imported here: a plain command line calls
:func:`assess` straight from argparse (:mod:`art52.cli.assess_options`).
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from art52.cli import parse_date
from art52.cli.echo import echo
from art52.cli.exits import EX_UNAVAILABLE, EX_USAGE, VERDICT_EXIT, CliError
from art52.cli.inputs import Item, read_inputs
from art52.domain.perspective import Perspective

if TYPE_CHECKING:
    from art52.domain.assessment import Assessment

REPORT_FORMATS = ("json", "summary", "md", "html", "pdf")


def assess(
    inputs: list[str],
    as_of: str | None = None,
    output_format: str | None = None,
    remedies: bool = False,
    output: str | None = None,
    jobs: int = 1,
    perspective: str = "issuing",
    rules: Path | None = None,
    engine: str | None = None,
) -> int:
    """Assess measures and print the reasoned assessments (exit code: the worst verdict, or 64+ on failure)."""
    from art52.cli.batch import Job, run, with_progress, worst_exit
    from art52.cli.settings import settings_for

    if output_format not in (None, *REPORT_FORMATS):
        raise CliError(EX_USAGE, f"--format must be {', '.join(REPORT_FORMATS[:-1])} or {REPORT_FORMATS[-1]}")
    if output not in (None, "jsonl", "table"):
        raise CliError(EX_USAGE, "--output must be jsonl or table")
    if output is not None and output_format is not None:
        raise CliError(EX_USAGE, "--format renders one measure and --output a batch: give only one of them")
    legal_date = parse_date("--as-of", as_of)
    side = _perspective(perspective)
    if remedies and side is Perspective.ENFORCING:
        raise CliError(EX_USAGE, "--remedies searches changes for the issuing side only: drop --perspective enforcing")
    settings_for(rules, engine)  # an invalid --engine or environment fails before any input is read
    items = read_inputs(inputs)
    if output is None and len(items) == 1:
        return _single(items[0], legal_date, output_format or "json", rules, engine, remedies, side)
    if output_format not in (None, "json"):
        raise CliError(
            EX_USAGE, f"--format {output_format} renders one measure, not {len(items)}: use --output table or jsonl"
        )
    if remedies:
        raise CliError(EX_USAGE, f"--remedies explains one measure, not {len(items)}")
    from art52.cli.process import long_lived

    long_lived()  # a batch may run long (and start worker processes)
    advance, close = with_progress(len(items))
    outcomes = []
    try:
        for outcome in run(Job(rules, engine, legal_date, side), items, jobs, advance):
            outcomes.append(outcome)
            if output != "table":
                from art52.cli.outputs import jsonl_line

                echo(jsonl_line(outcome))
            if outcome.error:
                echo(f"art52: {outcome.error}", err=True)
    finally:
        close()
    if output == "table":
        from art52.cli.outputs import table

        echo(table(outcomes))
    return worst_exit(outcomes)


def _single(
    item: Item,
    legal_date: dt.date | None,
    output_format: str,
    rules: Path | None,
    engine: str | None,
    remedies: bool = False,
    perspective: Perspective = Perspective.ISSUING,
) -> int:
    """One measure: its assessment as JSON, or its report (and its verdict's exit code); a broken input fails."""
    from art52.bootstrap import build_assessor
    from art52.cli.settings import settings_for

    if item.broken:
        raise CliError(item.code, item.error or "cannot read the input")
    assessor = build_assessor(settings_for(rules, engine))
    if remedies:
        from art52.services.decision_aid import explain

        assessment = explain(assessor, item.document, legal_date)
    else:
        assessment = assessor.assess(item.document, as_of=legal_date, perspective=perspective)
    if output_format == "json":
        echo(assessment.to_json())
    else:
        _report(assessment, output_format)
    return VERDICT_EXIT[assessment.verdict]


def _perspective(text: str) -> Perspective:
    try:
        return Perspective(text)
    except ValueError:
        choices = " or ".join(p.value for p in Perspective)
        raise CliError(EX_USAGE, f"--perspective must be {choices}, not {text!r}") from None


def _report(assessment: Assessment, output_format: str) -> None:
    """The report as its JSON lead, Markdown, HTML or PDF (bytes on stdout); the renderers are imported only here."""
    from art52.report.model import build_report
    from art52.report.render import html, markdown

    report = build_report(assessment)
    if output_format == "pdf":
        from art52.errors import RenderingUnavailableError
        from art52.report.pdf import render_pdf

        try:
            document = render_pdf(report)
        except RenderingUnavailableError as error:
            raise CliError(EX_UNAVAILABLE, str(error)) from None
        sys.stdout.buffer.write(document)
        sys.stdout.buffer.flush()
    elif output_format == "summary":
        from art52.report.summary import summary_json

        echo(summary_json(report), nl=False)
    else:
        echo((html if output_format == "html" else markdown)(report), nl=False)
