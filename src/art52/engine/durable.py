"""The durable-rules backend: compiled rulesets run by a hardened durable_rules host.

durable_rules 2.0.28 is used only through this wrapper, because used plainly it
hangs, crashes or silently drops results (docs: durable-rules.md). The wrapper

* disables the Host's background dispatcher threads (they steal actions and race);
* serialises every call into the C engine under one lock (it is not thread-safe);
* registers each compiled part once, lazily, under its ruleset id, from a deep copy
  (a compiled part may come from the on-disk cache instead of the compiler), and
  unregisters the least recently used ruleset beyond KEEP_RULESETS, so rulebooks
  reloaded or analysed again and again do not grow the C engine's memory;
* writes the fact itself from the compiled column plan, so nothing but a flat
  object of known keys, small numbers and compiled constants ever reaches C,
  and checks the facts' types (and that numbers are finite) before any C call;
* asserts one fact per part and evaluation (never ``post``) and always retracts
  it in ``finally``. The session is kept between evaluations, because creating
  one costs a malloc and a memset per durable rule; it is deleted and replaced
  after RECYCLE_AFTER evaluations and after any failure, so at most one session
  per part is ever live (the hard cap is 1,024 per ruleset);
* runs the pending actions itself, one C call each, instead of the Host's loop
  (which re-parses the fact and the session state in Python for every action);
* raises EngineError when an action fails, when the always-firing ``done`` rule
  did not run, when two results are reported for one rule, or when C reports an
  error (with the C error code translated).
"""

from __future__ import annotations

import contextlib
import functools
import importlib.metadata
import itertools
import math
import re
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

import durable_rules_engine as _c
from durable import engine as _engine

from art52.domain.fields import FieldSpec
from art52.engine.backend import RuleResult
from art52.engine.compiler import (
    DONE,
    FACT_CLAMP,
    OUTCOMES,
    PART_COLUMNS,
    UNKNOWN_FLAG,
    UNKNOWN_HIGH,
    UNKNOWN_LOW,
    Column,
    CompiledPart,
    CompiledRuleset,
    Outcome,
    compile_ruleset,
)
from art52.errors import EngineError
from art52.rulebook.schema import Rule

Action = Callable[[list[str]], None]
Writer = Callable[[Any], str]

# Error codes of durable_rules' C engine (src/rules/rules.h), which it reports as bare numbers.
C_ERRORS: dict[int, str] = {
    101: "out of memory, or more than 1,024 live sessions in one ruleset",
    102: "unexpected type in a rule or fact",
    103: "identifier too long",
    105: "unexpected name in a rule",
    106: "too many rules in the ruleset, or tests under one alpha node",
    107: "too many $or branches or $nex tests under one alpha node",
    108: "too many rules ending at one alpha node",
    113: "too many $and/$or groups in one rule pattern",
    201: "cannot parse a value",
    202: "cannot parse a string (or unknown operator)",
    203: "cannot parse a number",
    204: "cannot parse an object",
    205: "cannot parse an array",
    302: "more than 255 properties in one object",
    303: "stack too deep",
    309: "session not found",
    310: "no action available",
    314: "a property is larger than 16 MiB",
}
_CODE = re.compile(r"error code: (\d+)")


def _engine_error(doing: str, error: BaseException) -> EngineError:
    found = _CODE.search(str(error))
    if isinstance(error, MemoryError):
        meaning = C_ERRORS[101]
    elif found:
        meaning = C_ERRORS.get(int(found.group(1)), "unknown error") + f" (code {found.group(1)})"
    else:
        meaning = str(error)
    return EngineError(f"durable_rules failed to {doing}: {meaning}")


class _QuietHost(_engine.Host):  # type: ignore[misc]
    """A Host without the dispatcher threads, whose actions record their own name."""

    def _run(self) -> None:
        """Start no timer threads: they take pending actions from under the caller."""

    def get_action(self, action_name: str) -> Action:
        def record(fired: list[str]) -> None:
            fired.append(action_name)

        return record

    def load_ruleset(self, ruleset_name: str) -> Any:
        raise EngineError(f"ruleset {ruleset_name} is not registered")


# --- writing the fact --------------------------------------------------------------------------------
def _number_text(path: str, value: Any) -> str:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise EngineError(f"fact '{path}' should be a number, not {type(value).__name__}")
    if isinstance(value, float) and not math.isfinite(value):
        raise EngineError(f"fact '{path}' is {value}, which is not a finite number")
    clamped = max(-FACT_CLAMP, min(FACT_CLAMP, value))
    text = repr(clamped)
    if "e" in text and "." not in text:  # durable's parser needs a fraction before the exponent
        mantissa, exponent = text.split("e")
        text = f"{mantissa}.0e{exponent}"
    return text


