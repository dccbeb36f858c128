"""A guided interview as stored: the measure built so far, the answers given, and when it expires."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Answer:
    """One answer: the field (dotted path) and its value; ``None`` means "not known", and the question is passed."""

    path: str
    value: Any


@dataclass(frozen=True)
class InterviewRecord:
    """An interview of one organisation; ``revision`` guards concurrent answers, ``measure_id`` its saved draft."""

    id: str
    organisation: str
    created_by: str
    created_at: dt.datetime
    expires_at: dt.datetime
    as_of: dt.date | None
    document: dict[str, Any]
    answers: tuple[Answer, ...] = ()
    revision: int = 1
    measure_id: str | None = None
    passed: tuple[str, ...] = field(default=())
    """Questions answered "not known": never asked again."""

    def expired(self, now: dt.datetime) -> bool:
        return now >= self.expires_at
