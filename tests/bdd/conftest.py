"""The shared Gherkin step vocabulary, phrased in the domain.

Steps build a real measure document (validated against the measure contract),
assess it with the shipped rulebook and the default engine, and check the
reasoned assessment. Family test modules only bind their feature file.

Facts are stated in the contract's own words (contract/labels.yaml, read by
:mod:`art52.handbook.vocabulary`): "linking the data could reveal the person's
private life" sets ``access.linking_allows_precise_conclusions`` to true. The
raw forms (``"path" is value``, ``a measure of type "..."``, ``asks for "path"``)
remain only as a fallback for new feature files; tests/bdd/test_readable_steps.py
keeps them out of features/.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pytest
from pytest_bdd import given, parsers, then, when
from pytest_bdd.parsers import StepParser

from art52.domain.assessment import Assessment
from art52.domain.deadlines import DeadlineEvent, due_events, review_deadline
from art52.domain.findings import Finding
from art52.domain.perspective import Perspective
from art52.handbook.vocabulary import UNSTATED, Vocabulary, default_vocabulary
from art52.services.assessments import Assessor

VOCABULARY: Vocabulary = default_vocabulary()


class FactSentence(StepParser):
    """A fact stated in the contract's words; the step receives ``fact`` = (path, value)."""

    def __init__(self, vocabulary: Vocabulary) -> None:
        super().__init__("<a fact in the words of contract/labels.yaml>")
        self.vocabulary = vocabulary

    def parse_arguments(self, name: str) -> dict[str, Any] | None:
        fact = self.vocabulary.read_fact(name)
        return None if fact is None else {"fact": fact}

    def is_matching(self, name: str) -> bool:
        return self.vocabulary.read_fact(name) is not None


class MeasureIntroduction(StepParser):
    """A scenario's opening: "a measure requiring access to retained data[, covering traffic data]"."""

    def __init__(self, vocabulary: Vocabulary) -> None:
        super().__init__("<a measure type's introduction[, covering <data categories>]>")
        self.vocabulary = vocabulary

    def parse_arguments(self, name: str) -> dict[str, Any] | None:
        opening, _, covered = name.partition(", covering ")
        measure_type = self.vocabulary.read_introduction(opening)
        if measure_type is None:
            return None
        if not covered:
            return {"measure_type": measure_type, "categories": None}
        fact = self.vocabulary.read_fact(self.vocabulary.phrase("data.categories", covered))
        return None if fact is None else {"measure_type": measure_type, "categories": fact[1]}

    def is_matching(self, name: str) -> bool:
        return self.parse_arguments(name) is not None


class Topical(StepParser):
    """A step naming a fact by its topic ("... asks whether ..."); the step receives ``path``."""

    def __init__(self, vocabulary: Vocabulary, pattern: str) -> None:
        super().__init__(pattern)
        self.vocabulary = vocabulary
        self.regex = re.compile(pattern)

    def parse_arguments(self, name: str) -> dict[str, Any] | None:
        match = self.regex.fullmatch(name)
        if match is None:
            return None
        arguments = match.groupdict()
        path = self.vocabulary.read_topic(arguments.pop("topic"))
        return None if path is None else {**arguments, "path": path}

    def is_matching(self, name: str) -> bool:
        return self.parse_arguments(name) is not None


OUTCOMES: dict[str, str] = {
    "satisfied": "satisfied",
    "not satisfied": "not_satisfied",
    "satisfied only with conditions": "conditional",
    "undecided for lack of information": "insufficient_information",
    "not applicable": "not_applicable",
}
EFFECTS: dict[str, str] = {
    "a violation": "violation",
    "satisfied": "satisfied",
    "a condition to impose": "condition",
    "a request for information": "needs_information",
}
VERDICTS: dict[str, str] = {
    "compliant": "compliant",
    "compliant with conditions": "compliant_with_conditions",
    "not compliant": "non_compliant",
    "undecided for lack of information": "insufficient_information",
}


ENFORCING_DECISIONS: dict[str, str] = {
    "no ground for refusal": "no_ground_for_refusal",
    "a ground for refusal": "ground_for_refusal",
    "insufficient information to decide within the deadline": "insufficient_information",
    "no order under review": "no_order_under_review",
    "that the enforcing rules do not apply": "not_applicable",
}


