"""The report as one model: what the official reads first, then why, then everything else.

Markdown, HTML and PDF are renderings of this model by templates; none of them
decides what to say. Order: the verdict and one sentence naming the decisive
rules; the decisive findings; what would change the outcome; the questions that
could still change it (most decisive first); the conditions to impose; then each
principle with one line of reason; satisfied findings last.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from art52.domain.assessment import Assessment, MissingFact
from art52.domain.citations import Citation
from art52.domain.derived_facts import DERIVED_FACTS, fact_catalogue
from art52.domain.fields import FieldSpec
from art52.domain.findings import Basis, Finding
from art52.domain.principles import Effect, Outcome, Principle, Verdict
from art52.domain.records import Contest, Decision, StoredAssessment
from art52.domain.remedies import Remedies, WhyNot
from art52.reasoning.balancing import worst_first
from art52.report.wording import (
    CHANGE_TEXT,
    DECISION_TEXT,
    OUTCOME_TEXT,
    VERDICT_TEXT,
    cite,
    effect_text,
    fact_value,
    one_line,
)

ESSENCE_NOTICE = (
    "The essence of the right is breached. No safeguard or condition can save the measure: "
    "it must be redesigned so that it no longer does what the essence rules forbid."
)


@dataclass(frozen=True)
class CitationView:
    text: str
    url: str | None
    verified: bool


@dataclass(frozen=True)
class FactView:
    path: str
    value: str
    derived: bool


@dataclass(frozen=True)
class FindingView:
    rule_id: str
    version: int
    title: str
    effect: str
    effect_class: str
    explanation: str
    provisional: bool
    sources: tuple[CitationView, ...]
    later: tuple[CitationView, ...]
    facts: tuple[FactView, ...]
    missing: tuple[str, ...]
    remedy: tuple[FactView, ...]
    contests: tuple[str, ...]


@dataclass(frozen=True)
class PrincipleView:
    name: str
    outcome: str
    outcome_class: str
    reason: str
    open_findings: tuple[FindingView, ...]
    decisive: tuple[str, ...]


@dataclass(frozen=True)
class WhyNotView:
    """One principle not satisfied: for each rule keeping it so, the deciding facts and what would meet it."""

    principle: str
    outcome: str
    rules: tuple[str, ...]


@dataclass(frozen=True)
class QuestionView:
    text: str
    path: str
    options: str
    note: str


@dataclass(frozen=True)
class ChangeView:
    """What would change the outcome: a rule's own remedy hint, or a verified remedy set."""

    changes: tuple[FactView, ...]
    result: str
    rules: tuple[str, ...]
    verified: bool


@dataclass(frozen=True)
class Record:
    """Who decided what, on which measure version and assessment (stored assessments only)."""

    assessment_id: str
    measure_id: str
    measure_version: int
    assessed_at: str
    assessed_by: str
    decisions: tuple[str, ...]


@dataclass(frozen=True)
class Report:
    title: str
    measure_id: str | None
    verdict: str
    verdict_class: str
    reason: str
    legal_review_required: bool
    essence_breached: bool
    warnings: tuple[str, ...]
    decisive: tuple[FindingView, ...]
    changes: tuple[ChangeView, ...]
    changes_note: str | None
    questions: tuple[QuestionView, ...]
    conditions: tuple[str, ...]
    recommendations: tuple[str, ...]
    principles: tuple[PrincipleView, ...]
    satisfied: tuple[FindingView, ...]
    contested_rules: tuple[str, ...]
    legal_date: str
    legal_date_source: str
    legal_question: str | None
    rulebook_version: str
    engine: str
    record: Record | None
    why_not: tuple[WhyNotView, ...] = field(default=())
    enforcing_outcome: str | None = field(default=None)
    enforcing_decision: str | None = field(default=None)


def build_report(
    assessment: Assessment,
    contests: Sequence[Contest] = (),
    stored: StoredAssessment | None = None,
    decisions: Sequence[Decision] = (),
) -> Report:
    """The report of an assessment; ``stored`` and ``decisions`` add who decided what, and on which version."""
    fields = fact_catalogue()
    views = {f.rule_id: _finding(f, contests, fields) for f in assessment.findings}
    decisive = _decisive(assessment)
    essence = assessment.principles[Principle.ESSENCE].outcome is Outcome.NOT_SATISFIED
    return Report(
        title=assessment.measure_title,
        measure_id=assessment.measure_id,
        verdict=verdict_line(assessment),
        verdict_class=assessment.verdict.value,
        reason=_reason(assessment, decisive, essence),
        legal_review_required=assessment.legal_review_required,
        essence_breached=essence,
        warnings=assessment.warnings,
        decisive=tuple(views[f.rule_id] for f in decisive),
        changes=() if essence else _changes(assessment, decisive, fields),
        changes_note=_changes_note(assessment.remedies, essence),
        questions=tuple(_question(m) for m in assessment.missing_facts),
        conditions=() if essence else tuple(f"{c.safeguard} ({c.rule_id})" for c in assessment.conditions),
        recommendations=tuple(f"{r.recommendation} ({r.rule_id})" for r in assessment.recommendations),
        principles=tuple(
            _principle(p, assessment, views, {f.rule_id for f in decisive}) for p in assessment.principles
        ),
        satisfied=tuple(
            views[f.rule_id] for f in sorted(assessment.findings, key=lambda f: f.rule_id) if _settled_well(f)
        ),
        contested_rules=tuple(sorted({c.rule_id for c in contests})),
        legal_date=assessment.as_of.isoformat(),
        legal_date_source=assessment.as_of_source.value.replace("_", " "),
        legal_question=assessment.legal_question,
        rulebook_version=assessment.rulebook_version,
        engine=assessment.engine.version,
        record=_record(stored, decisions) if stored else None,
        why_not=tuple(_why_not(w, fields) for w in assessment.why_not or ()),
        enforcing_outcome=assessment.enforcing_outcome.statement if assessment.enforcing_outcome else None,
        enforcing_decision=assessment.enforcing_outcome.decision.value if assessment.enforcing_outcome else None,
    )


