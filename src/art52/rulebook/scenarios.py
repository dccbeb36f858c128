"""The scenario suite (``features/*.feature``): every scenario, where it is, and its tags.

Every scenario is tagged with the ids of the rules it documents (``@RET-011``).
A scenario's tags are its own plus those of its ``Rule:`` block and ``Feature:``
(and of its ``Examples:`` tables), exactly as pytest-bdd turns them into marks.
The files are read with the Gherkin parser that pytest-bdd itself uses
(``gherkin-official``). This is the one parser of the suite: the coverage report
and the scenarios the API shows for a rule both come from here.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from gherkin.errors import ParserError
from gherkin.parser import Parser


class FeatureParseError(ValueError):
    """A feature file cannot be read or is not valid Gherkin."""


@dataclass(frozen=True)
class ScenarioRef:
    """One scenario of the suite: where it is, the tags that apply to it and its steps."""

    feature: str
    name: str
    line: int
    rule_block: str | None
    ordered_tags: tuple[str, ...]
    """The tags without ``@``, in the order written (Feature, Rule, scenario, Examples), without repeats."""
    steps: tuple[str, ...]
    """The scenario's own steps, each as ``keyword text``."""

    @cached_property
    def tags(self) -> frozenset[str]:
        return frozenset(self.ordered_tags)

    def __str__(self) -> str:
        return f"{self.feature}:{self.line} {self.name}"


@dataclass(frozen=True)
class TagUse:
    """One tag as written in a feature file."""

    tag: str
    feature: str
    line: int

    def __str__(self) -> str:
        return f"{self.feature}:{self.line} @{self.tag}"


@dataclass(frozen=True)
class ScenarioSuite:
    """The parsed feature files: every scenario and every tag written."""

    scenarios: tuple[ScenarioRef, ...]
    tags: tuple[TagUse, ...]
    files: tuple[str, ...]
    titles: Mapping[str, str] = field(default_factory=dict)
    """Each file's ``Feature:`` name, by file."""

    def tagged(self, tag: str) -> tuple[ScenarioRef, ...]:
        """The scenarios that ``tag`` (a rule id, without ``@``) applies to, in suite order."""
        return tuple(s for s in self.scenarios if tag in s.tags)

    @classmethod
    def joined(cls, parts: Iterable[ScenarioSuite]) -> ScenarioSuite:
        """One suite of several, in the order given."""
        scenarios: list[ScenarioRef] = []
        tags: list[TagUse] = []
        files: list[str] = []
        titles: dict[str, str] = {}
        for part in parts:
            scenarios.extend(part.scenarios)
            tags.extend(part.tags)
            files.extend(part.files)
            titles.update(part.titles)
        return cls(scenarios=tuple(scenarios), tags=tuple(tags), files=tuple(files), titles=titles)


# --- Files -----------------------------------------------------------------------------------


def feature_files(directory: Path) -> list[Path]:
    """Every ``*.feature`` file under ``directory`` (recursively), in path order."""
    return sorted(directory.rglob("*.feature"))


def parse_features(directory: Path) -> ScenarioSuite:
    """Parse every ``*.feature`` file under ``directory`` (recursively), in path order.

    Raises FeatureParseError naming the file if one cannot be read or is not valid Gherkin.
    """
    return ScenarioSuite.joined(parse_feature_file(path, directory) for path in feature_files(directory))


def parse_feature_file(path: Path, directory: Path) -> ScenarioSuite:
    """Parse one feature file, named by its path relative to ``directory``.

    Raises FeatureParseError naming the file if it cannot be read or is not valid Gherkin.
    """
    name = path.relative_to(directory).as_posix()
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise FeatureParseError(f"{name}: cannot be read: {error}") from None
    return parse_feature_text(text, name)


# --- Gherkin ---------------------------------------------------------------------------------


def parse_feature_text(text: str, name: str) -> ScenarioSuite:
    """Parse the text of one feature file called ``name``."""
    try:
        document: Mapping[str, Any] = dict(Parser().parse(text))
    except ParserError as error:
        raise FeatureParseError(f"{name}: not valid Gherkin: {error}") from None
    feature = document.get("feature")
    if not feature:
        return ScenarioSuite(scenarios=(), tags=(), files=(name,))
    scenarios: list[ScenarioRef] = []
    tags: list[TagUse] = list(_tag_uses(feature.get("tags", ()), name))
    feature_tags = _tag_names(feature.get("tags", ()))
    for child in feature.get("children", ()):
        if "scenario" in child:
            scenarios.append(_scenario(child["scenario"], name, None, feature_tags, tags))
        elif "rule" in child:
            rule = child["rule"]
            tags.extend(_tag_uses(rule.get("tags", ()), name))
            inherited = feature_tags + _tag_names(rule.get("tags", ()))
            for grandchild in rule.get("children", ()):
                if "scenario" in grandchild:
                    scenarios.append(_scenario(grandchild["scenario"], name, rule.get("name"), inherited, tags))
    titles = {name: str(feature["name"])} if feature.get("name") else {}
    return ScenarioSuite(scenarios=tuple(scenarios), tags=tuple(tags), files=(name,), titles=titles)


def _scenario(
    data: Mapping[str, Any], feature: str, rule_block: str | None, inherited: tuple[str, ...], tags: list[TagUse]
) -> ScenarioRef:
    own = data.get("tags", ())
    tags.extend(_tag_uses(own, feature))
    names = inherited + _tag_names(own)
    for examples in data.get("examples", ()):
        tags.extend(_tag_uses(examples.get("tags", ()), feature))
        names += _tag_names(examples.get("tags", ()))
    return ScenarioRef(
        feature=feature,
        name=str(data.get("name", "")),
        line=int(data["location"]["line"]),
        rule_block=str(rule_block) if rule_block is not None else None,
        ordered_tags=tuple(dict.fromkeys(names)),
        steps=tuple(f"{step['keyword'].strip()} {step['text']}" for step in data.get("steps", ())),
    )


def _tag_names(raw: Iterable[Mapping[str, Any]]) -> tuple[str, ...]:
    return tuple(str(tag["name"]).removeprefix("@") for tag in raw)


def _tag_uses(raw: Iterable[Mapping[str, Any]], feature: str) -> Iterator[TagUse]:
    for tag in raw:
        yield TagUse(tag=str(tag["name"]).removeprefix("@"), feature=feature, line=int(tag["location"]["line"]))
