"""The job queue of the embedded database: tasks run on one background thread of this process.

With SQLite there is no worker to share the work with (and the database takes
one writer at a time), so ``make run`` needs nothing else. Tasks run in the
order they fall due; a task that raises is tried again after an exponential
back-off, like on the workers. :meth:`InProcessQueue.join` waits until nothing
is left, for a command that must print the result.
"""

from __future__ import annotations

import heapq
import itertools
import logging
import threading
import time
from collections.abc import Callable
from typing import Any

log = logging.getLogger(__name__)

Handler = Callable[..., None]
ATTEMPTS = 5


class InProcessQueue:
    def __init__(self, handlers: dict[str, Handler] | None = None, clock: Callable[[], float] = time.monotonic) -> None:
        self.handlers: dict[str, Handler] = dict(handlers or {})
        self._clock = clock
        self._due: list[tuple[float, int, str, dict[str, Any], int]] = []
        self._order = itertools.count()
        self._busy = 0
        self._closed = False
        self._changed = threading.Condition()
        self._thread: threading.Thread | None = None

    def register(self, task: str, handler: Handler) -> None:
        self.handlers[task] = handler

    def defer(self, task: str, args: dict[str, Any], delay: float = 0.0, lock: str | None = None) -> None:
        """Queue a task; ``lock`` needs nothing here, since one thread runs every task in turn."""
        self._push(task, args, delay, 1)

    def _push(self, task: str, args: dict[str, Any], delay: float, attempt: int) -> None:
        if task not in self.handlers:
            raise ValueError(f"no task called {task}")
        with self._changed:
            heapq.heappush(self._due, (self._clock() + delay, next(self._order), task, args, attempt))
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="art52-jobs", daemon=True)
                self._thread.start()
            self._changed.notify_all()

    def join(self, timeout: float | None = None) -> bool:
        """Wait until every task (retries included) has run; False if ``timeout`` passed first."""
        deadline = None if timeout is None else time.monotonic() + timeout
        with self._changed:
            while self._due or self._busy:
                left = None if deadline is None else deadline - time.monotonic()
                if left is not None and left <= 0:
                    return False
                self._changed.wait(left)
        return True

    def close(self, timeout: float = 30.0) -> None:
        """Stop after the task running now (if any); tasks not yet started are dropped.

        Webhook dispatch resumes from its stored position at the next event; an impact analysis
        whose chunks are dropped stays "running" and must be started again.
        """
        with self._changed:
            self._closed = True
            self._changed.notify_all()
            thread = self._thread
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout)

    def _run(self) -> None:
        while True:
            with self._changed:
                while not self._closed and (not self._due or self._due[0][0] > self._clock()):
                    self._changed.wait(max(0.0, self._due[0][0] - self._clock()) if self._due else None)
                if self._closed:
                    return
                _, _, task, args, attempt = heapq.heappop(self._due)
                self._busy += 1
            try:
                self.handlers[task](**args)
            except Exception:
                log.exception("task %s %s failed (attempt %d)", task, args, attempt)
                if attempt < ATTEMPTS:
                    self._push(task, args, 2.0**attempt, attempt + 1)
            finally:
                with self._changed:
                    self._busy -= 1
                    self._changed.notify_all()
