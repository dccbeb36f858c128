"""The rulebook in force: the one a rule_admin adopted last, else the configured directory.

Every process looks the adoption up at most once per ``ttl`` seconds
(``ART52_ADOPTED_RULEBOOK_TTL``; one small query), so an adoption reaches every
server and worker within that time; the files are rebuilt only when another
rulebook is adopted.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from art52.adapters.rulebook_files import build_rulebook
from art52.rulebook.catalog import Rulebook
from art52.services.ports import UnitOfWorkFactory


class AdoptedRulebook:
    def __init__(
        self,
        uow: UnitOfWorkFactory,
        configured: Callable[[], Rulebook],
        ttl: float = 2.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._uow = uow
        self._configured = configured
        self._ttl = ttl
        self._clock = clock
        self._lock = threading.Lock()
        self._checked = -float("inf")
        self._adopted: Rulebook | None = None
        self._adopted_id: str | None = None

    def __call__(self) -> Rulebook:
        with self._lock:
            if self._clock() - self._checked >= self._ttl:
                self._refresh()
            adopted = self._adopted
        return adopted if adopted is not None else self._configured()

    def _refresh(self) -> None:
        with self._uow(read_only=True) as uow:
            record = uow.impact.adopted()
        if record is None:
            self._adopted = self._adopted_id = None
        elif record.id != self._adopted_id:
            self._adopted, self._adopted_id = build_rulebook(record.files), record.id
        self._checked = self._clock()
