"""How many questions the guided interview asks, per example, against the fields the full example fills.

Each interview starts from the example's title and measure type and answers
every question with the example's own value ("not known" when the example does
not state it). The table is the one in docs/interview.md; regenerate it with

    .venv/bin/python benchmarks/interview_length.py --markdown

and paste it between the markers there (tests/unit/services/test_interview_relevance.py
checks that the two agree). Examples are read from examples/ as they are, so a new
example appears in the table once it is regenerated.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

from art52.bootstrap import build_assessor
from art52.config import Settings, default_examples_dir
from art52.domain.assessment import MissingFact
from art52.domain.fields import measure_fields
from art52.services.assessments import Assessor
from art52.services.interview_steps import Transcript, run_interview, value_at

HEADER = (
    "| example | fields filled | questions asked | answered | not stated | interview verdict | example's verdict |",
    "| --- | ---: | ---: | ---: | ---: | --- | --- |",
)
STARTING_FIELDS = ("title", "measure_type")


def filled_fields(document: Mapping[str, Any]) -> int:
    """The contract's leaves the example states (a list of records counts once)."""
    return sum(1 for path in measure_fields() if value_at(document, path) is not None)


def row(name: str, example: Mapping[str, Any], transcript: Transcript, full: str) -> str:
    """One example's row: what it fills, what the interview asked, and the two verdicts."""
    answered = sum(1 for asked in transcript.asked if value_at(example, asked) is not None)
    return (
        f"| {name} | {filled_fields(example)} | {len(transcript.asked)} | {answered} | "
        f"{len(transcript.asked) - answered} | {transcript.final.verdict.value} | {full} |"
    )


def interview_of(assessor: Assessor, example: Mapping[str, Any], answer: Callable[[MissingFact], Any]) -> Transcript:
    """The interview of an example, started from its title and type; ``answer`` gives each value."""
    start = {name: example[name] for name in STARTING_FIELDS if name in example}
    return run_interview(assessor, start, answer)


def rows(assessor: Assessor, directory: Path) -> Iterator[str]:
    for path in sorted(directory.glob("*.json")):
        example = json.loads(path.read_text(encoding="utf-8"))
        transcript = interview_of(assessor, example, lambda q, e=example: value_at(e, q.path))
        yield row(path.stem.split("-", 1)[0], example, transcript, assessor.assess(example).verdict.value)


def table(directory: Path | None = None, engine: str = "reference") -> str:
    """The Markdown table, one row per example in ``directory`` (default: the shipped examples)."""
    assessor = build_assessor(Settings(engine=engine))
    return "\n".join((*HEADER, *rows(assessor, directory or default_examples_dir())))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--markdown", action="store_true", help="print only the table, for docs/interview.md")
    parser.add_argument("--examples", type=Path, default=None, help="directory of example measures")
    options = parser.parse_args()
    print(table(options.examples))


if __name__ == "__main__":
    main()
