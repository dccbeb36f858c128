"""Lone surrogates: text JSON can escape (``"\\ud800"``) but no UTF-8 store can hold.

JSON lets a string carry half of a UTF-16 pair on its own; Python keeps it as a
code point that cannot be encoded, and PostgreSQL refuses it. Such a string is
invalid input, named by its pointer, before it reaches anything that stores it.
"""

from __future__ import annotations

import re
from typing import Any

from art52.documents.pointer import json_pointer

_SURROGATE = re.compile("[\ud800-\udfff]")


def has_lone_surrogate(text: str) -> bool:
    return _SURROGATE.search(text) is not None


def printable(text: str) -> str:
    """``text`` with each lone surrogate replaced by U+FFFD, so that it can be written back to the client."""
    return _SURROGATE.sub("\ufffd", text)


def lone_surrogates(document: Any, limit: int) -> list[str]:
    """Pointers to the first ``limit`` strings (values or keys) holding a lone surrogate, in document order.

    A key in a pointer that holds one itself shows U+FFFD in its place.
    """
    found: list[str] = []
    stack: list[tuple[Any, tuple[str | int, ...]]] = [(document, ())]
    while stack and len(found) < limit:
        node, path = stack.pop()
        if isinstance(node, str):
            if has_lone_surrogate(node):
                found.append(printable(json_pointer(path)))
        elif isinstance(node, dict):
            for key in node:
                if has_lone_surrogate(key):
                    found.append(printable(json_pointer((*path, key))))
            stack.extend((node[key], (*path, key)) for key in reversed(list(node)))
        elif isinstance(node, list):
            stack.extend((node[i], (*path, i)) for i in reversed(range(len(node))))
    return found[:limit]
