"""The hardening of the durable backend: what it guards against in durable_rules 2.0.28.

Each test names the failure it prevents: leaked sessions (1,024 per ruleset, then
MemoryError), swallowed action errors, bad input reaching C, the ``$nex`` infinite
loop, races between threads, and recompiling or re-registering a ruleset.
"""

from __future__ import annotations

import json
import math
import random
import subprocess
import sys
import threading
from typing import Any

import durable_rules_engine
import pytest
from rule_builder import minimal_rule as rule

from art52.domain.fields import FieldSpec
from art52.engine import durable
from art52.engine.compiler import DONE, compile_ruleset
from art52.engine.durable import C_ERRORS, DurableBackend, shared_durable_backend
from art52.engine.logic import Truth
from art52.engine.reference import ReferenceBackend
from art52.errors import EngineError

CATALOGUE = {
    spec.path: spec
    for spec in (
        FieldSpec("eu_law_applies", "boolean"),
        FieldSpec("objective", "enum", ("national_security", "serious_crime", "crime_general")),
        FieldSpec("retention.period_days", "integer"),
        FieldSpec("offence.max_penalty_years", "number"),
        FieldSpec("data.categories", "enum_list", ("subscriber_civil_identity", "traffic", "location", "content")),
        FieldSpec("necessity.less_intrusive_alternatives", "object_list"),
    )
}
REFERENCE = ReferenceBackend()


RULES = [
    rule("TST-001", {"eu_law_applies": {"eq": False}}),
    rule(
        "TST-002",
        {"all": [{"objective": {"in": ["serious_crime", "national_security"]}}, {"retention.period_days": {"gt": 90}}]},
        applies_to={"eu_law_applies": {"eq": True}},
    ),
    rule("TST-003", {"data.categories": {"any_of": ["traffic", "location"]}}),
    rule("TST-004", {"not": {"offence.max_penalty_years": {"lt": 3}}}),
    rule("TST-005", {"necessity.less_intrusive_alternatives": {"missing": True}}),
]
POOLS: dict[str, list[Any]] = {
    "eu_law_applies": [True, False],
    "objective": ["serious_crime", "crime_general", "other"],
    "retention.period_days": [0, 90, 91, 10**20],
    "offence.max_penalty_years": [2, 3, 2.999, 1e-7],
    "data.categories": [(), ("traffic",), ("content", "location")],
    "necessity.less_intrusive_alternatives": [(), ({"description": "x"},)],
}


def random_facts(rng: random.Random) -> dict[str, Any]:
    return {path: rng.choice(values) for path, values in POOLS.items() if rng.random() < 0.6}


@pytest.fixture
def backend() -> DurableBackend:
    return DurableBackend(CATALOGUE)


@pytest.fixture
def assert_calls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every fact that reaches the C engine's assert_fact."""
    calls: list[str] = []
    real = durable_rules_engine.assert_fact

    def spy(handle: int, document: str) -> Any:
        calls.append(document)
        return real(handle, document)

    monkeypatch.setattr(durable_rules_engine, "assert_fact", spy)
    return calls


def live_measure_facts(backend: DurableBackend, ruleset_id: str) -> list[Any]:
    """Measure facts still held by the sessions of a ruleset (should always be none)."""
    held = []
    for part in backend._loaded[ruleset_id].parts:
        if part.session is not None:
            facts = json.loads(durable_rules_engine.get_facts(part.handle, part.session.sid))
            held += [f for f in facts if f.get("t") == "measure"]
    return held


def test_results_match_the_reference_backend(backend: DurableBackend) -> None:
    rng = random.Random(52)
    for _ in range(300):
        facts = random_facts(rng)
        assert backend.evaluate("rs_match", RULES, facts) == REFERENCE.evaluate("rs_match", RULES, facts)


