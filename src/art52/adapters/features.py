"""The scenario index: which Gherkin scenarios document which rule.

Scenarios are tagged with the rule ids they document (``@RET-011``), on the
scenario itself or inherited from its ``Rule:`` or ``Feature:``. The files are
parsed with the official Gherkin parser and re-read when one changes, so the
API shows the scenarios as they are in the repository.
"""

from __future__ import annotations

import logging
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from functools import cache
from pathlib import Path
from typing import Any

from gherkin.errors import CompositeParserException, ParserError
from gherkin.parser import Parser
from gherkin.token_scanner import TokenScanner

from art52.services.rules import Scenario

RULE_TAG = re.compile(r"^@([A-Z]{2,5}-[0-9]{3})$")
log = logging.getLogger(__name__)


class FeatureScenarioIndex:
    """Scenarios by rule id from ``*.feature`` files in a directory."""

    def __init__(self, directory: Path) -> None:
        self._directory = directory

    def for_rule(self, rule_id: str) -> list[Scenario]:
        return list(self._index().get(rule_id, ()))

    def _index(self) -> Mapping[str, tuple[Scenario, ...]]:
        files = sorted(self._directory.glob("*.feature")) if self._directory.is_dir() else []
        stamp = tuple((str(p), p.stat().st_mtime_ns) for p in files)
        return _build(stamp)


@cache
def _build(stamp: tuple[tuple[str, int], ...]) -> Mapping[str, tuple[Scenario, ...]]:
    found: dict[str, list[Scenario]] = defaultdict(list)
    for name, _ in stamp:
        path = Path(name)
        try:
            document = Parser().parse(TokenScanner(path.read_text(encoding="utf-8")))
        except (CompositeParserException, ParserError, OSError, UnicodeDecodeError) as error:
            log.warning("skipping %s: %s", path.name, error)
            continue
        feature = document.get("feature") or {}
        for scenario in _scenarios(path.name, feature.get("children", []), _tags(feature)):
            for tag in scenario.tags:
                match = RULE_TAG.match(tag)
                if match:
                    found[match.group(1)].append(scenario)
    return {rule_id: tuple(items) for rule_id, items in found.items()}


def _scenarios(feature: str, children: Iterable[Mapping[str, Any]], inherited: tuple[str, ...]) -> Iterable[Scenario]:
    for child in children:
        if "rule" in child:
            rule = child["rule"]
            yield from _scenarios(feature, rule.get("children", []), inherited + _tags(rule))
        elif "scenario" in child:
            node = child["scenario"]
            yield Scenario(
                feature=feature,
                name=node["name"],
                line=node["location"]["line"],
                tags=tuple(dict.fromkeys(inherited + _tags(node))),
                steps=tuple(f"{s['keyword'].strip()} {s['text']}" for s in node.get("steps", [])),
            )


def _tags(node: Mapping[str, Any]) -> tuple[str, ...]:
    return tuple(str(tag["name"]) for tag in node.get("tags", []))
