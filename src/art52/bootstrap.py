"""Composition root: the one place that wires concrete classes together."""

from __future__ import annotations

import datetime as dt
import shlex
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from art52.adapters.disk_cache import DiskCache, default_cache_dir
from art52.config import Settings
from art52.engine.backend import Backend
from art52.rulebook.catalog import Rulebook
from art52.services.assessments import Assessor

if TYPE_CHECKING:  # the storage side is imported when it is wired: `art52 assess` never needs it
    from sqlalchemy import Engine

    from art52.adapters.database import Timeouts
    from art52.engine.durable import CompiledStore
    from art52.services.audit import AuditService
    from art52.services.deadlines import DeadlineService
    from art52.services.health import ReadinessCheck
    from art52.services.idempotency import IdempotencyService
    from art52.services.impact import ImpactService
    from art52.services.interviews import InterviewService
    from art52.services.measures import MeasureService
    from art52.services.reviews import ReviewService
    from art52.services.rules import RuleCatalog
    from art52.services.sessions import SessionService
    from art52.services.stored_assessments import AssessmentService
    from art52.services.tokens import TokenService
    from art52.services.webhooks import WebhookService
    from art52.services.what_if import WhatIfService


@runtime_checkable
class DurableStoreHolder(Protocol):
    """A backend that can keep its compiled rulesets in a store (the durable one)."""

    store: CompiledStore | None


def make_backend(name: str) -> Backend:
    """The engine backend called ``name`` (durable is the default)."""
    if name == "reference":
        from art52.engine.reference import ReferenceBackend

        return ReferenceBackend()
    if name == "durable":
        from art52.engine.durable import shared_durable_backend

        return shared_durable_backend()
    raise ValueError(f"unknown engine backend '{name}' (use durable or reference)")


@cache
def _cached_rulebook(directory: Path, _stamp: tuple[tuple[str, float], ...]) -> Rulebook:
    from art52.rulebook.loader import load_rulebook  # a one-off assessment reads the disk cache instead

    return load_rulebook(directory)


def _stamp(directory: Path) -> tuple[tuple[str, float], ...]:
    return tuple(sorted((p.name, p.stat().st_mtime) for p in directory.glob("*.yaml"))) if directory.is_dir() else ()


def rulebook_from(directory: Path) -> Rulebook:
    """Load (and cache until a file changes) the rulebook in ``directory``."""
    return _cached_rulebook(directory.resolve(), _stamp(directory))


@cache
def _disk_cache(directory: Path | None) -> DiskCache:
    return DiskCache(directory if directory is not None else default_cache_dir())


@cache
def _disk_cached_rulebook(directory: Path, cache_dir: Path | None, _stamp: tuple[tuple[str, float], ...]) -> Rulebook:
    return _disk_cache(cache_dir).rulebook(directory)


def build_assessor(settings: Settings | None = None) -> Assessor:
    """An assessor wired from settings (environment by default).

    The rulebook and the compiled rulesets come from the on-disk cache when their
    files are unchanged (see art52.adapters.disk_cache): a one-off ``art52 assess``
    then skips parsing, validating and compiling.
    """
    settings = settings or Settings()
    store = _disk_cache(settings.cache_dir)
    rulebook = _disk_cached_rulebook(settings.rules_dir.resolve(), settings.cache_dir, _stamp(settings.rules_dir))
    backend = make_backend(settings.engine)
    if isinstance(backend, DurableStoreHolder) and backend.store is None:
        backend.store = store
    return Assessor(rulebook, backend)


@dataclass(frozen=True)
class Container:
    """Everything the HTTP layer and the service commands need, wired once per process."""

    settings: Settings
    tokens: TokenService
    sessions: SessionService
    measures: MeasureService
    assessments: AssessmentService
    reviews: ReviewService
    what_if: WhatIfService
    interviews: InterviewService
    deadlines: DeadlineService
    audit: AuditService
    idempotency: IdempotencyService
    rules: RuleCatalog
    readiness: ReadinessCheck
    impact: ImpactService
    webhooks: WebhookService
    jobs: JobRunner
    close: Callable[[], None]


