"""A notified order in the enforcing organisation: its deadline, its decisions and the reminders.

The reminders run on a controlled clock: each check is made at a chosen moment on
either side of the 24-hour warning and of the deadline itself.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from art52.domain.access import Principal
from art52.domain.deadlines import DeadlineEvent
from art52.domain.perspective import Perspective
from art52.domain.workflow import DecisionKind, RefusalGroundKind, Status
from art52.errors import MeasureError, RequestError
from art52.services.deadlines import DeadlineService

EXAMPLE = "ex16-epoc-journalist-notified-enforcing.json"
NOTIFIED = dt.datetime(2026, 9, 1, 9, 0, tzinfo=dt.UTC)
DEADLINE = NOTIFIED + dt.timedelta(days=10)
SECOND = dt.timedelta(seconds=1)


class ControlledClock:
    """A clock that reads whatever the test sets."""

    def __init__(self, moment: dt.datetime) -> None:
        self.moment = moment

    def now(self) -> dt.datetime:
        return self.moment


@pytest.fixture
def order(examples_dir: Path) -> dict[str, Any]:
    document: dict[str, Any] = json.loads((examples_dir / EXAMPLE).read_text())
    return document


def in_review(services: Any, submitter: Principal, reviewer: Principal, document: dict[str, Any]) -> str:
    measure_id: str = services.measures.create(submitter, document).record.id
    services.reviews.submit(submitter, measure_id)
    services.assessments.assess_measure(submitter, measure_id, None, perspective=Perspective.ENFORCING)
    services.reviews.take(reviewer, measure_id)
    return measure_id


def test_a_notified_order_gets_its_deadline_from_the_notification(
    services: Any, alice: Principal, order: dict[str, Any]
) -> None:
    assert services.measures.create(alice, order).record.deadline_at == DEADLINE


def test_an_emergency_or_an_unstated_emergency_gets_96_hours(
    services: Any, alice: Principal, order: dict[str, Any]
) -> None:
    order["enforcing"]["emergency"] = True
    assert services.measures.create(alice, order).record.deadline_at == NOTIFIED + dt.timedelta(hours=96)
    del order["enforcing"]["emergency"]
    assert services.measures.create(alice, order).record.deadline_at == NOTIFIED + dt.timedelta(hours=96)


def test_other_measures_have_no_deadline(services: Any, alice: Principal, document: dict[str, Any]) -> None:
    assert services.measures.create(alice, document).record.deadline_at is None


def test_a_revision_moves_the_deadline(services: Any, alice: Principal, order: dict[str, Any]) -> None:
    measure_id = services.measures.create(alice, order).record.id
    order["enforcing"]["notification_received_at"] = "2026-09-02T09:00:00Z"
    revised = services.measures.revise(alice, measure_id, order).record
    assert revised.deadline_at == DEADLINE + dt.timedelta(days=1)


def test_the_stored_assessment_records_the_enforcing_perspective(
    services: Any, alice: Principal, order: dict[str, Any]
) -> None:
    measure_id = services.measures.create(alice, order).record.id
    detail = services.assessments.assess_measure(alice, measure_id, None, perspective=Perspective.ENFORCING)
    assert detail.stored.perspective is Perspective.ENFORCING
    assert detail.assessment.enforcing_outcome is not None
    assert detail.assessment.enforcing_outcome.decision.value == "ground_for_refusal"
    assert services.assessments.rerun(detail.stored) == detail.stored.result
    event = services.store.events[-1]
    assert event.kind == "assessment.created"
    assert event.data["perspective"] == "enforcing"


def test_refusal_names_its_ground(services: Any, alice: Principal, bob: Principal, order: dict[str, Any]) -> None:
    measure_id = in_review(services, alice, bob, order)
    with pytest.raises(RequestError) as missing:
        services.reviews.decide(bob, measure_id, DecisionKind.REFUSE, "Sources are protected.")
    assert [i.path for i in missing.value.issues] == ["/ground"]
    record, decision = services.reviews.decide(
        bob, measure_id, DecisionKind.REFUSE, "Sources are protected.", ground=RefusalGroundKind.PRESS_FREEDOM
    )
    assert record.status is Status.REJECTED
    assert decision.ground is RefusalGroundKind.PRESS_FREEDOM
    assert services.store.events[-1].data["ground"] == "press_freedom"


def test_no_objection_and_conditions(services: Any, alice: Principal, bob: Principal, order: dict[str, Any]) -> None:
    first = in_review(services, alice, bob, order)
    assert services.reviews.decide(bob, first, DecisionKind.NO_OBJECTION, "No ground.")[0].status is Status.APPROVED
    second = in_review(services, alice, bob, order)
    with pytest.raises(RequestError) as bare:
        services.reviews.decide(bob, second, DecisionKind.CONDITIONS, "Limit the use.")
    assert [i.path for i in bare.value.issues] == ["/conditions"]
    record, decision = services.reviews.decide(
        bob, second, DecisionKind.CONDITIONS, "Limit the use.", ["Use the data only for the bribery charge"]
    )
    assert record.status is Status.APPROVED
    assert decision.conditions == ("Use the data only for the bribery charge",)


def test_the_enforcing_decisions_need_a_notified_order(
    services: Any, alice: Principal, bob: Principal, document: dict[str, Any]
) -> None:
    measure_id = services.measures.create(alice, document).record.id
    services.reviews.submit(alice, measure_id)
    services.assessments.assess_measure(alice, measure_id, None)
    services.reviews.take(bob, measure_id)
    with pytest.raises(RequestError) as refused:
        services.reviews.decide(bob, measure_id, DecisionKind.NO_OBJECTION, "No ground.")
    assert [i.path for i in refused.value.issues] == ["/decision"]
    with pytest.raises(RequestError) as grounded:
        services.reviews.decide(bob, measure_id, DecisionKind.REJECT, "No.", ground=RefusalGroundKind.NE_BIS_IN_IDEM)
    assert [i.path for i in grounded.value.issues] == ["/ground"]


def reminders_at(services: Any, moment: dt.datetime) -> list[tuple[DeadlineEvent, str]]:
    clock = ControlledClock(moment)
    checker = DeadlineService(services.uow, clock)
    return [(r.kind, r.measure_id) for r in checker.check()]


def test_the_reminders_fire_on_either_side_of_their_boundaries_and_only_once(
    services: Any, alice: Principal, order: dict[str, Any]
) -> None:
    measure_id = services.measures.create(alice, order).record.id
    warning = DEADLINE - dt.timedelta(hours=24)
    assert reminders_at(services, warning - SECOND) == []
    assert reminders_at(services, warning) == [(DeadlineEvent.APPROACHING, measure_id)]
    assert reminders_at(services, warning) == []  # idempotent
    assert reminders_at(services, DEADLINE) == []  # the deadline itself is still within the period
    assert reminders_at(services, DEADLINE + SECOND) == [(DeadlineEvent.PASSED, measure_id)]
    assert reminders_at(services, DEADLINE + dt.timedelta(days=3)) == []
    kinds = [e.kind for e in services.store.events if e.subject == measure_id]
    assert kinds.count("measure.deadline_approaching") == 1
    assert kinds.count("measure.deadline_passed") == 1
    assert services.store.events[-1].data["deadline_at"] == DEADLINE.isoformat()


def test_a_late_first_check_records_both_reminders(services: Any, alice: Principal, order: dict[str, Any]) -> None:
    measure_id = services.measures.create(alice, order).record.id
    assert reminders_at(services, DEADLINE + SECOND) == [
        (DeadlineEvent.APPROACHING, measure_id),
        (DeadlineEvent.PASSED, measure_id),
    ]


def test_a_decided_order_gets_no_reminder(
    services: Any, alice: Principal, bob: Principal, order: dict[str, Any]
) -> None:
    measure_id = in_review(services, alice, bob, order)
    services.reviews.decide(bob, measure_id, DecisionKind.NO_OBJECTION, "No ground.")
    assert reminders_at(services, DEADLINE + SECOND) == []


def test_a_moved_deadline_is_reminded_again(services: Any, alice: Principal, order: dict[str, Any]) -> None:
    measure_id = services.measures.create(alice, order).record.id
    assert reminders_at(services, DEADLINE - dt.timedelta(hours=1)) == [(DeadlineEvent.APPROACHING, measure_id)]
    order["enforcing"]["notification_received_at"] = "2026-09-03T09:00:00Z"
    services.measures.revise(alice, measure_id, order)
    assert reminders_at(services, DEADLINE - dt.timedelta(hours=1)) == []
    later = DEADLINE + dt.timedelta(days=2)
    assert reminders_at(services, later - dt.timedelta(hours=1)) == [(DeadlineEvent.APPROACHING, measure_id)]


def test_a_notification_on_a_day_that_does_not_exist_is_refused_naming_the_field(
    services: Any, alice: Principal, order: dict[str, Any]
) -> None:
    order["enforcing"]["notification_received_at"] = "2026-02-30T09:00:00Z"
    with pytest.raises(MeasureError) as refused:
        services.measures.create(alice, order)
    assert [i.path for i in refused.value.issues] == ["/enforcing/notification_received_at"]
