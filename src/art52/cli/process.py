"""How the ``art52`` process starts and ends when it runs one short command.

A one-off ``art52 assess FILE`` spends about a tenth of its start in Python's
cyclic garbage collector, which walks the hundreds of thousands of objects the
imports create (the contract's models, the rulebook) and finds nothing to free,
and another tenth tearing those objects down again at exit. So the console
script starts with the collector off and, when the command was short, ends
with ``os._exit`` once stdout and stderr are flushed and logging is shut down:
nothing is left to write (``echo`` flushes every line; the disk cache writes
atomically before it returns), and the kernel frees the memory at once.

Any command that may run long — every command but a plain ``art52 assess`` of
one measure, and a batch — calls :func:`long_lived` first: the objects built so
far are frozen out of the collector's sight and collection resumes, and the
process ends the normal way (atexit handlers included).
"""

from __future__ import annotations

import contextlib
import gc
import logging
import os
import sys
from collections.abc import Callable
from typing import NoReturn

from art52.cli.exits import EX_IOERR, OUTPUT_CLOSED


class _State:
    short = False  # set by run_short: this process was started by the console script


def long_lived() -> None:
    """From here on the process may run long: collect garbage again and end normally."""
    if _State.short:
        _State.short = False
        gc.freeze()  # what the imports built stays: no collection needs to walk it again
        gc.enable()


def run_short(main: Callable[[], int]) -> NoReturn:
    """Run ``main`` without the collector; exit without teardown unless it became long-lived."""
    _State.short = True
    gc.disable()
    code = main()
    if not _State.short:
        sys.exit(code)
    code = _flush(code)
    logging.shutdown()
    os._exit(code)


def _flush(code: int) -> int:
    """Flush stdout and stderr; a reader gone before the end makes the exit an output error."""
    try:
        sys.stdout.flush()
    except (OSError, ValueError):
        with contextlib.suppress(OSError, ValueError):
            sys.stderr.write(f"art52: {OUTPUT_CLOSED}\n")
        code = max(code, EX_IOERR)
    with contextlib.suppress(OSError, ValueError):
        sys.stderr.flush()
    return code
