"""The verdict range: the best and the worst verdict the open questions could still produce.

Each rule's possible effects (its :class:`Outlook`) map to levels on the scale
compliant < compliant with conditions < non-compliant. The best case is every
open rule at its mildest, the worst every open rule at its harshest. Treating
the rules independently can only widen the range, never narrow it, so it is
sound. What a rule can weigh depends on its basis (legal review R3):

- a **method** (guidance) only recommends: it never moves the range;
- a **legal obligation** counts as the law says when breached; a "needs
  information" it gives is something to confirm, so it weighs as a condition;
- a **case-law test** counts fully; one that may still find a violation, or that
  itself asks for information, *withholds* the verdict.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass
from enum import IntEnum

from art52.domain.findings import Basis
from art52.domain.principles import Effect, Outcome, Principle, Verdict
from art52.reasoning.outlook import Outlook


class Level(IntEnum):
    """The ordered part of the verdict scale."""

    COMPLIANT = 0
    CONDITIONS = 1
    NON_COMPLIANT = 2


VERDICT_OF_LEVEL = {
    Level.COMPLIANT: Verdict.COMPLIANT,
    Level.CONDITIONS: Verdict.COMPLIANT_WITH_CONDITIONS,
    Level.NON_COMPLIANT: Verdict.NON_COMPLIANT,
}
LEVEL_OF_VERDICT = {verdict: level for level, verdict in VERDICT_OF_LEVEL.items()}
OUTCOME_OF_LEVEL = {
    Level.COMPLIANT: Outcome.SATISFIED,
    Level.CONDITIONS: Outcome.CONDITIONAL,
    Level.NON_COMPLIANT: Outcome.NOT_SATISFIED,
}
_LEVEL_OF_EFFECT = {
    None: Level.COMPLIANT,
    Effect.SATISFIED: Level.COMPLIANT,
    Effect.CONDITION: Level.CONDITIONS,
    Effect.VIOLATION: Level.NON_COMPLIANT,
}


def levels(outlook: Outlook) -> frozenset[Level]:
    """The levels a rule can still give the measure."""
    return _levels(outlook.basis, outlook.effects)


@functools.cache
def _levels(basis: Basis, effects: frozenset[Effect | None]) -> frozenset[Level]:
    if basis is Basis.METHOD:
        return frozenset({Level.COMPLIANT})
    found: set[Level] = set()
    for effect in effects:
        if effect is not Effect.NEEDS_INFORMATION:
            found.add(_LEVEL_OF_EFFECT[effect])
        elif basis is Basis.LEGISLATION:
            found.add(Level.CONDITIONS)  # an obligation to confirm
        else:
            found.update((Level.COMPLIANT, Level.NON_COMPLIANT))  # the test itself leaves the verdict open
    return frozenset(found)


def withholds(outlook: Outlook) -> bool:
    """Whether this rule keeps the verdict open: a case-law test that may still find a violation."""
    if outlook.basis is not Basis.CASE_LAW:
        return False
    return Effect.NEEDS_INFORMATION in outlook.effects or (outlook.open and Level.NON_COMPLIANT in levels(outlook))


@dataclass(frozen=True)
class Range:
    """The best and the worst level the open questions could still produce."""

    best: Level
    worst: Level
    withheld: bool

    def could_change(self, outlook: Outlook) -> bool:
        """Whether the rule, still open, could move this range's best case."""
        return outlook.open and max(levels(outlook)) > self.best


def range_of(outlooks: Iterable[Outlook]) -> Range:
    """The range over some rules: the mildest and harshest each can still give."""
    best, worst, withheld = Level.COMPLIANT, Level.COMPLIANT, False
    for outlook in outlooks:
        possible = levels(outlook)
        best, worst = max(best, min(possible)), max(worst, max(possible))
        withheld = withheld or withholds(outlook)
    return Range(best, worst, withheld and best < Level.NON_COMPLIANT)


def verdict_of(span: Range) -> Verdict:
    """The verdict a range supports (R9: "compatible, provided that").

    A violation on the stated facts is final. Otherwise, when both ends agree
    that is the verdict; when only a case-law test could still find a violation
    the verdict is withheld; otherwise the open questions can only add
    conditions (or obligations to confirm), so the measure is compliant with
    conditions.
    """
    if span.best is Level.NON_COMPLIANT or span.best == span.worst:
        return VERDICT_OF_LEVEL[span.best]
    if span.withheld:
        return Verdict.INSUFFICIENT_INFORMATION
    return Verdict.COMPLIANT_WITH_CONDITIONS


def outcome_of(span: Range) -> Outcome:
    """A principle's outcome, by the same reading as the verdict."""
    if span.best is Level.NON_COMPLIANT or span.best == span.worst:
        return OUTCOME_OF_LEVEL[span.best]
    return Outcome.INSUFFICIENT_INFORMATION if span.withheld else Outcome.CONDITIONAL


def principle_ranges(outlooks: Iterable[Outlook]) -> dict[Principle, Range]:
    """The range of each principle, over its own rules."""
    by_principle: dict[Principle, list[Outlook]] = {p: [] for p in Principle}
    for outlook in outlooks:
        by_principle[outlook.principle].append(outlook)
    return {p: range_of(items) for p, items in by_principle.items()}
