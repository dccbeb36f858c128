"""The report words fact values and decisions for people: enum values in the contract's own words."""

from __future__ import annotations

import pytest

from art52.domain.fields import FieldSpec, measure_fields
from art52.domain.workflow import DecisionKind
from art52.report.wording import DECISION_TEXT, fact_value

FIELDS = measure_fields()


@pytest.mark.parametrize(
    ("path", "value", "words"),
    [
        ("access.scope", "general", "in a general way"),
        ("access.scope", "targeted", "of targeted persons only"),
        ("access.limited_to", "any", "anyone"),
        ("data.categories", ["subscriber_civil_identity", "traffic"], "the subscriber's civil identity, traffic data"),
    ],
)
def test_an_enum_value_is_shown_as_contract_labels_word_it(path: str, value: object, words: str) -> None:
    assert fact_value(value, FIELDS[path]) == words


def test_a_value_the_labels_do_not_word_is_shown_as_it_is_written() -> None:
    unlabelled = FieldSpec(path="no.such_field", kind="enum", values=("some_code",))
    assert fact_value("some_code", unlabelled) == "some_code"


def test_yes_no_lists_and_unknowns_read_as_an_official_writes_them() -> None:
    assert fact_value(True, FIELDS["remedy.available"]) == "yes"
    assert fact_value(None, FIELDS["access.scope"]) == "not stated"
    assert fact_value([], FIELDS["data.categories"]) == "none"


def test_every_decision_kind_has_its_words() -> None:
    assert set(DECISION_TEXT) == set(DecisionKind)
    assert DECISION_TEXT[DecisionKind.RETURN] == "Returned to its author"