class JobRunner(Protocol):
    """A job queue the container registers its tasks on (in-process, or procrastinate's workers)."""

    def register(self, task: str, handler: Callable[..., None]) -> None: ...

    def defer(self, task: str, args: dict[str, Any], delay: float = 0.0, lock: str | None = None) -> None: ...

    def close(self) -> None: ...


def uses_workers(settings: Settings) -> bool:
    """Whether jobs go to ``art52 worker`` processes (PostgreSQL) rather than run in this process."""
    from sqlalchemy.engine import make_url

    if settings.jobs == "auto":
        return make_url(settings.database_url).get_backend_name() == "postgresql"
    return settings.jobs == "workers"


def job_runner(settings: Settings) -> JobRunner:
    """The job queue of ``settings`` (nothing is connected until a job is deferred)."""
    if uses_workers(settings):
        from art52.adapters.procrastinate_queue import ProcrastinateQueue, make_app

        return ProcrastinateQueue(make_app(settings.database_url, settings.database_schema))
    from art52.adapters.in_process_queue import InProcessQueue

    return InProcessQueue()


def new_id() -> str:
    return str(uuid.uuid4())


def database_timeouts(settings: Settings) -> Timeouts:
    """The limits on waiting for the database (README, "Database timeouts")."""
    from art52.adapters.database import Timeouts

    return Timeouts(
        statement=settings.database_statement_timeout,
        lock=settings.database_lock_timeout,
        pool=settings.database_pool_timeout,
    )


def database_engine(settings: Settings, *, pooled: bool = True) -> Engine:
    """The database engine of ``settings`` (not connected until used)."""
    from art52.adapters.database import make_engine

    return make_engine(
        settings.database_url, schema=settings.database_schema, timeouts=database_timeouts(settings), pooled=pooled
    )


def migrate(settings: Settings | None = None) -> None:
    """Apply pending migrations to the configured database."""
    from art52.adapters.migrations import upgrade

    engine = database_engine(settings or Settings())
    try:
        upgrade(engine)
    finally:
        engine.dispose()


