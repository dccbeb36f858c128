"""JSON Merge Patch (RFC 7396): a partial document that says what to change.

Members of the patch replace those of the target, ``null`` removes a member,
and an object in the patch is merged into the target's object recursively;
anything that is not an object (a list, a string, a number) replaces the
target whole. The target is never modified: a new document is returned.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any


def merge_patch(target: Any, patch: Any) -> Any:
    """``target`` with ``patch`` applied, as RFC 7396 section 2 defines it."""
    if not isinstance(patch, dict):
        return patch
    result = dict(target) if isinstance(target, dict) else {}
    for name, value in patch.items():
        if value is None:
            result.pop(name, None)
        else:
            result[name] = merge_patch(result.get(name), value)
    return result


def patch_setting(changes: Iterable[tuple[str, Any]]) -> dict[str, Any]:
    """The merge patch that sets each dotted field path to its value (``retention.period_days`` nests)."""
    patch: dict[str, Any] = {}
    for path, value in changes:
        *parents, name = path.split(".")
        node = patch
        for part in parents:
            node = node.setdefault(part, {})
        node[name] = value
    return patch
