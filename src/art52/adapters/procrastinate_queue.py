"""The job queue on PostgreSQL: procrastinate, with its jobs in the database art52 already uses.

Why procrastinate: its jobs are rows in the same PostgreSQL database, taken with
``SELECT … FOR UPDATE SKIP LOCKED``, so workers on any number of machines share
the work through the database alone; no broker (Redis, RabbitMQ) to run, secure
and back up, and a job is deferred in the same database as the data it concerns.

Each worker sends a heartbeat; a worker that stops sending it (killed, its machine
lost) leaves its jobs "doing". Every running worker looks for such stalled jobs
(:func:`rescue_stalled`) and queues them again, so another worker picks them up;
the tasks are idempotent, so running one twice does no harm.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import threading
from collections.abc import Callable
from typing import Any

from procrastinate import App, PsycopgConnector, RetryStrategy
from procrastinate.exceptions import AlreadyEnqueued
from sqlalchemy.engine import make_url

log = logging.getLogger(__name__)

QUEUE = "art52"
TASK_ATTEMPTS = 8
POOL_SIZE = 4


def conninfo(url: str) -> str:
    """The libpq connection string of a SQLAlchemy PostgreSQL URL."""
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def make_app(url: str, schema: str | None = None) -> App:
    options: dict[str, Any] = {"options": f"-csearch_path={schema}"} if schema else {}
    connector = PsycopgConnector(conninfo=conninfo(url), kwargs=options, min_size=1, max_size=POOL_SIZE)
    return App(connector=connector)


def schema_sql() -> str:
    """procrastinate's tables, types and functions (applied by migration 0008 on PostgreSQL)."""
    from procrastinate.schema import SchemaManager

    return str(SchemaManager.get_schema())


class ProcrastinateQueue:
    """Defers named tasks as procrastinate jobs; each is retried with exponential back-off if it raises."""

    def __init__(self, app: App) -> None:
        self.app = app
        self._opened = False
        self._owned = True
        self._opening = threading.Lock()  # the server defers from several request threads

    def register(self, task: str, handler: Callable[..., None]) -> None:
        retry = RetryStrategy(max_attempts=TASK_ATTEMPTS, wait=1, exponential_wait=2)
        self.app.task(name=task, queue=QUEUE, retry=retry)(handler)

    def defer(self, task: str, args: dict[str, Any], delay: float = 0.0, lock: str | None = None) -> None:
        """Queue a job; jobs sharing ``lock`` run one at a time, and only one of them waits in the queue."""
        with self._opening:
            if not self._opened:
                self.app.open()
                self._opened = True
        options: dict[str, Any] = {"queue": QUEUE}
        if delay > 0:
            options["schedule_in"] = {"seconds": delay}
        if lock is not None:
            options.update(lock=lock, queueing_lock=lock)
        with contextlib.suppress(AlreadyEnqueued):  # the job already waiting will do this one's work
            self.app.configure_task(task, **options).defer(**args)

    def opened_elsewhere(self) -> None:
        """The app was opened by the worker's event loop: deferring must not open it again."""
        with self._opening:
            self._opened = True
            self._owned = False

    def close(self) -> None:
        with self._opening:
            if self._opened and self._owned:
                self.app.close()
            self._opened = False


async def rescue_stalled(app: App, stalled_after: float) -> int:
    """Queue again the jobs of workers silent for ``stalled_after`` seconds; how many were."""
    stalled = await app.job_manager.get_stalled_jobs(queue=QUEUE, seconds_since_heartbeat=stalled_after)
    count = 0
    for job in stalled:
        await app.job_manager.retry_job(job)
        log.warning("job %s (%s) of a stalled worker queued again", job.id, job.task_name)
        count += 1
    return count


def run_workers(queue: ProcrastinateQueue, concurrency: int, heartbeat: float, stalled_after: float) -> None:
    """Run a worker until it is stopped (SIGINT/SIGTERM), rescuing stalled jobs meanwhile.

    Jobs the tasks defer go through the worker's own connection pool (opened here).
    """
    app = queue.app

    async def rescue_forever() -> None:
        while True:
            await asyncio.sleep(stalled_after / 2)
            with contextlib.suppress(Exception):
                await rescue_stalled(app, stalled_after)

    async def main() -> None:
        async with app.open_async():
            queue.opened_elsewhere()
            rescuer = asyncio.create_task(rescue_forever())
            try:
                await app.run_worker_async(
                    queues=[QUEUE],
                    concurrency=concurrency,
                    update_heartbeat_interval=heartbeat,
                    stalled_worker_timeout=stalled_after,
                )
            finally:
                rescuer.cancel()

    asyncio.run(main())