def build_container(settings: Settings | None = None) -> Container:
    """Wire the services on the configured database, rulebook and engine backend."""
    from art52.adapters.adopted_rulebook import AdoptedRulebook
    from art52.adapters.audit_keys import load_key_ring
    from art52.adapters.clock import SystemClock
    from art52.adapters.database_probe import database_probe
    from art52.adapters.features import FeatureScenarios
    from art52.adapters.idempotency_store import SqlIdempotencyStore
    from art52.adapters.rulebook_files import build_rulebook
    from art52.adapters.unit_of_work import SqlUnitOfWork
    from art52.adapters.webhook_sender import post
    from art52.errors import RulebookError
    from art52.services.audit import AuditService
    from art52.services.deadlines import DeadlineService
    from art52.services.health import NotReadyError, ReadinessCheck
    from art52.services.idempotency import IdempotencyService
    from art52.services.impact import CHUNK_TASK, ImpactService
    from art52.services.interviews import InterviewService
    from art52.services.measures import MeasureService
    from art52.services.reviews import ReviewService
    from art52.services.rules import RuleCatalog
    from art52.services.sessions import SessionService
    from art52.services.stored_assessments import AssessmentService
    from art52.services.tokens import TokenService
    from art52.services.webhooks import DELIVER_TASK, DISPATCH_TASK, WebhookPolicy, WebhookService
    from art52.services.what_if import WhatIfService

    settings = settings or Settings()
    keys = load_key_ring(settings.audit_key, settings.audit_key_file)
    engine = database_engine(settings)
    probe_engine = database_engine(settings, pooled=False)  # answers while the pool is exhausted
    timeouts = database_timeouts(settings)
    clock = SystemClock()
    backend = make_backend(settings.engine)
    if isinstance(backend, DurableStoreHolder) and backend.store is None:
        # Compiled rulesets on disk: a start, or a ruleset unregistered and needed again, skips the compiler.
        backend.store = _disk_cache(settings.cache_dir)
    jobs = job_runner(settings)

    def dispatch_events() -> None:
        jobs.defer(DISPATCH_TASK, {}, lock="webhook-dispatch")

    def uow(*, read_only: bool = False) -> SqlUnitOfWork:
        return SqlUnitOfWork(engine, keys, timeouts, after_events=dispatch_events, read_only=read_only)

    def configured_rulebook() -> Rulebook:
        return rulebook_from(settings.rules_dir)

    rulebook = AdoptedRulebook(uow, configured_rulebook, settings.adopted_rulebook_ttl)  # once one is adopted

    def assessor() -> Assessor:
        return Assessor(rulebook(), backend, today=clock.today)

    impact = ImpactService(
        uow, clock, new_id, build_rulebook, lambda: backend, jobs, chunk_size=settings.impact_chunk_size
    )
    jobs.register(CHUNK_TASK, impact.run_chunk)
    policy = WebhookPolicy(backoff_base=settings.webhook_backoff, max_attempts=settings.webhook_max_attempts)
    webhooks = WebhookService(uow, clock, new_id, jobs, post, policy)
    jobs.register(DISPATCH_TASK, webhooks.dispatch)
    jobs.register(DELIVER_TASK, webhooks.deliver)

    def close() -> None:
        jobs.close()
        engine.dispose()
        probe_engine.dispose()

    def rulebook_probe() -> None:
        try:
            configured_rulebook()  # an adopted rulebook was validated when it was loaded
        except RulebookError as error:
            issues = len(error.issues)
            raise NotReadyError(f"the rulebook is invalid ({issues} issues; run art52 rules check)") from None

    tokens = TokenService(uow, clock, new_id)
    measures = MeasureService(uow, clock, new_id, lambda: rulebook().law.review_periods())
    interview_ttl = dt.timedelta(minutes=settings.interview_ttl_minutes)
    return Container(
        settings=settings,
        tokens=tokens,
        sessions=SessionService(uow, clock, tokens, dt.timedelta(minutes=settings.session_minutes)),
        measures=measures,
        assessments=AssessmentService(uow, clock, new_id, assessor),
        reviews=ReviewService(uow, clock, new_id),
        what_if=WhatIfService(uow, assessor),
        interviews=InterviewService(uow, clock, new_id, assessor, measures, interview_ttl),
        deadlines=DeadlineService(uow, clock),
        audit=AuditService(uow, keys, clock),
        idempotency=IdempotencyService(SqlIdempotencyStore(engine, timeouts), clock, settings.idempotency_ttl),
        rules=RuleCatalog(rulebook, FeatureScenarios(settings.features_dir)),
        readiness=ReadinessCheck(
            {"database": database_probe(probe_engine, keyed=bool(keys)), "rulebook": rulebook_probe}
        ),
        impact=impact,
        webhooks=webhooks,
        jobs=jobs,
        close=close,
    )


def describe_database(settings: Settings) -> str:
    """The database URL without its password (a relative SQLite file made absolute), for messages."""
    from art52.adapters.database import redacted

    return redacted(settings.database_url)


def database_environment(settings: Settings) -> str:
    """The shell assignments that select this database from any directory, password masked as ``***``."""
    assignments = {"ART52_DATABASE_URL": describe_database(settings)}
    if settings.database_schema is not None:
        assignments["ART52_DATABASE_SCHEMA"] = settings.database_schema
    return " ".join(f"{name}={shlex.quote(value)}" for name, value in assignments.items())


def database_has_password(settings: Settings) -> bool:
    """Whether the configured database URL carries a password (hidden in every message)."""
    from art52.adapters.database import has_password

    return has_password(settings.database_url)


def schema_is_current(settings: Settings) -> bool:
    """Whether the configured database exists and carries every migration."""
    from art52.adapters.migrations import pending

    engine = database_engine(settings)
    try:
        return not pending(engine)
    finally:
        engine.dispose()
