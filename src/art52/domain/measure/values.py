"""Value types of the measure contract: strict JSON-Schema semantics in pydantic."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, TypeVar

from annotated_types import Ge, MinLen
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

DATE_PATTERN = r"^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"
JURISDICTION_PATTERN = r"^(EU|[A-Z]{2})$"
UTC_TIME_PATTERN = (
    r"^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?Z$"
)

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
        return core_schema.no_info_after_validator_function(_check_unique, handler(source))

    def __get_pydantic_json_schema__(
        self, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        json_schema = handler(schema)
        json_schema["uniqueItems"] = True
        return json_schema


def _check_unique(items: tuple[Any, ...]) -> tuple[Any, ...]:
    seen: list[Any] = []  # a list, not a set: items need not be hashable
    for item in items:
        if item in seen:
            raise PydanticCustomError("unique_items", "list items must be unique; {item} is repeated", {"item": item})
        seen.append(item)
    return items


def _integral_float_to_int(value: Any) -> Any:
    """Let ``1.0`` through as the integer 1, as JSON Schema's ``integer`` type does."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


Text = StrictStr
NonEmptyText = Annotated[StrictStr, MinLen(1)]
Flag = StrictBool
Count = Annotated[int, Strict(), Ge(0), BeforeValidator(_integral_float_to_int)]
Amount = Annotated[float, Strict(), Ge(0), AllowInfNan(False)]
IsoDate = Annotated[StrictStr, StringConstraints(pattern=DATE_PATTERN), CalendarDate()]
Jurisdiction = Annotated[StrictStr, StringConstraints(pattern=JURISDICTION_PATTERN)]
UtcTime = Annotated[StrictStr, StringConstraints(pattern=UTC_TIME_PATTERN)]
"""A moment in UTC; the pattern is the whole contract (a day that does not exist is caught where it is used)."""
UniqueTuple = Annotated[tuple[_T, ...], UniqueItems()]


def _fact(description: str) -> Any:
    """An optional input fact: absent or ``None`` means unknown."""
    return Field(default=None, description=description)


class _ContractModel(BaseModel):
    """Base of every object of the contract: closed (no unknown keys) and immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True)
