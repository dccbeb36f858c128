"""Text on stdout or stderr, as ``typer.echo`` writes it, without importing typer for plain text.

``art52 assess`` prints one document and exits; importing typer (and its click)
only to write it would cost a good part of the command's start. Plain text on a
stream with a non-ASCII encoding is written as click would write it (text, a
newline, a flush); anything click treats specially (ANSI escapes it strips when
not on a terminal, an ASCII stream it re-encodes, Windows consoles) goes
through ``typer.echo`` itself, so the bytes are the same either way.
"""

from __future__ import annotations

import codecs
import sys
from typing import TextIO


def echo(text: str, *, nl: bool = True, err: bool = False) -> None:
    """Write ``text`` (and a newline) to stdout, or to stderr with ``err``, and flush."""
    stream = sys.stderr if err else sys.stdout
    if stream is None or "\x1b" in text or sys.platform == "win32" or _rewrapped_by_click(stream):
        import typer

        typer.echo(text, nl=nl, err=err)
        return
    out = f"{text}\n" if nl else text
    if out:
        stream.write(out)
    stream.flush()


def _rewrapped_by_click(stream: TextIO) -> bool:
    """Whether click would write through its own wrapper: an ASCII text stream over a binary buffer."""
    if getattr(stream, "buffer", None) is None:  # a StringIO, say: click writes to it as it is
        return False
    try:
        return codecs.lookup(getattr(stream, "encoding", None) or "ascii").name == "ascii"
    except LookupError:
        return False
