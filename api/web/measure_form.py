"""The measure form, generated from the contract: one section per part of the measure.

Fields, kinds and allowed values come from the field catalogue (derived from the
contract's models), words from ``contract/labels.yaml``. A field left empty is
left out of the document, so an unanswered question stays unknown, never "no".
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from art52.domain.fields import FieldKind, measure_fields
from art52.domain.labels import contract_labels
from art52.errors import FieldIssue

GENERAL = "general"


@dataclass(frozen=True)
class FormField:
    path: str
    kind: FieldKind
    label: str
    help: str
    options: tuple[tuple[str, str], ...] = ()

    @property
    def id(self) -> str:
        return "f-" + self.path.replace(".", "-")


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    fields: tuple[FormField, ...]


def _title(key: str) -> str:
    return "General" if key == GENERAL else key.replace("_", " ").capitalize()


@cache
def form_sections() -> tuple[Section, ...]:
    """The form's sections in contract order; lists of records are left to uploaded documents."""
    labels = contract_labels()
    grouped: dict[str, list[FormField]] = {}
    for spec in measure_fields().values():
        if spec.kind == "object_list" or spec.path == "schema_version":
            continue
        label = labels.of(spec.path)
        topic = label.topic if label and label.topic else None
        if topic is None and label and label.if_true:
            topic = "whether " + label.if_true
        options = tuple((value, labels.value(spec.path, value)) for value in spec.values)
        field = FormField(
            path=spec.path,
            kind=spec.kind,
            label=(topic or spec.path).capitalize(),
            help=spec.description,
            options=options,
        )
        grouped.setdefault(spec.path.split(".")[0] if "." in spec.path else GENERAL, []).append(field)
    return tuple(Section(key, _title(key), tuple(fields)) for key, fields in grouped.items())


def document_from_form(form: Mapping[str, Sequence[str]]) -> dict[str, Any]:
    """The measure document a submitted form states: only the fields given, typed as the contract wants."""
    document: dict[str, Any] = {}
    for section in form_sections():
        for field in section.fields:
            value = read_value(field.kind, [v for v in form.get(field.path, ()) if v.strip()])
            if value is not None:
                _put(document, field.path.split("."), value)
    return document


def read_value(kind: FieldKind, given: Sequence[str]) -> Any:
    """A field's value from the non-empty texts a form gave for it, typed as the contract wants; None if none.

    A text that is not of the field's kind is returned as it is, so that the contract refuses it beside the field.
    """
    if kind == "enum_list":
        return list(given) or None
    if not given:
        return None
    text = given[0].strip()
    if kind == "boolean":
        return {"yes": True, "no": False}.get(text, text)
    if kind in ("integer", "number"):
        try:
            return int(text) if kind == "integer" else float(text)
        except ValueError:
            return text  # refused by the contract, beside the field
    if kind == "string_list":
        return [line.strip() for line in text.splitlines() if line.strip()]
    return text


def _put(document: dict[str, Any], parts: list[str], value: Any) -> None:
    for part in parts[:-1]:
        document = document.setdefault(part, {})
    document[parts[-1]] = value


def form_values(document: Mapping[str, Any]) -> dict[str, Any]:
    """The form's values for ``document`` (to show a form again as it was filled in)."""
    values: dict[str, Any] = {}

    def walk(node: Mapping[str, Any], prefix: str) -> None:
        for key, value in node.items():
            if isinstance(value, Mapping):
                walk(value, f"{prefix}{key}.")
            else:
                values[prefix + key] = value

    walk(document, "")
    return values


def errors_by_field(issues: Sequence[FieldIssue]) -> tuple[dict[str, str], list[str]]:
    """Each issue beside its field (a JSON pointer becomes the field's path); the rest for the form's top."""
    known = {f.path for s in form_sections() for f in s.fields}
    beside: dict[str, str] = {}
    general: list[str] = []
    for issue in issues:
        path = ".".join(p for p in issue.path.strip("/").split("/") if not p.isdigit())
        if path in known:
            beside[path] = f"{beside[path]}; {issue.message}" if path in beside else issue.message
        else:
            general.append(f"{issue.path or 'the document'}: {issue.message}")
    return beside, general
