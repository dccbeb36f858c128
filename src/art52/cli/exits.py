"""Exit codes of the ``art52`` command (sysexits.h for failures).

0, 1 and 2 are verdicts; 64 and above are failures, so a script can tell "the
measure is not compliant" from "the measure could not be assessed".
"""

from __future__ import annotations

from art52.domain.principles import Verdict

EX_USAGE = 64  # a wrong command line: unknown option or command, invalid option value
EX_DATAERR = 65  # an input that cannot be read or is not valid (encoding, syntax, duplicate key, contract)
EX_NOINPUT = 66  # an input that does not exist or holds no measure
EX_UNAVAILABLE = 69  # the database cannot be reached or is not migrated
EX_SOFTWARE = 70  # an internal failure (the engine, or a bug): run with --debug for the traceback
EX_IOERR = 74  # the output cannot be written (e.g. a closed pipe)
OUTPUT_CLOSED = "the output was closed before everything was written"  # the message of EX_IOERR
EX_CONFIG = 78  # invalid configuration: the rulebook or an ART52_* environment variable
EX_INTERRUPTED = 130  # interrupted (Ctrl-C)

VERDICT_EXIT = {
    Verdict.COMPLIANT: 0,
    Verdict.COMPLIANT_WITH_CONDITIONS: 1,
    Verdict.NON_COMPLIANT: 1,
    Verdict.INSUFFICIENT_INFORMATION: 2,
}


class CliError(Exception):
    """A failure with its exit code and the one line to print on stderr."""

    def __init__(self, code: int, message: str) -> None:
        super().__init__(message)
        self.code = code
