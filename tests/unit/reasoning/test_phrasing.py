"""Questions are asked in words, with the choices offered as options rather than pasted into the text."""

from __future__ import annotations

from art52.domain.derived_facts import fact_catalogue
from art52.reasoning.phrasing import options_for, question_for

FIELDS = fact_catalogue()


def test_a_yes_no_field_is_asked_to_be_confirmed_with_yes_and_no_options() -> None:
    assert question_for("remedy.available", FIELDS) == (
        "Can you confirm whether persons concerned have an effective remedy before a court or independent body?"
    )
    assert options_for("remedy.available", FIELDS) == ((True, "Yes"), (False, "No"))


def test_an_enum_is_asked_without_its_values_which_become_options_in_the_contracts_words() -> None:
    question = question_for("access.limited_to", FIELDS)
    assert question == "Can you tell us whose data may be accessed?"
    assert "suspects" not in question
    assert options_for("access.limited_to", FIELDS) == (
        ("suspects", "suspects"),
        ("persons_linked_by_objective_evidence", "persons linked by objective evidence"),
        ("any", "anyone"),  # contract/labels.yaml, not the code turned into words
    )


def test_noun_phrases_lists_and_lead_ins_read_as_questions() -> None:
    assert question_for("objective", FIELDS) == "What is the main general-interest objective the measure pursues?"
    assert question_for("retention.period_days", FIELDS) == "What is the maximum retention period in days?"
    assert question_for("data.categories", FIELDS) == "Can you list every category of data the measure covers?"
    assert question_for("eevidence.order_type", FIELDS) == (
        "Can you tell us whether the order asks for production or for preservation of data?"
    )
    assert question_for("eevidence.production_request_confirmed", FIELDS) == (
        "For a preservation order: can you confirm whether a subsequent production request has been confirmed?"
    )
    assert question_for("retention.period_unlimited", FIELDS) == (
        "Can you confirm whether the law sets no maximum retention period at all?"
    )


def test_no_question_dumps_a_field_description() -> None:
    for path in FIELDS:
        question = question_for(path, FIELDS)
        assert question.endswith("?"), (path, question)
        assert not question.startswith("Please state"), (path, question)
        assert "(one of:" not in question
        assert "the the" not in question.lower(), (path, question)


def test_numbers_and_free_text_offer_no_options() -> None:
    assert options_for("retention.period_days", FIELDS) == ()
    assert options_for("offence.description", FIELDS) == ()