def _writer(path: str, columns: Sequence[Column]) -> tuple[dict[Any, str], Writer]:
    """How one fact's value is written: a table of ready fragments, and a function for the rest.

    A fragment is ``,"key":value`` for every column of the fact. The table holds the
    unknown value and, for booleans and text, every value that matters (as a dict, 1
    and 1.0 find ``True``'s entry, which is also what Python's ``==`` says); the
    function writes numbers and lists and rejects values of the wrong type.
    """
    keys: dict[str, str] = {c.encoding: f',"{c.key}":' for c in columns if c.encoding != "member"}
    encodings = {c.encoding for c in columns}
    if encodings <= {"low", "high"}:
        heads = [keys[e] for e in sorted(encodings)]
        unknown = "".join(keys[e] + str(UNKNOWN_LOW if e == "low" else UNKNOWN_HIGH) for e in sorted(encodings))

        def number(value: Any) -> str:
            text = _number_text(path, value)
            return "".join(head + text for head in heads)

        return {None: unknown}, number
    if encodings == {"flag"}:
        head = keys["flag"]

        def boolean(value: Any) -> str:
            raise EngineError(f"fact '{path}' should be true or false, not {type(value).__name__}")

        return {None: f"{head}{UNKNOWN_FLAG}", True: f"{head}1", False: f"{head}0"}, boolean
    if encodings == {"text"}:
        (column,) = columns
        head = keys["text"]
        other = f"{head}{len(column.values)}"

        def text(value: Any) -> str:
            if not isinstance(value, str):
                raise EngineError(f"fact '{path}' should be text, not {type(value).__name__}")
            return other

        known = {v: f"{head}{i}" for i, v in enumerate(column.values)}
        return {None: f"{head}{UNKNOWN_FLAG}", **known}, text
    return _list_writer(path, columns)


def _list_writer(path: str, columns: Sequence[Column]) -> tuple[dict[Any, str], Writer]:
    members = [(f',"{c.key}":', c.values[0]) for c in columns if c.encoding == "member"]
    outsides = [(f',"{c.key}":', frozenset(c.values)) for c in columns if c.encoding == "outside"]
    present = "".join(f',"{c.key}":1' for c in columns if c.encoding == "present")
    unknown = "".join(f',"{c.key}":{UNKNOWN_FLAG}' for c in columns)

    def listing(value: Any) -> str:
        if not isinstance(value, tuple | list):
            raise EngineError(f"fact '{path}' should be a list, not {type(value).__name__}")
        if not members and not outsides:
            return present
        try:
            items = set(value)
        except TypeError:
            raise EngineError(f"fact '{path}' holds items that cannot be compared") from None
        parts = [head + ("1" if v in items else "0") for head, v in members]
        parts += [head + ("1" if items - values else "0") for head, values in outsides]
        return "".join(parts) + present

    return {None: unknown}, listing


class CompiledStore(Protocol):
    """Where compiled rulesets are kept between processes (compiling is most of a cold start)."""

    def load(self, ruleset_id: str) -> CompiledRuleset | None: ...

    def save(self, compiled: CompiledRuleset) -> None: ...


# --- loaded rulesets ----------------------------------------------------------------------------------
RECYCLE_AFTER = 10_000  # evaluations per session before it is deleted and replaced
KEEP_RULESETS = 16  # rulesets kept registered (~30 MiB each in C); one per distinct set of rules in force


class _Session:
    """One long-lived durable session; each evaluation asserts a fact into it and retracts it again."""

    __slots__ = ("initialised", "sid", "uses")

    def __init__(self, sid: str) -> None:
        self.sid = sid
        self.uses = 0
        self.initialised = False  # an action context has been set (and cleared): deleting is safe


class _Part:
    """A registered part of a compiled ruleset, with its fact writers and its session."""

    __slots__ = ("actions", "handle", "name", "results", "session", "writers")

    def __init__(
        self,
        name: str,
        handle: int,
        writers: tuple[tuple[str, dict[Any, str], Writer], ...],
        actions: Mapping[str, Action],
        results: Mapping[str, tuple[tuple[str, RuleResult], ...]],
    ) -> None:
        self.name, self.handle, self.writers, self.actions, self.results = name, handle, writers, actions, results
        self.session: _Session | None = None

    def body(self, facts: Mapping[str, Any]) -> str:
        """The fact's properties as JSON text (without the braces, sid and id)."""
        get, out = facts.get, []
        for path, table, write in self.writers:
            value = get(path)
            try:
                out.append(table[value])
            except (KeyError, TypeError):  # not in the table (TypeError: unhashable, e.g. a list)
                out.append(write(value))
        return "".join(out)


