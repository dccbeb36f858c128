"""The register of legal sources (rules/sources.yaml)."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SourceKind = Literal[
    "judgment",
    "decision",
    "opinion",
    "regulation",
    "directive",
    "charter",
    "convention",
    "treaty",
    "guidance",
    "resolution",
    "register",
]


class Source(BaseModel):
    """One judgment, act or guidance document that rules may cite.

    ``verified`` says whether identifier and date were checked against the text.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(pattern=r"^[a-z0-9_]+$")
    short: str = Field(min_length=1)
    title: str = Field(min_length=1)
    authority: str = Field(min_length=1)
    kind: SourceKind
    case: str | None = None
    identifier: str | None = None
    date: dt.date
    url: str | None = None
    verified: bool = False
    note: str | None = None
