"""``art52 assess`` as a typer command, built from the table of options (:mod:`art52.cli.assess_options`).

Typer serves the command lines the fast argparse path leaves to it: ``--help``
and every usage error. The command's signature is generated from the same table,
so its help, its options and their checks are those the fast path reads.
"""

from __future__ import annotations

import inspect
from typing import Annotated, Any

import typer

from art52.cli.app import app
from art52.cli.assess import assess
from art52.cli.assess_options import INPUTS, INPUTS_HELP, OPTIONS, Option, parameter_name


def _typer_option(option: Option) -> inspect.Parameter:
    kind: Any = option.kind if option.kind in (bool, int) else option.kind | None
    info = typer.Option(option.flag, help=option.help, min=option.minimum, show_default=option.show_default)
    return inspect.Parameter(
        parameter_name(option),
        inspect.Parameter.POSITIONAL_OR_KEYWORD,
        default=option.default,
        annotation=Annotated[kind, info],
    )


def assess_command(**values: Any) -> None:
    raise typer.Exit(assess(**values))


_PARAMETERS = [
    inspect.Parameter(
        INPUTS,
        inspect.Parameter.POSITIONAL_OR_KEYWORD,
        annotation=Annotated[list[str], typer.Argument(help=INPUTS_HELP, show_default=False)],
    ),
    *(_typer_option(option) for option in OPTIONS),
]
assess_command.__signature__ = inspect.Signature(_PARAMETERS, return_annotation=None)  # type: ignore[attr-defined]
assess_command.__annotations__ = {p.name: p.annotation for p in _PARAMETERS} | {"return": None}
assess_command.__doc__ = assess.__doc__

app.command(name="assess")(assess_command)
