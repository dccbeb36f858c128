"""YAML that remembers where every value came from, and refuses duplicate keys.

Rule-file errors must name file and line; PyYAML's node tree knows the line of
every key and value, so it is kept beside the plain data and lines are looked up
by the same key path pydantic reports in its errors. PyYAML keeps the last of two
equal keys silently (a rule with two ``when:`` would keep the second), so the tree
is checked for them before it is turned into data.

Dates are left as the text they were written as: ``assessment_date: 2024-01-01``
is the string ``"2024-01-01"`` (what the contract expects), and an impossible date
becomes a validation error with a line instead of a crash in the parser. The C
parser (libyaml) is used when PyYAML has it: it is about ten times faster.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import yaml

from art52.documents.pointer import json_pointer
from art52.errors import DocumentError

_Base: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _TextDatesLoader(_Base):  # type: ignore[valid-type,misc]
    """Safe loader that leaves dates and times as the text they were written as."""


_TextDatesLoader.add_constructor(
    "tag:yaml.org,2002:timestamp",
    lambda loader, node: loader.construct_scalar(node),
)


@dataclass(frozen=True)
class DuplicateKey:
    """A key given twice in one mapping: where, and where it was first given."""

    path: tuple[str | int, ...]
    key: str
    line: int
    first_line: int

    @property
    def message(self) -> str:
        return f"duplicate key {self.key!r} at line {self.line} (first given at line {self.first_line})"


def load_yaml(text: str) -> tuple[Any, yaml.Node | None]:
    """Parse YAML safely; the data and the node tree it came from.

    DocumentError (with line) for invalid YAML or a key given twice in one mapping.
    """
    node = compose_yaml(text)
    if node is None:
        return None, None
    for duplicate in duplicate_keys(node):
        pointer = json_pointer([*duplicate.path, duplicate.key])
        raise DocumentError(duplicate.message, line=duplicate.line, pointer=pointer)
    return construct(node), node


def compose_yaml(text: str) -> yaml.Node | None:
    """The node tree of ``text`` (None for an empty document); DocumentError with line if it is not YAML."""
    try:
        node: yaml.Node | None = yaml.compose(text, Loader=_TextDatesLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else None
        where = f" at line {line}" if line else ""
        raise DocumentError(f"invalid YAML{where}: {error.problem or error}", line=line) from None
    except yaml.YAMLError as error:
        raise DocumentError(f"invalid YAML: {error}") from None
    return node


def construct(node: yaml.Node) -> Any:
    """The plain data of a node tree (dates kept as text)."""
    try:
        return _TextDatesLoader("").construct_document(node)
    except yaml.YAMLError as error:
        raise DocumentError(f"invalid YAML: {error}") from None


def duplicate_keys(root: yaml.Node) -> list[DuplicateKey]:
    """Every key given twice in one mapping, in document order."""
    found: list[DuplicateKey] = []
    stack: list[tuple[yaml.Node, tuple[str | int, ...]]] = [(root, ())]
    while stack:
        node, path = stack.pop()
        if isinstance(node, yaml.SequenceNode):
            stack.extend((child, (*path, index)) for index, child in reversed(list(enumerate(node.value))))
        elif isinstance(node, yaml.MappingNode):
            seen: dict[str, int] = {}
            for key, _value in node.value:
                name, line = str(key.value), int(key.start_mark.line) + 1
                if isinstance(key, yaml.ScalarNode) and name in seen:
                    found.append(DuplicateKey(path, name, line, seen[name]))
                seen.setdefault(name, line)
            stack.extend((value, (*path, str(key.value))) for key, value in reversed(node.value))
    return sorted(found, key=lambda d: d.line)


def line_of(node: yaml.Node | None, path: Sequence[str | int]) -> int | None:
    """1-based line of the deepest node reachable along ``path``."""
    if node is None:
        return None
    current = node
    for step in path:
        child = _child(current, step)
        if child is None:
            break
        current = child
    return int(current.start_mark.line) + 1


def key_line(node: yaml.Node | None, key: str) -> int | None:
    """1-based line of ``key`` in a mapping node (None if it is not there)."""
    if isinstance(node, yaml.MappingNode):
        for found, _value in node.value:
            if str(found.value) == key:
                return int(found.start_mark.line) + 1
    return None


def _child(node: yaml.Node, step: str | int) -> yaml.Node | None:
    if isinstance(node, yaml.SequenceNode) and isinstance(step, int) and 0 <= step < len(node.value):
        child: yaml.Node = node.value[step]
        return child
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if str(key.value) == str(step):
                # Point at the key for a missing/invalid value, at the value for nested paths.
                found: yaml.Node = value if isinstance(value, yaml.MappingNode | yaml.SequenceNode) else key
                return found
    return None
