"""Strict JSON: no duplicate keys, no NaN or Infinity, errors with a line.

Python's json keeps the last of two equal keys without a word; a measure that
says ``"objective"`` twice would be assessed on whichever came last. The fast C
parser detects a duplicate; only then is the text walked again to say where.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from art52.documents.pointer import json_pointer
from art52.errors import DocumentError


class DuplicateKeyError(ValueError):
    """Raised by :func:`unique_object` while parsing; :func:`load_json` then says where."""


def unique_object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """``object_pairs_hook`` for ``json.loads`` that refuses an object repeating a key."""
    found = dict(pairs)
    if len(found) != len(pairs):
        raise DuplicateKeyError
    return found


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not valid JSON")


def load_json(text: str) -> Any:
    """Parse ``text``; DocumentError with line (and pointer, for a duplicate key) if it is not strict JSON."""
    try:
        return json.loads(text, object_pairs_hook=unique_object, parse_constant=_reject_constant)
    except DuplicateKeyError:
        parts, key, line = _first_duplicate(text)
        pointer = json_pointer([*parts, key])
        raise DocumentError(f"duplicate key {key!r} at line {line}", line=line, pointer=pointer) from None
    except json.JSONDecodeError as error:
        raise DocumentError(
            f"not valid JSON: {error.msg} at line {error.lineno}, column {error.colno}", line=error.lineno
        ) from None
    except (ValueError, RecursionError) as error:
        raise DocumentError(f"not valid JSON: {error}") from None


def _first_duplicate(text: str) -> tuple[list[str | int], str, int]:
    """Where the first repeated key is: the path of its object, the key, its line (the text is valid JSON)."""
    frames: list[tuple[set[str] | None, list[str | int]]] = []  # per open container: keys seen (None: array)
    path: list[str | int] = []
    expecting_key = False
    for position, token in _tokens(text):
        if token == "{":
            frames.append((set(), list(path)))
            expecting_key = True
        elif token == "[":
            frames.append((None, list(path)))
            path.append(0)
            expecting_key = False
        elif token in "}]":
            _seen, path = frames.pop()
            expecting_key = False
        elif token == ",":
            seen, base = frames[-1]
            if seen is None:
                index = path[-1]
                path[-1] = index + 1 if isinstance(index, int) else 0
            else:
                path = list(base)
                expecting_key = True
        elif token.startswith('"') and expecting_key:
            key = json.loads(token)
            seen, base = frames[-1]
            assert seen is not None
            if key in seen:
                return base, key, text.count("\n", 0, position) + 1
            seen.add(key)
            path = [*base, key]
            expecting_key = False
    raise AssertionError("a duplicate key was reported but not found")  # pragma: no cover


def _tokens(text: str) -> Iterator[tuple[int, str]]:
    """Structural characters and whole strings with their offsets; numbers and literals are skipped."""
    index, length = 0, len(text)
    while index < length:
        char = text[index]
        if char == '"':
            end = index + 1
            while text[end] != '"':
                end += 2 if text[end] == "\\" else 1
            yield index, text[index : end + 1]
            index = end + 1
            continue
        if char in "{}[],":
            yield index, char
        index += 1
