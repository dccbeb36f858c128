"""Rulebooks and impact analyses as the service keeps them.

A candidate rulebook is stored with its files, so that a worker on any machine
re-assesses under exactly the law that was loaded (its ``version`` is the
content hash every assessment names). It becomes the law of record only when a
rule_admin adopts it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum


@dataclass(frozen=True)
class RulebookRecord:
    """A loaded rulebook: its hash, where it came from, its files (relative path → text), and its adoption."""

    id: str
    version: str
    source: str
    files: dict[str, str]
    loaded_by: str
    loaded_at: dt.datetime
    adopted_by: str | None = None
    adopted_at: dt.datetime | None = None


class AnalysisState(StrEnum):
    RUNNING = "running"
    FINISHED = "finished"


@dataclass(frozen=True)
class ImpactAnalysis:
    """One re-assessment of the stored measures (optionally filtered) under a candidate rulebook.

    ``as_of`` None re-assesses each measure on the legal date of its assessment of record.
    """

    id: str
    rulebook_id: str
    organisation: str | None
    status: str | None
    as_of: dt.date | None
    requested_by: str
    requester_organisation: str | None
    created_at: dt.datetime
    total: int
    chunks: int
    state: AnalysisState
    finished_at: dt.datetime | None = None


@dataclass(frozen=True)
class StoredMeasureInput:
    """What re-assessing one measure needs: its current document and its assessment of record (if any)."""

    measure_id: str
    organisation: str
    document: dict[str, object]
    previous_result: str | None
    previous_as_of: dt.date | None