def verdict_line(assessment: Assessment) -> str:
    """The verdict with its range when the open questions leave more than one outcome."""
    verdict = VERDICT_TEXT[assessment.verdict.value]
    best, worst = assessment.verdict_range.best.value, assessment.verdict_range.worst.value
    if best == worst:
        return verdict
    return f"{verdict} (between {VERDICT_TEXT[best].lower()} and {VERDICT_TEXT[worst].lower()})"


def question_note(question: MissingFact) -> str:
    """What the answer could change, and the rules waiting on it."""
    change = CHANGE_TEXT[question.changes]
    if question.changes == "principle":
        change += " " + ", ".join(p.value for p in question.principles)
    return f"{change}; needed by {', '.join(question.rules)}"


def _decisive(assessment: Assessment) -> list[Finding]:
    """The findings the verdict rests on: violations; else what withholds it; else the conditions."""
    weighed = [f for f in assessment.findings if f.basis is not Basis.METHOD]
    wanted = {
        Verdict.NON_COMPLIANT: {Effect.VIOLATION},
        Verdict.INSUFFICIENT_INFORMATION: {Effect.NEEDS_INFORMATION},
        Verdict.COMPLIANT_WITH_CONDITIONS: {Effect.CONDITION, Effect.NEEDS_INFORMATION},
        Verdict.COMPLIANT: set(),
    }[assessment.verdict]
    chosen = [f for f in weighed if f.effect in wanted]
    if assessment.verdict is Verdict.INSUFFICIENT_INFORMATION:
        chosen = [f for f in chosen if f.basis is Basis.CASE_LAW] or chosen
    order = {p: i for i, p in enumerate(assessment.principles)}
    return sorted(worst_first(chosen), key=lambda f: order[f.principle])


def _reason(assessment: Assessment, decisive: list[Finding], essence: bool) -> str:
    rules = ", ".join(dict.fromkeys(f.rule_id for f in decisive))
    verdict = assessment.verdict
    if verdict is Verdict.NON_COMPLIANT:
        ended = assessment.analysis_ended_at.value if assessment.analysis_ended_at else "a principle"
        text = f"Not compliant because {rules} found a violation; the analysis ends at {ended}."
        return text + (" The essence of the right is breached." if essence else "")
    if verdict is Verdict.INSUFFICIENT_INFORMATION:
        return f"No verdict yet: {rules or 'the rules'} need facts that are not stated (see the questions below)."
    if verdict is Verdict.COMPLIANT_WITH_CONDITIONS:
        conditions = ", ".join(c.rule_id for c in assessment.conditions) or rules
        return f"Compliant only if the conditions required by {conditions} are imposed or their facts confirmed."
    return "Compliant: every rule that applies is satisfied on the stated facts."


def _settled_well(finding: Finding) -> bool:
    return finding.effect is Effect.SATISFIED


def _finding(finding: Finding, contests: Sequence[Contest], fields: Mapping[str, FieldSpec]) -> FindingView:
    return FindingView(
        rule_id=finding.rule_id,
        version=finding.rule_version,
        title=finding.title,
        effect=effect_text(finding),
        effect_class=finding.effect.value,
        explanation=finding.explanation,
        provisional=finding.legal_review_required,
        sources=tuple(_citation(c) for c in finding.sources),
        later=tuple(_citation(c) for c in finding.later_confirmation),
        facts=tuple(_fact(f.path, f.value, fields) for f in finding.facts if f.known),
        missing=finding.missing_facts,
        remedy=tuple(_fact(p, v, fields) for p, v in (finding.remedy or {}).items()),
        contests=tuple(
            f"by {c.contested_by} on {c.contested_at.date().isoformat()}: {one_line(c.reason)}"
            for c in contests
            if c.rule_id == finding.rule_id
        ),
    )


def _citation(citation: Citation) -> CitationView:
    return CitationView(cite(citation, marked=False), citation.url, citation.verified)


def _fact(path: str, value: Any, fields: Mapping[str, FieldSpec]) -> FactView:
    return FactView(path, fact_value(value, fields.get(path)), path in DERIVED_FACTS)


