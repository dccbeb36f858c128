"""The options of ``art52 assess``, in one table read by both of its parsers.

``art52 assess FILE`` must start fast, and importing typer costs a good part of
that start. A plain, valid ``assess`` command line is therefore parsed with
argparse (:func:`parse_assess`); help, and any command line argparse does not
accept exactly as click would, go to the typer command built from the same
table (:mod:`art52.cli.assess_command`), which prints the help and the usage
errors. So the two parsers cannot drift apart: they share this table, and the
fast one only ever says "yes, these values" or "ask typer".
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn

COMMAND = "assess"
DEBUG_FLAG = "--debug"


@dataclass(frozen=True)
class Option:
    """One option of ``art52 assess``: its flag, the value it converts to and its help line."""

    flag: str
    help: str
    kind: type = str  # str, int, Path, or bool for a flag without a value
    default: Any = None
    minimum: int | None = None
    show_default: bool = True

    @property
    def name(self) -> str:
        """The parameter name: ``--as-of`` is ``as_of``."""
        return self.flag.removeprefix("--").replace("-", "_")


INPUTS = "inputs"
INPUTS_HELP = "Measure files (JSON, YAML, JSON Lines .jsonl), directories of them, or - for stdin."

OPTIONS: tuple[Option, ...] = (
    Option("--as-of", "Legal date YYYY-MM-DD."),
    Option(
        "--format",
        "One measure: json (default), summary (the report's lead as JSON), md, html or pdf.",
        show_default=False,
    ),
    Option(
        "--remedies",
        "One measure: add why-not and the smallest verified changes that make it compliant.",
        kind=bool,
        default=False,
    ),
    Option("--output", "A batch: jsonl (default) or table.", show_default=False),
    Option("--jobs", "Worker processes for a batch.", kind=int, default=1, minimum=1),
    Option(
        "--perspective",
        "Whose duties to apply to a cross-border order: issuing (default) or enforcing.",
        default="issuing",
    ),
    Option("--rules", "Rules directory (default: the shipped rulebook).", kind=Path),
    Option("--engine", "durable or reference (default: ART52_ENGINE or durable)."),
)
"""In the order of the help; ``--format`` is the parameter ``output_format`` of the command."""

PARAMETER_NAMES = {"format": "output_format"}
"""Parameter names that differ from the flag (``format`` is a Python built-in)."""


def parameter_name(option: Option) -> str:
    return PARAMETER_NAMES.get(option.name, option.name)


def option(flag: str) -> Option:
    """The option with this flag (``--rules`` is shared with other commands)."""
    return next(o for o in OPTIONS if o.flag == flag)


class _NotPlainError(Exception):
    """The command line is not one the fast parser reads exactly as click would."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise _NotPlainError(message)


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="art52 assess", add_help=False, allow_abbrev=False)
    parser.add_argument(INPUTS, nargs="+")
    for option in OPTIONS:
        if option.kind is bool:
            parser.add_argument(option.flag, dest=parameter_name(option), action="store_true")
        else:
            parser.add_argument(option.flag, dest=parameter_name(option), type=option.kind, default=option.default)
    return parser


def parse_assess(args: Sequence[str]) -> dict[str, Any] | None:
    """The keyword arguments of a plain ``assess`` command line; None when typer must read it.

    ``args`` is the whole command line after ``art52`` (``--debug`` already moved to the
    front). None for any other command, for help, and for anything argparse would read
    differently from click or that click reports as a usage error: an option-like input
    (click takes ``-1`` for an option), ``--``, an empty argument or option value, a value
    below an option's minimum, an unknown option, a missing value.
    """
    rest = list(args[1:]) if args[:1] == [DEBUG_FLAG] else list(args)
    if rest[:1] != [COMMAND] or {"--help", "--", ""} & set(rest) or any(a.endswith("=") for a in rest):
        return None
    try:
        values = vars(_parser().parse_intermixed_args(rest[1:]))
    except _NotPlainError:
        return None
    inputs: list[str] = values[INPUTS]
    if any(name.startswith("-") and name != "-" for name in inputs):
        return None
    for option in OPTIONS:
        value = values[parameter_name(option)]
        if option.minimum is not None and value < option.minimum:
            return None
    return values