REMINDERS: dict[str, tuple[DeadlineEvent, ...]] = {
    "no reminder is due": (),
    "the reminder that the deadline is 24 hours away is due": (DeadlineEvent.APPROACHING,),
    "the reminder that the deadline has passed is due": (DeadlineEvent.APPROACHING, DeadlineEvent.PASSED),
    "both reminders are due": (DeadlineEvent.APPROACHING, DeadlineEvent.PASSED),
}


class Case:
    """The measure under discussion and, once assessed, its assessment."""

    def __init__(self) -> None:
        self.document: dict[str, Any] = {"title": "Scenario measure"}
        self.assessment: Assessment | None = None

    def set(self, path: str, value: Any) -> None:
        node = self.document
        *parents, leaf = path.split(".")
        for key in parents:
            node = node.setdefault(key, {})
        node[leaf] = value

    def unset(self, path: str) -> None:
        node: Any = self.document
        *parents, leaf = path.split(".")
        for key in parents:
            node = node.get(key, {})
        node.pop(leaf, None)

    def result(self) -> Assessment:
        assert self.assessment is not None, "the measure has not been assessed yet"
        return self.assessment

    def finding(self, rule_id: str) -> Finding:
        found = [f for f in self.result().findings if f.rule_id == rule_id]
        assert found, f"no finding for {rule_id}; findings: {[f.rule_id for f in self.result().findings]}"
        return found[0]


@pytest.fixture
def case() -> Case:
    return Case()


def _value(text: str) -> Any:
    """A step value: JSON (strings in double quotes, numbers, true/false, lists)."""
    return json.loads(text)


# --- Given ------------------------------------------------------------------------------


@given(parsers.parse('the example measure "{name}"'))
def example_measure(case: Case, examples_dir: Path, name: str) -> None:
    case.document = json.loads((examples_dir / f"{name}.json").read_text())


@given(MeasureIntroduction(VOCABULARY))
def introduced_measure(case: Case, measure_type: str, categories: list[str] | None) -> None:
    """A measure of a Member State (Germany); "covering ..." makes it an obligation on providers covering those data."""
    case.set("measure_type", measure_type)
    case.set("jurisdiction", "DE")
    if categories is not None:
        case.set("actor_model", "provider_obligation")
        case.set("data.categories", categories)


@given(FactSentence(VOCABULARY))
def stated_fact(case: Case, fact: tuple[str, Any]) -> None:
    path, value = fact
    if value is UNSTATED:
        case.unset(path)
    else:
        case.set(path, value)


@given(parsers.parse('a measure of type "{measure_type}"'))
def measure_of_type(case: Case, measure_type: str) -> None:
    """Raw fallback: a measure of a Member State (Germany) unless a later step says where it applies."""
    case.set("measure_type", measure_type)
    case.set("jurisdiction", "DE")


@given(parsers.re(r'"(?P<path>[a-z_.0-9]+)" is (?P<value>.+)'))
def fact_is(case: Case, path: str, value: str) -> None:
    """Raw fallback: a contract field by its path, the value as JSON."""
    if value == "not stated":
        case.unset(path)
    else:
        case.set(path, _value(value))


@given(parsers.parse("EU law does not apply to it"))
def outside_eu_law(case: Case) -> None:
    case.set("jurisdiction", "CH")
    case.set("actor_model", "state_direct")
    case.set("legal_basis.implements_eu_law", False)


# --- When -------------------------------------------------------------------------------


@when(parsers.parse("it is assessed as of {date}"))
def assessed_as_of(case: Case, assessor: Assessor, date: str) -> None:
    case.assessment = assessor.assess(copy.deepcopy(case.document), as_of=dt.date.fromisoformat(date))


@when("it is assessed")
def assessed(case: Case, assessor: Assessor) -> None:
    case.assessment = assessor.assess(copy.deepcopy(case.document))


@when(parsers.parse("it is assessed from the enforcing side as of {date}"))
def assessed_enforcing_as_of(case: Case, assessor: Assessor, date: str) -> None:
    case.assessment = assessor.assess(
        copy.deepcopy(case.document), as_of=dt.date.fromisoformat(date), perspective=Perspective.ENFORCING
    )


@when("it is assessed from the enforcing side")
def assessed_enforcing(case: Case, assessor: Assessor) -> None:
    case.assessment = assessor.assess(copy.deepcopy(case.document), perspective=Perspective.ENFORCING)


# --- Then -------------------------------------------------------------------------------


