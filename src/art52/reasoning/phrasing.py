"""A field of the contract, asked as a question to an official.

The wording comes from the field catalogue (the contract's descriptions, as in
contract/vocabulary.md). Descriptions come in a few shapes, each turned into a
question: "Whether X." → "Can you confirm whether X?"; "Who/Which/Where … ." →
"Can you tell us who/which/where …?"; a noun phrase → "What is the …?" (a list:
"Can you list …?"). A lead-in such as "For a preservation order:" is kept. The
choices of a yes/no or enum field are offered as labelled options, never pasted
into the text.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from art52.domain.fields import FieldSpec
from art52.domain.labels import contract_labels

_WH_WORDS = ("who", "whose", "which", "where", "when", "what", "how")
_LEAD_IN = re.compile(r"^((?:For|If) [^:]+:)\s*(.+)$", re.DOTALL)
_TRUE_IF = re.compile(r"^True if (.+?)(?: \(.*\))?$", re.DOTALL)


def question_for(path: str, fields: Mapping[str, FieldSpec]) -> str:
    """The question that asks the official for ``path``."""
    spec = fields.get(path)
    if spec is None or not spec.description:
        return f"What is the value of {path}?"
    return _phrase(spec.description.strip(), spec.kind)


def _phrase(text: str, kind: str) -> str:
    lead = _LEAD_IN.match(text)
    if lead:
        return f"{lead.group(1)} {_lower_first(_phrase(lead.group(2), kind))}"
    body = _first_clause(text)
    true_if = _TRUE_IF.match(body)
    if true_if:
        return f"Can you confirm whether {true_if.group(1)}?"
    first = body.split(" ", 1)[0].lower()
    if first == "whether":
        verb = "confirm" if kind == "boolean" else "tell us"
        return f"Can you {verb} {_lower_first(body)}?"
    if first in _WH_WORDS:
        return f"Can you tell us {_lower_first(body)}?"
    if kind in ("enum_list", "string_list", "object_list"):
        return f"Can you list {_lower_first(body)}?"
    article = "" if first in ("the", "a", "an") else "the "
    return f"What is {article}{_lower_first(body)}?"


def _first_clause(text: str) -> str:
    """The description up to the first list of choices (':') or aside (';'), without the full stop."""
    for mark in (": ", "; "):
        text = text.split(mark, 1)[0]
    return text.rstrip(" .")


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text[:2] != text[:2].upper() else text


def options_for(path: str, fields: Mapping[str, FieldSpec]) -> tuple[tuple[str | bool, str], ...]:
    """The answers to offer: yes/no for a boolean, each allowed value for an enum (in the contract's words)."""
    spec = fields.get(path)
    if spec is None:
        return ()
    if spec.kind == "boolean":
        return ((True, "Yes"), (False, "No"))
    if spec.kind in ("enum", "enum_list"):
        labels = contract_labels()
        return tuple((value, labels.value(path, value)) for value in spec.values)
    return ()
