"""The contract's labels: every field and value has words, and the words read back to the same fact."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest

from art52.domain.derived_facts import fact_catalogue
from art52.domain.fields import FieldSpec
from art52.domain.labels import load_labels
from art52.handbook.vocabulary import UNSTATED, Vocabulary, default_vocabulary

VOCABULARY = default_vocabulary()


def _samples(spec: FieldSpec) -> list[Any]:
    """Values of every kind, to be written as a sentence and read back."""
    return {
        "boolean": [True, False],
        "enum": list(spec.values),
        "enum_list": [list(spec.values[:1]), list(spec.values[:2]), list(spec.values)],
        "integer": [0, 90, 1825],
        "number": [1, 2.5],
        "string": ["DE", "Code of Criminal Procedure, s. 100g"],
        "date": ["2024-04-30"],
        "string_list": [["criminal police"], ["criminal police", "customs"]],
        "object_list": [[{"description": "Quick freeze", "equally_effective": True}]],
    }[spec.kind]


def test_every_contract_field_and_value_and_derived_fact_has_a_label() -> None:
    assert VOCABULARY.gaps() == [], "add the missing labels to contract/labels.yaml"


def test_a_field_without_a_label_is_reported() -> None:
    labels = load_labels()
    fields = {k: v for k, v in labels.fields.items() if k != "retention.period_days"}
    gaps = Vocabulary(labels.model_copy(update={"fields": fields})).gaps()
    assert gaps == ["retention.period_days: no label"]


@pytest.mark.parametrize("path", list(fact_catalogue()))
def test_every_statement_reads_back_as_the_fact_it_states(path: str) -> None:
    spec = fact_catalogue()[path]
    for value in _samples(spec):
        sentence = VOCABULARY.statement(path, value)
        assert VOCABULARY.read_fact(sentence) == (path, value), sentence
    assert VOCABULARY.read_fact(VOCABULARY.unknown(path)) == (path, UNSTATED)
    assert VOCABULARY.read_topic(VOCABULARY.topic(path)) == path


def test_sentences_and_topics_are_unique() -> None:
    sentences: list[str] = []
    for path, spec in fact_catalogue().items():
        sentences.append(VOCABULARY.unknown(path))
        if spec.kind in ("boolean", "enum"):
            sentences += [VOCABULARY.statement(path, v) for v in _samples(spec)]
    topics = [VOCABULARY.topic(path) for path in fact_catalogue()]
    assert [s for s, n in Counter(sentences).items() if n > 1] == []
    assert [t for t, n in Counter(topics).items() if n > 1] == []


def test_a_sentence_that_is_not_a_fact_is_not_read() -> None:
    assert VOCABULARY.read_fact("linking the data could perhaps reveal the person's private life") is None
    assert VOCABULARY.read_fact("the measure covers traffic data and gossip") is None
    assert VOCABULARY.read_topic("whether the moon is full") is None


def test_every_measure_type_has_an_introduction_that_reads_back() -> None:
    for measure_type in fact_catalogue()["measure_type"].values:
        assert VOCABULARY.read_introduction(VOCABULARY.introduction(measure_type)) == measure_type
