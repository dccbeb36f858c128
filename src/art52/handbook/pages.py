"""What the handbook shows: one model of the rulebook and its scenarios, rendered by the templates.

Built from the rulebook, the scenario suite and the contract's labels; the same
model feeds the static site and the pages served under /rules, in HTML and in
Markdown. Nothing here is written per rule: conditions, remedies and scenario
steps come out of the labels.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from art52.domain.citations import Citation
from art52.handbook.results import Outcome, outcome_of
from art52.handbook.vocabulary import UnlabelledFactError, Vocabulary
from art52.handbook.wording import Words, condition_in_words
from art52.rulebook.catalog import Rulebook
from art52.rulebook.conditions import TRUE
from art52.rulebook.scenarios import ScenarioRef, ScenarioSuite
from art52.rulebook.schema import Consequence, Rule
from art52.rulebook.sources import Source

EFFECT_WORDS = {
    "violation": "a violation",
    "condition": "a condition to impose",
    "satisfied": "satisfied",
    "needs_information": "a request for information",
}


@dataclass(frozen=True)
class Conclusion:
    """What a rule version concludes, in words."""

    effect: str
    explanation: str
    safeguard: str | None
    remedy: tuple[str, ...]


@dataclass(frozen=True)
class VersionPage:
    """One dated version of a rule."""

    version: int
    title: str
    principle: str
    basis: str
    provisional: bool
    valid_from: dt.date | None
    valid_to: dt.date | None
    scope: Words | None
    condition: Words
    then: Conclusion
    otherwise: Conclusion | None
    notes: str | None
    citations: tuple[Citation, ...]


@dataclass(frozen=True)
class ScenarioPage:
    """A scenario documenting a rule, with its outcome in a test run when one was given."""

    name: str
    feature: str
    line: int
    steps: tuple[tuple[str, str], ...]
    outcome: Outcome | None


@dataclass(frozen=True)
class RulePage:
    """A rule: its versions, newest first, and the scenarios documenting it."""

    rule_id: str
    family: str
    family_title: str
    versions: tuple[VersionPage, ...]
    scenarios: tuple[ScenarioPage, ...]

    @property
    def current(self) -> VersionPage:
        return self.versions[0]


@dataclass(frozen=True)
class Citing:
    """A rule version resting on a source, with the pinpoint relied on."""

    rule_id: str
    version: int
    title: str
    pinpoint: str
    verified: bool


@dataclass(frozen=True)
class SourcePage:
    source: Source
    citing: tuple[Citing, ...]


@dataclass(frozen=True)
class Handbook:
    """The whole handbook: rules by family and principle, sources, and the provisional rules."""

    rulebook_version: str
    generated_on: dt.date
    rules: tuple[RulePage, ...]
    sources: tuple[SourcePage, ...]
    with_results: bool

    def rule(self, rule_id: str) -> RulePage | None:
        return next((r for r in self.rules if r.rule_id == rule_id), None)

    def source(self, source_id: str) -> SourcePage | None:
        return next((s for s in self.sources if s.source.id == source_id), None)

    @property
    def families(self) -> dict[str, list[RulePage]]:
        """Rules by family, under the family's title (the ``Feature:`` name of its scenarios)."""
        return _grouped(self.rules, lambda r: r.family_title)

    @property
    def principles(self) -> dict[str, list[RulePage]]:
        return _grouped(self.rules, lambda r: r.current.principle)

    @property
    def provisional(self) -> list[RulePage]:
        return [r for r in self.rules if any(v.provisional for v in r.versions)]


def _grouped(rules: tuple[RulePage, ...], key: Any) -> dict[str, list[RulePage]]:
    groups: dict[str, list[RulePage]] = {}
    for rule in rules:
        groups.setdefault(key(rule), []).append(rule)
    return dict(sorted(groups.items()))


def build_handbook(
    book: Rulebook,
    suite: ScenarioSuite,
    vocabulary: Vocabulary,
    generated_on: dt.date,
    results: Mapping[tuple[str, str], Outcome] | None = None,
) -> Handbook:
    """The handbook of ``book``; UnlabelledFactError if a rule reads a fact the labels cannot put into words."""
    found = dict(results or {})
    rules = tuple(
        RulePage(
            rule_id=rule_id,
            family=book.versions(rule_id)[-1].family,
            family_title=_family_title(book.versions(rule_id)[-1].family, suite),
            versions=tuple(_version(book, vocabulary, r) for r in reversed(book.versions(rule_id))),
            scenarios=tuple(_scenario(s, found) for s in suite.tagged(rule_id)),
        )
        for rule_id in book.rule_ids()
    )
    sources = tuple(
        SourcePage(
            source=book.sources[source_id],
            citing=tuple(
                Citing(r.id, r.version, r.spec.title, c.pinpoint, c.verified)
                for r in sorted(book.rules, key=lambda r: (r.id, r.version))
                for c in r.spec.sources
                if c.ref == source_id
            ),
        )
        for source_id in sorted(book.sources)
    )
    return Handbook(book.version, generated_on, rules, sources, results is not None)


def _family_title(family: str, suite: ScenarioSuite) -> str:
    """The family's feature title (features/<family>.feature mirrors rules/<family>.yaml), else its name."""
    return suite.titles.get(f"{family}.feature") or family.replace("_", " ").capitalize()


def _version(book: Rulebook, vocabulary: Vocabulary, rule: Rule) -> VersionPage:
    spec = rule.spec
    return VersionPage(
        version=spec.version,
        title=spec.title,
        principle=spec.principle.value,
        basis=spec.basis.value,
        provisional=rule.provisional,
        valid_from=spec.valid_from,
        valid_to=spec.valid_to,
        scope=None if rule.scope == TRUE else condition_in_words(vocabulary, rule.scope, book.law.objective_ranks),
        condition=condition_in_words(vocabulary, rule.condition, book.law.objective_ranks),
        then=_conclusion(vocabulary, spec.then),
        otherwise=_conclusion(vocabulary, rule.otherwise) if rule.otherwise else None,
        notes=spec.notes,
        citations=book.citations(rule),
    )


def _conclusion(vocabulary: Vocabulary, consequence: Consequence) -> Conclusion:
    remedy = tuple(vocabulary.statement(path, value) for path, value in (consequence.remedy or {}).items())
    return Conclusion(
        effect=EFFECT_WORDS[consequence.effect.value],
        explanation=consequence.explanation,
        safeguard=consequence.safeguard,
        remedy=remedy,
    )


def _scenario(scenario: ScenarioRef, results: Mapping[tuple[str, str], Outcome]) -> ScenarioPage:
    steps = tuple((keyword, text) for keyword, _, text in (step.partition(" ") for step in scenario.steps))
    outcome = outcome_of(scenario, dict(results)) if results else None
    return ScenarioPage(scenario.name, scenario.feature, scenario.line, steps, outcome)


__all__ = ["Handbook", "RulePage", "SourcePage", "UnlabelledFactError", "build_handbook"]
