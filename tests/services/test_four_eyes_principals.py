"""Four-eyes by stable principal: names are never compared, and every author and submitter is excluded.

A reviewer token whose display name differs from the submitter's only by a non-breaking
space, a double space or a Cyrillic lookalike letter is still the same person when it
carries the same subject; two people who share a display name are still two people.
"""

from __future__ import annotations

from typing import Any

import pytest

from art52.domain.access import Principal, Role
from art52.domain.workflow import DecisionKind, Status
from art52.errors import ConflictError, InvalidTransitionError, PermissionDeniedError

SUBMITTER_NAME = "Anna Berg"


def in_review(services: Any, author: Principal, submitter: Principal, reviewer: Principal, document: Any) -> str:
    measure_id: str = services.measures.create(author, document).record.id
    services.reviews.submit(submitter, measure_id)
    services.assessments.assess_measure(submitter, measure_id, None)
    services.reviews.take(reviewer, measure_id)
    return measure_id


@pytest.mark.parametrize(
    "reviewer_name",
    [
        "Anna\u00a0Berg",  # non-breaking space
        "Anna  Berg",  # double space
        "\u0410nna Berg",  # Cyrillic capital A
        "Anna Berg",  # the very same name
        "A. Berg (reviewer)",  # a quite different name
    ],
)
@pytest.mark.parametrize("kind", [DecisionKind.APPROVE, DecisionKind.REJECT, DecisionKind.RETURN])
def test_the_same_subject_cannot_decide_whatever_the_name(
    services: Any, make_person: Any, bob: Principal, document: Any, reviewer_name: str, kind: DecisionKind
) -> None:
    anna = make_person(SUBMITTER_NAME, Role.SUBMITTER, subject="emp-1042")
    anna_reviews = make_person(reviewer_name, Role.REVIEWER, subject="emp-1042")
    measure_id = in_review(services, anna, anna, bob, document)
    with pytest.raises(PermissionDeniedError, match="four-eyes"):
        services.reviews.decide(anna_reviews, measure_id, kind, "Looks fine to me.")
    assert services.measures.get(bob, measure_id).record.status is Status.IN_REVIEW


def test_another_person_with_the_same_name_may_decide(
    services: Any, make_person: Any, bob: Principal, document: Any
) -> None:
    anna = make_person(SUBMITTER_NAME, Role.SUBMITTER, subject="emp-1042")
    other_anna = make_person(SUBMITTER_NAME, Role.REVIEWER, subject="emp-2001")
    measure_id = in_review(services, anna, anna, bob, document)
    record, decision = services.reviews.decide(other_anna, measure_id, DecisionKind.APPROVE, "Proportionate.")
    assert record.status is Status.APPROVED
    assert decision.decided_by == SUBMITTER_NAME


def test_tokens_without_a_subject_are_principals_of_their_own(
    services: Any, make_person: Any, bob: Principal, document: Any
) -> None:
    anna = make_person(SUBMITTER_NAME, Role.SUBMITTER)
    anna_reviews = make_person(SUBMITTER_NAME, Role.REVIEWER)
    assert anna.identity != anna_reviews.identity
    measure_id = in_review(services, anna, anna, bob, document)
    with pytest.raises(PermissionDeniedError):
        services.reviews.decide(anna, measure_id, DecisionKind.APPROVE, "Mine.")  # not a reviewer anyway
    record, _ = services.reviews.decide(anna_reviews, measure_id, DecisionKind.APPROVE, "A different token holder.")
    assert record.status is Status.APPROVED


def test_the_author_cannot_decide_when_a_colleague_submitted(
    services: Any, make_person: Any, bob: Principal, document: Any
) -> None:
    author = make_person("Alice Official", Role.SUBMITTER, subject="emp-7")
    colleague = make_person("Dana Colleague", Role.SUBMITTER, subject="emp-8")
    author_reviews = make_person("Alice Official", Role.REVIEWER, subject="emp-7")
    measure_id = in_review(services, author, colleague, bob, document)
    with pytest.raises(PermissionDeniedError, match="four-eyes"):
        services.reviews.decide(author_reviews, measure_id, DecisionKind.APPROVE, "My draft is good.")
    colleague_reviews = make_person("Dana Colleague", Role.REVIEWER, subject="emp-8")
    with pytest.raises(PermissionDeniedError, match="four-eyes"):
        services.reviews.decide(colleague_reviews, measure_id, DecisionKind.REJECT, "I submitted it.")
    record, _ = services.reviews.decide(bob, measure_id, DecisionKind.APPROVE, "Independent review.")
    assert record.status is Status.APPROVED


def test_the_author_of_an_earlier_version_cannot_decide(
    services: Any, make_person: Any, bob: Principal, document: Any
) -> None:
    first_author = make_person("Alice Official", Role.SUBMITTER, subject="emp-7")
    reviser = make_person("Dana Colleague", Role.SUBMITTER, subject="emp-8")
    measure_id = in_review(services, first_author, first_author, bob, document)
    services.reviews.decide(bob, measure_id, DecisionKind.RETURN, "State the retention period.")
    services.measures.revise(reviser, measure_id, {**document, "title": "Quick freeze, 90 days"})
    services.reviews.submit(reviser, measure_id)
    services.assessments.assess_measure(reviser, measure_id, None)
    services.reviews.take(bob, measure_id)
    first_author_reviews = make_person("Alice Official", Role.REVIEWER, subject="emp-7")
    with pytest.raises(PermissionDeniedError, match="four-eyes"):
        services.reviews.decide(first_author_reviews, measure_id, DecisionKind.APPROVE, "Still mine.")


def test_a_measure_in_review_cannot_be_reassessed(
    services: Any, alice: Principal, bob: Principal, document: Any
) -> None:
    measure_id = in_review(services, alice, alice, bob, document)
    before = services.measures.get(bob, measure_id).record
    with pytest.raises(InvalidTransitionError, match="in review"):
        services.assessments.assess_measure(alice, measure_id, None)
    after = services.measures.get(bob, measure_id).record
    assert (after.latest_assessment_id, after.revision, after.status) == (
        before.latest_assessment_id,
        before.revision,
        Status.IN_REVIEW,
    )


def test_a_decision_on_an_assessment_that_is_not_the_latest_is_refused(
    services: Any, alice: Principal, bob: Principal, document: Any
) -> None:
    measure_id: str = services.measures.create(alice, document).record.id
    services.reviews.submit(alice, measure_id)
    seen = services.assessments.assess_measure(alice, measure_id, None).stored.id
    latest = services.assessments.assess_measure(alice, measure_id, None).stored.id  # re-assessed before review
    services.reviews.take(bob, measure_id)
    with pytest.raises(ConflictError, match="not the measure's latest"):
        services.reviews.decide(bob, measure_id, DecisionKind.APPROVE, "Fine.", assessment_id=seen)
    record, decision = services.reviews.decide(bob, measure_id, DecisionKind.APPROVE, "Fine.", assessment_id=latest)
    assert record.status is Status.APPROVED
    assert decision.assessment_id == latest
