"""Assessing many measures: in this process, or in worker processes that each build their assessor once.

Results come back in input order whatever the number of workers, so the output
of a batch is the same bytes with ``--jobs 1`` and ``--jobs 8``.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from art52.cli.exits import EX_DATAERR, EX_SOFTWARE, VERDICT_EXIT
from art52.cli.inputs import Item
from art52.domain.perspective import Perspective
from art52.errors import EngineError, MeasureError

if TYPE_CHECKING:
    from art52.services.assessments import Assessor

CHUNK = 8  # measures sent to a worker at a time: fewer round trips, results still in order


@dataclass(frozen=True)
class Outcome:
    """What became of one item: its assessment (compact JSON) or the error that stopped it."""

    source: str
    assessment: str | None = None
    verdict: str | None = None
    title: str | None = None
    questions: int = 0
    error: str | None = None
    code: int = 0


@dataclass(frozen=True)
class Job:
    """Everything a worker needs to build the same assessor as this process."""

    rules_dir: Path | None
    engine: str | None
    as_of: dt.date | None
    perspective: Perspective = Perspective.ISSUING


def assess_item(
    assessor: Assessor, item: Item, as_of: dt.date | None, perspective: Perspective = Perspective.ISSUING
) -> Outcome:
    """Assess one item; a broken item or a measure the contract refuses becomes an error outcome."""
    if item.broken:
        return Outcome(item.source, error=item.error, code=item.code)
    try:
        assessment = assessor.assess(item.document, as_of=as_of, perspective=perspective)
    except MeasureError as error:
        fields = "; ".join(f"{i.path or '/'}: {i.message}" for i in error.issues)
        return Outcome(
            item.source, error=f"{item.source}: not valid under the measure contract: {fields}", code=EX_DATAERR
        )
    except EngineError as error:
        return Outcome(item.source, error=f"{item.source}: engine failure: {error}", code=EX_SOFTWARE)
    return Outcome(
        item.source,
        assessment=assessment.model_dump_json(),
        verdict=assessment.verdict.value,
        title=assessment.measure_title,
        questions=len(assessment.missing_facts),
        code=VERDICT_EXIT[assessment.verdict],
    )


def run(job: Job, items: Sequence[Item], jobs: int, done: Callable[[], None]) -> Iterator[Outcome]:
    """Outcomes in input order; ``done`` is called after each one (for a progress bar)."""
    if jobs <= 1 or len(items) <= 1:
        assessor = _assessor(job)
        for item in items:
            yield _safely(assessor, item, job.as_of, job.perspective)
            done()
        return
    from concurrent.futures import ProcessPoolExecutor
    from multiprocessing import get_context

    _assessor(job)  # here first: an invalid rulebook fails once, clearly, and the workers find it cached
    context = get_context("spawn")  # a fresh interpreter per worker: no inherited engine state or threads
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_start_worker, initargs=(job,)) as pool:
        for outcome in pool.map(_assess_in_worker, items, chunksize=CHUNK):
            yield outcome
            done()


def _assessor(job: Job) -> Assessor:
    from art52.bootstrap import build_assessor
    from art52.cli.settings import settings_for

    return build_assessor(settings_for(job.rules_dir, job.engine))


_worker: tuple[Assessor, Job] | None = None


def _start_worker(job: Job) -> None:
    global _worker
    _worker = (_assessor(job), job)


def _assess_in_worker(item: Item) -> Outcome:
    assert _worker is not None, "the worker was not started"
    assessor, job = _worker
    return _safely(assessor, item, job.as_of, job.perspective)


def _safely(assessor: Assessor, item: Item, as_of: dt.date | None, perspective: Perspective) -> Outcome:
    try:
        return assess_item(assessor, item, as_of, perspective)
    except Exception as error:  # a bug met by one measure is reported with its source; the batch goes on
        message = f"{item.source}: internal error: {type(error).__name__}: {error}"
        return Outcome(item.source, error=message, code=EX_SOFTWARE)


def worst_exit(outcomes: Sequence[Outcome]) -> int:
    """The exit code of a batch: the highest code of any outcome (a failure, 64+, outranks every verdict)."""
    return max((o.code for o in outcomes), default=0)


def progress_wanted(count: int) -> bool:
    """A progress bar only on a terminal, and only for a batch."""
    return count > 1 and sys.stderr.isatty()


def with_progress(count: int) -> tuple[Callable[[], None], Callable[[], None]]:
    """``(advance, close)`` of a progress bar on stderr (rich), or no-ops when not wanted."""
    if not progress_wanted(count):
        return (lambda: None), (lambda: None)
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    bar = Progress(
        TextColumn("assessing"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        transient=True,
    )
    task = bar.add_task("assess", total=count)
    bar.start()
    return (lambda: bar.advance(task)), bar.stop
