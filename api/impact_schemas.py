"""Request and response bodies of the rulebook and impact-analysis routes."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import Field

from art52.api.schemas import IsoDate, Output, _In
from art52.domain.rulebook_records import RulebookRecord
from art52.domain.workflow import Status

FILE_NAME = r"^[A-Za-z0-9_][A-Za-z0-9_.-]{0,99}(/[A-Za-z0-9_][A-Za-z0-9_.-]{0,99})?\.yaml$"


class RulebookIn(_In):
    source: str = Field(min_length=1, max_length=500, description="where the candidate comes from (a git ref, a draft)")
    files: dict[str, str] = Field(
        min_length=1,
        max_length=200,
        description="the rulebook's YAML files by relative path (`retention.yaml`, `law/legal_values.yaml`), "
        "as in rules/",
        json_schema_extra={"propertyNames": {"pattern": FILE_NAME}},
    )


class RulebookOut(Output):
    id: str
    version: str = Field(description="content hash of the rulebook, as named by every assessment made under it")
    source: str
    loaded_by: str
    loaded_at: dt.datetime
    adopted_by: str | None
    adopted_at: dt.datetime | None

    @classmethod
    def from_record(cls, record: RulebookRecord) -> RulebookOut:
        return cls.copied(record)


class ImpactAnalysisIn(_In):
    rulebook_id: str = Field(pattern=r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
    status: Status | None = Field(default=None, description="only measures in this workflow state")
    as_of: IsoDate | None = Field(
        default=None, description="legal date for every measure; default: that of its assessment of record"
    )


class Progress(Output):
    measures: int
    processed: int
    chunks: int


class ImpactChange(Output):
    measure_id: str
    organisation: str
    kind: str = Field(description="changed or failed")
    previous_verdict: str | None
    verdict: str | None
    principles: list[str] = Field(description="principles whose outcome changes")
    findings_added: list[str] = Field(description="findings only the candidate gives, as RULE@version:effect")
    findings_removed: list[str] = Field(description="findings only the assessment of record gives")
    rules: list[str] = Field(description="the rule versions (RULE@version) causing the change")
    error: str | None


class ImpactGroupOut(Output):
    rules: list[str]
    measures: list[str]


class ImpactAnalysisOut(Output):
    """Progress while running; once finished, counts, groups by rule versions, and the changed measures."""

    id: str
    state: str = Field(description="running or finished")
    rulebook: dict[str, Any]
    filter: dict[str, Any]
    as_of: str | None
    created_at: str
    finished_at: str | None
    progress: Progress
    counts: dict[str, int] | None = None
    groups: list[ImpactGroupOut] | None = None
    changes: list[ImpactChange] | None = None
