"""The report's lead as JSON: the answer, why, what would change it, what to ask, what to impose.

For a dashboard or a case-management system that wants the one-page answer
without parsing Markdown. It is the same report model as the documents, so it
never says something they do not.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from art52.report.model import Report

SUMMARY_VERSION = "1.0"
ENFORCING_NOTE = (
    "From the enforcing side, enforcing_outcome answers the enforcing authority's question; "
    "the verdict remains the Charter Art. 52(1) assessment of the measure."
)


def summary(report: Report) -> dict[str, Any]:
    """The lead of the report: everything above the per-principle detail, and each principle's one line.

    From the enforcing side the lead starts with the enforcing authority's outcome, as the
    documents do; from the issuing side the key is absent, so that summary is unchanged.
    """
    enforcing = (
        {
            "enforcing_outcome": {
                "decision": report.enforcing_decision,
                "statement": report.enforcing_outcome,
                "note": ENFORCING_NOTE,
            }
        }
        if report.enforcing_outcome is not None
        else {}
    )
    return {
        "summary_version": SUMMARY_VERSION,
        "title": report.title,
        "measure_id": report.measure_id,
        **enforcing,
        "verdict": report.verdict_class,
        "verdict_text": report.verdict,
        "reason": report.reason,
        "legal_review_required": report.legal_review_required,
        "essence_breached": report.essence_breached,
        "decisive": [
            {
                "rule_id": f.rule_id,
                "rule_version": f.version,
                "title": f.title,
                "effect": f.effect,
                "sources": [asdict(c) for c in f.sources],
            }
            for f in report.decisive
        ],
        "what_would_change_it": [asdict(c) for c in report.changes],
        "what_would_change_it_note": report.changes_note,
        "questions": [asdict(q) for q in report.questions],
        "conditions": list(report.conditions),
        "principles": [
            {"principle": p.name.lower(), "outcome": p.outcome_class, "outcome_text": p.outcome, "reason": p.reason}
            for p in report.principles
        ],
        "warnings": list(report.warnings),
        "legal_date": report.legal_date,
        "legal_question": report.legal_question,
        "rulebook_version": report.rulebook_version,
        "record": asdict(report.record) if report.record else None,
    }


def summary_json(report: Report) -> str:
    """The summary as canonical JSON (same report, same bytes)."""
    return json.dumps(summary(report), indent=2, ensure_ascii=False) + "\n"
