"""SQL storage of rulebooks, impact analyses, their chunks and their per-measure results.

A result is inserted with "on conflict do nothing" on its (analysis, measure)
key: a chunk that runs twice (its first worker died) cannot count a measure
twice, and whichever run stored a measure first is the one kept.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Connection, RowMapping, Table, func, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite

from art52.adapters import tables as t
from art52.domain.impact import ImpactKind, MeasureImpact
from art52.domain.records import MeasureFilter
from art52.domain.rulebook_records import AnalysisState, ImpactAnalysis, RulebookRecord, StoredMeasureInput


def _names(table: Table) -> list[str]:
    return [column.name for column in table.columns]


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


class SqlImpactRepository:
    def __init__(self, connection: Connection) -> None:
        self._c = connection

    # rulebooks
    def add_rulebook(self, record: RulebookRecord) -> None:
        values = {k: getattr(record, k) for k in _names(t.rulebooks)}
        self._c.execute(insert(t.rulebooks).values(values | {"files": _json(record.files)}))

    def rulebook(self, rulebook_id: str) -> RulebookRecord | None:
        row = self._c.execute(select(t.rulebooks).where(t.rulebooks.c.id == rulebook_id)).mappings().first()
        return _rulebook(row) if row else None

    def adopt(self, rulebook_id: str, by: str, at: dt.datetime) -> None:
        self._c.execute(update(t.rulebooks).where(t.rulebooks.c.id == rulebook_id).values(adopted_by=by, adopted_at=at))

    def adopted(self) -> RulebookRecord | None:
        """The rulebook adopted last, if any."""
        r = t.rulebooks.c
        query = select(t.rulebooks).where(r.adopted_at.is_not(None)).order_by(r.adopted_at.desc(), r.id.desc())
        row = self._c.execute(query.limit(1)).mappings().first()
        return _rulebook(row) if row else None

    # analyses
    def add_analysis(self, analysis: ImpactAnalysis, chunks: Sequence[Sequence[str]]) -> None:
        values = {k: getattr(analysis, k) for k in _names(t.impact_analyses)}
        self._c.execute(insert(t.impact_analyses).values(values | {"state": analysis.state.value}))
        if chunks:
            self._c.execute(
                insert(t.impact_chunks),
                [
                    {"analysis_id": analysis.id, "number": n, "measure_ids": _json(list(ids))}
                    for n, ids in enumerate(chunks)
                ],
            )

    def analysis(self, analysis_id: str, *, lock: bool = False) -> ImpactAnalysis | None:
        query = select(t.impact_analyses).where(t.impact_analyses.c.id == analysis_id)
        row = self._c.execute(query.with_for_update() if lock else query).mappings().first()
        if row is None:
            return None
        values = {k: row[k] for k in _names(t.impact_analyses)}
        return ImpactAnalysis(**values | {"state": AnalysisState(row["state"])})

    def chunk(self, analysis_id: str, number: int) -> list[str] | None:
        c = t.impact_chunks.c
        row = self._c.execute(select(c.measure_ids).where(c.analysis_id == analysis_id, c.number == number)).first()
        return list(json.loads(row.measure_ids)) if row else None

    def finish_chunk(self, analysis_id: str, number: int, at: dt.datetime) -> int:
        """Mark a chunk done; the number of chunks still open."""
        c = t.impact_chunks.c
        self._c.execute(
            update(t.impact_chunks)
            .where(c.analysis_id == analysis_id, c.number == number, c.done_at.is_(None))
            .values(done_at=at)
        )
        query = select(func.count()).where(c.analysis_id == analysis_id, c.done_at.is_(None))
        return int(self._c.execute(query).scalar_one())

    def finish(self, analysis_id: str, at: dt.datetime) -> bool:
        """Mark the analysis finished; False if it already was."""
        a = t.impact_analyses.c
        moved = self._c.execute(
            update(t.impact_analyses)
            .where(a.id == analysis_id, a.state == AnalysisState.RUNNING.value)
            .values(state=AnalysisState.FINISHED.value, finished_at=at)
        )
        return bool(moved.rowcount == 1)

    # measures to re-assess
    def measure_ids(self, where: MeasureFilter) -> list[str]:
        m = t.measures.c
        query = select(m.id)
        if where.organisation is not None:
            query = query.where(m.organisation == where.organisation)
        if where.status is not None:
            query = query.where(m.status == where.status.value)
        return list(self._c.execute(query.order_by(m.id)).scalars())

    def inputs(self, measure_ids: Sequence[str]) -> list[StoredMeasureInput]:
        """The current document and assessment of record of each measure, in the order given."""
        m, v, a = t.measures.c, t.measure_versions.c, t.assessments.c
        query = (
            select(m.id, m.organisation, v.document, a.result, a.as_of)
            .join(t.measure_versions, (v.measure_id == m.id) & (v.number == m.version))
            .outerjoin(t.assessments, a.id == m.latest_assessment_id)
            .where(m.id.in_(list(measure_ids)))
        )
        found = {
            row.id: StoredMeasureInput(row.id, row.organisation, json.loads(row.document), row.result, row.as_of)
            for row in self._c.execute(query)
        }
        return [found[i] for i in measure_ids if i in found]

    # results
    def done(self, analysis_id: str, measure_ids: Sequence[str]) -> set[str]:
        r = t.impact_results.c
        query = select(r.measure_id).where(r.analysis_id == analysis_id, r.measure_id.in_(list(measure_ids)))
        return set(self._c.execute(query).scalars())

    def add_results(self, analysis_id: str, impacts: Iterable[MeasureImpact]) -> None:
        rows = [_result_row(analysis_id, i) for i in impacts]
        if not rows:
            return
        dialect = postgresql if self._c.dialect.name == "postgresql" else sqlite
        self._c.execute(dialect.insert(t.impact_results).on_conflict_do_nothing(), rows)

    def count_results(self, analysis_id: str) -> int:
        r = t.impact_results.c
        return int(self._c.execute(select(func.count()).where(r.analysis_id == analysis_id)).scalar_one())

    def results(self, analysis_id: str) -> list[MeasureImpact]:
        r = t.impact_results.c
        rows = self._c.execute(
            select(t.impact_results).where(r.analysis_id == analysis_id).order_by(r.measure_id)
        ).mappings()
        return [_impact(row) for row in rows]


def _rulebook(row: RowMapping) -> RulebookRecord:
    values = {k: row[k] for k in _names(t.rulebooks)}
    return RulebookRecord(**values | {"files": json.loads(row["files"])})


def _result_row(analysis_id: str, impact: MeasureImpact) -> dict[str, Any]:
    return {
        "analysis_id": analysis_id,
        "measure_id": impact.measure_id,
        "organisation": impact.organisation,
        "kind": impact.kind.value,
        "previous_verdict": impact.previous_verdict,
        "verdict": impact.verdict,
        "principles": _json(list(impact.principles)),
        "findings_added": _json(list(impact.findings_added)),
        "findings_removed": _json(list(impact.findings_removed)),
        "rules": _json(list(impact.rules)),
        "error": impact.error,
    }


def _impact(row: RowMapping) -> MeasureImpact:
    return MeasureImpact(
        measure_id=row["measure_id"],
        organisation=row["organisation"],
        kind=ImpactKind(row["kind"]),
        previous_verdict=row["previous_verdict"],
        verdict=row["verdict"],
        principles=tuple(json.loads(row["principles"])),
        findings_added=tuple(json.loads(row["findings_added"])),
        findings_removed=tuple(json.loads(row["findings_removed"])),
        rules=tuple(json.loads(row["rules"])),
        error=row["error"],
    )
