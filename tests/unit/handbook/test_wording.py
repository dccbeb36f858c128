"""Conditions in words: each operator of the condition language, written from the labels."""

from __future__ import annotations

import pytest

from art52.handbook.vocabulary import default_vocabulary
from art52.handbook.wording import Words, condition_in_words, leaf_in_words
from art52.rulebook.conditions import parse_condition
from art52.rulebook.law_tables import ObjectiveRank

VOCABULARY = default_vocabulary()


@pytest.mark.parametrize(
    ("condition", "words"),
    [
        (
            {"access.ip_to_identity": {"eq": True}},
            "the access consists in finding the civil identity behind an IP address",
        ),
        (
            {"access.ip_to_identity": {"ne": True}},
            "the access does not consist in finding the civil identity behind an IP address",
        ),
        ({"objective": {"eq": "terrorism"}}, "the objective is terrorism"),
        ({"objective": {"in": ["terrorism", "serious_crime"]}}, "the objective is terrorism or serious crime"),
        (
            {"authorisation.prior_review_by": {"not_in": ["court", "police"]}},
            "it is not the case that access is authorised beforehand by a court or the police",
        ),
        (
            {"data.categories": {"any_of": ["traffic", "location"]}},
            "the measure covers traffic data or location data (at least one of them)",
        ),
        ({"data.categories": {"all_of": ["traffic", "location"]}}, "the measure covers traffic data and location data"),
        (
            {"data.categories": {"none_of": ["content"]}},
            "it is not the case that the measure covers the content of communications",
        ),
        (
            {"data.categories": {"subset_of": ["traffic", "location"]}},
            "the measure covers nothing but traffic data or location data",
        ),
        (
            {"data.categories": {"eq": ["traffic", "location"]}},
            "the measure covers exactly traffic data and location data",
        ),
        ({"retention.period_days": {"gt": 180}}, "the maximum retention period is more than 180 days"),
        ({"retention.period_days": {"le": 90}}, "the maximum retention period is at most 90 days"),
        ({"retention.period_days": {"exists": False}}, "it is not stated how long the data may be kept at most"),
        ({"retention.period_days": {"exists": True}}, "it is stated how long the data may be kept at most"),
        ({"jurisdiction": {"eq": "DE"}}, "the measure's jurisdiction is DE"),
        ({"route_eprivacy": {"eq": True}}, "the ePrivacy Directive governs the measure"),
    ],
)
def test_a_leaf_in_words(condition: dict[str, object], words: str) -> None:
    assert condition_in_words(VOCABULARY, parse_condition(condition)) == Words(words)


def test_groups_keep_the_structure_of_the_tree() -> None:
    tree = parse_condition(
        {
            "all": [
                {"legal_basis.exists": {"eq": True}},
                {"not": {"any": [{"remedy.available": {"eq": True}}, {"objective": {"eq": "terrorism"}}]}},
            ]
        }
    )
    assert condition_in_words(VOCABULARY, tree) == Words(
        "all of the following hold:",
        (
            Words("a legal basis for the measure exists"),
            Words(
                "none of the following holds:",
                (Words("the persons concerned have an effective remedy"), Words("the objective is terrorism")),
            ),
        ),
    )


def test_a_fact_without_a_label_is_an_error_not_a_raw_path() -> None:
    leaf = parse_condition({"objective": {"eq": "piracy"}})
    with pytest.raises(KeyError, match="piracy"):
        leaf_in_words(VOCABULARY, leaf)  # type: ignore[arg-type]


def test_a_test_on_the_rank_of_the_objective_names_the_objectives_it_admits() -> None:
    ranks = (
        ObjectiveRank(objective="national_security", rank=4),
        ObjectiveRank(objective="terrorism", rank=3, rank_with_genuine_national_security_threat=4),
        ObjectiveRank(objective="crime_general", rank=2),
    )
    at_least_4 = parse_condition({"objective_rank": {"ge": 4}})
    assert condition_in_words(VOCABULARY, at_least_4, ranks) == Words(
        "the rank of the objective is at least 4, that is: the objective is national security or terrorism "
        "where a genuine national-security threat is established"
    )
    later = parse_condition({"further_use_rank": {"lt": 3}})
    assert condition_in_words(VOCABULARY, later, ranks) == Words(
        "the rank of the later use's objective is less than 3, that is: the data may later be used for crime in general"
    )
