"""Stored assessments, the audit trail and bearer tokens, as use cases."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

import pytest

from art52.domain.access import Principal, Role
from art52.domain.audit import ChainHead
from art52.domain.perspective import Perspective
from art52.errors import AuthenticationError, ConflictError
from art52.services.assessments import Assessor
from art52.services.stored_assessments import AssessmentService


def test_a_stored_assessment_reproduces_byte_for_byte(
    services: Any, alice: Principal, document: dict[str, Any]
) -> None:
    measure_id = services.measures.create(
        alice, {k: v for k, v in document.items() if k != "assessment_date"}
    ).record.id
    stored = services.assessments.assess_measure(alice, measure_id, dt.date(2024, 1, 1)).stored
    assert stored.as_of_requested == dt.date(2024, 1, 1)
    assert services.assessments.rerun(stored) == stored.result


def test_an_assessment_dated_today_reproduces_on_a_later_day(
    services: Any, alice: Principal, document: dict[str, Any]
) -> None:
    undated = {k: v for k, v in document.items() if k != "assessment_date"}
    measure_id = services.measures.create(alice, undated).record.id
    stored = services.assessments.assess_measure(alice, measure_id, None).stored
    assert stored.as_of_requested is None
    assert services.assessments.rerun(stored) == stored.result


def test_an_assessment_under_another_rulebook_is_not_rerun_silently(
    services: Any, alice: Principal, document: dict[str, Any]
) -> None:
    measure_id = services.measures.create(alice, document).record.id
    stored = services.assessments.assess_measure(alice, measure_id, None).stored
    with pytest.raises(ConflictError, match="rulebook"):
        services.assessments.rerun(replace(stored, rulebook_version="sha256:0000"))


def test_an_assessment_is_not_stored_when_the_measure_changed_meanwhile(
    services: Any, alice: Principal, document: dict[str, Any], reference_assessor: Assessor
) -> None:
    measure_id = services.measures.create(alice, document).record.id

    class RevisingAssessor:
        """Assesses, while the official saves a new version of the same measure."""

        rulebook = reference_assessor.rulebook
        backend = reference_assessor.backend

        def assess(
            self, measure: Any, as_of: dt.date | None = None, perspective: Perspective = Perspective.ISSUING
        ) -> Any:
            services.measures.revise(alice, measure_id, {**document, "title": "Changed meanwhile"})
            return reference_assessor.assess(measure, as_of=as_of, perspective=perspective)

    racing = AssessmentService(
        services.assessments._uow, services.assessments._clock, lambda: "a-1", lambda: RevisingAssessor()
    )
    with pytest.raises(ConflictError, match="changed while it was being assessed"):
        racing.assess_measure(alice, measure_id, None)
    assert services.store.assessments == {}
    assert services.measures.get(alice, measure_id).record.version == 2


def test_the_feed_shows_an_organisation_its_own_events_and_auditors_all(
    services: Any, alice: Principal, mallory: Principal, auditor: Principal, document: dict[str, Any]
) -> None:
    services.measures.create(alice, document)
    services.measures.create(mallory, document)
    services.measures.create(alice, document)
    assert [e.seq for e in services.audit.feed(alice, 0, 100).events] == [1, 3]
    assert [e.seq for e in services.audit.feed(mallory, 0, 100).events] == [2]
    assert [e.seq for e in services.audit.feed(auditor, 0, 100).events] == [1, 2, 3]


def test_the_feed_resumes_after_its_cursor(services: Any, alice: Principal, document: dict[str, Any]) -> None:
    for _ in range(5):
        services.measures.create(alice, document)
    first = services.audit.feed(alice, 0, 2)
    assert [e.seq for e in first.events] == [1, 2]
    second = services.audit.feed(alice, first.next_cursor, 2)
    assert [e.seq for e in second.events] == [3, 4]
    last = services.audit.feed(alice, 4, 10)
    assert [e.seq for e in last.events] == [5]
    assert services.audit.feed(alice, last.next_cursor, 10).next_cursor == 5


def test_verification_names_an_edited_event(services: Any, alice: Principal, document: dict[str, Any]) -> None:
    for _ in range(3):
        services.measures.create(alice, document)
    assert services.audit.verify() is None
    services.store.events[1] = replace(services.store.events[1], actor="someone else")
    problem = services.audit.verify()
    assert problem is not None
    assert problem.seq == 2
    assert "edited" in problem.reason


def test_verification_names_a_deleted_event(services: Any, alice: Principal, document: dict[str, Any]) -> None:
    for _ in range(3):
        services.measures.create(alice, document)
    del services.store.events[1]
    problem = services.audit.verify()
    assert problem is not None
    assert problem.seq == 2
    assert "deleted" in problem.reason


def test_verification_notices_the_newest_event_deleted(
    services: Any, alice: Principal, document: dict[str, Any]
) -> None:
    for _ in range(3):
        services.measures.create(alice, document)
    services.store.events.pop()
    problem = services.audit.verify()
    assert problem is not None
    assert problem.seq == 3


def test_verification_notices_a_rewritten_chain_that_the_head_does_not_match(
    services: Any, alice: Principal, document: dict[str, Any]
) -> None:
    services.measures.create(alice, document)
    services.store.head = ChainHead(1, "f" * 64)
    problem = services.audit.verify()
    assert problem is not None
    assert problem.seq == 1


def test_a_token_is_stored_only_as_a_hash_and_authenticates_its_holder(services: Any) -> None:
    token, secret = services.tokens.create("Alice Official", "ministry", Role.SUBMITTER)
    assert secret.startswith("art52_")
    assert len(secret) > 40
    stored = services.store.tokens[token.id]
    assert secret not in repr(stored)
    principal = services.tokens.authenticate(secret)
    assert (principal.name, principal.organisation, principal.role) == ("Alice Official", "ministry", Role.SUBMITTER)
    assert services.store.events[-1].kind == "token.created"
    assert secret not in repr(services.store.events)


@pytest.mark.parametrize("presented", [None, "", "art52_unknown"])
def test_missing_or_unknown_tokens_are_refused(services: Any, presented: str | None) -> None:
    services.tokens.create("Alice", "ministry", Role.SUBMITTER)
    with pytest.raises(AuthenticationError):
        services.tokens.authenticate(presented)


def test_a_revoked_token_stops_working(services: Any) -> None:
    token, secret = services.tokens.create("Alice", "ministry", Role.SUBMITTER)
    services.tokens.revoke(token.id)
    with pytest.raises(AuthenticationError, match="revoked"):
        services.tokens.authenticate(secret)
    assert not services.tokens.any_active()


def test_verification_reads_the_trail_page_by_page(
    services: Any, alice: Principal, document: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    import art52.services.audit

    monkeypatch.setattr(art52.services.audit, "VERIFY_PAGE", 2)
    for _ in range(5):
        services.measures.create(alice, document)
    assert services.audit.verify() is None
    services.store.events[3] = replace(services.store.events[3], kind="measure.deleted")
    problem = services.audit.verify()
    assert problem is not None
    assert problem.seq == 4