@then(parsers.parse("the {principle} principle is {outcome}"))
def principle_outcome(case: Case, principle: str, outcome: str) -> None:
    result = case.result().principles
    actual = next(v for k, v in result.items() if k.value == principle)
    assert actual.outcome.value == OUTCOMES[outcome], f"{principle}: {actual.outcome.value} ({actual.reasoning})"


@then(parsers.parse("the verdict is {verdict}"))
def verdict_is(case: Case, verdict: str) -> None:
    assert case.result().verdict.value == VERDICTS[verdict]


@then(
    parsers.re(
        r"finding (?P<rule_id>[A-Z]+-\d{3}) is (?P<effect>a violation|satisfied|a condition to impose|"
        r"a request for information)"
    )
)
def finding_effect(case: Case, rule_id: str, effect: str) -> None:
    finding = case.finding(rule_id)
    assert finding.effect.value == EFFECTS[effect], f"{rule_id}: {finding.effect.value} — {finding.explanation}"


@then(
    parsers.re(
        r"the enforcing authority's outcome is (?P<decision>no ground for refusal|a ground for refusal|"
        r"insufficient information to decide within the deadline|no order under review|"
        r"that the enforcing rules do not apply)$"
    )
)
def enforcing_decision(case: Case, decision: str) -> None:
    outcome = case.result().enforcing_outcome
    assert outcome is not None, "the assessment was not made from the enforcing side"
    assert outcome.decision.value == ENFORCING_DECISIONS[decision], f"{outcome.statement} ({outcome.reasons})"


@then(parsers.parse("the enforcing authority's outcome says {words}"))
def enforcing_statement_says(case: Case, words: str) -> None:
    outcome = case.result().enforcing_outcome
    assert outcome is not None, "the assessment was not made from the enforcing side"
    assert words in outcome.statement, outcome.statement


@then(parsers.parse("the enforcing authority's outcome does not say {words}"))
def enforcing_statement_does_not_say(case: Case, words: str) -> None:
    outcome = case.result().enforcing_outcome
    assert outcome is not None, "the assessment was not made from the enforcing side"
    assert words not in outcome.statement, outcome.statement


@then(parsers.parse("the grounds for refusal include {rule_id}"))
def refusal_ground_included(case: Case, rule_id: str) -> None:
    outcome = case.result().enforcing_outcome
    assert outcome is not None, "the assessment was not made from the enforcing side"
    assert rule_id in [g.rule_id for g in outcome.grounds], outcome.statement


@then(parsers.parse("the review deadline is {moment}"))
def review_deadline_is(case: Case, assessor: Assessor, moment: str) -> None:
    periods = assessor.rulebook.law.review_periods()
    assert periods is not None, "rules/law gives no review periods"
    deadline = review_deadline(case.document, periods)
    assert deadline == dt.datetime.fromisoformat(moment), f"deadline {deadline}"


@then(
    parsers.re(
        r"at (?P<moment>\S+) (?P<due>no reminder is due|the reminder that the deadline is 24 hours away is due|"
        r"the reminder that the deadline has passed is due|both reminders are due)"
    )
)
def reminders_due(case: Case, assessor: Assessor, moment: str, due: str) -> None:
    periods = assessor.rulebook.law.review_periods()
    assert periods is not None, "rules/law gives no review periods"
    deadline = review_deadline(case.document, periods)
    assert deadline is not None, "the order states no notification"
    found = due_events(deadline, dt.datetime.fromisoformat(moment), decided=False)
    assert found == REMINDERS[due], f"due at {moment}: {[e.value for e in found]} (deadline {deadline})"


@then(parsers.parse("rule {rule_id} does not apply"))
def rule_silent(case: Case, rule_id: str) -> None:
    fired = [f.rule_id for f in case.result().findings]
    assert rule_id not in fired, f"{rule_id} produced a finding"


@then(parsers.parse("finding {rule_id} cites {short}"))
def finding_cites(case: Case, rule_id: str, short: str) -> None:
    shorts = [c.short for c in case.finding(rule_id).sources]
    assert short in shorts, f"{rule_id} cites {shorts}"


@then(parsers.parse("finding {rule_id} does not rest on {short}"))
def finding_does_not_rest_on(case: Case, rule_id: str, short: str) -> None:
    shorts = [c.short for c in case.finding(rule_id).sources]
    assert short not in shorts, f"{rule_id} cites {shorts}"


@then(parsers.parse("finding {rule_id} lists {short} as a later confirmation"))
def finding_later_confirmation(case: Case, rule_id: str, short: str) -> None:
    shorts = [c.short for c in case.finding(rule_id).later_confirmation]
    assert short in shorts, f"{rule_id} lists {shorts} as later confirmation"


