"""The review workflow as use cases: states, roles, four-eyes, reasons and If-Match."""

from __future__ import annotations

from typing import Any

import pytest

from art52.domain.access import Principal, Role
from art52.domain.workflow import DecisionKind, Status
from art52.errors import (
    InvalidTransitionError,
    NotFoundError,
    PermissionDeniedError,
    PreconditionFailedError,
    RequestError,
)


def assessed(services: Any, submitter: Principal, document: dict[str, Any]) -> str:
    """A measure submitted by ``submitter`` and assessed; its id."""
    measure_id: str = services.measures.create(submitter, document).record.id
    services.reviews.submit(submitter, measure_id)
    services.assessments.assess_measure(submitter, measure_id, None)
    return measure_id


def in_review(services: Any, submitter: Principal, reviewer: Principal, document: dict[str, Any]) -> str:
    measure_id = assessed(services, submitter, document)
    services.reviews.take(reviewer, measure_id)
    return measure_id


def test_a_measure_goes_from_draft_to_approved_with_conditions(
    services: Any, alice: Principal, bob: Principal, document: dict[str, Any]
) -> None:
    created = services.measures.create(alice, document).record
    assert created.status is Status.DRAFT
    assert services.reviews.submit(alice, created.id).status is Status.SUBMITTED
    stored = services.assessments.assess_measure(alice, created.id, None).stored
    assert services.measures.get(alice, created.id).record.status is Status.ASSESSED
    assert services.reviews.take(bob, created.id).status is Status.IN_REVIEW
    record, decision = services.reviews.decide(
        bob, created.id, DecisionKind.APPROVE, "Proportionate with logging.", ["Log every access"]
    )
    assert record.status is Status.APPROVED
    assert decision.conditions == ("Log every access",)
    assert decision.assessment_id == stored.id
    assert [d.reason for d in services.measures.get(bob, created.id).decisions] == ["Proportionate with logging."]


def test_every_change_is_an_audit_event_in_order(
    services: Any, alice: Principal, bob: Principal, document: dict[str, Any]
) -> None:
    measure_id = in_review(services, alice, bob, document)
    services.reviews.decide(bob, measure_id, DecisionKind.REJECT, "Not necessary.")
    kinds = [e.kind for e in services.store.events]
    assert kinds == [
        "measure.created",
        "measure.submitted",
        "assessment.created",
        "measure.taken_for_review",
        "measure.decided",
    ]
    assert [e.seq for e in services.store.events] == [1, 2, 3, 4, 5]
    assert services.store.events[-1].data["decision"] == "reject"
    assert services.audit.verify() is None


def test_a_draft_cannot_be_taken_for_review(
    services: Any, alice: Principal, bob: Principal, document: dict[str, Any]
) -> None:
    measure_id = services.measures.create(alice, document).record.id
    with pytest.raises(InvalidTransitionError, match="only an assessed measure can be taken for review"):
        services.reviews.take(bob, measure_id)


def test_a_submitted_measure_must_be_assessed_before_review(
    services: Any, alice: Principal, bob: Principal, document: dict[str, Any]
) -> None:
    measure_id = services.measures.create(alice, document).record.id
    services.reviews.submit(alice, measure_id)
    with pytest.raises(InvalidTransitionError, match="assess it first"):
        services.reviews.take(bob, measure_id)


def test_a_measure_cannot_be_submitted_twice(services: Any, alice: Principal, document: dict[str, Any]) -> None:
    measure_id = services.measures.create(alice, document).record.id
    services.reviews.submit(alice, measure_id)
    with pytest.raises(InvalidTransitionError, match="only a draft can be submitted"):
        services.reviews.submit(alice, measure_id)


def test_a_final_decision_cannot_be_changed(
    services: Any, alice: Principal, bob: Principal, carol: Principal, document: dict[str, Any]
) -> None:
    measure_id = in_review(services, alice, bob, document)
    services.reviews.decide(bob, measure_id, DecisionKind.APPROVE, "Fine.")
    with pytest.raises(InvalidTransitionError, match="the decision is final"):
        services.reviews.decide(carol, measure_id, DecisionKind.REJECT, "I disagree.")
    assert services.measures.get(bob, measure_id).record.status is Status.APPROVED


def test_only_reviewers_take_and_decide(
    services: Any, alice: Principal, bob: Principal, document: dict[str, Any]
) -> None:
    measure_id = assessed(services, alice, document)
    with pytest.raises(PermissionDeniedError, match="submitter may not review"):
        services.reviews.take(alice, measure_id)
    services.reviews.take(bob, measure_id)
    with pytest.raises(PermissionDeniedError):
        services.reviews.decide(alice, measure_id, DecisionKind.APPROVE, "I like my own measure.")


def test_only_submitters_create_and_submit(services: Any, bob: Principal, document: dict[str, Any]) -> None:
    with pytest.raises(PermissionDeniedError, match="reviewer may not create measures"):
        services.measures.create(bob, document)


@pytest.mark.parametrize("kind", [DecisionKind.APPROVE, DecisionKind.REJECT])
def test_four_eyes_the_submitter_cannot_approve_or_reject(
    services: Any, make_person: Any, bob: Principal, document: dict[str, Any], kind: DecisionKind
) -> None:
    dana_submits = make_person("Dana", Role.SUBMITTER, subject="emp-1042")
    dana_reviews = make_person("dana", Role.REVIEWER, subject="emp-1042")  # the same person, with a reviewer token
    measure_id = in_review(services, dana_submits, bob, document)
    with pytest.raises(PermissionDeniedError, match="four-eyes"):
        services.reviews.decide(dana_reviews, measure_id, kind, "Looks good to me.")
    assert services.measures.get(bob, measure_id).record.status is Status.IN_REVIEW
    record, _ = services.reviews.decide(bob, measure_id, kind, "Decided by someone else.")
    assert record.status in (Status.APPROVED, Status.REJECTED)


