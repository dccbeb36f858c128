"""``art52 rules handbook``: write the rule handbook as a static site (HTML and Markdown).

The pages come from :mod:`art52.handbook`. Exit codes: 0 (written), 64 bad
option, 65 a feature file or the results file cannot be read, 66 no features
directory or results file, 74 the output folder cannot be written, 78 invalid
rulebook or a rule fact without a label.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer

from art52.cli import EX_CONFIG, EX_DATAERR, EX_IOERR, EX_NOINPUT, CliError, parse_date
from art52.cli.app import RulesDir, rules_app
from art52.cli.coverage import FeaturesDir


@rules_app.command("handbook")
def rules_handbook(
    out: Annotated[Path, typer.Option("--out", help="Folder to write the site into (created if missing).")],
    rules: RulesDir = None,
    features: FeaturesDir = None,
    results: Annotated[
        Path | None, typer.Option("--results", help="pytest JUnit XML of a test run: shows each scenario's outcome.")
    ] = None,
    date: Annotated[
        str | None, typer.Option("--date", help="Generation date printed on every page (default: today).")
    ] = None,
) -> None:
    """Write the rule handbook: an index, one page per rule and per source, and the provisional rules."""
    from art52.config import Settings
    from art52.errors import DocumentError
    from art52.handbook.pages import UnlabelledFactError, build_handbook
    from art52.handbook.render import write_site
    from art52.handbook.results import read_results
    from art52.handbook.vocabulary import default_vocabulary
    from art52.rulebook.loader import load_rulebook
    from art52.rulebook.scenarios import FeatureParseError, parse_features

    generated_on = parse_date("--date", date) or dt.date.today()
    directory = features if features is not None else Settings().features_dir
    if not directory.is_dir():
        raise CliError(EX_NOINPUT, f"{directory}: no such features directory")
    if results is not None and not results.is_file():
        raise CliError(EX_NOINPUT, f"{results}: no such results file")
    book = load_rulebook(rules if rules is not None else Settings().rules_dir)
    try:
        suite = parse_features(directory)
        outcomes = read_results(results) if results is not None else None
        handbook = build_handbook(book, suite, default_vocabulary(), generated_on, outcomes)
    except (FeatureParseError, DocumentError) as error:
        raise CliError(EX_DATAERR, str(error)) from None
    except UnlabelledFactError as error:
        raise CliError(EX_CONFIG, str(error.args[0])) from None
    try:
        written = write_site(handbook, out)
    except OSError as error:
        raise CliError(EX_IOERR, f"{out}: cannot write the handbook: {error.strerror or error}") from None
    typer.echo(f"wrote {len(written)} pages to {out} (rulebook {book.version}); open {out / 'index.html'}")