@dataclass
class _Loaded:
    compiled: CompiledRuleset
    parts: tuple[_Part, ...]
    defaults: Mapping[str, RuleResult]
    released: bool = False  # unregistered from C: its handles must not be used again


class DurableBackend:
    """Decides rules with durable_rules; use one instance per process (see shared_durable_backend)."""

    name = "durable"

    def __init__(
        self,
        catalogue: Mapping[str, FieldSpec] | None = None,
        *,
        part_columns: int = PART_COLUMNS,
        keep_rulesets: int | None = None,
    ) -> None:
        self._catalogue = catalogue
        self._part_columns = part_columns
        self._keep = keep_rulesets
        self._lock = threading.Lock()
        self._host = _QuietHost()
        self._loaded: dict[str, _Loaded] = {}
        self._registered: dict[str, int] = {}
        self._ids = itertools.count(1)
        self._sessions = itertools.count(1)
        self.store: CompiledStore | None = None

    def version(self) -> str:
        return _library_version()

    def compiled(self, ruleset_id: str, rules: Sequence[Rule]) -> CompiledRuleset:
        """The compiled form of a ruleset (compiling and registering it on first use)."""
        return self._load(ruleset_id, rules).compiled

    def evaluate(self, ruleset_id: str, rules: Sequence[Rule], facts: Mapping[str, Any]) -> dict[str, RuleResult]:
        if not isinstance(facts, Mapping):
            raise EngineError(f"facts must be a mapping, not {type(facts).__name__}")
        fired: list[tuple[_Part, list[str]]] | None = None
        while fired is None:  # a ruleset released by another thread meanwhile is loaded again
            loaded = self._loaded.get(ruleset_id) or self._load(ruleset_id, rules)
            if len(rules) != len(loaded.defaults) or (rules and rules[-1].key not in loaded.defaults):
                raise EngineError(f"ruleset id {ruleset_id} was first used for a different set of rules")
            bodies = [part.body(facts) for part in loaded.parts]  # validates the facts before any C call
            with self._lock:
                if not loaded.released:
                    fired = [(part, self._run(part, body)) for part, body in zip(loaded.parts, bodies, strict=True)]
                    self._loaded[ruleset_id] = self._loaded.pop(ruleset_id)  # most recently used last
        assigned: dict[str, RuleResult] = {}
        for part, names in fired:
            for name in names:
                for key, result in part.results[name]:
                    if assigned.setdefault(key, result) is not result:
                        raise EngineError(f"durable_rules reported two results for {key}")
        return {**loaded.defaults, **assigned}

    def _load(self, ruleset_id: str, rules: Sequence[Rule]) -> _Loaded:
        with self._lock:
            loaded = self._loaded.get(ruleset_id)
            if loaded is None:
                if self._catalogue is None:
                    from art52.domain.derived_facts import fact_catalogue

                    self._catalogue = fact_catalogue()
                compiled = self._compiled(ruleset_id, rules)
                parts = tuple(self._register(part) for part in compiled.parts)
                defaults = {k: RuleResult(k, *OUTCOMES[o]) for k, o in compiled.defaults.items()}
                loaded = self._loaded[ruleset_id] = _Loaded(compiled, parts, defaults)
                keep = KEEP_RULESETS if self._keep is None else self._keep
                for oldest in list(self._loaded)[: max(0, len(self._loaded) - max(1, keep))]:
                    self._release(oldest)
            return loaded

    def registered(self) -> tuple[str, ...]:
        """The ruleset ids whose parts are registered with the C engine now, least recently used first."""
        with self._lock:
            return tuple(self._loaded)

    def release(self, ruleset_id: str) -> None:
        """Unregister a ruleset from the C engine (it is loaded again if used again)."""
        with self._lock:
            self._release(ruleset_id)

    def _release(self, ruleset_id: str) -> None:
        """Called under the lock: delete the parts' sessions and rulesets in C, and forget them."""
        loaded = self._loaded.pop(ruleset_id, None)
        if loaded is None:
            return
        loaded.released = True
        for part in loaded.parts:
            self._close(part)
            handle = self._registered.pop(part.name, None)
            ruleset = self._host._ruleset_directory.pop(part.name, None)
            if ruleset is not None:
                self._host._ruleset_list.remove(ruleset)
            if handle is not None:
                with contextlib.suppress(_c.error):
                    _c.delete_ruleset(handle)

    def _compiled(self, ruleset_id: str, rules: Sequence[Rule]) -> CompiledRuleset:
        """From the store when it holds this exact ruleset, else compiled (and stored)."""
        assert self._catalogue is not None
        keys = tuple(rule.key for rule in rules)
        stored = self.store.load(ruleset_id) if self.store is not None else None
        if stored is not None and stored.rule_keys == keys and self._part_columns == PART_COLUMNS:
            return stored
        compiled = compile_ruleset(ruleset_id, rules, self._catalogue, part_columns=self._part_columns)
        if self.store is not None and self._part_columns == PART_COLUMNS:
            self.store.save(compiled)
        return compiled

    def _register(self, part: CompiledPart) -> _Part:
        if part.name not in self._registered:
            try:
                self._host.register_rulesets({part.name: _fresh_copy(part.definition)})
            except Exception as error:  # C errors arrive as a bare Exception subclass
                raise _engine_error(f"register ruleset {part.name}", error) from error
            self._registered[part.name] = self._host.get_ruleset(part.name)._handle
        outcomes: dict[tuple[str, str], RuleResult] = {}

        def result(key: str, outcome: Outcome) -> RuleResult:
            # One object per (rule, outcome): split pieces of one result must compare identical.
            return outcomes.setdefault((key, outcome), RuleResult(key, *OUTCOMES[outcome]))

        by_path: dict[str, list[Column]] = {}
        for column in part.columns:
            by_path.setdefault(column.path, []).append(column)
        return _Part(
            name=part.name,
            handle=self._registered[part.name],
            writers=tuple((path, *_writer(path, cols)) for path, cols in by_path.items()),
            actions={name: self._host.get_action(name) for name in part.definition},
            results={
                name: tuple((key, result(key, outcome)) for key, outcome in tokens)
                for name, tokens in part.actions.items()
            },
        )

    def _run(self, part: _Part, body: str) -> list[str]:
        """Assert one fact, run the actions it triggers, retract it; the names of the actions run.

        Called under the lock. The session outlives the evaluation (creating one costs a
        few kilobytes of memset per durable rule); it is deleted after RECYCLE_AFTER uses
        or after any failure, and only once an action has run in it (see the compiler).
        """
        session = part.session
        if session is None:
            session = part.session = _Session(f"s{next(self._sessions)}")
        handle, sid, mid = part.handle, session.sid, next(self._ids)
        try:
            code, offset = _c.assert_fact(handle, f'{{"t":"measure","sid":"{sid}","id":"{mid}"{body}}}')
        except (_c.error, MemoryError) as error:
            self._close(part)
            raise _engine_error("assert the fact", error) from error
        if code != 0:  # the done rule always matches: the fact never reached the network
            self._close(part)
            raise EngineError(f"durable_rules did not handle the fact (result {code})")
        fired: list[str] = []
        started = healthy = False
        try:
            pending = _c.start_action_for_state(handle, offset)
            if pending is None:
                raise EngineError("durable_rules ran no action for the fact; results would be incomplete")
            started = session.initialised = True
            messages: str | None = pending[1]
            while messages is not None:
                name = messages[2 : messages.index('"', 2)]
                try:
                    part.actions[name](fired)
                except Exception as error:
                    raise EngineError(f"action {name} failed: {error}") from error
                messages = _c.complete_and_start_action(handle, offset)
            started = False
            healthy = True
        except _c.error as error:
            raise _engine_error("run the actions", error) from error
        finally:
            try:
                if started:
                    _c.abandon_action(handle, offset)
                _c.retract_fact(handle, f'{{"sid":"{sid}","id":"{mid}"}}')
            except _c.error:
                healthy = False
            session.uses += 1
            if not healthy or session.uses >= RECYCLE_AFTER:
                self._close(part)
        if DONE not in fired:
            raise EngineError("durable_rules did not run the completion rule; results would be incomplete")
        return fired

    def _close(self, part: _Part) -> None:
        """Drop the part's session; delete it in C if that is safe (an action context was set)."""
        session, part.session = part.session, None
        if session is not None and session.initialised:
            with contextlib.suppress(_c.error):  # already gone: nothing to free
                _c.delete_state(part.handle, session.sid)


def _fresh_copy(definition: dict[str, Any]) -> dict[str, Any]:
    """A copy durable_rules may edit: registering deletes each rule's ``run`` key (and only that,
    durable/engine.py ``Ruleset.__init__``), so copying every rule one level deep protects the
    compiled definition, at a fraction of the cost of ``copy.deepcopy``."""
    return {name: dict(rule) for name, rule in definition.items()}


@functools.cache
def _library_version() -> str:
    """Read once: package metadata lookups cost about a millisecond, and every assessment records it."""
    return f"durable_rules/{importlib.metadata.version('durable_rules')}"


@functools.cache
def shared_durable_backend() -> DurableBackend:
    """The one durable backend of this process (the C engine and its lock are per process)."""
    return DurableBackend()
