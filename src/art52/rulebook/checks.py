"""Static checks of a rule's conditions against the measure contract.

Every fact path a rule reads must be a contract field or a derived fact, every
operator must suit the field's kind, and every enum value must be one the
contract allows; otherwise a typo would silently make a rule never fire.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from art52.domain.fields import FieldSpec
from art52.rulebook.conditions import LIST_OPS, ORDER_OPS, PRESENCE_OPS, Condition, Leaf, Op, leaves

_SCALAR_OPS = frozenset({Op.EQ, Op.NE, Op.IN, Op.NOT_IN}) | PRESENCE_OPS
_OPS_BY_KIND: dict[str, frozenset[Op]] = {
    "boolean": frozenset({Op.EQ, Op.NE}) | PRESENCE_OPS,
    "enum": _SCALAR_OPS,
    "string": _SCALAR_OPS,
    "date": _SCALAR_OPS,
    "integer": _SCALAR_OPS | ORDER_OPS,
    "number": _SCALAR_OPS | ORDER_OPS,
    "enum_list": frozenset({Op.EQ, Op.NE}) | LIST_OPS | PRESENCE_OPS,
    "string_list": LIST_OPS | PRESENCE_OPS,
    "object_list": PRESENCE_OPS,
}


def check_condition(condition: Condition, fields: Mapping[str, FieldSpec]) -> Iterator[str]:
    """Yield a message for each leaf that does not fit the contract."""
    for leaf in leaves(condition):
        spec = fields.get(leaf.path)
        if spec is None:
            yield f"unknown fact '{leaf.path}' (not in the measure contract nor a derived fact)"
            continue
        yield from _check_leaf(leaf, spec)


def _check_leaf(leaf: Leaf, spec: FieldSpec) -> Iterator[str]:
    allowed = _OPS_BY_KIND[spec.kind]
    if leaf.op not in allowed:
        names = ", ".join(sorted(o.value for o in allowed))
        yield f"operator '{leaf.op}' does not apply to '{leaf.path}' ({spec.kind}; allowed: {names})"
        return
    if leaf.op in PRESENCE_OPS:
        return
    values = leaf.value if isinstance(leaf.value, tuple) else (leaf.value,)
    if spec.kind in ("enum", "enum_list"):
        for value in values:
            if value not in spec.values:
                yield f"'{value}' is not an allowed value of '{leaf.path}' (allowed: {', '.join(spec.values)})"
    elif spec.kind == "boolean":
        if not all(isinstance(v, bool) for v in values):
            yield f"'{leaf.path}' is a boolean; compare it with true or false"
    elif spec.kind in ("integer", "number"):
        if not all(isinstance(v, int | float) and not isinstance(v, bool) for v in values):
            yield f"'{leaf.path}' is a number; compare it with numbers"
    elif not all(isinstance(v, str) for v in values):
        yield f"'{leaf.path}' holds text; compare it with strings"
