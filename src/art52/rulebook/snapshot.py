"""A validated rulebook as plain JSON data and back, for the on-disk cache.

Loading rules/ parses and validates every file; a snapshot of the result is
read back with the same models (so a damaged snapshot fails validation) and
must reproduce the same content hash, or it is refused with ValueError. The
conditions are stored already parsed (in their canonical data form) and rebuilt
without the parser's checks: reading them back is the larger part of a warm
start otherwise, and the content hash covers them.
"""

from __future__ import annotations

from typing import Any

from art52.rulebook.catalog import Rulebook
from art52.rulebook.conditions import from_data, to_data
from art52.rulebook.law_tables import LawTables
from art52.rulebook.schema import Rule, RuleSpec, default_otherwise
from art52.rulebook.sources import Source


def to_snapshot(book: Rulebook) -> dict[str, Any]:
    """Everything needed to rebuild ``book``: specs as written, their places, sources, law tables, the hash."""
    return {
        "version": book.version,
        "rules": [
            {
                # exclude_unset keeps which keys the file gave: a rule's default 'otherwise' depends on it
                "spec": rule.spec.model_dump(mode="json", exclude_unset=True),
                "family": rule.family,
                "file": rule.file,
                "line": rule.line,
                "part_lines": rule.part_lines,
                "scope": to_data(rule.scope),
                "condition": to_data(rule.condition),
            }
            for rule in book.rules
        ],
        "sources": [source.model_dump(mode="json", exclude_unset=True) for source in book.sources.values()],
        "law": book.law.model_dump(mode="json"),
    }


def from_snapshot(data: Any) -> Rulebook:
    """The rulebook of a snapshot; ValueError if it is damaged or does not hash to its recorded version."""
    try:
        sources = {s.id: s for s in (Source.model_validate(raw) for raw in data["sources"])}
        rules = tuple(_rule(RuleSpec.model_validate(raw["spec"]), raw) for raw in data["rules"])
        book = Rulebook(rules=rules, sources=sources, law=LawTables.model_validate(data["law"]))
        recorded = data["version"]
    except (KeyError, TypeError, AttributeError, ValueError) as error:  # ValidationError is a ValueError
        raise ValueError(f"not a rulebook snapshot: {type(error).__name__}") from None
    if book.version != recorded:
        raise ValueError("the snapshot does not hash to its recorded version")
    return book


def _rule(spec: RuleSpec, raw: Any) -> Rule:
    """The rule :func:`art52.rulebook.schema.build_rule` made, from a snapshot (its parts are validated already)."""
    return Rule.model_construct(
        spec=spec,
        family=str(raw["family"]),
        file=str(raw["file"]),
        line=int(raw["line"]),
        scope=from_data(raw["scope"]),
        condition=from_data(raw["condition"]),
        otherwise=default_otherwise(spec),
        part_lines={str(k): int(v) for k, v in raw["part_lines"].items()},
    )
