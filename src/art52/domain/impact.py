"""What a change of the rulebook does to one stored measure.

An impact analysis re-assesses a measure under a candidate rulebook and compares
the result with the measure's latest assessment of record. The comparison looks
at the three things an official acts on: the verdict, the outcome of each
principle, and the findings (rule id, rule version and effect). The rule
versions found on one side only are the cause of the change; results are grouped
by them, so a lawyer sees which amended rule moved which measures.

Both sides are read as canonical assessment JSON (parsed), so a result stored
under an older schema compares like a new one.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any


class ImpactKind(StrEnum):
    """How the candidate rulebook's result relates to the assessment of record."""

    CHANGED = "changed"
    UNCHANGED = "unchanged"
    NOT_ASSESSED_BEFORE = "not_assessed_before"
    FAILED = "failed"


@dataclass(frozen=True)
class MeasureImpact:
    """The comparison for one measure; ``rules`` are the rule versions (``ID@version``) causing the change."""

    measure_id: str
    organisation: str
    kind: ImpactKind
    previous_verdict: str | None = None
    verdict: str | None = None
    principles: tuple[str, ...] = ()
    findings_added: tuple[str, ...] = ()
    findings_removed: tuple[str, ...] = ()
    rules: tuple[str, ...] = ()
    error: str | None = None


def finding_key(finding: Mapping[str, Any]) -> str:
    """A finding as compared: ``RULE@version:effect``."""
    return f"{finding['rule_id']}@{finding['rule_version']}:{finding['effect']}"


def _rule_version(key: str) -> str:
    return key.split(":", 1)[0]


def _outcomes(result: Mapping[str, Any]) -> dict[str, str]:
    principles: Mapping[str, Any] = result.get("principles", {})
    return {name: str(p.get("outcome")) for name, p in principles.items()}


def compare(
    measure_id: str, organisation: str, previous: Mapping[str, Any] | None, current: Mapping[str, Any]
) -> MeasureImpact:
    """Compare the assessment of record (``previous``, None if there is none) with the candidate's (``current``)."""
    verdict = str(current["verdict"])
    if previous is None:
        return MeasureImpact(measure_id, organisation, ImpactKind.NOT_ASSESSED_BEFORE, verdict=verdict)
    before = {finding_key(f) for f in previous.get("findings", [])}
    after = {finding_key(f) for f in current.get("findings", [])}
    old_outcomes, new_outcomes = _outcomes(previous), _outcomes(current)
    principles = tuple(
        sorted(p for p in old_outcomes.keys() | new_outcomes.keys() if old_outcomes.get(p) != new_outcomes.get(p))
    )
    previous_verdict = str(previous["verdict"])
    added, removed = tuple(sorted(after - before)), tuple(sorted(before - after))
    changed = previous_verdict != verdict or principles or added or removed
    return MeasureImpact(
        measure_id,
        organisation,
        ImpactKind.CHANGED if changed else ImpactKind.UNCHANGED,
        previous_verdict=previous_verdict,
        verdict=verdict,
        principles=principles,
        findings_added=added,
        findings_removed=removed,
        rules=tuple(sorted({_rule_version(k) for k in (*added, *removed)})),
    )


@dataclass(frozen=True)
class ImpactGroup:
    """The changed measures that the same rule versions changed."""

    rules: tuple[str, ...]
    measures: tuple[str, ...]


def group_by_rules(impacts: Iterable[MeasureImpact]) -> list[ImpactGroup]:
    """Changed measures grouped by the rule versions that changed them, largest group first, then by rules."""
    groups: dict[tuple[str, ...], list[str]] = {}
    for impact in impacts:
        if impact.kind is ImpactKind.CHANGED:
            groups.setdefault(impact.rules, []).append(impact.measure_id)
    ordered = sorted(groups.items(), key=lambda item: (-len(item[1]), item[0]))
    return [ImpactGroup(rules, tuple(sorted(ids))) for rules, ids in ordered]