def test_four_eyes_the_submitter_cannot_return_it_either(
    services: Any, make_person: Any, bob: Principal, document: dict[str, Any]
) -> None:
    dana_submits = make_person("dana", Role.SUBMITTER, subject="emp-1042")
    dana_reviews = make_person("dana", Role.REVIEWER, subject="emp-1042")
    measure_id = in_review(services, dana_submits, bob, document)
    with pytest.raises(PermissionDeniedError, match=r"four-eyes rule: dana wrote or submitted .* cannot return it"):
        services.reviews.decide(dana_reviews, measure_id, DecisionKind.RETURN, "Add the statistics.")
    assert services.measures.get(bob, measure_id).record.status is Status.IN_REVIEW
    record, _ = services.reviews.decide(bob, measure_id, DecisionKind.RETURN, "Add the statistics.")
    assert record.status is Status.RETURNED


@pytest.mark.parametrize("reason", ["", "   \n"])
def test_a_decision_needs_a_written_reason(
    services: Any, alice: Principal, bob: Principal, document: dict[str, Any], reason: str
) -> None:
    measure_id = in_review(services, alice, bob, document)
    with pytest.raises(RequestError) as refused:
        services.reviews.decide(bob, measure_id, DecisionKind.APPROVE, reason)
    assert [i.path for i in refused.value.issues] == ["/reason"]


def test_conditions_belong_to_an_approval_only(
    services: Any, alice: Principal, bob: Principal, document: dict[str, Any]
) -> None:
    measure_id = in_review(services, alice, bob, document)
    with pytest.raises(RequestError) as refused:
        services.reviews.decide(bob, measure_id, DecisionKind.REJECT, "No.", ["Add logging"])
    assert [i.path for i in refused.value.issues] == ["/conditions"]
    assert services.measures.get(bob, measure_id).record.status is Status.IN_REVIEW


def test_a_stale_if_match_changes_nothing(
    services: Any, alice: Principal, bob: Principal, document: dict[str, Any]
) -> None:
    measure_id = in_review(services, alice, bob, document)
    current = services.measures.get(bob, measure_id).record
    events_before = len(services.store.events)
    with pytest.raises(PreconditionFailedError, match=f"revision {current.revision}, not {current.revision - 1}"):
        services.reviews.decide(bob, measure_id, DecisionKind.APPROVE, "Ok.", expected_revision=current.revision - 1)
    assert services.measures.get(bob, measure_id).record == current
    assert len(services.store.events) == events_before
    services.reviews.decide(bob, measure_id, DecisionKind.APPROVE, "Ok.", expected_revision=current.revision)


def test_a_returned_measure_is_revised_back_to_draft_keeping_its_versions(
    services: Any, alice: Principal, bob: Principal, document: dict[str, Any]
) -> None:
    measure_id = in_review(services, alice, bob, document)
    services.reviews.decide(bob, measure_id, DecisionKind.RETURN, "State the retention period.")
    revised_document = {**document, "retention": {"period_days": 90}}
    revised = services.measures.revise(alice, measure_id, revised_document)
    assert revised.record.status is Status.DRAFT
    assert revised.record.version == 2
    assert revised.record.verdict is None
    assert services.measures.version(alice, measure_id, 1).document == document
    assert services.measures.version(alice, measure_id, 2).document == revised_document
    assert [v.number for v in services.measures.versions(alice, measure_id)] == [1, 2]


def test_a_measure_under_review_cannot_be_revised(
    services: Any, alice: Principal, bob: Principal, document: dict[str, Any]
) -> None:
    measure_id = in_review(services, alice, bob, document)
    with pytest.raises(InvalidTransitionError, match="only a draft or a returned measure can be revised"):
        services.measures.revise(alice, measure_id, document)


def test_a_reviewer_contests_a_finding_and_it_is_kept_with_the_assessment(
    services: Any, alice: Principal, bob: Principal, document: dict[str, Any]
) -> None:
    measure_id = assessed(services, alice, document)
    stored = services.assessments.for_measure(alice, measure_id)[0]
    rule_id = services.assessments.get(alice, stored.id).assessment.findings[0].rule_id
    contest = services.reviews.contest(bob, stored.id, rule_id, "The pinpoint does not support this.")
    detail = services.assessments.get(alice, stored.id)
    assert detail.contests == [contest]
    assert services.store.events[-1].kind == "finding.contested"


def test_a_finding_that_is_not_in_the_assessment_cannot_be_contested(
    services: Any, alice: Principal, bob: Principal, document: dict[str, Any]
) -> None:
    measure_id = assessed(services, alice, document)
    stored = services.assessments.for_measure(alice, measure_id)[0]
    with pytest.raises(NotFoundError, match="no finding of rule XYZ-999"):
        services.reviews.contest(bob, stored.id, "XYZ-999", "Wrong.")


def test_submitters_cannot_contest_findings(services: Any, alice: Principal, document: dict[str, Any]) -> None:
    measure_id = assessed(services, alice, document)
    stored = services.assessments.for_measure(alice, measure_id)[0]
    with pytest.raises(PermissionDeniedError):
        services.reviews.contest(alice, stored.id, "RET-001", "I disagree.")
