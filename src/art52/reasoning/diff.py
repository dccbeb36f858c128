"""Compare two assessments part by part (the what-if answer).

Findings are matched by rule id: a rule present on one side only was added or
removed (it came into or went out of scope, or into or out of force); a rule on
both sides whose finding differs in effect, facts relied on or facts missing is
changed. Questions are matched by field path. Everything keeps the order of the
assessments, so the same two assessments always give the same diff.
"""

from __future__ import annotations

from art52.domain.assessment import Assessment
from art52.domain.diff import (
    AssessmentDiff,
    FindingChange,
    FindingRef,
    OutcomeChange,
    QuestionRef,
    Side,
    VerdictChange,
)
from art52.domain.findings import Finding
from art52.domain.principles import PRINCIPLE_ORDER

_COMPARED = ("effect", "facts", "missing_facts", "provisional", "legal_review_required", "remedy", "safeguard")


def diff_assessments(old: Assessment, new: Assessment, *, include_assessments: bool = False) -> AssessmentDiff:
    """What changed from ``old`` to ``new``."""
    verdict = VerdictChange(
        old=old.verdict,
        new=new.verdict,
        old_range=old.verdict_range,
        new_range=new.verdict_range,
        changed=old.verdict != new.verdict or old.verdict_range != new.verdict_range,
    )
    principles = tuple(
        OutcomeChange(principle=p, old=old.principles[p].outcome, new=new.principles[p].outcome)
        for p in PRINCIPLE_ORDER
        if p in old.principles and p in new.principles and old.principles[p].outcome != new.principles[p].outcome
    )
    old_findings = {f.rule_id: f for f in old.findings}
    new_findings = {f.rule_id: f for f in new.findings}
    added = tuple(_ref(f) for f in new.findings if f.rule_id not in old_findings)
    removed = tuple(_ref(f) for f in old.findings if f.rule_id not in new_findings)
    changed = tuple(
        change
        for f in new.findings
        if f.rule_id in old_findings and (change := _change(old_findings[f.rule_id], f)) is not None
    )
    old_questions = {q.path for q in old.missing_facts}
    new_questions = {q.path for q in new.missing_facts}
    opened = tuple(
        QuestionRef(path=q.path, question=q.question) for q in new.missing_facts if q.path not in old_questions
    )
    closed = tuple(
        QuestionRef(path=q.path, question=q.question) for q in old.missing_facts if q.path not in new_questions
    )
    return AssessmentDiff(
        old=_side(old),
        new=_side(new),
        verdict=verdict,
        principles=principles,
        findings_added=added,
        findings_removed=removed,
        findings_changed=changed,
        questions_opened=opened,
        questions_closed=closed,
        changed=bool(verdict.changed or principles or added or removed or changed or opened or closed),
        old_assessment=old if include_assessments else None,
        new_assessment=new if include_assessments else None,
    )


def _side(assessment: Assessment) -> Side:
    return Side(measure_id=assessment.measure_id, measure_title=assessment.measure_title, as_of=assessment.as_of)


def _ref(finding: Finding) -> FindingRef:
    return FindingRef(rule_id=finding.rule_id, title=finding.title, principle=finding.principle, effect=finding.effect)


def _change(old: Finding, new: Finding) -> FindingChange | None:
    parts = tuple(name for name in _COMPARED if getattr(old, name) != getattr(new, name))
    if not parts:
        return None
    return FindingChange(
        rule_id=new.rule_id,
        title=new.title,
        principle=new.principle,
        old_effect=old.effect,
        new_effect=new.effect,
        changed=parts,
    )
