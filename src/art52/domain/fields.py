"""The field catalogue: every leaf of the measure contract, by dotted path and kind.

The rule loader checks rule conditions against it (is the path real, does the
operator suit the kind, is the enum value allowed), and the report turns its
descriptions into questions for the official. It is derived from
:class:`art52.domain.measure.Measure` by introspection, never written by hand,
so a field added to the contract is known to the rulebook at once.
"""

from __future__ import annotations

import functools
import types
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel

from art52.domain.measure import CalendarDate, Measure

FieldKind = Literal["string", "integer", "number", "boolean", "date", "enum", "enum_list", "string_list", "object_list"]

_SCALAR_KINDS: dict[type, FieldKind] = {bool: "boolean", int: "integer", float: "number", str: "string"}


@dataclass(frozen=True)
class FieldSpec:
    """One leaf of the contract: what a rule may test and how to ask the official for it."""

    path: str
    kind: FieldKind
    values: tuple[str, ...] = ()
    description: str = ""


@functools.cache
def measure_fields() -> Mapping[str, FieldSpec]:
    """Every leaf path of :class:`Measure`, in contract order.

    Nested objects are traversed; a list of objects
    (``necessity.less_intrusive_alternatives``) is one ``object_list`` leaf.
    """
    return types.MappingProxyType({spec.path: spec for spec in _leaves(Measure, "")})


def _leaves(model: type[BaseModel], prefix: str) -> Iterator[FieldSpec]:
    for name, info in model.model_fields.items():
        path = prefix + name
        base, metadata = _unwrap(info.annotation, tuple(info.metadata))
        if isinstance(base, type) and issubclass(base, BaseModel):
            yield from _leaves(base, path + ".")
        else:
            kind, values = _classify(path, base, metadata)
            yield FieldSpec(path, kind, values, info.description or "")


def _classify(path: str, base: Any, metadata: tuple[Any, ...]) -> tuple[FieldKind, tuple[str, ...]]:
    if get_origin(base) is Literal:
        return "enum", _literal_values(base)
    if get_origin(base) is tuple:
        item, _ = _unwrap(get_args(base)[0], ())
        if get_origin(item) is Literal:
            return "enum_list", _literal_values(item)
        if item is str:
            return "string_list", ()
        if isinstance(item, type) and issubclass(item, BaseModel):
            return "object_list", ()
    elif base is str and any(isinstance(m, CalendarDate) for m in metadata):
        return "date", ()
    elif base in _SCALAR_KINDS:
        return _SCALAR_KINDS[base], ()
    raise TypeError(f"measure field {path!r} has a type the field catalogue does not know: {base!r}")


def _unwrap(annotation: Any, metadata: tuple[Any, ...]) -> tuple[Any, tuple[Any, ...]]:
    """Strip ``X | None`` and ``Annotated[X, ...]`` layers; return ``X`` and the metadata collected."""
    origin = get_origin(annotation)
    if origin is Annotated:
        base, *extra = get_args(annotation)
        return _unwrap(base, metadata + tuple(extra))
    if origin in (Union, types.UnionType):
        members = [arg for arg in get_args(annotation) if arg is not type(None)]
        if len(members) != 1:
            raise TypeError(f"only optional types are supported, not {annotation!r}")
        return _unwrap(members[0], metadata)
    return annotation, metadata


def _literal_values(literal: Any) -> tuple[str, ...]:
    return tuple(str(value) for value in get_args(literal))
