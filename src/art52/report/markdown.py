"""Markdown rendering of an assessment, for officials and reviewers.

Every finding is shown with its citation and pinpoint; unverified pinpoints
and provisional law are marked, so a reader never mistakes them for settled.
"""

from __future__ import annotations

from collections.abc import Sequence

from art52.domain.assessment import Assessment, MissingFact
from art52.domain.citations import Citation
from art52.domain.findings import Basis, Finding
from art52.domain.principles import Effect
from art52.domain.records import Contest
from art52.reasoning.balancing import worst_first

VERDICT_TEXT = {
    "compliant": "Compliant",
    "compliant_with_conditions": "Compliant with conditions",
    "non_compliant": "Not compliant",
    "insufficient_information": "Insufficient information",
}
CHANGE_TEXT = {
    "verdict": "could change the verdict",
    "principle": "could change",
    "confirmation": "to confirm",
}
EFFECT_TEXT = {
    Effect.VIOLATION: "violation",
    Effect.NEEDS_INFORMATION: "needs information",
    Effect.CONDITION: "condition to impose",
    Effect.SATISFIED: "satisfied",
}


def cite(citation: Citation) -> str:
    """One citation: short name, pinpoint, identifier, date, and whether the pinpoint was verified."""
    parts = [citation.short]
    if citation.pinpoint:
        parts.append(citation.pinpoint)
    ident = ", ".join(x for x in (citation.identifier, citation.date.isoformat() if citation.date else None) if x)
    text = ", ".join(parts) + (f" ({ident})" if ident else "")
    return text if citation.verified else f"{text} [pinpoint not verified]"


def contested(contest: Contest) -> str:
    """One contest, as shown under the finding it objects to."""
    reason = " ".join(contest.reason.split())  # one line, so it cannot break the list structure
    return f"Contested by {contest.contested_by} on {contest.contested_at.date().isoformat()}: {reason}"


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


def effect_text(finding: Finding) -> str:
    """The effect as it weighs: a method only recommends; an obligation's unknown fact is to confirm."""
    if finding.basis is Basis.METHOD and finding.effect is not Effect.SATISFIED:
        return f"recommendation ({EFFECT_TEXT[finding.effect]})"
    if finding.basis is Basis.LEGISLATION and finding.effect is Effect.NEEDS_INFORMATION:
        return "to confirm"
    return EFFECT_TEXT[finding.effect]


def render_finding(finding: Finding, contests: Sequence[Contest] = ()) -> list[str]:
    flag = " — provisional law, legal review required" if finding.legal_review_required else ""
    lines = [
        f"- **{finding.rule_id}** v{finding.rule_version} — {finding.title}: *{effect_text(finding)}*{flag}",
        f"  - {finding.explanation}",
        f"  - Sources: {'; '.join(cite(c) for c in finding.sources)}",
    ]
    if finding.later_confirmation:
        lines.append(f"  - Later confirmation: {'; '.join(cite(c) for c in finding.later_confirmation)}")
    known = [f"`{f.path}` = `{f.value}`" for f in finding.facts if f.known]
    if known:
        lines.append(f"  - Facts relied on: {', '.join(known)}")
    if finding.missing_facts:
        lines.append(f"  - Missing: {', '.join(f'`{p}`' for p in finding.missing_facts)}")
    lines += [f"  - **{contested(c)}**" for c in contests if c.rule_id == finding.rule_id]
    return lines


def render_markdown(assessment: Assessment, contests: Sequence[Contest] = ()) -> str:
    """The full report as Markdown; ``contests`` are shown with the findings they object to."""
    verdict = verdict_line(assessment)
    out = [f"# Assessment: {assessment.measure_title}", ""]
    if assessment.measure_id:
        out.append(f"Measure reference: `{assessment.measure_id}`  ")
    out += [
        f"Legal date: {assessment.as_of.isoformat()} ({assessment.as_of_source.value.replace('_', ' ')})  ",
        *([f"Question answered: {assessment.legal_question}  "] if assessment.legal_question else []),
        f"Rulebook: `{assessment.rulebook_version}` — engine: {assessment.engine.version}",
        "",
        f"## Verdict: {verdict}",
        "",
    ]
    if assessment.legal_review_required:
        out += ["> **Legal review required**: the verdict rests on provisional law (no court ruling yet).", ""]
    if assessment.analysis_ended_at:
        out += [f"The Art. 52(1) analysis ends at **{assessment.analysis_ended_at.value}**.", ""]
    for warning in assessment.warnings:
        out.append(f"> Warning: {warning}")
    if assessment.warnings:
        out.append("")
    if contests:
        rules = sorted({c.rule_id for c in contests})
        out += [f"> **Contested findings**: {', '.join(rules)} (see below).", ""]
    out += ["## Principles", ""]
    by_id = {f.rule_id: f for f in assessment.findings}
    for principle, result in assessment.principles.items():
        out += [
            f"### {principle.value.capitalize()}: {result.outcome.value.replace('_', ' ')}",
            "",
            result.reasoning,
            "",
        ]
        for finding in worst_first(by_id[r] for r in result.findings):
            out += render_finding(finding, contests)
        if result.findings:
            out.append("")
    if assessment.conditions:
        out += ["## Safeguards to impose", ""]
        out += [f"- {c.safeguard} ({c.rule_id})" for c in assessment.conditions]
        out.append("")
    if assessment.missing_facts:
        out += ["## Questions for the official (most decisive first)", ""]
        for m in assessment.missing_facts:
            choices = f" Options: {', '.join(o.label for o in m.options)}." if m.options else ""
            out.append(f"1. {m.question}{choices} (`{m.path}`: {question_note(m)})")
        out.append("")
    if assessment.recommendations:
        out += ["## Recommendations (guidance, not conditions)", ""]
        out += [f"- {r.recommendation} ({r.rule_id})" for r in assessment.recommendations]
        out.append("")
    return "\n".join(out)
