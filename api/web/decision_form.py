"""The decision form as the reviewer filled it in, and each refusal of it beside its field."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from art52.errors import FieldIssue

FIELDS = ("decision", "ground", "reason", "conditions")
"""The form's fields, named as the decision's JSON fields (the service's issues point at those)."""


@dataclass(frozen=True)
class DecisionForm:
    """What was typed and chosen, kept when the decision is refused so nothing has to be typed again."""

    decision: str = ""
    ground: str = ""
    reason: str = ""
    conditions: str = ""
    errors: Mapping[str, str] = field(default_factory=dict)

    def refused(self, issues: Sequence[FieldIssue]) -> DecisionForm:
        """The form with ``issues`` beside their fields; an issue of no field of the form goes beside the decision."""
        found: dict[str, list[str]] = {}
        for issue in issues:
            steps = issue.path.strip("/").split("/")
            name = steps[0] if steps[0] in FIELDS else "decision"
            where = f"condition {int(steps[1]) + 1}: " if name == "conditions" and len(steps) > 1 else ""
            found.setdefault(name, []).append(where + issue.message)
        return replace(self, errors={name: "; ".join(found[name]) for name in FIELDS if name in found})
