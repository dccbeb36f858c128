"""``art52 interview``: the guided interview in a terminal, one decisive question at a time.

Reads answers from standard input (so it runs with piped input too): an option's
number, a value (JSON for numbers, yes/no and lists; anything else as text), or an
empty line for "not known". End of input ends the interview where it stands.
Exit code: the verdict, as for ``art52 assess``. Nothing is stored.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from art52.cli import parse_date
from art52.cli.app import RulesDir, app
from art52.cli.exits import EX_IOERR, EX_USAGE, VERDICT_EXIT, CliError
from art52.cli.inputs import read_inputs

if TYPE_CHECKING:
    from art52.domain.assessment import MissingFact
    from art52.services.interviews import Choice

NOT_KNOWN = object()
SHOWN_RULES = 5


@app.command()
def interview(
    start: Annotated[
        str | None, typer.Option("--from", help="Start from this partial measure (default: ask a title and a type).")
    ] = None,
    save: Annotated[Path | None, typer.Option("--save", help="Write the measure built to this JSON file.")] = None,
    as_of: Annotated[str | None, typer.Option("--as-of", help="Legal date YYYY-MM-DD.")] = None,
    rules: RulesDir = None,
    engine: Annotated[str | None, typer.Option(help="durable or reference (default: ART52_ENGINE or durable).")] = None,
) -> None:
    """Build a measure by answering only the questions that can still change its assessment."""
    from art52.bootstrap import build_assessor
    from art52.cli.settings import settings_for
    from art52.domain.fields import measure_fields
    from art52.errors import MeasureError
    from art52.report.wording import VERDICT_TEXT
    from art52.services.assessments import parse_measure
    from art52.services.interview_steps import next_step, with_answer
    from art52.services.interviews import choices

    legal_date = parse_date("--as-of", as_of)
    assessor = build_assessor(settings_for(rules, engine))
    document = _start(start) if start else _ask_start(choices(measure_fields()["measure_type"]))
    parse_measure(document)
    passed: list[str] = []
    while True:
        step = next_step(assessor, document, legal_date, passed)
        question = step.question
        if question is None:
            break
        options = choices(measure_fields()[question.path])
        _show(question, options, step.assessment.verdict.value)
        answer = _read(options, measure_fields()[question.path].kind)
        if answer is None:
            break
        if answer is NOT_KNOWN:
            passed.append(question.path)
            continue
        try:
            parse_measure(with_answer(document, question.path, answer))
        except MeasureError as error:
            typer.echo(f"  not a valid answer: {'; '.join(i.message for i in error.issues)}")
            continue
        document = with_answer(document, question.path, answer)
    final = step.assessment
    span = final.verdict_range
    typer.echo(f"\nVerdict: {VERDICT_TEXT[final.verdict.value]}")
    if span.best != span.worst:
        typer.echo(f"Still possible: {VERDICT_TEXT[span.best.value]} … {VERDICT_TEXT[span.worst.value]}")
    if save is not None:
        try:
            save.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        except OSError as error:
            raise CliError(EX_IOERR, f"cannot write {save}: {error.strerror or error}") from None
        typer.echo(f"Measure written to {save}")
    raise typer.Exit(VERDICT_EXIT[final.verdict])


def _start(name: str) -> dict[str, Any]:
    items = read_inputs([name])
    if len(items) != 1:
        raise CliError(EX_USAGE, f"{name} holds {len(items)} measures; an interview starts from one")
    if items[0].broken:
        raise CliError(items[0].code, items[0].error or f"cannot read {name}")
    document = items[0].document
    if not isinstance(document, dict):
        raise CliError(EX_USAGE, f"{name} is not a measure document (a JSON object)")
    return document


def _ask_start(types: tuple[Choice, ...]) -> dict[str, Any]:
    title = _line("Title of the measure: ")
    if not title:
        raise CliError(EX_USAGE, "a measure needs a title")
    typer.echo("Type of measure:")
    for number, choice in enumerate(types, 1):
        typer.echo(f"  {number}) {choice.label}")
    picked = _line("> ")
    document: dict[str, Any] = {"title": title}
    if picked and picked.isdigit() and 1 <= int(picked) <= len(types):
        document["measure_type"] = types[int(picked) - 1].value
    elif picked:
        document["measure_type"] = picked
    return document


def _show(question: MissingFact, options: tuple[Choice, ...], verdict: str) -> None:
    typer.echo(f"\n[{verdict}] {question.question}  ({question.path})")
    rules = ", ".join(question.rules[:SHOWN_RULES]) + (
        f" and {len(question.rules) - SHOWN_RULES} more" if len(question.rules) > SHOWN_RULES else ""
    )
    typer.echo(f"  asked by {rules}; could change: {question.changes}")
    for number, choice in enumerate(options, 1):
        typer.echo(f"  {number}) {choice.label}")


def _read(options: tuple[Choice, ...], kind: str) -> Any:
    """The answer typed: ``None`` at end of input, NOT_KNOWN for an empty line."""
    text = _line("> ")
    if text is None:
        return None
    if not text:
        return NOT_KNOWN
    if text.isdigit() and options and 1 <= int(text) <= len(options):
        value = options[int(text) - 1].value
        return [value] if kind == "enum_list" else value
    if kind in ("string", "date"):
        return text
    try:
        return json.loads(text)
    except ValueError:
        return [text] if kind == "enum_list" else text


def _line(prompt: str) -> str | None:
    typer.echo(prompt, nl=False)
    line = sys.stdin.readline()
    if not line:
        typer.echo("")
        return None
    return line.strip()
