"""The contract's labels (contract/labels.yaml): every field and enum value in words.

Labels are contract data, versioned with ``measure.schema.json``; the scenario
steps, the handbook's conditions, the report's fact values and the answers an
interview offers are all written from them, so a field is put into words in
exactly one place.
"""

from __future__ import annotations

import functools
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from art52.config import package_data
from art52.errors import DocumentError


class FlagLabel(BaseModel):
    """A yes/no field in words: the statement when it holds and when it does not."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    if_true: str = Field(min_length=1)
    if_false: str = Field(min_length=1)


class FieldLabel(BaseModel):
    """One field in words; which parts are needed depends on the field's kind (see labels.yaml)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    if_true: str | None = None
    if_false: str | None = None
    topic: str | None = Field(default=None, description="the question the field answers, as a clause")
    statement: str | None = Field(default=None, description="the fact stated, with {value}")
    values: dict[str, str] = Field(default_factory=dict)
    empty: str | None = Field(default=None, description="a stated empty list")
    introduces: dict[str, str] = Field(default_factory=dict, description="phrases opening a scenario")
    item: str | None = Field(default=None, description="one record of a list of records, with {description}")
    flags: dict[str, FlagLabel] = Field(default_factory=dict, description="a record's yes/no fields")


class Labels(BaseModel):
    """Every label: contract fields, and the facts the engine derives."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    contract: str
    fields: dict[str, FieldLabel]
    derived: dict[str, FieldLabel]

    def of(self, path: str) -> FieldLabel | None:
        return self.fields.get(path) or self.derived.get(path)

    def value(self, path: str, value: str) -> str:
        """One value of an enum field in words; a value the labels do not word is shown as it is written."""
        label = self.of(path)
        return label.values.get(value, value) if label is not None else value


def default_labels_file() -> Path:
    """The labels shipped with the contract."""
    return package_data("contract") / "labels.yaml"


def load_labels(path: Path | None = None) -> Labels:
    """Read and validate a labels file; DocumentError names the file when it is not valid."""
    import yaml  # read when labels are first needed: a plain assessment never needs them

    source = path or default_labels_file()
    try:
        return Labels.model_validate(yaml.safe_load(source.read_text(encoding="utf-8")))
    except (OSError, yaml.YAMLError, ValidationError) as error:
        raise DocumentError(f"{source}: not a valid labels file: {error}") from None


@functools.cache
def contract_labels() -> Labels:
    """The labels shipped with the contract, read once per process."""
    return load_labels()
