"""Questions for the official: which to ask, in what order, and how to phrase them.

What an answer could still change, for each rule still open that asks for the field:

- ``verdict``: a case-law test that could move the overall best case;
- ``principle``: a case-law test that could move its principle's best case only;
- ``confirmation``: anything else — an obligation of the implementer (R3: a fact
  to confirm, never a reason to withhold), or a test whose every outcome leaves
  the verdict and its principle as they are.

A field asked by several rules takes the most decisive of them. Method rules
(guidance) ask nothing: what they lack becomes a recommendation.

On a non-compliant measure the verdict cannot change any more; only questions
that could still move a principle not already found unsatisfied are asked
(``principle``): they tell the official what else must change. Confirmations are
then left out: no answer to them can alter what must be remedied.

Order, most decisive first: what the answer could change (verdict, principle,
confirmation); then the harshest outcome it could lead to (a violation before a
condition); then the first principle it touches, in the Charter's order; then
the number of rules waiting on it (more first); then the field path.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from art52.domain.assessment import Change, MissingFact, Option
from art52.domain.fields import FieldSpec
from art52.domain.findings import Basis
from art52.domain.principles import PRINCIPLE_ORDER, Principle, Verdict
from art52.reasoning.outlook import Outlook
from art52.reasoning.phrasing import options_for, question_for
from art52.reasoning.verdict_range import Level, Range, levels

CHANGE_RANK: dict[Change, int] = {"verdict": 0, "principle": 1, "confirmation": 2}


@dataclass
class _Need:
    rules: set[str]
    change: Change
    principles: set[Principle]
    harshest: Level


def questions(
    outlooks: Sequence[Outlook],
    overall: Range,
    principles: Mapping[Principle, Range],
    verdict: Verdict,
    fields: Mapping[str, FieldSpec],
) -> tuple[MissingFact, ...]:
    """The questions to ask, most decisive first."""
    needs: dict[str, _Need] = {}
    for outlook in outlooks:
        if outlook.basis is Basis.METHOD or not outlook.open:
            continue
        change = _change(outlook, overall, principles)
        moves = {outlook.principle} if principles[outlook.principle].could_change(outlook) else set()
        for path in outlook.unknowns:
            need = needs.setdefault(path, _Need(set(), "confirmation", set(), Level.COMPLIANT))
            need.rules.add(outlook.rule_id)
            need.principles |= moves if outlook.basis is Basis.CASE_LAW else set()
            need.harshest = max(need.harshest, max(levels(outlook)))
            if CHANGE_RANK[change] < CHANGE_RANK[need.change]:
                need.change = change
    if verdict is Verdict.NON_COMPLIANT:
        needs = {path: need for path, need in needs.items() if need.change == "principle"}
    ordered = sorted(needs.items(), key=lambda item: _order(*item))
    return tuple(
        MissingFact(
            path=path,
            question=question_for(path, fields),
            rules=tuple(sorted(need.rules)),
            changes=need.change,
            principles=tuple(p for p in PRINCIPLE_ORDER if p in need.principles),
            options=tuple(Option(value=value, label=label) for value, label in options_for(path, fields)),
        )
        for path, need in ordered
    )


def _change(outlook: Outlook, overall: Range, principles: Mapping[Principle, Range]) -> Change:
    if outlook.basis is not Basis.CASE_LAW:
        return "confirmation"
    if overall.best is not Level.NON_COMPLIANT and overall.could_change(outlook):
        return "verdict"
    if principles[outlook.principle].could_change(outlook):
        return "principle"
    return "confirmation"


def _order(path: str, need: _Need) -> tuple[int, int, int, int, str]:
    first = min((PRINCIPLE_ORDER.index(p) for p in need.principles), default=len(PRINCIPLE_ORDER))
    return (CHANGE_RANK[need.change], -need.harshest, first, -len(need.rules), path)
