"""The vocabulary of the Art. 52(1) test: principles, effects and outcomes.

Principles are listed in the order the Charter test runs; that order decides
which principle "ends the analysis" in the overall verdict.
"""

from __future__ import annotations

from enum import StrEnum


class Principle(StrEnum):
    """One limb of the Art. 52(1) test, in the order it is applied."""

    LEGALITY = "legality"
    ESSENCE = "essence"
    OBJECTIVE = "objective"
    NECESSITY = "necessity"
    PROPORTIONALITY = "proportionality"
    SAFEGUARDS = "safeguards"


PRINCIPLE_ORDER: tuple[Principle, ...] = tuple(Principle)


class Effect(StrEnum):
    """What a rule says about a measure when it is in scope."""

    VIOLATION = "violation"
    NEEDS_INFORMATION = "needs_information"
    CONDITION = "condition"
    SATISFIED = "satisfied"


# Lower rank wins: a violation outranks missing information, which outranks a
# condition, which outranks satisfied ("unknown is not yes").
EFFECT_PRECEDENCE: dict[Effect, int] = {
    Effect.VIOLATION: 0,
    Effect.NEEDS_INFORMATION: 1,
    Effect.CONDITION: 2,
    Effect.SATISFIED: 3,
}


class Outcome(StrEnum):
    """The result for one principle."""

    NOT_SATISFIED = "not_satisfied"
    INSUFFICIENT_INFORMATION = "insufficient_information"
    CONDITIONAL = "conditional"
    SATISFIED = "satisfied"
    NOT_APPLICABLE = "not_applicable"


OUTCOME_OF_EFFECT: dict[Effect, Outcome] = {
    Effect.VIOLATION: Outcome.NOT_SATISFIED,
    Effect.NEEDS_INFORMATION: Outcome.INSUFFICIENT_INFORMATION,
    Effect.CONDITION: Outcome.CONDITIONAL,
    Effect.SATISFIED: Outcome.SATISFIED,
}


class Verdict(StrEnum):
    """The overall result of the assessment."""

    COMPLIANT = "compliant"
    COMPLIANT_WITH_CONDITIONS = "compliant_with_conditions"
    NON_COMPLIANT = "non_compliant"
    INSUFFICIENT_INFORMATION = "insufficient_information"


VERDICT_OF_EFFECT: dict[Effect, Verdict] = {
    Effect.VIOLATION: Verdict.NON_COMPLIANT,
    Effect.NEEDS_INFORMATION: Verdict.INSUFFICIENT_INFORMATION,
    Effect.CONDITION: Verdict.COMPLIANT_WITH_CONDITIONS,
    Effect.SATISFIED: Verdict.COMPLIANT,
}
