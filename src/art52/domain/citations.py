"""Citations: a finding is only as good as the source it rests on."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field


class Citation(BaseModel):
    """A legal source with the pinpoint a rule relies on.

    ``verified`` is about the pinpoint: false means it comes from the brief and
    has not been checked against the text; reports must show that.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    source_id: str = Field(min_length=1)
    short: str = Field(min_length=1)
    title: str = Field(min_length=1)
    identifier: str | None = None
    date: dt.date | None = None
    url: str | None = None
    pinpoint: str | None = None
    verified: bool = False
