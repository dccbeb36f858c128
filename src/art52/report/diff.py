"""A what-if comparison in words: a one-line summary and a Markdown section per kind of change."""

from __future__ import annotations

from art52.domain.diff import AssessmentDiff, FindingRef
from art52.report.wording import EFFECT_TEXT, OUTCOME_TEXT, VERDICT_TEXT


def diff_summary(diff: AssessmentDiff) -> str:
    """One line: the verdict before and after, and how many parts changed."""
    old, new = VERDICT_TEXT[diff.verdict.old.value], VERDICT_TEXT[diff.verdict.new.value]
    verdict = f"Verdict: {old} → {new}" if diff.verdict.old != diff.verdict.new else f"Verdict unchanged: {old}"
    counts = (
        f"{len(diff.principles)} principle(s) changed, {len(diff.findings_added)} finding(s) added, "
        f"{len(diff.findings_removed)} removed, {len(diff.findings_changed)} changed, "
        f"{len(diff.questions_opened)} question(s) opened, {len(diff.questions_closed)} closed"
    )
    return f"{verdict}; {counts}." if diff.changed else f"{verdict}; nothing changed."


def diff_markdown(diff: AssessmentDiff) -> str:
    """The comparison as Markdown, each kind of change in its own section (empty ones left out)."""
    lines = [
        "# What changes",
        "",
        f"- Old: {diff.old.measure_title} (legal date {diff.old.as_of.isoformat()})",
        f"- New: {diff.new.measure_title} (legal date {diff.new.as_of.isoformat()})",
        "",
        diff_summary(diff),
        "",
    ]
    range_old, range_new = diff.verdict.old_range, diff.verdict.new_range
    if range_old != range_new:
        lines += [
            f"Verdict range: {VERDICT_TEXT[range_old.best.value]} … {VERDICT_TEXT[range_old.worst.value]} → "
            f"{VERDICT_TEXT[range_new.best.value]} … {VERDICT_TEXT[range_new.worst.value]}",
            "",
        ]
    if diff.principles:
        lines += ["## Principles", ""]
        lines += [
            f"- {c.principle.value.capitalize()}: {OUTCOME_TEXT[c.old]} → {OUTCOME_TEXT[c.new]}"
            for c in diff.principles
        ]
        lines.append("")
    for heading, found in (("Findings added", diff.findings_added), ("Findings removed", diff.findings_removed)):
        if found:
            lines += [f"## {heading}", "", *(_finding(f) for f in found), ""]
    if diff.findings_changed:
        lines += ["## Findings changed", ""]
        lines += [
            f"- {c.rule_id} — {c.title}: {EFFECT_TEXT[c.old_effect]} → {EFFECT_TEXT[c.new_effect]} "
            f"({', '.join(part.replace('_', ' ') for part in c.changed)})"
            for c in diff.findings_changed
        ]
        lines.append("")
    for heading, asked in (("Questions opened", diff.questions_opened), ("Questions closed", diff.questions_closed)):
        if asked:
            lines += [f"## {heading}", "", *(f"- {q.question} (`{q.path}`)" for q in asked), ""]
    return "\n".join(lines)


def _finding(finding: FindingRef) -> str:
    return f"- {finding.rule_id} — {finding.title} ({finding.principle.value}: {EFFECT_TEXT[finding.effect]})"
