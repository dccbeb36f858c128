"""Traceability between the rulebook and the scenario suite (``features/*.feature``).

Every scenario is tagged with the ids of the rules it documents (``@RET-011``).
From the tags this module computes which scenarios exercise each rule, and
through the rules' citations which judgments and articles the suite exercises.

Everything here is a pure function of a loaded :class:`Rulebook` and a
:class:`ScenarioSuite` parsed by :mod:`art52.rulebook.scenarios`.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from art52.rulebook.catalog import Rulebook
from art52.rulebook.scenarios import ScenarioRef, ScenarioSuite, TagUse

ALLOWED_TAGS: frozenset[str] = frozenset({"end-to-end"})
"""Tags that name no rule but are allowed on scenarios."""


@dataclass(frozen=True)
class RuleCoverage:
    """The scenarios that exercise one rule (all versions of an id together)."""

    rule_id: str
    title: str
    family: str
    scenarios: tuple[ScenarioRef, ...]

    @property
    def covered(self) -> bool:
        return bool(self.scenarios)


@dataclass(frozen=True)
class CitingRule:
    """A rule version citing a source, with its pinpoint and the scenarios exercising the rule."""

    rule_id: str
    version: int
    pinpoint: str
    verified: bool
    scenarios: tuple[ScenarioRef, ...]


@dataclass(frozen=True)
class SourceCoverage:
    """A registered source, the rules citing it and the scenarios exercising those rules."""

    source_id: str
    short: str
    title: str
    identifier: str | None
    date: dt.date | None
    citing: tuple[CitingRule, ...]

    @property
    def cited(self) -> bool:
        return bool(self.citing)

    @property
    def scenarios(self) -> tuple[ScenarioRef, ...]:
        """Every scenario exercising a rule that cites this source, without repeats."""
        return tuple(dict.fromkeys(s for c in self.citing for s in c.scenarios))

    @property
    def exercised(self) -> bool:
        return bool(self.scenarios)


@dataclass(frozen=True)
class CoverageSummary:
    """The counts behind the summary line."""

    rules_total: int
    rules_covered: int
    sources_total: int
    sources_cited: int
    sources_exercised: int
    scenarios: int
    feature_files: int
    unknown_tags: int
    duplicate_scenarios: int

    def line(self) -> str:
        return (
            f"rules covered {self.rules_covered}/{self.rules_total}; "
            f"sources exercised {self.sources_exercised}/{self.sources_total} "
            f"({self.sources_cited} cited by rules); "
            f"{self.scenarios} scenarios in {self.feature_files} feature files; "
            f"{self.unknown_tags} unknown tags; {self.duplicate_scenarios} duplicate scenario names"
        )


@dataclass(frozen=True)
class CoverageReport:
    """Rule → scenarios, source → rules → scenarios, and what is wrong with the tags."""

    rules: tuple[RuleCoverage, ...]
    sources: tuple[SourceCoverage, ...]
    unknown_tags: tuple[TagUse, ...]
    duplicate_scenarios: tuple[ScenarioRef, ...]
    summary: CoverageSummary

    @property
    def uncovered(self) -> tuple[str, ...]:
        return tuple(r.rule_id for r in self.rules if not r.covered)

    @property
    def complete(self) -> bool:
        """Every rule has a scenario and every tag names a rule (or is allowed)."""
        return not self.uncovered and not self.unknown_tags and not self.duplicate_scenarios


# --- Coverage --------------------------------------------------------------------------------


def rule_coverage(book: Rulebook, suite: ScenarioSuite) -> tuple[RuleCoverage, ...]:
    """For each rule id of the rulebook (sorted), the scenarios tagged with it."""
    result = []
    for rule_id in book.rule_ids():
        latest = book.versions(rule_id)[-1]
        result.append(
            RuleCoverage(
                rule_id=rule_id,
                title=latest.spec.title,
                family=latest.family,
                scenarios=suite.tagged(rule_id),
            )
        )
    return tuple(result)


def unknown_tags(book: Rulebook, suite: ScenarioSuite, allowed: frozenset[str] = ALLOWED_TAGS) -> tuple[TagUse, ...]:
    """Tags that name no rule of the rulebook and are not in the allow-list."""
    known = set(book.rule_ids()) | allowed
    return tuple(t for t in suite.tags if t.tag not in known)


def duplicate_scenarios(suite: ScenarioSuite) -> tuple[ScenarioRef, ...]:
    """Scenarios whose name repeats within one feature file.

    pytest-bdd keys the scenarios of a file by name, so only one of them runs.
    """
    counts = Counter((s.feature, s.name) for s in suite.scenarios)
    return tuple(s for s in suite.scenarios if counts[(s.feature, s.name)] > 1)


def source_coverage(book: Rulebook, rules: Sequence[RuleCoverage]) -> tuple[SourceCoverage, ...]:
    """For each registered source (sorted by id): the rule versions citing it and their scenarios."""
    by_rule = {r.rule_id: r.scenarios for r in rules}
    citing: dict[str, list[CitingRule]] = {source_id: [] for source_id in book.sources}
    for rule in sorted(book.rules, key=lambda r: (r.id, r.version)):
        for citation in rule.spec.sources:
            citing.setdefault(citation.ref, []).append(
                CitingRule(
                    rule_id=rule.id,
                    version=rule.version,
                    pinpoint=citation.pinpoint,
                    verified=citation.verified,
                    scenarios=by_rule.get(rule.id, ()),
                )
            )
    result = []
    for source_id in sorted(citing):
        source = book.sources.get(source_id)
        result.append(
            SourceCoverage(
                source_id=source_id,
                short=source.short if source else source_id,
                title=source.title if source else "(not in the register)",
                identifier=source.identifier if source else None,
                date=source.date if source else None,
                citing=tuple(citing[source_id]),
            )
        )
    return tuple(result)


def coverage_report(book: Rulebook, suite: ScenarioSuite, allowed: frozenset[str] = ALLOWED_TAGS) -> CoverageReport:
    """The whole traceability report of a rulebook against a scenario suite."""
    rules = rule_coverage(book, suite)
    sources = source_coverage(book, rules)
    unknown = unknown_tags(book, suite, allowed)
    duplicates = duplicate_scenarios(suite)
    summary = CoverageSummary(
        rules_total=len(rules),
        rules_covered=sum(1 for r in rules if r.covered),
        sources_total=len(sources),
        sources_cited=sum(1 for s in sources if s.cited),
        sources_exercised=sum(1 for s in sources if s.exercised),
        scenarios=len(suite.scenarios),
        feature_files=len(suite.files),
        unknown_tags=len(unknown),
        duplicate_scenarios=len(duplicates),
    )
    return CoverageReport(
        rules=rules, sources=sources, unknown_tags=unknown, duplicate_scenarios=duplicates, summary=summary
    )


def report_to_data(report: CoverageReport) -> dict[str, Any]:
    """Plain data (for JSON output) of a coverage report."""

    def scenario(s: ScenarioRef) -> dict[str, Any]:
        return {"feature": s.feature, "line": s.line, "name": s.name, "rule_block": s.rule_block}

    return {
        "rules": [
            {
                "rule_id": r.rule_id,
                "title": r.title,
                "family": r.family,
                "scenarios": [scenario(s) for s in r.scenarios],
            }
            for r in report.rules
        ],
        "sources": [
            {
                "source_id": s.source_id,
                "short": s.short,
                "title": s.title,
                "identifier": s.identifier,
                "date": s.date.isoformat() if s.date else None,
                "exercised": s.exercised,
                "citing": [
                    {
                        "rule_id": c.rule_id,
                        "version": c.version,
                        "pinpoint": c.pinpoint,
                        "verified": c.verified,
                        "scenarios": [scenario(x) for x in c.scenarios],
                    }
                    for c in s.citing
                ],
            }
            for s in report.sources
        ],
        "unknown_tags": [{"tag": t.tag, "feature": t.feature, "line": t.line} for t in report.unknown_tags],
        "duplicate_scenarios": [scenario(s) for s in report.duplicate_scenarios],
        "summary": {
            "rules_total": report.summary.rules_total,
            "rules_covered": report.summary.rules_covered,
            "sources_total": report.summary.sources_total,
            "sources_cited": report.summary.sources_cited,
            "sources_exercised": report.summary.sources_exercised,
            "scenarios": report.summary.scenarios,
            "feature_files": report.summary.feature_files,
            "unknown_tags": report.summary.unknown_tags,
            "duplicate_scenarios": report.summary.duplicate_scenarios,
        },
    }
