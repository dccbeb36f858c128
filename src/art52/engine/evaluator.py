"""Rules in force + facts → findings, whichever backend decides the rules.

The backend only says true / false / unknown for scope and condition; this
module turns that into findings with citations, the facts relied on, and the
facts missing. Because this part is shared, the backends cannot disagree on
explanations, only on decisions, which the differential tests compare.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
from collections.abc import Mapping
from typing import Any

from art52.domain.derived_facts import ANSWERED_OTHERWISE, DERIVED_INPUTS
from art52.domain.findings import FactRef, Finding
from art52.domain.perspective import Perspective
from art52.domain.principles import Effect
from art52.engine.backend import Backend, RuleResult
from art52.engine.logic import Truth, explain
from art52.errors import EngineError
from art52.rulebook.catalog import Rulebook
from art52.rulebook.schema import Consequence, Rule


def ruleset_id(rulebook: Rulebook, rules: tuple[Rule, ...]) -> str:
    """A stable name for exactly this set of rule versions of this rulebook."""
    return _ruleset_id(rulebook.version, tuple(r.key for r in rules))


@functools.lru_cache(maxsize=256)
def _ruleset_id(version: str, keys: tuple[str, ...]) -> str:
    # Asked for every assessment, for one of a few sets of rules: hashed once each.
    digest = hashlib.sha256(f"{version}|{','.join(keys)}".encode()).hexdigest()[:16]
    return f"art52_{digest}"


def evaluate_rules(
    rulebook: Rulebook,
    backend: Backend,
    facts: Mapping[str, Any],
    as_of: dt.date,
    perspective: Perspective = Perspective.ISSUING,
) -> tuple[Finding, ...]:
    """Findings of every rule in force on ``as_of`` for ``perspective``, in rule-id order."""
    rules = rulebook.in_force(as_of, perspective)
    return findings_of(rulebook, rules, decide(rulebook, backend, rules, facts), facts, as_of)


def decide(
    rulebook: Rulebook, backend: Backend, rules: tuple[Rule, ...], facts: Mapping[str, Any]
) -> Mapping[str, RuleResult]:
    """The backend's scope and condition of every rule (by key), which findings and outlooks both read."""
    results = backend.evaluate(ruleset_id(rulebook, rules), rules, facts)
    for rule in rules:
        if rule.key not in results:
            raise EngineError(f"backend {backend.name} returned no result for {rule.key}")
    return results


def findings_of(
    rulebook: Rulebook,
    rules: tuple[Rule, ...],
    results: Mapping[str, RuleResult],
    facts: Mapping[str, Any],
    as_of: dt.date,
) -> tuple[Finding, ...]:
    """The findings of the decided rules, in rule order (rules out of scope have none)."""
    findings = []
    for rule in rules:
        finding = _finding(rulebook, rule, results[rule.key], facts, as_of)
        if finding is not None:
            findings.append(finding)
    return tuple(findings)


def _finding(
    rulebook: Rulebook, rule: Rule, result: RuleResult, facts: Mapping[str, Any], as_of: dt.date
) -> Finding | None:
    if result.scope is Truth.FALSE:
        return None

    def make(consequence: Consequence, relied: tuple[str, ...], missing: tuple[str, ...]) -> Finding:
        return _make(rulebook, rule, consequence, relied, missing, facts, as_of)

    scope = explain(rule.scope, facts)  # each condition explained once: reasons and open questions
    if result.scope is Truth.UNKNOWN:
        missing = _asked_for(scope.unknowns, facts)
        return make(_unknown(rule, missing, scope=True), scope.relied, missing)
    if result.condition is Truth.FALSE and rule.otherwise is None:
        return None
    condition = explain(rule.condition, facts)
    relied = tuple(dict.fromkeys(scope.relied + condition.relied))
    if result.condition is Truth.TRUE:
        then = rule.spec.then
        # A rule that itself asks for more wants its condition's facts, not its scope's.
        asked = _asked_for(condition.relied, facts) if then.effect is Effect.NEEDS_INFORMATION else ()
        return make(then, relied, asked)
    if result.condition is Truth.FALSE:
        assert rule.otherwise is not None
        return make(rule.otherwise, relied, ())
    missing = _asked_for(condition.unknowns, facts)
    return make(_unknown(rule, missing, scope=False), relied, missing)


def _asked_for(relied: tuple[str, ...], facts: Mapping[str, Any]) -> tuple[str, ...]:
    """The facts to ask the official for: contract paths as they are, derived facts as their unstated inputs."""
    asked: dict[str, None] = {}
    for path in relied:
        inputs = DERIVED_INPUTS.get(path)
        if inputs is None:
            asked[path] = None
            continue
        unstated = [p for p in inputs if facts.get(p) in (None, ()) and not _answered_otherwise(p, facts)]
        asked.update(dict.fromkeys(unstated or inputs))
    return tuple(asked)


def _answered_otherwise(path: str, facts: Mapping[str, Any]) -> bool:
    return any(facts.get(other) is True for other in ANSWERED_OTHERWISE.get(path, ()))


def _unknown(rule: Rule, missing: tuple[str, ...], *, scope: bool) -> Consequence:
    what = "whether this rule applies" if scope else "this rule"
    return Consequence(
        effect=Effect.NEEDS_INFORMATION,
        explanation=(f"Cannot decide {what} without: {', '.join(missing)}. The rule: {rule.spec.then.explanation}"),
    )


def _make(
    rulebook: Rulebook,
    rule: Rule,
    consequence: Consequence,
    relied: tuple[str, ...],
    missing: tuple[str, ...],
    facts: Mapping[str, Any],
    as_of: dt.date,
) -> Finding:
    sources, later = rulebook.citations_on(rule, as_of)
    refs = [FactRef(path=p, value=_plain(facts.get(p)), known=facts.get(p) is not None) for p in relied]
    refs += [FactRef(path=p, value=None, known=False) for p in missing if p not in relied]
    return Finding(
        rule_id=rule.id,
        rule_version=rule.version,
        title=rule.spec.title,
        principle=rule.spec.principle,
        basis=rule.spec.basis,
        effect=consequence.effect,
        explanation=consequence.explanation,
        sources=sources,
        later_confirmation=later,
        facts=tuple(refs),
        missing_facts=missing,
        provisional=rule.provisional,
        legal_review_required=rule.provisional and _rests_on_the_rule(rule, consequence),
        remedy=consequence.remedy if consequence.effect is not Effect.SATISFIED else None,
        safeguard=consequence.safeguard if consequence.effect is Effect.CONDITION else None,
    )


def _rests_on_the_rule(rule: Rule, consequence: Consequence) -> bool:
    """Whether a finding states what the (provisional) rule says, rather than its mere absence.

    A provisional prohibition that is not triggered ("satisfied") makes nothing
    depend on unsettled law; a provisional permission that is met, or any
    violation, condition or question it raises, does. A rule file can say so
    explicitly with ``legal_review`` where its ``otherwise`` is itself the new law.
    """
    if consequence.legal_review is not None:
        return consequence.legal_review
    return consequence.effect is not Effect.SATISFIED or rule.spec.then.effect is Effect.SATISFIED


def _plain(value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value