def _principle(
    principle: Principle, assessment: Assessment, views: Mapping[str, FindingView], decisive: set[str]
) -> PrincipleView:
    result = assessment.principles[principle]
    reason, outcome = result.reasoning, OUTCOME_TEXT[result.outcome]
    if result.outcome is Outcome.NOT_APPLICABLE and not result.findings:
        reason = f"No {principle.value} rule of the rulebook applies to this measure, so this limb was not examined."
    elif result.outcome is Outcome.NOT_APPLICABLE:
        outcome = "examined by guidance only"
    return PrincipleView(
        name=principle.value.capitalize(),
        outcome=outcome,
        outcome_class=result.outcome.value,
        reason=reason,
        open_findings=tuple(
            views[r] for r in result.findings if views[r].effect_class != Effect.SATISFIED.value and r not in decisive
        ),
        decisive=tuple(r for r in result.findings if r in decisive),
    )


def _why_not(why: WhyNot, fields: Mapping[str, FieldSpec]) -> WhyNotView:
    lines = []
    for rule in why.rules:
        parts = []
        for flip in rule.facts:
            spec = fields.get(flip.path)
            now = fact_value(flip.value, spec) + (" (derived by art52)" if flip.derived else "")
            part = f"{flip.path} = {now}"
            if flip.flips_with:
                part += f", met with {' or '.join(fact_value(v, spec) for v in flip.flips_with)}"
            if flip.derived and flip.inputs and flip.flips_with:
                part += f" (computed from {', '.join(flip.inputs)})"
            parts.append(part)
        lines.append(f"{rule.rule_id} ({rule.effect.value.replace('_', ' ')}): " + "; ".join(parts))
    return WhyNotView(why.principle.value.capitalize(), OUTCOME_TEXT[why.outcome], tuple(lines))


def _question(missing: MissingFact) -> QuestionView:
    return QuestionView(
        text=missing.question,
        path=missing.path,
        options=", ".join(o.label for o in missing.options),
        note=question_note(missing),
    )


def remedy_changes(assessment: Assessment) -> tuple[tuple[tuple[str, Any], ...], ...]:
    """Each remedy the report lists under "what would change the outcome", as (field, value) pairs, in its order.

    A remedy can then be tried (what-if) with exactly the values the report shows in words.
    """
    if assessment.principles[Principle.ESSENCE].outcome is Outcome.NOT_SATISFIED:
        return ()
    return tuple(changes for changes, _result, _rules, _verified in _remedies(assessment, _decisive(assessment)))


def _remedies(
    assessment: Assessment, decisive: list[Finding]
) -> list[tuple[tuple[tuple[str, Any], ...], str, tuple[str, ...], bool]]:
    """Verified remedy sets when they were computed; otherwise the changes the decisive rules name."""
    if assessment.remedies is not None:
        return [
            (tuple((c.path, c.value) for c in s.changes), VERDICT_TEXT[s.verdict.value], s.rules, True)
            for s in assessment.remedies.sets
        ]
    if assessment.verdict is not Verdict.NON_COMPLIANT:
        return []
    return [(tuple(f.remedy.items()), f"lifts {f.rule_id}", (f.rule_id,), False) for f in decisive if f.remedy]


def _changes(
    assessment: Assessment, decisive: list[Finding], fields: Mapping[str, FieldSpec]
) -> tuple[ChangeView, ...]:
    return tuple(
        ChangeView(
            changes=tuple(_fact(path, value, fields) for path, value in changes),
            result=result,
            rules=rules,
            verified=verified,
        )
        for changes, result, rules, verified in _remedies(assessment, decisive)
    )


def _changes_note(remedies: Remedies | None, essence: bool) -> str | None:
    if essence:
        return ESSENCE_NOTICE
    if remedies is None:
        return None
    note = remedies.reason or ""
    if remedies.bound_reached:
        note += (
            f" The search stopped at its bound ({remedies.assessments} re-assessments, "
            f"sets of up to {remedies.max_changes} changes): other sets may exist."
        )
    return note.strip() or None


def _record(stored: StoredAssessment, decisions: Sequence[Decision]) -> Record:
    # A decision names the assessment it rests on; one that names none is about the measure version.
    mine = [
        d
        for d in decisions
        if d.assessment_id == stored.id or (d.assessment_id is None and d.measure_version == stored.measure_version)
    ]
    return Record(
        assessment_id=stored.id,
        measure_id=stored.measure_id,
        measure_version=stored.measure_version,
        assessed_at=_moment(stored.created_at),
        assessed_by=stored.created_by,
        decisions=tuple(
            f"{DECISION_TEXT[d.kind]} by {d.decided_by} on {_moment(d.decided_at)}: {one_line(d.reason)}"
            + (f" Conditions: {'; '.join(one_line(c) for c in d.conditions)}." if d.conditions else "")
            for d in mine
        ),
    )


def _moment(when: dt.datetime) -> str:
    return when.isoformat(timespec="seconds")


__all__ = ["Report", "build_report", "question_note", "verdict_line"]
