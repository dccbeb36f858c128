"""Loads rules/ and validates everything before anything is used.

Every problem found is collected with its file, line and rule id, and the
rulebook is rejected whole if there is one: a half-loaded rulebook would give
assessments that look complete but silently skip law.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping
from itertools import pairwise
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from art52.documents.text import decode_text
from art52.documents.yaml_reader import compose_yaml, construct, duplicate_keys, key_line, line_of
from art52.domain.derived_facts import fact_catalogue
from art52.domain.fields import FieldSpec
from art52.errors import DocumentError, RulebookError, RuleIssue
from art52.rulebook.catalog import Rulebook
from art52.rulebook.checks import check_condition
from art52.rulebook.conditions import ConditionSyntaxError
from art52.rulebook.law_loader import load_law_tables
from art52.rulebook.schema import Rule, RuleSpec, build_rule
from art52.rulebook.sources import Source

SOURCES_FILE = "sources.yaml"
RULE_PARTS = ("applies_to", "when", "then", "otherwise")
"""The keys of a rule whose lines are kept, so the static checks can point at them."""


def load_rulebook(directory: Path) -> Rulebook:
    """Load and validate a rules directory; raise RulebookError listing every issue."""
    issues: list[RuleIssue] = []
    if not directory.is_dir():
        raise RulebookError([RuleIssue(str(directory), None, None, "rules directory does not exist")])
    sources = _load_sources(directory / SOURCES_FILE, issues)
    rules: list[Rule] = []
    rule_files = sorted(p for p in directory.glob("*.yaml") if p.name != SOURCES_FILE)
    if not rule_files:
        issues.append(RuleIssue(str(directory), None, None, "no rule files (*.yaml) found"))
    fields = fact_catalogue()
    law = load_law_tables(directory, sources, fields["objective"].values, issues)
    for path in rule_files:
        rules.extend(_load_rule_file(path, sources, fields, issues))
    issues.extend(_cross_rule_issues(rules))
    if issues:
        raise RulebookError(issues)
    return Rulebook(rules=tuple(rules), sources=sources, law=law)


def _read_yaml(path: Path, issues: list[RuleIssue]) -> tuple[Any, yaml.Node | None] | None:
    try:
        node = compose_yaml(decode_text(path.read_bytes()))
        if node is None:
            return None, None
        duplicates = duplicate_keys(node)
        for duplicate in duplicates:
            rule_id = _rule_id_at(node, duplicate.path[0]) if duplicate.path else None
            issues.append(RuleIssue(str(path), duplicate.line, rule_id, duplicate.message))
        return None if duplicates else (construct(node), node)
    except DocumentError as error:
        issues.append(RuleIssue(str(path), error.line, None, error.message))
    except OSError as error:
        issues.append(RuleIssue(str(path), None, None, f"cannot read: {error.strerror or error}"))
    return None


def _rule_id_at(node: yaml.Node, index: str | int) -> str | None:
    """The ``id`` written in the list item ``index`` of a rule file, if there is one."""
    if isinstance(node, yaml.SequenceNode) and isinstance(index, int):
        item = node.value[index]
        if isinstance(item, yaml.MappingNode):
            for key, value in item.value:
                if key.value == "id" and isinstance(value, yaml.ScalarNode):
                    return str(value.value)
    return None


def _load_sources(path: Path, issues: list[RuleIssue]) -> dict[str, Source]:
    if not path.exists():
        issues.append(RuleIssue(str(path), None, None, "source register is missing"))
        return {}
    loaded = _read_yaml(path, issues)
    if loaded is None:
        return {}
    data, node = loaded
    if not isinstance(data, list):
        issues.append(RuleIssue(str(path), 1, None, "the source register must be a list"))
        return {}
    sources: dict[str, Source] = {}
    for index, raw in enumerate(data):
        source_id = raw.get("id") if isinstance(raw, dict) else None
        try:
            source = Source.model_validate(raw)
        except ValidationError as error:
            for detail in error.errors():
                where = (index, *detail["loc"])
                issues.append(RuleIssue(str(path), line_of(node, where), source_id, _message(detail)))
            continue
        if source.id in sources:
            issues.append(RuleIssue(str(path), line_of(node, [index]), source.id, "duplicate source id"))
        sources[source.id] = source
    return sources


def _load_rule_file(
    path: Path, sources: Mapping[str, Source], fields: Mapping[str, FieldSpec], issues: list[RuleIssue]
) -> list[Rule]:
    loaded = _read_yaml(path, issues)
    if loaded is None:
        return []
    data, node = loaded
    if not isinstance(data, list):
        issues.append(RuleIssue(str(path), 1, None, "a rule file must be a YAML list of rules"))
        return []
    rules = []
    for index, raw in enumerate(data):
        rule_id = raw.get("id") if isinstance(raw, dict) else None
        rule_id = str(rule_id) if rule_id is not None else None

        def report(where: tuple[Any, ...], message: str, rule_id: str | None = rule_id, index: int = index) -> None:
            issues.append(RuleIssue(str(path), line_of(node, (index, *where)), rule_id, message))

        try:
            spec = RuleSpec.model_validate(raw)
        except ValidationError as error:
            for detail in error.errors():
                report(tuple(detail["loc"]), _message(detail))
            continue
        try:
            rule_node = node.value[index] if isinstance(node, yaml.SequenceNode) else None
            part_lines = {part: line for part in RULE_PARTS if (line := key_line(rule_node, part)) is not None}
            rule = build_rule(spec, path.stem, str(path), line_of(node, (index,)) or 1, part_lines)
        except ConditionSyntaxError as error:
            report(error.where, str(error))
            continue
        for part, condition in (("applies_to", rule.scope), ("when", rule.condition)):
            for message in check_condition(condition, fields):
                report((part,), message)
        for position, citing in enumerate(spec.sources):
            if citing.ref not in sources:
                report(("sources", position, "ref"), f"unknown source '{citing.ref}' (not in {SOURCES_FILE})")
        rules.append(rule)
    return rules


def _cross_rule_issues(rules: list[Rule]) -> list[RuleIssue]:
    issues: list[RuleIssue] = []
    versions: dict[str, list[Rule]] = defaultdict(list)
    for rule in rules:
        versions[rule.id].append(rule)
    for rule_id, group in versions.items():
        seen: set[int] = set()
        for rule in group:
            if rule.version in seen:
                issues.append(RuleIssue(rule.file, rule.line, rule_id, f"duplicate rule id and version {rule.version}"))
            seen.add(rule.version)
        ordered = sorted(group, key=lambda r: r.spec.valid_from or dt.date.min)
        for earlier, later in pairwise(ordered):
            end = earlier.spec.valid_to or dt.date.max
            start = later.spec.valid_from or dt.date.min
            if start <= end:
                issues.append(
                    RuleIssue(
                        later.file,
                        later.line,
                        rule_id,
                        f"versions {earlier.version} and {later.version} are both in force on {start.isoformat()}",
                    )
                )
            elif start - end > dt.timedelta(days=1):
                issues.append(
                    RuleIssue(
                        later.file,
                        later.line,
                        rule_id,
                        f"gap between versions {earlier.version} and {later.version}: "
                        f"nothing in force from {(end + dt.timedelta(days=1)).isoformat()}",
                    )
                )
    return issues


def _message(detail: Any) -> str:
    loc = ".".join(str(p) for p in detail["loc"])
    text = "unknown field" if detail["type"] == "extra_forbidden" else detail["msg"]
    return f"{loc}: {text}" if loc else text
