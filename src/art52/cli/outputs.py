"""How a batch is printed: JSON Lines (one object per measure) or a table.

Both list every input in input order, broken ones included, so the output says
what happened to each file and the exit code says how bad the worst was.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence

from art52.cli.batch import Outcome


def jsonl_line(outcome: Outcome) -> str:
    """``{"source": ..., "assessment": {...}}``, or ``{"source": ..., "error": {"code": ..., "message": ...}}``."""
    source = json.dumps(outcome.source, ensure_ascii=False)
    if outcome.assessment is not None:
        return f'{{"source":{source},"assessment":{outcome.assessment}}}'
    error = json.dumps({"code": outcome.code, "message": outcome.error}, ensure_ascii=False, sort_keys=True)
    return f'{{"source":{source},"error":{error}}}'


def table(outcomes: Sequence[Outcome]) -> str:
    """One row per input (source, verdict or error, open questions, title or message) and a summary."""
    rows = [("SOURCE", "VERDICT", "QUESTIONS", "TITLE / ERROR")]
    for outcome in outcomes:
        if outcome.verdict is not None:
            rows.append((outcome.source, outcome.verdict, str(outcome.questions), outcome.title or ""))
        else:
            message = (outcome.error or "").removeprefix(f"{outcome.source}: ")
            rows.append((outcome.source, f"error ({outcome.code})", "-", message))
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    lines = ["  ".join([*(cell.ljust(widths[i]) for i, cell in enumerate(row[:3])), row[3]]).rstrip() for row in rows]
    return "\n".join([*lines, "", summary(outcomes)])


def summary(outcomes: Sequence[Outcome]) -> str:
    """``N measures: 2 compliant, 1 non_compliant; 1 error`` (verdicts in a fixed order)."""
    verdicts = Counter(o.verdict for o in outcomes if o.verdict is not None)
    errors = sum(1 for o in outcomes if o.verdict is None)
    order = ("compliant", "compliant_with_conditions", "non_compliant", "insufficient_information")
    counted = ", ".join(f"{verdicts[v]} {v}" for v in order if verdicts[v])
    tail = f"; {errors} error{'s' if errors != 1 else ''}" if errors else ""
    return f"{len(outcomes)} input{'s' if len(outcomes) != 1 else ''}: {counted or 'none assessed'}{tail}"
