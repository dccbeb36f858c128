"""What the service keeps: measures and their versions, assessments, decisions, contests.

These are plain immutable values. The storage adapter maps them to tables and
the HTTP layer to its own schemas, so neither a column nor a response field can
leak into the domain by accident. A change is a new value (``dataclasses.replace``),
never an in-place edit.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Any

from art52.domain.perspective import Perspective
from art52.domain.principles import Verdict
from art52.domain.workflow import DecisionKind, RefusalGroundKind, Status


@dataclass(frozen=True)
class MeasureRecord:
    """A measure under the service's care: its organisation, workflow state and current version.

    ``revision`` counts every change to the record; it is the optimistic-concurrency
    token (the ETag) — a write succeeds only if the revision it read is still current.
    """

    id: str
    organisation: str
    title: str
    status: Status
    version: int
    revision: int
    created_by: str
    created_at: dt.datetime
    updated_at: dt.datetime
    submitted_by: str | None = None
    reviewer: str | None = None
    verdict: Verdict | None = None
    latest_assessment_id: str | None = None
    # The principals (``Principal.identity``) who wrote or submitted any version: none of them may decide it.
    # Empty for measures stored before identities were kept (then the four-eyes rule compares names).
    involved: tuple[str, ...] = ()
    deadline_at: dt.datetime | None = None

    def involving(self, identity: str) -> MeasureRecord:
        """This record with ``identity`` among those involved (once, in order of first involvement)."""
        return self if identity in self.involved else replace(self, involved=(*self.involved, identity))


@dataclass(frozen=True)
class MeasureVersion:
    """One immutable version of a measure document, exactly as accepted."""

    measure_id: str
    number: int
    document: dict[str, Any]
    created_by: str
    created_at: dt.datetime


@dataclass(frozen=True)
class StoredAssessment:
    """An assessment with everything needed to reproduce it byte for byte.

    ``as_of_requested`` is the date the caller asked for (or None); with the
    measure version, the rulebook version and the backend it determines ``result``.
    ``as_of`` is the legal date actually applied, which is also "today" when no
    date was requested or stated in the measure.
    """

    id: str
    measure_id: str
    measure_version: int
    organisation: str
    verdict: Verdict
    as_of: dt.date
    as_of_requested: dt.date | None
    rulebook_version: str
    backend: str
    engine_version: str
    result: str
    created_by: str
    created_at: dt.datetime
    perspective: Perspective = Perspective.ISSUING


@dataclass(frozen=True)
class Decision:
    """A reviewer's decision on a measure, with the written reason and any conditions."""

    id: str
    measure_id: str
    measure_version: int
    assessment_id: str | None
    kind: DecisionKind
    reason: str
    conditions: tuple[str, ...]
    decided_by: str
    decided_at: dt.datetime
    ground: RefusalGroundKind | None = None


@dataclass(frozen=True)
class Contest:
    """A reviewer's objection to one finding of a stored assessment; kept with the assessment."""

    id: str
    assessment_id: str
    rule_id: str
    reason: str
    contested_by: str
    contested_at: dt.datetime


@dataclass(frozen=True)
class MeasureFilter:
    """Which measures a listing shows; None means any."""

    status: Status | None = None
    organisation: str | None = None
    verdict: Verdict | None = None
    created_by: str | None = None  # the name of whoever created it: "my measures"
