"""A compiled ruleset as plain JSON data and back, so it can be kept on disk between runs.

Compiling the rulebook for durable_rules takes most of a cold ``art52 assess``;
the result is pure data (``CompiledRuleset.to_data``), so it is stored as JSON,
never pickled. Reading it back checks every shape and raises ValueError on
anything unexpected: the caller then compiles afresh.
"""

from __future__ import annotations

from typing import Any, cast

from art52.engine.compiler.columns import Column, Encoding
from art52.engine.compiler.results import OUTCOMES, Outcome
from art52.engine.compiler.ruleset import CompiledPart, CompiledRuleset

_ENCODINGS = frozenset({"flag", "text", "low", "high", "member", "outside", "present"})


def ruleset_to_data(compiled: CompiledRuleset) -> dict[str, Any]:
    """The golden form plus the rule keys in order."""
    return {**compiled.to_data(), "rule_keys": list(compiled.rule_keys)}


def ruleset_from_data(data: Any) -> CompiledRuleset:
    """The ruleset ``ruleset_to_data`` wrote; ValueError if the data is not one."""
    try:
        return CompiledRuleset(
            ruleset_id=_text(data["ruleset_id"]),
            rule_keys=tuple(_text(k) for k in data["rule_keys"]),
            defaults={_text(k): _outcome(v) for k, v in data["defaults"].items()},
            parts=tuple(_part(p) for p in data["parts"]),
        )
    except (KeyError, TypeError, AttributeError) as error:
        raise ValueError(f"not a compiled ruleset: {type(error).__name__}: {error}") from None


def _part(data: Any) -> CompiledPart:
    definition = data["definition"]
    if not isinstance(definition, dict):
        raise ValueError("a part's definition must be an object")
    return CompiledPart(
        name=_text(data["name"]),
        definition=definition,
        columns=tuple(_column(c) for c in data["columns"]),
        actions={
            _text(name): tuple((_text(key), _outcome(outcome)) for key, outcome in tokens)
            for name, tokens in data["actions"].items()
        },
    )


def _column(data: Any) -> Column:
    encoding = _text(data["encoding"])
    if encoding not in _ENCODINGS:
        raise ValueError(f"unknown column encoding {encoding!r}")
    return Column(
        key=_text(data["key"]),
        label=_text(data["label"]),
        path=_text(data["path"]),
        encoding=cast(Encoding, encoding),
        values=tuple(_text(v) for v in data.get("values", ())),
    )


def _outcome(value: Any) -> Outcome:
    if value not in OUTCOMES:
        raise ValueError(f"unknown outcome {value!r}")
    return cast(Outcome, value)


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError(f"expected text, not {type(value).__name__}")
    return value
