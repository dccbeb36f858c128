"""How the report words verdicts, effects, outcomes, citations and fact values for people.

Values are shown as an official would write them: yes/no, enum values in the
contract's words (contract/labels.yaml) and comma-separated lists, never Python
literals.
"""

from __future__ import annotations

from typing import Any

from art52.domain.citations import Citation
from art52.domain.fields import FieldSpec
from art52.domain.findings import Basis, Finding
from art52.domain.labels import contract_labels
from art52.domain.principles import Effect, Outcome
from art52.domain.workflow import DecisionKind

VERDICT_TEXT = {
    "compliant": "Compliant",
    "compliant_with_conditions": "Compliant with conditions",
    "non_compliant": "Not compliant",
    "insufficient_information": "Insufficient information",
}
EFFECT_TEXT = {
    Effect.VIOLATION: "violation",
    Effect.NEEDS_INFORMATION: "needs information",
    Effect.CONDITION: "condition to impose",
    Effect.SATISFIED: "satisfied",
}
OUTCOME_TEXT = {
    Outcome.NOT_SATISFIED: "not satisfied",
    Outcome.INSUFFICIENT_INFORMATION: "cannot be decided yet",
    Outcome.CONDITIONAL: "satisfied with conditions",
    Outcome.SATISFIED: "satisfied",
    Outcome.NOT_APPLICABLE: "not examined by any rule",
}
UNVERIFIED = "[pinpoint not verified]"
DECISION_TEXT = {
    DecisionKind.APPROVE: "Approved",
    DecisionKind.REJECT: "Rejected",
    DecisionKind.RETURN: "Returned to its author",
    DecisionKind.NO_OBJECTION: "No objection",
    DecisionKind.REFUSE: "Refused",
    DecisionKind.CONDITIONS: "No objection, with conditions",
}
CHANGE_TEXT = {
    "verdict": "could change the verdict",
    "principle": "could change",
    "confirmation": "to confirm",
}


def fact_value(value: Any, spec: FieldSpec | None = None) -> str:
    """A fact value for people: yes/no, enum values in the contract's words, lists joined with commas."""
    if value is None:
        return "not stated"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list | tuple):
        return ", ".join(fact_value(item, spec) for item in value) if value else "none"
    if isinstance(value, dict):
        return "; ".join(f"{key}: {fact_value(item)}" for key, item in value.items())
    if isinstance(value, str) and spec is not None and spec.kind in ("enum", "enum_list"):
        return contract_labels().value(spec.path, value)
    return str(value)


def cite(citation: Citation, *, marked: bool = True) -> str:
    """One citation: short name, pinpoint, identifier, date, and (``marked``) whether the pinpoint was verified."""
    parts = [citation.short]
    if citation.pinpoint:
        parts.append(citation.pinpoint)
    ident = ", ".join(x for x in (citation.identifier, citation.date.isoformat() if citation.date else None) if x)
    text = ", ".join(parts) + (f" ({ident})" if ident else "")
    return text if citation.verified or not marked else f"{text} {UNVERIFIED}"


def effect_text(finding: Finding) -> str:
    """The effect as it weighs: a method only recommends; an obligation's unknown fact is to confirm."""
    if finding.basis is Basis.METHOD and finding.effect is not Effect.SATISFIED:
        return f"recommendation ({EFFECT_TEXT[finding.effect]})"
    if finding.basis is Basis.LEGISLATION and finding.effect is Effect.NEEDS_INFORMATION:
        return "to confirm"
    return EFFECT_TEXT[finding.effect]


def one_line(text: str) -> str:
    """User-written text on one line, so it cannot break the structure of a list."""
    return " ".join(text.split())
