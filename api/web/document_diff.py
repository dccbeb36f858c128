"""Two measure documents side by side, line by line: what a new version or a tried remedy changes."""

from __future__ import annotations

import difflib
import json
from typing import Any


def pretty(document: Any) -> str:
    """A document as stored pages show it: indented JSON with sorted keys (the same document, the same text)."""
    return json.dumps(document, indent=2, ensure_ascii=False, sort_keys=True)


def changed_lines(old: Any, new: Any, old_name: str, new_name: str) -> list[str]:
    """The unified diff from ``old`` to ``new``; empty when they are the same."""
    return list(
        difflib.unified_diff(pretty(old).splitlines(), pretty(new).splitlines(), old_name, new_name, lineterm="")
    )
