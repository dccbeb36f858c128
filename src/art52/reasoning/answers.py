"""The answers worth trying for a question: what the official could say, as far as the rules can tell apart.

A yes/no or enum field offers its contract values; a list of choices each value
alone; a number the thresholds the asking rules test (or any number, when the
rules only ask whether it is stated); a State code the States of the law
tables; a list of records the empty list. Whether an answer *matters* is then
decided by assessing the measure with it, never guessed.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from art52.domain.fields import FieldSpec
from art52.reasoning.why_not import candidate_values
from art52.rulebook.law_tables import LawTables
from art52.rulebook.schema import Rule

ANY_NUMBER = 1
"""A number to try when the rules only test whether one is stated."""


def trial_answers(spec: FieldSpec, rules: Iterable[Rule], law: LawTables) -> tuple[Any, ...]:
    """The distinct answers to try for ``spec``, in a fixed order."""
    found: dict[str, Any] = {}
    for value in _candidates(spec, tuple(rules), law):
        found.setdefault(repr(value), list(value) if isinstance(value, tuple) else value)
    return tuple(found.values())


def _candidates(spec: FieldSpec, rules: tuple[Rule, ...], law: LawTables) -> Iterator[Any]:
    if spec.kind in ("boolean", "enum", "enum_list"):
        yield from candidate_values(spec.path, None, spec, rules[0]) if rules else ()
        return
    if spec.kind in ("integer", "number"):
        for rule in rules:
            yield from candidate_values(spec.path, None, spec, rule)
        yield ANY_NUMBER
    elif spec.kind == "string":
        yield from dict.fromkeys(span.state for span in (*law.eu_membership, *law.echr_parties))
    elif spec.kind in ("string_list", "object_list"):
        yield ()