def test_two_thousand_evaluations_leave_no_session_or_fact_behind(
    backend: DurableBackend, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(durable, "RECYCLE_AFTER", 100)
    rng = random.Random(7)
    sids: set[str] = set()
    for _ in range(2000):
        facts = random_facts(rng)
        assert backend.evaluate("rs_leak", RULES, facts) == REFERENCE.evaluate("rs_leak", RULES, facts)
        assert live_measure_facts(backend, "rs_leak") == []
        sids |= {p.session.sid for p in backend._loaded["rs_leak"].parts if p.session is not None}
    assert len(sids) >= 19  # recycled every 100 evaluations, so well over 1,024 would have been fatal
    (part,) = backend._loaded["rs_leak"].parts
    for sid in sids - {part.session.sid if part.session else ""}:
        with pytest.raises(durable_rules_engine.error, match="error code: 309"):  # deleted: not found
            durable_rules_engine.get_state(part.handle, sid)


def test_a_failing_action_becomes_an_engine_error_and_the_backend_recovers(
    backend: DurableBackend, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(name: str) -> Any:
        def act(fired: list[str]) -> None:
            if name != DONE:
                raise RuntimeError("kaputt")
            fired.append(name)

        return act

    monkeypatch.setattr(backend._host, "get_action", broken)
    facts = {"eu_law_applies": False}  # TST-001 holds: its action must run
    with pytest.raises(EngineError, match="action TST-001@1#TT failed: kaputt"):
        backend.evaluate("rs_broken", RULES, facts)
    (part,) = backend._loaded["rs_broken"].parts
    assert part.session is None  # the session was dropped, not reused
    with pytest.raises(EngineError):
        backend.evaluate("rs_broken", RULES, facts)
    healthy = DurableBackend(CATALOGUE)
    assert healthy.evaluate("rs_healthy", RULES, facts) == REFERENCE.evaluate("rs_healthy", RULES, facts)


def test_an_evaluation_whose_completion_action_did_not_record_is_an_engine_error(
    backend: DurableBackend, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = backend._host.get_action
    monkeypatch.setattr(backend._host, "get_action", lambda name: (lambda fired: None) if name == DONE else real(name))
    with pytest.raises(EngineError, match="did not run the completion rule"):
        backend.evaluate("rs_silent_done", RULES, {})


def test_an_evaluation_in_which_no_action_was_started_is_an_engine_error(
    backend: DurableBackend, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(durable_rules_engine, "start_action_for_state", lambda handle, offset: None)
    with pytest.raises(EngineError, match="ran no action"):
        backend.evaluate("rs_none", RULES, {})


@pytest.mark.parametrize(
    ("facts", "message"),
    [
        ([("eu_law_applies", True)], "facts must be a mapping"),
        ("eu_law_applies", "facts must be a mapping"),
        ({"offence.max_penalty_years": math.nan}, "not a finite number"),
        ({"offence.max_penalty_years": math.inf}, "not a finite number"),
        ({"offence.max_penalty_years": "3"}, "should be a number"),
        ({"retention.period_days": True}, "should be a number"),
        ({"eu_law_applies": "yes"}, "should be true or false"),
        ({"objective": 3}, "should be text"),
        ({"data.categories": "traffic"}, "should be a list"),
        ({"data.categories": ({"a": 1},)}, "cannot be compared"),
        ({"necessity.less_intrusive_alternatives": {"description": "x"}}, "should be a list"),
    ],
)
def test_bad_input_is_an_engine_error_and_never_reaches_the_engine(
    backend: DurableBackend, assert_calls: list[str], facts: Any, message: str
) -> None:
    with pytest.raises(EngineError, match=message):
        backend.evaluate("rs_bad", RULES, facts)
    assert assert_calls == []


def test_only_the_facts_the_rules_read_reach_the_engine(backend: DurableBackend, assert_calls: list[str]) -> None:
    facts: dict[str, Any] = {f"unrelated.field_{i}": {"nested": [1, 2]} for i in range(400)}
    facts["eu_law_applies"] = True
    assert backend.evaluate("rs_wide", RULES, facts) == REFERENCE.evaluate("rs_wide", RULES, facts)
    (document,) = assert_calls
    sent = json.loads(document)
    columns = backend.compiled("rs_wide", RULES).parts[0].columns
    assert set(sent) == {"t", "sid", "id"} | {c.key for c in columns}
    assert len(sent) < 255
    assert all(isinstance(v, int | float | str) for v in sent.values())


def test_numbers_beyond_what_durable_parses_are_clamped_or_written_without_failing(backend: DurableBackend) -> None:
    for value in (10**30, -(10**30), 1e300, 5e-324, -1e-7, 2**53 + 1, 0.1 + 0.2, -0.0):
        facts = {"offence.max_penalty_years": value, "retention.period_days": 91}
        assert backend.evaluate("rs_numbers", RULES, facts) == REFERENCE.evaluate("rs_numbers", RULES, facts)


def test_a_rule_whose_only_condition_is_missing_terminates() -> None:
    script = """
from art52.domain.fields import FieldSpec
from art52.engine.durable import DurableBackend
from art52.rulebook.conditions import Leaf, Op, TRUE
from art52.rulebook.schema import Rule, RuleSpec
spec = RuleSpec.model_validate({"id": "MIS-001", "version": 1, "title": "t", "basis": "case_law",
    "principle": "necessity",
    "status": "settled", "when": {"x": {"missing": True}}, "then": {"effect": "violation", "explanation": "x"},
    "sources": [{"ref": "s", "pinpoint": "p"}]})
only_missing = Rule(spec=spec, family="f", file="f", line=1, scope=TRUE, condition=Leaf("x", Op.MISSING, True),
    otherwise=None)
backend = DurableBackend({"x": FieldSpec("x", "boolean")})
for facts in ({}, {"x": True}, {}):
    print(backend.evaluate("rs_missing", [only_missing], facts)["MIS-001@1"].condition.value)
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["true", "false", "true"]


def test_sessions_in_which_nothing_but_the_completion_rule_fires_are_deleted_safely() -> None:
    """Deleting a session in which no action ever ran frees garbage in durable_rules 2.0.28 (a crash)."""
    script = """
from art52.domain.fields import FieldSpec
from art52.engine import durable
from art52.engine.durable import DurableBackend
from art52.rulebook.schema import RuleSpec, build_rule
durable.RECYCLE_AFTER = 3
spec = RuleSpec.model_validate({"id": "SIL-001", "version": 1, "title": "t", "basis": "case_law",
    "principle": "necessity",
    "status": "settled", "applies_to": {"x": {"eq": True}}, "when": {"x": {"eq": True}},
    "then": {"effect": "violation", "explanation": "x"}, "sources": [{"ref": "s", "pinpoint": "p"}]})
backend = DurableBackend({"x": FieldSpec("x", "boolean")})
for i in range(50):
    result = backend.evaluate(f"rs_silent_{i % 5}", [build_rule(spec, "f", "f", 1)], {"x": False})
    assert result["SIL-001@1"].scope.value == "false"
print("ok")
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, f"exit {done.returncode}: {done.stderr}"
    assert done.stdout.strip() == "ok"


def test_threads_get_the_results_of_the_reference_backend(backend: DurableBackend) -> None:
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # switch threads between (almost) any two bytecodes
    failures: list[str] = []

    def worker(seed: int) -> None:
        rng = random.Random(seed)
        for _ in range(200):
            facts = random_facts(rng)
            try:
                if backend.evaluate("rs_threads", RULES, facts) != REFERENCE.evaluate("rs_threads", RULES, facts):
                    failures.append(f"different results for {facts}")
            except Exception as error:  # a test must see every failure, whatever its type
                failures.append(repr(error))

    threads = [threading.Thread(target=worker, args=(seed,)) for seed in range(4)]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=300)
    finally:
        sys.setswitchinterval(interval)
    assert not any(t.is_alive() for t in threads)
    assert failures == []


def test_a_ruleset_is_compiled_and_registered_once_and_reused(
    backend: DurableBackend, monkeypatch: pytest.MonkeyPatch
) -> None:
    compiled: list[str] = []
    registered: list[str] = []
    real_compile, real_register = compile_ruleset, backend._host.register_rulesets

    def compile_spy(ruleset_id: str, *args: Any, **kwargs: Any) -> Any:
        compiled.append(ruleset_id)
        return real_compile(ruleset_id, *args, **kwargs)

    def register_spy(definitions: dict[str, Any]) -> Any:
        registered.extend(definitions)
        return real_register(definitions)

    monkeypatch.setattr("art52.engine.durable.compile_ruleset", compile_spy)
    monkeypatch.setattr(backend._host, "register_rulesets", register_spy)
    rng = random.Random(3)
    for _ in range(50):
        backend.evaluate("rs_once", RULES, random_facts(rng))
        backend.evaluate("rs_other", RULES[:2], random_facts(rng))
    assert compiled == ["rs_once", "rs_other"]
    assert registered == ["rs_once.0", "rs_other.0"]


def test_reusing_a_ruleset_id_for_other_rules_is_an_engine_error(backend: DurableBackend) -> None:
    backend.evaluate("rs_reused", RULES, {})
    with pytest.raises(EngineError, match="different set of rules"):
        backend.evaluate("rs_reused", RULES[:3], {})


def test_scope_and_condition_follow_the_backend_convention(backend: DurableBackend) -> None:
    result = backend.evaluate("rs_convention", RULES, {"eu_law_applies": False})["TST-002@1"]
    assert (result.scope, result.condition) == (Truth.FALSE, Truth.UNKNOWN)


def test_the_backend_names_itself_and_the_library_version() -> None:
    assert DurableBackend.name == "durable"
    assert DurableBackend(CATALOGUE).version() == "durable_rules/2.0.28"
    assert shared_durable_backend() is shared_durable_backend()


def test_c_error_codes_are_translated() -> None:
    error = durable._engine_error("assert the fact", Exception("Could not assert fact, error code: 302"))
    assert str(error) == f"durable_rules failed to assert the fact: {C_ERRORS[302]} (code 302)"
    assert "1,024 live sessions" in str(durable._engine_error("assert the fact", MemoryError()))


def test_reloading_a_ruleset_a_hundred_times_leaves_no_ruleset_behind() -> None:
    backend = DurableBackend(CATALOGUE, keep_rulesets=3)
    rng = random.Random(11)
    for reload in range(100):
        facts = random_facts(rng)
        assert backend.evaluate(f"rs_reload_{reload}", RULES, facts) == REFERENCE.evaluate("rs", RULES, facts)
    kept = ("rs_reload_97", "rs_reload_98", "rs_reload_99")
    assert backend.registered() == kept
    assert sorted(backend._host._ruleset_directory) == [f"{name}.0" for name in kept]
    assert len(backend._host._ruleset_list) == 3


def test_a_released_ruleset_is_deleted_in_c_and_loaded_again_when_used(backend: DurableBackend) -> None:
    backend.evaluate("rs_released", RULES, {"eu_law_applies": True})
    (part,) = backend._loaded["rs_released"].parts
    backend.release("rs_released")
    assert backend.registered() == ()
    with pytest.raises(durable_rules_engine.error):  # the C engine no longer knows the handle
        durable_rules_engine.assert_fact(part.handle, '{"t":"measure","sid":"x","id":"1"}')
    facts = {"eu_law_applies": False, "objective": "other"}
    assert backend.evaluate("rs_released", RULES, facts) == REFERENCE.evaluate("rs_released", RULES, facts)


def test_the_least_recently_used_ruleset_is_the_one_released() -> None:
    small = DurableBackend(CATALOGUE, keep_rulesets=2)
    small.evaluate("rs_a", RULES, {})
    small.evaluate("rs_b", RULES, {})
    small.evaluate("rs_a", RULES, {})
    small.evaluate("rs_c", RULES, {})
    assert small.registered() == ("rs_a", "rs_c")
