"""Impact analysis: which stored measures would a candidate rulebook change?

Loading a candidate stores it with its files (any worker can then rebuild it).
Starting an analysis fixes the measures it covers, splits them into chunks and
hands one job per chunk to the job queue. A chunk job re-assesses its measures
under the candidate, compares each with its assessment of record, and stores
the results and the chunk's completion in one transaction; results are keyed
by (analysis, measure), so a chunk run again after its worker died counts
nothing twice. The last chunk to finish closes the analysis and records
``impact_analysis.finished``.

Nothing here changes an assessment of record: adopting the rulebook is a
separate, audited act of a rule_admin.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import Any, Protocol

from art52.domain.access import Permission, Principal
from art52.domain.impact import ImpactGroup, ImpactKind, MeasureImpact, compare, group_by_rules
from art52.domain.records import MeasureFilter
from art52.domain.rulebook_records import AnalysisState, ImpactAnalysis, RulebookRecord, StoredMeasureInput
from art52.domain.workflow import Status
from art52.engine.backend import Backend
from art52.errors import Art52Error, NotFoundError
from art52.rulebook.catalog import Rulebook
from art52.services.assessments import Assessor
from art52.services.audit import record
from art52.services.guards import require
from art52.services.ports import Clock, UnitOfWork, UnitOfWorkFactory

CHUNK_TASK = "impact_chunk"
DEFAULT_CHUNK_SIZE = 250

RulebookBuilder = Callable[[Mapping[str, str]], Rulebook]
"""Builds (and validates) a rulebook from its files; RulebookError if they are not a valid rulebook."""


class JobQueue(Protocol):
    """Runs named tasks later, somewhere: in this process, or on the workers sharing the database."""

    def defer(self, task: str, args: dict[str, Any], delay: float = 0.0, lock: str | None = None) -> None:
        """Run ``task(**args)`` after ``delay`` seconds; tasks sharing a ``lock`` never run at the same time."""
        ...


@dataclass(frozen=True)
class ImpactReport:
    """An analysis, how far it got, and (once finished) its results grouped by the rule versions causing them."""

    analysis: ImpactAnalysis
    rulebook: RulebookRecord
    processed: int
    results: list[MeasureImpact]

    @property
    def finished(self) -> bool:
        return self.analysis.state is AnalysisState.FINISHED

    @property
    def changed(self) -> list[MeasureImpact]:
        return [r for r in self.results if r.kind is ImpactKind.CHANGED]

    @property
    def groups(self) -> list[ImpactGroup]:
        return group_by_rules(self.results)

    def counts(self) -> dict[str, int]:
        return {kind.value: sum(1 for r in self.results if r.kind is kind) for kind in ImpactKind}


class ImpactService:
    def __init__(
        self,
        uow: UnitOfWorkFactory,
        clock: Clock,
        new_id: Callable[[], str],
        build: RulebookBuilder,
        backend: Callable[[], Backend],
        queue: JobQueue,
        chunk_size: int = DEFAULT_CHUNK_SIZE,
    ) -> None:
        self._uow = uow
        self._clock = clock
        self._new_id = new_id
        self._build = build
        self._backend = backend
        self._queue = queue
        self._chunk_size = chunk_size

    # --- rulebooks
    def load(self, actor: str, organisation: str | None, files: Mapping[str, str], source: str) -> RulebookRecord:
        """Validate and store a candidate rulebook (RulebookError if invalid); ``source`` says where it came from."""
        rulebook = self._build(files)
        loaded = RulebookRecord(self._new_id(), rulebook.version, source, dict(files), actor, self._clock.now())
        with self._uow() as uow:
            uow.impact.add_rulebook(loaded)
            record(
                uow,
                self._clock,
                "rulebook.loaded",
                actor,
                organisation,
                loaded.id,
                {"version": loaded.version, "source": source},
            )
            uow.commit()
        return loaded

    def load_as(self, principal: Principal, files: Mapping[str, str], source: str) -> RulebookRecord:
        require(principal, Permission.MANAGE_RULEBOOKS, "load rulebooks")
        return self.load(principal.name, principal.organisation, files, source)

    def adopt(self, principal: Principal, rulebook_id: str) -> RulebookRecord:
        """Make a loaded rulebook the law of record (an audit event); adopting it again changes nothing."""
        require(principal, Permission.MANAGE_RULEBOOKS, "adopt rulebooks")
        with self._uow() as uow:
            found = uow.impact.rulebook(rulebook_id)
            if found is None:
                raise NotFoundError(f"no rulebook with id {rulebook_id}")
            if found.adopted_at is not None:
                return found
            adopted = replace(found, adopted_by=principal.name, adopted_at=self._clock.now())
            uow.impact.adopt(rulebook_id, principal.name, adopted.adopted_at or self._clock.now())
            record(
                uow,
                self._clock,
                "rulebook.adopted",
                principal.name,
                principal.organisation,
                rulebook_id,
                {"version": found.version, "source": found.source},
            )
            uow.commit()
        return adopted

    def rulebook(self, principal: Principal, rulebook_id: str) -> RulebookRecord:
        require(principal, Permission.READ, "read rulebooks")
        with self._uow(read_only=True) as uow:
            found = uow.impact.rulebook(rulebook_id)
        if found is None:
            raise NotFoundError(f"no rulebook with id {rulebook_id}")
        return found

    # --- analyses
    def start(
        self,
        actor: str,
        rulebook_id: str,
        where: MeasureFilter,
        as_of: dt.date | None = None,
        requester_organisation: str | None = None,
    ) -> ImpactAnalysis:
        """Fix the measures to re-assess, split them into chunks and queue one job per chunk."""
        with self._uow() as uow:
            if uow.impact.rulebook(rulebook_id) is None:
                raise NotFoundError(f"no rulebook with id {rulebook_id}")
            ids = uow.impact.measure_ids(where)
            chunks = [ids[i : i + self._chunk_size] for i in range(0, len(ids), self._chunk_size)]
            analysis = ImpactAnalysis(
                id=self._new_id(),
                rulebook_id=rulebook_id,
                organisation=where.organisation,
                status=where.status.value if where.status else None,
                as_of=as_of,
                requested_by=actor,
                requester_organisation=requester_organisation,
                created_at=self._clock.now(),
                total=len(ids),
                chunks=len(chunks),
                state=AnalysisState.RUNNING if chunks else AnalysisState.FINISHED,
                finished_at=None if chunks else self._clock.now(),
            )
            uow.impact.add_analysis(analysis, chunks)
            event = {"rulebook_id": rulebook_id, "measures": len(ids), "chunks": len(chunks)}
            record(uow, self._clock, "impact_analysis.started", actor, requester_organisation, analysis.id, event)
            if not chunks:
                self._record_finished(uow, analysis, [])
            uow.commit()
        for number in range(len(chunks)):
            self._queue.defer(CHUNK_TASK, {"analysis_id": analysis.id, "chunk": number})
        return analysis

    def start_as(
        self,
        principal: Principal,
        rulebook_id: str,
        organisation: str | None,
        status: Status | None,
        as_of: dt.date | None,
    ) -> ImpactAnalysis:
        """Start an analysis for a rule_admin: over the measures of its own organisation only."""
        require(principal, Permission.MANAGE_RULEBOOKS, "run impact analyses")
        if organisation is not None and not principal.sees(organisation):
            raise NotFoundError(f"no organisation {organisation} visible to you")
        scope = organisation if principal.can(Permission.READ_ACROSS_ORGANISATIONS) else principal.organisation
        where = MeasureFilter(status=status, organisation=scope)
        return self.start(principal.name, rulebook_id, where, as_of, principal.organisation)

    def run_chunk(self, analysis_id: str, chunk: int) -> None:
        """The job: re-assess one chunk's measures not yet done, store them, and close the analysis if last."""
        with self._uow(read_only=True) as uow:
            analysis = uow.impact.analysis(analysis_id)
            ids = uow.impact.chunk(analysis_id, chunk)
            if analysis is None or ids is None:
                return
            todo = [i for i in ids if i not in uow.impact.done(analysis_id, ids)]
            inputs = uow.impact.inputs(todo)
            candidate = uow.impact.rulebook(analysis.rulebook_id)
        if candidate is None:
            raise NotFoundError(f"no rulebook with id {analysis.rulebook_id}")
        assessor = Assessor(self._build(candidate.files), self._backend(), today=lambda: self._clock.now().date())
        impacts = [_impact(assessor, item, analysis.as_of) for item in inputs]
        with self._uow() as uow:
            locked = uow.impact.analysis(analysis_id, lock=True)
            uow.impact.add_results(analysis_id, impacts)
            still_open = uow.impact.finish_chunk(analysis_id, chunk, self._clock.now())
            if locked is not None and still_open == 0 and uow.impact.finish(analysis_id, self._clock.now()):
                self._record_finished(uow, locked, uow.impact.results(analysis_id))
            uow.commit()

    def _record_finished(self, uow: UnitOfWork, analysis: ImpactAnalysis, results: list[MeasureImpact]) -> None:
        counts = {kind.value: sum(1 for r in results if r.kind is kind) for kind in ImpactKind}
        record(
            uow,
            self._clock,
            "impact_analysis.finished",
            analysis.requested_by,
            analysis.requester_organisation,
            analysis.id,
            {"rulebook_id": analysis.rulebook_id, "measures": analysis.total, **counts},
        )

    def report(self, principal: Principal | None, analysis_id: str) -> ImpactReport:
        """Progress, and the results once finished; a rule_admin sees only its organisation's analyses."""
        if principal is not None:
            require(principal, Permission.MANAGE_RULEBOOKS, "read impact analyses")
        with self._uow(read_only=True) as uow:
            analysis = uow.impact.analysis(analysis_id)
            if analysis is None or (
                principal is not None and not principal.sees(analysis.requester_organisation or "")
            ):
                raise NotFoundError(f"no impact analysis with id {analysis_id}")
            rulebook = uow.impact.rulebook(analysis.rulebook_id)
            processed = uow.impact.count_results(analysis_id)
            finished = analysis.state is AnalysisState.FINISHED
            results = uow.impact.results(analysis_id) if finished else []
        if rulebook is None:
            raise NotFoundError(f"no rulebook with id {analysis.rulebook_id}")
        return ImpactReport(analysis, rulebook, processed, results)


def _impact(assessor: Assessor, item: StoredMeasureInput, as_of: dt.date | None) -> MeasureImpact:
    """One measure under the candidate, on the legal date of its assessment of record unless ``as_of`` is given."""
    previous = json.loads(item.previous_result) if item.previous_result else None
    try:
        current = assessor.assess(item.document, as_of=as_of or item.previous_as_of)
    except Art52Error as error:
        return MeasureImpact(item.measure_id, item.organisation, ImpactKind.FAILED, error=str(error)[:500])
    return compare(item.measure_id, item.organisation, previous, json.loads(current.to_json()))
