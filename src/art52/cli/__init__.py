"""The ``art52`` command.

Exit codes: 0 compliant, 1 not compliant or compliant only with conditions, 2
insufficient information (for a batch, the worst of its measures); failures use
the sysexits range (:mod:`art52.cli.exits`): 64 usage, 65 invalid input, 66 no
input, 69 database unavailable, 70 internal failure, 74 output error, 78 invalid
configuration or rulebook. A failure prints one line on stderr; ``--debug`` adds
the traceback.

This module stays light: a plain ``art52 assess`` command line is read with
argparse and run without importing typer (:mod:`art52.cli.assess_options`);
every other command line, help included, goes to the typer application in
:mod:`art52.cli.app`.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sys
from typing import NoReturn

from art52.cli.echo import echo
from art52.cli.exits import (
    EX_CONFIG,
    EX_DATAERR,
    EX_INTERRUPTED,
    EX_IOERR,
    EX_NOINPUT,
    EX_SOFTWARE,
    EX_UNAVAILABLE,
    EX_USAGE,
    OUTPUT_CLOSED,
    VERDICT_EXIT,
    CliError,
)
from art52.errors import DocumentError, EngineError, MeasureError, NotFoundError, RulebookError

__all__ = [
    "EX_CONFIG",
    "EX_DATAERR",
    "EX_INTERRUPTED",
    "EX_IOERR",
    "EX_NOINPUT",
    "EX_SOFTWARE",
    "EX_UNAVAILABLE",
    "EX_USAGE",
    "VERDICT_EXIT",
    "CliError",
    "Options",
    "main",
    "parse_date",
    "run",
]


class Options:
    """The global options of the command line (``--debug``)."""

    debug = False


def parse_date(option: str, value: str | None) -> dt.date | None:
    """A YYYY-MM-DD option value; a usage error naming the option otherwise."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise CliError(EX_USAGE, f"{option} must be a date YYYY-MM-DD, not {value!r}") from None


def main(argv: list[str] | None = None) -> int:
    """Entry point; returns the exit code instead of letting click pick one."""
    from art52.cli.assess_options import parse_assess

    args = list(sys.argv[1:] if argv is None else argv)
    if "--debug" in args:  # accepted anywhere on the command line, not only before the command
        args = ["--debug", *(arg for arg in args if arg != "--debug")]
    Options.debug = "--debug" in args
    try:
        plain_assess = parse_assess(args)
        if plain_assess is not None:
            from art52.cli.assess import assess

            return assess(**plain_assess)
        from art52.cli.app import run_app
        from art52.cli.process import long_lived

        long_lived()  # any other command may serve, wait or loop
        return run_app(args)
    except Exception as error:
        return _fail(error)
    except KeyboardInterrupt:
        echo("art52: interrupted", err=True)
        return EX_INTERRUPTED


def run() -> NoReturn:
    """The console script and ``python -m art52.cli``: :func:`main`, started and ended for a short command."""
    from art52.cli.process import run_short

    run_short(main)


def _fail(error: Exception) -> int:
    """Print a failure as one line (and the traceback with --debug); its exit code."""
    code, message = _describe(error)
    if isinstance(error, BrokenPipeError):
        _discard_stdout()
    if Options.debug:
        import traceback  # only here: importing it costs a plain `art52 assess` 5 ms

        traceback.print_exception(error, file=sys.stderr)
    with contextlib.suppress(OSError):  # stderr itself may be closed
        echo(f"art52: {message}", err=True)
    return code


def _discard_stdout() -> None:
    """Point stdout at /dev/null, so the interpreter's final flush into a closed pipe stays silent."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


def _describe(error: Exception) -> tuple[int, str]:
    if isinstance(error, CliError):
        return error.code, str(error)
    if "typer" in sys.modules:  # a usage error found by typer (only imported when it parsed the command line)
        usage = _usage_error(error)
        if usage is not None:
            return EX_USAGE, usage
    if isinstance(error, MeasureError):
        fields = "; ".join(f"{i.path or '/'}: {i.message}" for i in error.issues)
        return EX_DATAERR, f"the measure is not valid under the measure contract: {fields}"
    if isinstance(error, DocumentError):
        return EX_DATAERR, str(error)
    if isinstance(error, RulebookError):
        shown = "; ".join(str(issue) for issue in error.issues[:3])
        more = f" (and {len(error.issues) - 3} more; run art52 rules check)" if len(error.issues) > 3 else ""
        return EX_CONFIG, f"the rulebook is invalid ({len(error.issues)} issues): {shown}{more}"
    if isinstance(error, NotFoundError):
        return EX_NOINPUT, str(error)
    if isinstance(error, EngineError):
        return EX_SOFTWARE, f"engine failure: {error}"
    if isinstance(error, BrokenPipeError):
        return EX_IOERR, OUTPUT_CLOSED
    return EX_SOFTWARE, f"internal error: {type(error).__name__}: {error} (run with --debug for the traceback)"


def _usage_error(error: Exception) -> str | None:
    import typer
    from typer.exceptions import TyperException

    if isinstance(error, typer.Abort):
        return "aborted"
    if isinstance(error, TyperException):  # a usage error: missing argument, unknown command or option
        format_message = getattr(error, "format_message", None)
        text = format_message() if callable(format_message) else str(error)
        return f"{text} (see art52 --help)"
    return None


if __name__ == "__main__":
    raise SystemExit(main())
