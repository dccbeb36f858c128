"""The dated tables of law that are not rules: rules/law/*.yaml.

Which body of law governs a measure on a legal date depends on facts of law that
change over time — when an instrument began to apply, when a State joined or left
the Union, when it became bound by the ECHR — and the engine also needs a few
legal values (the ranking of objectives, the serious-crime threshold). They are
law, so they are data: cited, dated, validated with the rules and covered by the
rulebook hash, never constants in Python.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from art52.domain.deadlines import ReviewPeriods
from art52.rulebook.schema import Citing

STATE_PATTERN = r"^[A-Z]{2}$"


class Instrument(BaseModel):
    """An instrument's date of application: the first day it governs measures."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(pattern=r"^[a-z0-9_]+$")
    source: str = Field(min_length=1, description="the instrument's id in sources.yaml")
    applies_from: dt.date
    pinpoint: str = Field(min_length=1)
    verified: bool = False
    note: str | None = None


class Span(BaseModel):
    """One period in which a State was a member (or a party): first and last day."""

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    state: str = Field(pattern=STATE_PATTERN)
    start: dt.date = Field(alias="from")
    end: dt.date | None = Field(default=None, alias="to")
    verified: bool = False
    note: str | None = None

    @model_validator(mode="after")
    def _in_order(self) -> Span:
        if self.end is not None and self.end < self.start:
            raise ValueError("'to' is before 'from'")
        return self

    def covers(self, on: dt.date) -> bool:
        return self.start <= on and (self.end is None or on <= self.end)


class ObjectiveRank(BaseModel):
    """How weighty an objective of general interest is, on the courts' scale."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    objective: str = Field(min_length=1)
    rank: int = Field(ge=1)
    rank_with_genuine_national_security_threat: int | None = Field(default=None, ge=1)


class LegalValue(BaseModel):
    """A number the law fixes (a threshold), by name."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(pattern=r"^[a-z0-9_]+$")
    value: float
    unit: str = Field(min_length=1)
    note: str | None = None


class ListedOffence(BaseModel):
    """A category of offences a list of the law names (Annex IV of Reg. 2023/1543: no double-criminality check)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(pattern=r"^[a-z0-9_]+$")
    description: str = Field(min_length=1)


TableName = Literal[
    "instruments", "eu_membership", "echr_parties", "objective_ranks", "legal_values", "annex_iv_offences"
]
TABLE_NAMES: tuple[TableName, ...] = (
    "instruments",
    "eu_membership",
    "echr_parties",
    "objective_ranks",
    "legal_values",
    "annex_iv_offences",
)


class LawTables(BaseModel):
    """Every dated table of law, validated; empty tables make every route false."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    instruments: tuple[Instrument, ...] = ()
    eu_membership: tuple[Span, ...] = ()
    echr_parties: tuple[Span, ...] = ()
    objective_ranks: tuple[ObjectiveRank, ...] = ()
    legal_values: tuple[LegalValue, ...] = ()
    annex_iv_offences: tuple[ListedOffence, ...] = ()
    citations: dict[str, tuple[Citing, ...]] = Field(default_factory=dict)

    def applies_from(self, instrument: str) -> dt.date | None:
        """The first day ``instrument`` applies, or None if the table does not list it."""
        return next((i.applies_from for i in self.instruments if i.id == instrument), None)

    def in_force(self, instrument: str, on: dt.date) -> bool:
        start = self.applies_from(instrument)
        return start is not None and start <= on

    def source_available_from(self, source_id: str) -> dt.date | None:
        """For a source that is a listed instrument, the day it began to apply."""
        return next((i.applies_from for i in self.instruments if i.source == source_id), None)

    def eu_member(self, state: str, on: dt.date) -> bool:
        """Whether ``state`` was bound by EU law as a Member State on ``on``."""
        return any(span.state == state and span.covers(on) for span in self.eu_membership)

    def echr_party(self, state: str, on: dt.date) -> bool:
        """Whether the ECHR was in force for ``state`` on ``on``."""
        return any(span.state == state and span.covers(on) for span in self.echr_parties)

    def objective_rank(self, objective: str, *, genuine_national_security_threat: bool) -> int | None:
        entry = next((r for r in self.objective_ranks if r.objective == objective), None)
        if entry is None:
            return None
        if genuine_national_security_threat and entry.rank_with_genuine_national_security_threat is not None:
            return entry.rank_with_genuine_national_security_threat
        return entry.rank

    def value(self, value_id: str) -> float | None:
        return next((v.value for v in self.legal_values if v.id == value_id), None)

    def review_periods(self) -> ReviewPeriods | None:
        """The enforcing authority's review periods (Reg. 2023/1543, Art. 12(1)), if the tables give both."""
        days, hours = self.value("enforcing_review_days"), self.value("enforcing_review_emergency_hours")
        return None if days is None or hours is None else ReviewPeriods(days=days, emergency_hours=hours)
