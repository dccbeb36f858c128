"""RFC 6901 JSON pointers: the one way art52 names a field inside a document."""

from __future__ import annotations

from collections.abc import Iterable


def escape_token(token: str | int) -> str:
    """One reference token, escaped: ``~`` becomes ``~0`` and ``/`` becomes ``~1`` (in that order)."""
    return str(token).replace("~", "~0").replace("/", "~1")


def json_pointer(parts: Iterable[str | int]) -> str:
    """The pointer to the value reached by ``parts`` (``""`` is the whole document)."""
    return "".join("/" + escape_token(part) for part in parts)