@then(parsers.parse("finding {rule_id} is version {version:d}"))
def finding_version(case: Case, rule_id: str, version: int) -> None:
    assert case.finding(rule_id).rule_version == version


@then(Topical(VOCABULARY, r"finding (?P<rule_id>[A-Z]+-\d{3}) asks (?P<topic>.+)"))
@then(parsers.parse('finding {rule_id} asks for "{path}"'))
def finding_asks(case: Case, rule_id: str, path: str) -> None:
    finding = case.finding(rule_id)
    assert finding.effect.value == "needs_information"
    assert path in finding.missing_facts, f"{rule_id} asks for {finding.missing_facts}"


@then(Topical(VOCABULARY, r"finding (?P<rule_id>[A-Z]+-\d{3}) does not ask (?P<topic>.+)"))
@then(parsers.parse('finding {rule_id} does not ask for "{path}"'))
def finding_does_not_ask(case: Case, rule_id: str, path: str) -> None:
    finding = case.finding(rule_id)
    assert path not in finding.missing_facts, f"{rule_id} asks for {finding.missing_facts}"


@then(parsers.parse("finding {rule_id} requires legal review"))
def finding_provisional(case: Case, rule_id: str) -> None:
    assert case.finding(rule_id).legal_review_required


@then(Topical(VOCABULARY, r"the assessment asks (?P<topic>.+)"))
@then(parsers.parse('the assessment asks for "{path}"'))
def assessment_asks(case: Case, path: str) -> None:
    assert path in [m.path for m in case.result().missing_facts]


@then(parsers.parse("the analysis ends at {principle}"))
def analysis_ends(case: Case, principle: str) -> None:
    ended = case.result().analysis_ended_at
    assert ended is not None
    assert ended.value == principle


@then(parsers.parse("the safeguards to impose include {rule_id}"))
def safeguard_included(case: Case, rule_id: str) -> None:
    assert rule_id in [c.rule_id for c in case.result().conditions]


@then("the verdict requires legal review")
def verdict_review(case: Case) -> None:
    assert case.result().legal_review_required


@then(parsers.parse("the verdict may still range from {best} to {worst}"))
def verdict_range(case: Case, best: str, worst: str) -> None:
    span = case.result().verdict_range
    assert (span.best.value, span.worst.value) == (VERDICTS[best], VERDICTS[worst]), span


@then(Topical(VOCABULARY, r"the assessment does not ask (?P<topic>.+)"))
@then(parsers.parse('the assessment does not ask for "{path}"'))
def assessment_does_not_ask(case: Case, path: str) -> None:
    assert path not in [m.path for m in case.result().missing_facts]


@then(Topical(VOCABULARY, r"the first question asks (?P<topic>.+)"))
@then(parsers.parse('the first question asks for "{path}"'))
def first_question(case: Case, path: str) -> None:
    assert case.result().missing_facts[0].path == path, [m.path for m in case.result().missing_facts]


@then(
    Topical(
        VOCABULARY,
        r"the question (?P<topic>.+) (?P<change>could change the verdict|is to confirm|"
        r"could change the (?P<principle>[a-z]+) principle)",
    )
)
@then(
    parsers.re(
        r'question "(?P<path>[a-z_.0-9]+)" (?P<change>could change the verdict|is to confirm|'
        r"could change the (?P<principle>[a-z]+) principle)"
    )
)
def question_change(case: Case, path: str, change: str, principle: str | None) -> None:
    [question] = [m for m in case.result().missing_facts if m.path == path]
    expected = "verdict" if change.endswith("verdict") else "principle" if principle else "confirmation"
    assert question.changes == expected, question
    if principle:
        assert principle in [p.value for p in question.principles], question


@then(parsers.parse("the assessment recommends {rule_id}"))
def recommends(case: Case, rule_id: str) -> None:
    assert rule_id in [r.rule_id for r in case.result().recommendations]
    assert rule_id not in [c.rule_id for c in case.result().conditions]


@then(Topical(VOCABULARY, r"a condition asks to confirm (?P<topic>.+)"))
@then(parsers.parse('a condition asks to confirm "{path}"'))
def condition_confirms(case: Case, path: str) -> None:
    assert any(
        path in c.confirm and c.safeguard.startswith("Confirm that the measure meets") for c in case.result().conditions
    )
