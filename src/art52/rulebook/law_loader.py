"""Loads and validates the dated tables of law in rules/law/ (see law_tables).

Each file holds one table: ``table`` (its name), ``sources`` (citations of the
sources the whole table rests on) and ``entries``. Problems are reported with
file, line and the entry's key, like rule-file errors, and any problem rejects
the whole rulebook.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from itertools import pairwise
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from art52.documents.yaml_reader import line_of, load_yaml
from art52.errors import DocumentError, RuleIssue
from art52.rulebook.law_tables import (
    TABLE_NAMES,
    Instrument,
    LawTables,
    LegalValue,
    ListedOffence,
    ObjectiveRank,
    Span,
)
from art52.rulebook.schema import Citing
from art52.rulebook.sources import Source

LAW_DIRECTORY = "law"
ENTRY_MODELS: dict[str, type[BaseModel]] = {
    "instruments": Instrument,
    "eu_membership": Span,
    "echr_parties": Span,
    "objective_ranks": ObjectiveRank,
    "legal_values": LegalValue,
    "annex_iv_offences": ListedOffence,
}
# What the engine looks up by name: the tables must provide these entries.
REQUIRED_INSTRUMENTS = ("eprivacy", "charter", "led", "eevidence")
REQUIRED_VALUES = (
    "serious_crime_threshold_years",
    "enforcing_review_days",
    "enforcing_review_emergency_hours",
)
UNRANKED_OBJECTIVE = "other"  # names no objective, so it has no rank


def load_law_tables(
    directory: Path, sources: Mapping[str, Source], objectives: tuple[str, ...], issues: list[RuleIssue]
) -> LawTables:
    """Read every rules/law/*.yaml table; append an issue for each problem found."""
    folder = directory / LAW_DIRECTORY
    tables: dict[str, Any] = {}
    citations: dict[str, tuple[Citing, ...]] = {}
    for path in sorted(folder.glob("*.yaml")) if folder.is_dir() else ():
        _load_table(path, sources, tables, citations, issues)
    for name in TABLE_NAMES:
        if name not in tables:
            issues.append(RuleIssue(str(folder), None, None, f"the table '{name}' is missing"))
    law = LawTables(**{name: tuple(entries) for name, (entries, _path) in tables.items()}, citations=citations)
    _check_required(law, tables, objectives, issues)
    return law


def _load_table(
    path: Path,
    sources: Mapping[str, Source],
    tables: dict[str, Any],
    citations: dict[str, tuple[Citing, ...]],
    issues: list[RuleIssue],
) -> None:
    try:
        data, node = load_yaml(path.read_text(encoding="utf-8"))
    except DocumentError as error:
        issues.append(RuleIssue(str(path), error.line, None, error.message))
        return
    except (OSError, UnicodeDecodeError) as error:
        issues.append(RuleIssue(str(path), None, None, f"cannot read: {error}"))
        return

    def report(where: tuple[Any, ...], key: str | None, message: str) -> None:
        issues.append(RuleIssue(str(path), line_of(node, where), key, message))

    if not isinstance(data, dict) or set(data) - {"table", "description", "sources", "entries"}:
        report((), None, "a law table is a mapping with table, description, sources and entries only")
        return
    name = data.get("table")
    if name not in ENTRY_MODELS:
        report(("table",), None, f"unknown table '{name}' (known: {', '.join(TABLE_NAMES)})")
        return
    if name in tables:
        report(("table",), None, f"the table '{name}' is also defined in {tables[name][1]}")
        return
    cited = _citations(data.get("sources"), sources, lambda where, msg: report(("sources", *where), None, msg))
    if not cited:
        report(("table",), None, f"the table '{name}' cites no source")
    entries = _entries(name, data.get("entries"), report)
    for index, entry in enumerate(entries):
        if isinstance(entry, Instrument) and entry.source not in sources:
            report(("entries", index, "source"), entry.id, f"unknown source '{entry.source}' (not in sources.yaml)")
    tables[name] = (entries, str(path))
    citations[name] = tuple(cited)


def _citations(raw: Any, sources: Mapping[str, Source], report: Callable[[tuple[Any, ...], str], None]) -> list[Citing]:
    if not isinstance(raw, list):
        report((), "sources must be a list of citations (ref, pinpoint, verified)")
        return []
    cited = []
    for index, item in enumerate(raw):
        try:
            citing = Citing.model_validate(item)
        except ValidationError as error:
            for detail in error.errors():
                report((index, *detail["loc"]), _message(detail))
            continue
        if citing.ref not in sources:
            report((index, "ref"), f"unknown source '{citing.ref}' (not in sources.yaml)")
        cited.append(citing)
    return cited


def _entries(name: str, raw: Any, report: Callable[[tuple[Any, ...], str | None, str], None]) -> list[Any]:
    if not isinstance(raw, list) or not raw:
        report(("entries",), None, "entries must be a non-empty list")
        return []
    model = ENTRY_MODELS[name]
    entries: list[Any] = []
    keys: set[str] = set()
    for index, item in enumerate(raw):
        key = _key_of(item)
        try:
            entry = model.model_validate(item)
        except ValidationError as error:
            for detail in error.errors():
                report(("entries", index, *detail["loc"]), key, _message(detail))
            continue
        if key is not None and key in keys and not isinstance(entry, Span):
            report(("entries", index), key, f"duplicate entry '{key}'")
        keys.add(key or "")
        entries.append(entry)
    if model is Span:
        _check_spans([e for e in entries if isinstance(e, Span)], report)
    return entries


def _check_spans(spans: list[Span], report: Callable[[tuple[Any, ...], str | None, str], None]) -> None:
    """Periods of one State may not overlap: a State is a member or it is not."""
    by_state: dict[str, list[Span]] = {}
    for span in spans:
        by_state.setdefault(span.state, []).append(span)
    for state, periods in by_state.items():
        ordered = sorted(periods, key=lambda s: s.start)
        for earlier, later in pairwise(ordered):
            if earlier.end is None or later.start <= earlier.end:
                report(("entries",), state, f"periods of {state} overlap from {later.start.isoformat()}")


def _check_required(
    law: LawTables, tables: Mapping[str, Any], objectives: tuple[str, ...], issues: list[RuleIssue]
) -> None:
    def where(name: str) -> str:
        return str(tables[name][1]) if name in tables else LAW_DIRECTORY

    for instrument in REQUIRED_INSTRUMENTS:
        if "instruments" in tables and law.applies_from(instrument) is None:
            issues.append(RuleIssue(where("instruments"), None, instrument, "required instrument is missing"))
    for value in REQUIRED_VALUES:
        if "legal_values" in tables and law.value(value) is None:
            issues.append(RuleIssue(where("legal_values"), None, value, "required legal value is missing"))
    ranked = {rank.objective for rank in law.objective_ranks}
    for objective in sorted(ranked - set(objectives)):
        issues.append(RuleIssue(where("objective_ranks"), None, objective, "not an objective of the measure contract"))
    if "objective_ranks" in tables:
        for objective in objectives:
            if objective not in ranked and objective != UNRANKED_OBJECTIVE:
                issues.append(RuleIssue(where("objective_ranks"), None, objective, "the objective has no rank"))


def _key_of(item: Any) -> str | None:
    if not isinstance(item, dict):
        return None
    for field in ("id", "state", "objective"):
        if field in item:
            return str(item[field])
    return None


def _message(detail: Any) -> str:
    loc = ".".join(str(p) for p in detail["loc"])
    text = "unknown field" if detail["type"] == "extra_forbidden" else detail["msg"]
    return f"{loc}: {text}" if loc else text
