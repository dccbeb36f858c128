"""An impact analysis as JSON (for programs) and CSV (for a spreadsheet): one rendering of one report."""

from __future__ import annotations

import csv
import io
from typing import Any

from art52.domain.impact import MeasureImpact
from art52.services.impact import ImpactReport

CSV_COLUMNS = (
    "measure_id",
    "organisation",
    "kind",
    "previous_verdict",
    "verdict",
    "principles",
    "findings_added",
    "findings_removed",
    "rules",
    "error",
)


def impact_json(report: ImpactReport) -> dict[str, Any]:
    """The report: progress; once finished, counts, groups by rule versions and the measures that changed."""
    analysis = report.analysis
    document: dict[str, Any] = {
        "id": analysis.id,
        "state": analysis.state.value,
        "rulebook": {"id": report.rulebook.id, "version": report.rulebook.version, "source": report.rulebook.source},
        "filter": {"organisation": analysis.organisation, "status": analysis.status},
        "as_of": analysis.as_of.isoformat() if analysis.as_of else None,
        "created_at": analysis.created_at.isoformat(),
        "finished_at": analysis.finished_at.isoformat() if analysis.finished_at else None,
        "progress": {"measures": analysis.total, "processed": report.processed, "chunks": analysis.chunks},
    }
    if report.finished:
        document["counts"] = report.counts()
        document["groups"] = [{"rules": list(g.rules), "measures": list(g.measures)} for g in report.groups]
        document["changes"] = [_row(r) for r in report.results if r.kind.value in ("changed", "failed")]
    return document


def _row(impact: MeasureImpact) -> dict[str, Any]:
    return {
        "measure_id": impact.measure_id,
        "organisation": impact.organisation,
        "kind": impact.kind.value,
        "previous_verdict": impact.previous_verdict,
        "verdict": impact.verdict,
        "principles": list(impact.principles),
        "findings_added": list(impact.findings_added),
        "findings_removed": list(impact.findings_removed),
        "rules": list(impact.rules),
        "error": impact.error,
    }


def impact_csv(report: ImpactReport) -> str:
    """Every measure of a finished analysis, one row each; lists are joined with spaces."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for impact in report.results:
        row = _row(impact)
        writer.writerow(" ".join(v) if isinstance(v, list) else ("" if v is None else v) for v in row.values())
    return out.getvalue()
