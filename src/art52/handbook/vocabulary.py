"""Facts in words and back: the sentences of the scenarios, written from the contract's labels.

``statement(path, value)`` puts one fact into a sentence ("linking the data could
reveal the person's private life"); ``read_fact`` reads such a sentence back into
the fact. The two are inverse by construction: a sentence is read only when
writing the fact it was read as gives the same sentence back, so a step can
never mean something other than it says.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from art52.domain.derived_facts import fact_catalogue
from art52.domain.fields import FieldSpec
from art52.domain.labels import FieldLabel, Labels, load_labels

UNSTATED: Any = object()
"""The value read from "it is not stated ...": the fact is left out of the measure."""

_BARE_TEXT = re.compile(r"[A-Z][A-Z0-9]*")
_TEXT = r'"[^"]*"|[A-Z][A-Z0-9]*'
_VALUE_PATTERNS = {
    "integer": r"-?\d+",
    "number": r"-?\d+(?:\.\d+)?",
    "date": r"\d{4}-\d{2}-\d{2}",
    "string": _TEXT,
    "string_list": r".+",
    "enum_list": r".+",
}


class UnlabelledFactError(KeyError):
    """A fact, or one of its values, has no label in the contract's labels."""


def join_words(items: Sequence[str], last: str = "and") -> str:
    """``a``, ``a and b``, ``a, b and c``."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {last} {items[-1]}"


def text(value: str) -> str:
    """A text value in a sentence: bare when it is a code such as a country (DE), else quoted."""
    return value if _BARE_TEXT.fullmatch(value) else json.dumps(value, ensure_ascii=False)


def _read_text(raw: str) -> str:
    return str(json.loads(raw)) if raw.startswith('"') else raw


@dataclass(frozen=True)
class Vocabulary:
    """Every fact a measure or a rule can state, with its label and kind."""

    labels: Labels
    catalogue: Mapping[str, FieldSpec] = field(default_factory=fact_catalogue)

    # --- writing -------------------------------------------------------------------------

    def label(self, path: str) -> FieldLabel:
        found = self.labels.of(path)
        if found is None or path not in self.catalogue:
            raise UnlabelledFactError(f"no label for the fact {path!r} in contract/labels.yaml")
        return found

    def kind(self, path: str) -> str:
        return self.catalogue[path].kind

    def topic(self, path: str) -> str:
        """The question a fact answers, as a clause: "whether ...", "who ...", "which ..."."""
        label = self.label(path)
        if self.kind(path) == "boolean":
            return f"whether {label.if_true}"
        if label.topic is None:
            raise UnlabelledFactError(f"no topic for {path!r} in contract/labels.yaml")
        return label.topic

    def unknown(self, path: str) -> str:
        return f"it is not stated {self.topic(path)}"

    def value_label(self, path: str, value: Any) -> str:
        """One value of a choice field in words."""
        label = self.label(path)
        if isinstance(value, bool) or str(value) not in label.values:
            raise UnlabelledFactError(f"no label for the value {value!r} of {path!r} in contract/labels.yaml")
        return label.values[str(value)]

    def phrase(self, path: str, wording: str) -> str:
        """The fact's statement with ``wording`` in place of its value ("... by a court or the police")."""
        label = self.label(path)
        if label.statement is None:
            raise UnlabelledFactError(f"no statement for {path!r} in contract/labels.yaml")
        return label.statement.replace("{value}", wording)

    def statement(self, path: str, value: Any) -> str:
        """The sentence stating that fact ``path`` has ``value`` (ValueError if words cannot carry it)."""
        kind = self.kind(path)
        label = self.label(path)
        if kind == "boolean":
            if not isinstance(value, bool):
                raise ValueError(f"{path} takes true or false, not {value!r}")
            return str(label.if_true if value else label.if_false)
        if kind == "enum":
            return self.phrase(path, self.value_label(path, value))
        if kind in ("integer", "number"):
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise ValueError(f"{path} takes a number, not {value!r}")
            return self.phrase(path, str(value))
        if kind == "date":
            return self.phrase(path, str(value))
        if kind == "string":
            return self.phrase(path, text(str(value)))
        if kind in ("enum_list", "string_list"):
            return self._list_statement(path, label, value)
        return self._records_statement(path, label, value)

    def introduction(self, measure_type: str) -> str:
        """The phrase opening a scenario about a measure of this type ("a measure requiring ...")."""
        phrases = self.label("measure_type").introduces
        if measure_type not in phrases:
            raise UnlabelledFactError(f"no introduction for the measure type {measure_type!r}")
        return phrases[measure_type]

    def _list_statement(self, path: str, label: FieldLabel, value: Any) -> str:
        if not isinstance(value, list | tuple):
            raise ValueError(f"{path} takes a list, not {value!r}")
        if not value:
            if label.empty is None:
                raise ValueError(f"{path}: no words for an empty list")
            return label.empty
        if self.kind(path) == "enum_list":
            return self.phrase(path, join_words([self.value_label(path, v) for v in value]))
        return self.phrase(path, join_words([text(str(v)) for v in value]))

    def _records_statement(self, path: str, label: FieldLabel, value: Any) -> str:
        if not isinstance(value, list | tuple) or len(value) != 1 or not isinstance(value[0], dict):
            raise ValueError(f"{path}: one record at a time can be put into words")
        record: dict[str, Any] = value[0]
        unknown = set(record) - {"description", *label.flags}
        if label.item is None or unknown or not isinstance(record.get("description"), str):
            raise ValueError(f"{path}: no words for {sorted(unknown) or record}")
        parts = [label.item.replace("{description}", text(record["description"]))]
        flags = [(flag, record[name]) for name, flag in label.flags.items() if name in record]
        parts += [flag.if_true if holds else flag.if_false for flag, holds in flags]
        return ", ".join(parts)

    # --- reading -------------------------------------------------------------------------

    def read_fact(self, sentence: str) -> tuple[str, Any] | None:
        """The fact a sentence states, ``(path, value)``; ``UNSTATED`` for "it is not stated ..."."""
        if sentence in self._exact:
            return self._exact[sentence]
        found = [(path, value) for path, value in self._candidates(sentence) if self._says(path, value, sentence)]
        if len(found) > 1:
            raise ValueError(f"the sentence {sentence!r} can be read as several facts: {[p for p, _ in found]}")
        return found[0] if found else None

    def read_topic(self, clause: str) -> str | None:
        """The fact a topic clause asks about ("whether ...", "who authorises ...")."""
        return self._topics.get(clause)

    def read_introduction(self, phrase: str) -> str | None:
        """The measure type a scenario's opening phrase introduces."""
        return {v: k for k, v in self.label("measure_type").introduces.items()}.get(phrase)

    def _says(self, path: str, value: Any, sentence: str) -> bool:
        try:
            return self.statement(path, value) == sentence
        except (ValueError, UnlabelledFactError):
            return False

    @cached_property
    def _exact(self) -> dict[str, tuple[str, Any]]:
        """Sentences of the finite kinds (yes/no, choice, empty list, unknown) → fact."""
        sentences: dict[str, tuple[str, Any]] = {}
        for path in self.labelled_paths():
            kind = self.kind(path)
            sentences[self.unknown(path)] = (path, UNSTATED)
            if kind == "boolean":
                sentences[self.statement(path, True)] = (path, True)
                sentences[self.statement(path, False)] = (path, False)
            elif kind == "enum":
                for value in self.catalogue[path].values:
                    sentences[self.statement(path, value)] = (path, value)
            elif kind in ("enum_list", "string_list") and self.label(path).empty:
                sentences[str(self.label(path).empty)] = (path, [])
        return sentences

    @cached_property
    def _topics(self) -> dict[str, str]:
        return {self.topic(path): path for path in self.labelled_paths()}

    @cached_property
    def _patterns(self) -> tuple[tuple[re.Pattern[str], str], ...]:
        patterns: list[tuple[re.Pattern[str], str]] = []
        for path in self.labelled_paths():
            kind, label = self.kind(path), self.label(path)
            if kind in _VALUE_PATTERNS and label.statement:
                value = f"(?P<value>{_VALUE_PATTERNS[kind]})"
                patterns.append((re.compile(re.escape(label.statement).replace(r"\{value\}", value)), path))
            elif kind == "object_list" and label.item:
                item = re.escape(label.item).replace(r"\{description\}", r'(?P<value>"[^"]*"(?:, .+)?)')
                patterns.append((re.compile(item), path))
        return tuple(patterns)

    def _candidates(self, sentence: str) -> Iterator[tuple[str, Any]]:
        for pattern, path in self._patterns:
            match = pattern.fullmatch(sentence)
            if match:
                yield from self._values(path, match.group("value"))

    def _values(self, path: str, raw: str) -> Iterator[tuple[str, Any]]:
        kind = self.kind(path)
        if kind in ("integer", "number"):
            yield path, float(raw) if "." in raw else int(raw)
        elif kind == "date":
            yield path, raw
        elif kind == "string":
            yield path, _read_text(raw)
        elif kind == "string_list":
            yield path, [_read_text(part) for part in re.findall(_TEXT, raw)]
        elif kind == "enum_list":
            by_phrase = {v: k for k, v in self.label(path).values.items()}
            alternatives = "|".join(re.escape(p) for p in sorted(by_phrase, key=len, reverse=True))
            yield path, [by_phrase[p] for p in re.findall(alternatives, raw)]
        else:
            yield from self._records(path, raw)

    def _records(self, path: str, raw: str) -> Iterator[tuple[str, Any]]:
        match = re.fullmatch(r'("[^"]*")(?:, (.+))?', raw)
        if match is None:
            return
        record: dict[str, Any] = {"description": _read_text(match.group(1))}
        flags = self.label(path).flags
        words = {f.if_true: (name, True) for name, f in flags.items()} | {
            f.if_false: (name, False) for name, f in flags.items()
        }
        for part in (match.group(2) or "").split(", "):
            if part in words:
                name, value = words[part]
                record[name] = value
        yield path, [record]

    def labelled_paths(self) -> Iterable[str]:
        """Every fact of the catalogue that has a label, in catalogue order."""
        return [path for path in self.catalogue if self.labels.of(path) is not None]

    # --- completeness --------------------------------------------------------------------

    def gaps(self) -> list[str]:
        """What the labels lack for the catalogue (and labels naming no fact); empty when complete."""
        return list(self._gaps())

    def _gaps(self) -> Iterator[str]:
        for path, spec in self.catalogue.items():
            label = self.labels.of(path)
            if label is None:
                yield f"{path}: no label"
                continue
            if spec.kind == "boolean":
                if not (label.if_true and label.if_false):
                    yield f"{path}: a yes/no fact needs if_true and if_false"
                continue
            if not (label.topic and (label.statement or label.item)):
                yield f"{path}: needs a topic and a statement"
            for value in spec.values:
                if value not in label.values:
                    yield f"{path}: no label for the value {value!r}"
            if spec.kind == "object_list" and not label.item:
                yield f"{path}: a list of records needs an item"
        for path in [*self.labels.fields, *self.labels.derived]:
            if path not in self.catalogue:
                yield f"{path}: labelled, but the contract has no such fact"
        for value in self.catalogue["measure_type"].values:
            if value not in self.labels.fields["measure_type"].introduces:
                yield f"measure_type: no introduction for {value!r}"


def default_vocabulary() -> Vocabulary:
    """The vocabulary of the shipped contract."""
    return Vocabulary(load_labels())
