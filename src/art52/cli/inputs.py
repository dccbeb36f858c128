"""The measures named on the command line: files, directories, JSON Lines and stdin.

Each input becomes one or more :class:`Item`: a measure document with the place
it came from (``file`` or ``file:line``), or the reason it could not be read. A
broken input is an item like any other, so a batch reports it and goes on.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from art52.cli.exits import EX_DATAERR, EX_NOINPUT
from art52.documents.json_reader import load_json
from art52.documents.text import decode_text
from art52.errors import DocumentError

STDIN = "-"
JSON_SUFFIXES = frozenset({".json"})
YAML_SUFFIXES = frozenset({".yaml", ".yml"})
LINES_SUFFIXES = frozenset({".jsonl"})
MEASURE_SUFFIXES = JSON_SUFFIXES | YAML_SUFFIXES | LINES_SUFFIXES


@dataclass(frozen=True)
class Item:
    """One measure to assess, or the failure to read it."""

    source: str
    document: Any = None
    error: str | None = None
    code: int = 0

    @property
    def broken(self) -> bool:
        return self.error is not None


def read_inputs(names: Sequence[str]) -> list[Item]:
    """Every item of every input, in the order given (a directory's files by name)."""
    return [item for name in names for item in _items(name)]


def _items(name: str) -> Iterator[Item]:
    if name == STDIN:
        yield from _from_text(STDIN, sys.stdin.buffer.read(), kind=None)
        return
    path = Path(name)
    if path.is_dir():
        files = sorted(p for p in path.iterdir() if p.suffix.lower() in MEASURE_SUFFIXES and p.is_file())
        if not files:
            yield Item(
                name,
                error=f"{name}: a directory without measure files (*.json, *.yaml, *.yml, *.jsonl)",
                code=EX_NOINPUT,
            )
        for file in files:
            yield from _from_file(file)
        return
    yield from _from_file(path)


def _from_file(path: Path) -> Iterator[Item]:
    source = str(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        yield Item(source, error=f"{source}: no such file", code=EX_NOINPUT)
        return
    except IsADirectoryError:
        yield Item(source, error=f"{source}: is a directory, not a file", code=EX_NOINPUT)
        return
    except OSError as error:
        yield Item(source, error=f"{source}: cannot read: {error.strerror or error}", code=EX_NOINPUT)
        return
    suffix = path.suffix.lower()
    kind = "yaml" if suffix in YAML_SUFFIXES else "jsonl" if suffix in LINES_SUFFIXES else "json"
    yield from _from_text(source, data, kind=kind)


def _from_text(source: str, data: bytes, kind: str | None) -> Iterator[Item]:
    """``kind`` None (stdin): one JSON document, or JSON Lines if every non-blank line opens an object."""
    try:
        text = decode_text(data)
    except DocumentError as error:
        yield Item(source, error=f"{source}: {error.message}", code=EX_DATAERR)
        return
    if kind is None:
        lines = [line for line in text.splitlines() if line.strip()]
        kind = "jsonl" if len(lines) > 1 and all(line.lstrip().startswith("{") for line in lines) else "json"
    if kind == "jsonl":
        yield from _json_lines(source, text)
        return
    try:
        document = _load_yaml(text) if kind == "yaml" else load_json(text)
    except DocumentError as error:
        yield Item(source, error=f"{source}: {error.message}", code=EX_DATAERR)
        return
    yield Item(source, document)


def _json_lines(source: str, text: str) -> Iterator[Item]:
    found = False
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        found = True
        where = f"{source}:{number}"
        try:
            yield Item(where, load_json(line))
        except DocumentError as error:
            message = error.message.replace(" at line 1, column", " at column").replace(" at line 1", "")
            yield Item(where, error=f"{where}: {message}", code=EX_DATAERR)
    if not found:
        yield Item(source, error=f"{source}: no measure (the JSON Lines input is empty)", code=EX_NOINPUT)


def _load_yaml(text: str) -> Any:
    """A YAML measure; the YAML library is imported only when one is read (a JSON measure starts faster)."""
    from art52.documents.yaml_reader import load_yaml

    return load_yaml(text)[0]
