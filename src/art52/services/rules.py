"""Reading the rulebook: rules with their sources and the scenarios that document them.

Scenarios come from the Gherkin features (every scenario is tagged with the
rule ids it documents), parsed by :mod:`art52.rulebook.scenarios` and supplied
like the rulebook itself: a callable that returns the suite in force.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from art52.domain.citations import Citation
from art52.domain.principles import Principle
from art52.rulebook.catalog import Rulebook
from art52.rulebook.scenarios import ScenarioRef, ScenarioSuite
from art52.rulebook.schema import Rule
from art52.rulebook.sources import Source


@dataclass(frozen=True)
class RuleVersionView:
    rule: Rule
    citations: tuple[Citation, ...]


@dataclass(frozen=True)
class RuleDetail:
    """Every version of a rule, with citations, and the scenarios documenting it."""

    rule_id: str
    versions: list[RuleVersionView]
    scenarios: list[ScenarioRef]


@dataclass(frozen=True)
class SourceDetail:
    source: Source
    cited_by: tuple[str, ...]


@dataclass(frozen=True)
class RulebookSummary:
    version: str
    rules: int
    rule_versions: int
    sources: int
    families: dict[str, int]
    principles: dict[str, int]


class RuleCatalog:
    """Queries over the rulebook in force in the service."""

    def __init__(self, rulebook: Callable[[], Rulebook], scenarios: Callable[[], ScenarioSuite]) -> None:
        self._rulebook = rulebook
        self._scenarios = scenarios

    def rules(
        self, family: str | None = None, principle: Principle | None = None, in_force_on: dt.date | None = None
    ) -> list[Rule]:
        """Rule versions ordered by id and version; with a date, only the versions in force on it."""
        book = self._rulebook()
        found = book.in_force(in_force_on) if in_force_on else book.rules
        return sorted(
            (
                r
                for r in found
                if (family is None or r.family == family) and (principle is None or r.spec.principle is principle)
            ),
            key=lambda r: (r.id, r.version),
        )

    def rule(self, rule_id: str) -> RuleDetail:
        """NotFoundError if no version of ``rule_id`` exists."""
        book = self._rulebook()
        versions = [RuleVersionView(r, book.citations(r)) for r in book.versions(rule_id)]
        return RuleDetail(rule_id, versions, list(self._scenarios().tagged(rule_id)))

    def source(self, source_id: str) -> SourceDetail:
        book = self._rulebook()
        found = book.source(source_id)
        citing = sorted({r.id for r in book.rules if any(c.ref == source_id for c in r.spec.sources)})
        return SourceDetail(found, tuple(citing))

    def documents(self) -> tuple[Rulebook, ScenarioSuite]:
        """The rulebook in force and the scenarios documenting it, as the handbook renders them."""
        return self._rulebook(), self._scenarios()

    def summary(self) -> RulebookSummary:
        book = self._rulebook()
        return RulebookSummary(
            version=book.version,
            rules=len(book.rule_ids()),
            rule_versions=len(book.rules),
            sources=len(book.sources),
            families=dict(sorted(Counter(r.family for r in book.rules).items())),
            principles=dict(sorted(Counter(r.spec.principle.value for r in book.rules).items())),
        )
