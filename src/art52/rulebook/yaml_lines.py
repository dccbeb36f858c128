"""YAML loading that remembers where every value came from.

Rule-file errors must name file and line; PyYAML's node tree knows the line of
every key and value, so we keep it beside the plain data and look lines up by
the same key path pydantic reports in its errors.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import yaml


class _TextDatesLoader(yaml.SafeLoader):
    """Safe loader that leaves dates as text, so an impossible date is a
    validation error with a line number instead of a crash in the parser."""


_TextDatesLoader.add_constructor(
    "tag:yaml.org,2002:timestamp",
    lambda loader, node: loader.construct_scalar(node),  # type: ignore[arg-type]
)


def load_with_nodes(text: str) -> tuple[Any, yaml.Node | None]:
    """Parse YAML safely; return the data and the node tree it came from."""
    node = yaml.compose(text, Loader=_TextDatesLoader)
    if node is None:
        return None, None
    data = _TextDatesLoader(text).construct_document(node)
    return data, node


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
    return current.start_mark.line + 1


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
