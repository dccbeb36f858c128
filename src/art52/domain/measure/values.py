"""Value types of the measure contract: strict JSON-Schema semantics in pydantic."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, TypeVar

from annotated_types import Ge, MaxLen, MinLen
from pydantic import (
    AllowInfNan,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    GetCoreSchemaHandler,
    GetJsonSchemaHandler,
    Strict,
    StrictBool,
    StrictStr,
    StringConstraints,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import PydanticCustomError, core_schema

# YYYY-MM-DD with a year from 0001 (there is no year 0000 in the calendar, nor in format: date).
DATE_PATTERN = (
    r"^([0-9]{3}[1-9]|[0-9]{2}[1-9][0-9]|[0-9][1-9][0-9]{2}|[1-9][0-9]{3})"
    r"-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"
)
JURISDICTION_PATTERN = r"^(EU|[A-Z]{2})$"
UTC_TIME_PATTERN = (
    r"^([0-9]{3}[1-9]|[0-9]{2}[1-9][0-9]|[0-9][1-9][0-9]{2}|[1-9][0-9]{3})"
    r"-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?Z$"
)

# Size bounds of contract 1.2 (maxLength, maxItems in the schema). A measure names dozens of
# authorities, not thousands, and describes itself in pages, not megabytes: the bounds keep every
# document small enough to validate, store and list cheaply, far above what a real one needs.
MAX_TEXT = 10_000  # characters of a free-text field
MAX_NAME = 500  # characters of a name: the title, the reference, an authority
MAX_ITEMS = 100  # items of any array

_T = TypeVar("_T")


class CalendarDate:
    """Marks a ``YYYY-MM-DD`` string that must also name a real day (``format: date``).

    Kept as a marker class so the field catalogue can recognise date fields.
    """

    def __get_pydantic_core_schema__(self, source: Any, handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        return core_schema.no_info_after_validator_function(_check_calendar_date, handler(source))

    def __get_pydantic_json_schema__(
        self, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        json_schema = handler(schema)
        json_schema["format"] = "date"
        return json_schema


def _check_calendar_date(value: str) -> str:
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        raise PydanticCustomError("date_invalid", "{value} is not a calendar date", {"value": value}) from None
    return value


class UniqueItems:
    """Marks a list whose items must all differ (``uniqueItems: true``)."""

    def __get_pydantic_core_schema__(self, source: Any, handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        return core_schema.no_info_after_validator_function(check_unique, handler(source))

    def __get_pydantic_json_schema__(
        self, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        json_schema = handler(schema)
        json_schema["uniqueItems"] = True
        return json_schema


def check_unique(items: tuple[Any, ...]) -> tuple[Any, ...]:
    """Linear in the number of items: a set of those seen (the contract's unique arrays hold strings)."""
    seen: set[Any] = set()
    for item in items:
        if item in seen:
            raise PydanticCustomError("unique_items", "list items must be unique; {item} is repeated", {"item": item})
        seen.add(item)
    return items


def _integral_float_to_int(value: Any) -> Any:
    """Let ``1.0`` through as the integer 1, as JSON Schema's ``integer`` type does."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


Text = Annotated[StrictStr, MaxLen(MAX_TEXT)]
NonEmptyText = Annotated[StrictStr, MinLen(1), MaxLen(MAX_TEXT)]
Name = Annotated[StrictStr, MaxLen(MAX_NAME)]
NonEmptyName = Annotated[StrictStr, MinLen(1), MaxLen(MAX_NAME)]
Flag = StrictBool
Count = Annotated[int, Strict(), Ge(0), BeforeValidator(_integral_float_to_int)]
Amount = Annotated[float, Strict(), Ge(0), AllowInfNan(False)]
IsoDate = Annotated[StrictStr, StringConstraints(pattern=DATE_PATTERN), CalendarDate()]
Jurisdiction = Annotated[StrictStr, StringConstraints(pattern=JURISDICTION_PATTERN)]
Items = Annotated[tuple[_T, ...], MaxLen(MAX_ITEMS)]
UniqueTuple = Annotated[tuple[_T, ...], MaxLen(MAX_ITEMS), UniqueItems()]
UtcTime = Annotated[StrictStr, StringConstraints(pattern=UTC_TIME_PATTERN)]
"""A moment in UTC; the pattern is the whole contract (a day that does not exist is caught where it is used)."""


def _fact(description: str) -> Any:
    """An optional input fact: absent or ``None`` means unknown."""
    return Field(default=None, description=description)


class _ContractModel(BaseModel):
    """Base of every object of the contract: closed (no unknown keys) and immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True)
