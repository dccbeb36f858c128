"""The enforcing side in the web application: the review deadline, the perspective, the outcome and the decisions."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from web_session import sign_in, token

from art52.bootstrap import Container
from art52.domain.access import Role
from art52.domain.perspective import Perspective

EXAMPLE = "ex16-epoc-journalist-notified-enforcing.json"
DEADLINE = dt.datetime(2026, 9, 11, 9, tzinfo=dt.UTC)
"""The review deadline of the example: notified on 1 September 2026 at 09:00 UTC, no emergency, so 10 days."""
IN_REVIEW = "4"
"""The revision of a measure created, submitted, assessed and taken for review."""


@pytest.fixture
def secure_client(client: TestClient) -> TestClient:
    client.base_url = client.base_url.copy_with(scheme="https")  # Secure cookies travel over https only
    return client


@pytest.fixture
def order(examples_dir: Path) -> dict[str, Any]:
    document: dict[str, Any] = json.loads((examples_dir / EXAMPLE).read_text())
    return document


@pytest.fixture
def at(container: Container, monkeypatch: pytest.MonkeyPatch) -> Any:
    """``at(moment)``: the services' clock reads ``moment`` from now on."""

    def set_clock(moment: dt.datetime) -> None:
        monkeypatch.setattr(container.deadlines._clock, "now", lambda: moment)

    return set_clock


def assessed(client: TestClient, callers: Any, flow: Any, document: dict[str, Any], perspective: str) -> str:
    """A measure created, submitted and assessed from ``perspective`` through the API; its id."""
    measure_id: str = flow.create(document)
    flow.submit(measure_id)
    response = client.post(
        f"/v1/measures/{measure_id}/assessments", json={"perspective": perspective}, headers=callers.submitter
    )
    assert response.status_code == 201, response.text
    return measure_id


def reviewer(client: TestClient, container: Container) -> str:
    return sign_in(client, token(container, "Bob Reviewer", Role.REVIEWER))


def test_the_review_deadline_is_shown_and_marked_in_words_when_near_or_past(
    secure_client: TestClient, container: Container, callers: Any, flow: Any, order: dict[str, Any], at: Any
) -> None:
    measure_id = assessed(secure_client, callers, flow, order, "enforcing")
    stamp = f'<time datetime="{DEADLINE.isoformat()}">2026-09-11 09:00 UTC</time>'
    at(DEADLINE - dt.timedelta(hours=48))
    reviewer(secure_client, container)
    running = secure_client.get(f"/measures/{measure_id}").text
    assert f"its review deadline is {stamp}." in running
    assert "due within" not in running
    assert "passed, no decision" not in running
    at(DEADLINE - dt.timedelta(hours=2))
    reviewer(secure_client, container)
    soon = secure_client.get(f"/measures/{measure_id}").text
    assert f'{stamp} <strong class="deadline-warning">due within 24 hours</strong>' in soon
    awaiting = secure_client.get("/").text.split('id="all"')[0]
    assert '<th scope="col">Review deadline</th>' in awaiting
    assert f'{stamp} <strong class="deadline-warning">due within 24 hours</strong>' in awaiting
    at(DEADLINE + dt.timedelta(minutes=1))
    reviewer(secure_client, container)
    late = secure_client.get(f"/measures/{measure_id}").text
    assert f'{stamp} <strong class="deadline-warning">passed, no decision yet</strong>' in late
    listed = secure_client.get("/").text.split('id="all"')[1]
    assert "passed, no decision yet" in listed


def test_a_measure_with_no_notified_order_shows_no_deadline(
    secure_client: TestClient, container: Container, flow: Any
) -> None:
    measure_id = flow.create()
    reviewer(secure_client, container)
    assert "review deadline" not in secure_client.get(f"/measures/{measure_id}").text
    assert "Review deadline" not in secure_client.get("/").text


def test_the_assess_form_takes_the_issuing_perspective_unless_the_enforcing_one_is_chosen(
    secure_client: TestClient, container: Container, flow: Any, order: dict[str, Any]
) -> None:
    measure_id = flow.create(order)
    csrf = sign_in(secure_client, token(container, "Alice Official", Role.SUBMITTER))
    form = secure_client.get(f"/measures/{measure_id}").text
    assert re.search(r'<input type="radio" name="perspective" value="issuing" id="perspective-issuing" checked>', form)
    assert 'value="enforcing" id="perspective-enforcing">' in form
    unchosen = secure_client.post(
        f"/measures/{measure_id}/assess", data={"csrf_token": csrf, "revision": "1"}, follow_redirects=False
    )
    assert unchosen.status_code == 303, unchosen.text
    chosen = secure_client.post(
        f"/measures/{measure_id}/assess",
        data={"csrf_token": csrf, "revision": "2", "perspective": "enforcing"},
        follow_redirects=False,
    )
    assert chosen.status_code == 303, chosen.text
    alice = container.tokens.authenticate(token(container, "Alice Official", Role.SUBMITTER))
    stored = container.assessments.for_measure(alice, measure_id)
    assert [a.perspective for a in stored] == [Perspective.ISSUING, Perspective.ENFORCING]
    page = secure_client.get(f"/measures/{measure_id}").text
    assert "— issuing perspective, version 1" in page  # a draft may be assessed again; each assessment is kept
    assert "— enforcing perspective, version 1" in page


def test_the_assessment_page_states_its_perspective_and_the_enforcing_outcome_with_its_reasons(
    secure_client: TestClient, container: Container, callers: Any, flow: Any, order: dict[str, Any]
) -> None:
    enforcing = assessed(secure_client, callers, flow, order, "enforcing")
    issuing = assessed(secure_client, callers, flow, order, "issuing")
    reviewer(secure_client, container)
    alice = container.tokens.authenticate(token(container, "Alice Official", Role.SUBMITTER))
    enforcing_id = container.assessments.for_measure(alice, enforcing)[0].id
    issuing_id = container.assessments.for_measure(alice, issuing)[0].id

    page = secure_client.get(f"/assessments/{enforcing_id}").text
    assert "Perspective: the enforcing authority's duties, on an order notified to it." in page
    section = page.split('<section id="enforcing"')[1].split("</section>")[0]
    assert re.search(
        r'<p class="verdict">Ground for refusal: immunities or privileges[^<]*; consult the issuing', section
    )
    ground = re.search(r'finding <a href="#finding-(EEVE-[^"]+)">', section)
    assert ground, section
    assert f'id="finding-{ground.group(1)}"' in page  # the finding the link leads to, with its sources
    assert "(sources: " in section
    assert re.search(rf"<li>{ground.group(1)}: [^<]+</li>", section)  # the reasons, rule by rule

    other = secure_client.get(f"/assessments/{issuing_id}").text
    assert "Perspective: the issuing authority's duties." in other
    assert 'id="enforcing"' not in other


def test_a_notified_order_is_decided_with_the_enforcing_authoritys_decisions(
    secure_client: TestClient, container: Container, callers: Any, flow: Any, order: dict[str, Any]
) -> None:
    measure_id = assessed(secure_client, callers, flow, order, "enforcing")
    flow.take(measure_id)
    csrf = reviewer(secure_client, container)
    form = secure_client.get(f"/measures/{measure_id}").text.split('id="decide"')[1].split("</form>")[0]
    offered = re.findall(r'name="decision" value="([a-z_]+)"', form)
    assert offered == ["no_objection", "refuse", "conditions"]
    grounds = re.findall(r'<option value="([a-z_]+)"', form)
    assert grounds == [
        "immunity_or_privilege",
        "press_freedom",
        "fundamental_rights",
        "ne_bis_in_idem",
        "double_criminality",
    ]

    url = f"/measures/{measure_id}/decide"
    decision = {"csrf_token": csrf, "revision": IN_REVIEW, "decision": "refuse", "reason": "Journalistic sources."}
    missing = secure_client.post(url, data={**decision, "ground": ""})  # as the form sends "none"
    assert missing.status_code == 422
    assert re.search(
        r'id="decide-ground-error">Error: a refusal names its ground \(Reg. 2023/1543, Art. 12\(1\)\)', missing.text
    )
    assert 'aria-describedby="ground-help decide-ground-error" aria-invalid="true"' in missing.text
    assert ">Journalistic sources.</textarea>" in missing.text  # what was typed is kept
    assert 'value="refuse" id="decision-refuse" checked' in missing.text
    assert "No decision yet." in missing.text
    assert "in review" in missing.text

    refused = secure_client.post(url, data={**decision, "ground": "press_freedom"}, follow_redirects=False)
    assert refused.status_code == 303, refused.text
    page = secure_client.get(f"/measures/{measure_id}").text
    assert "<strong>refuse</strong> on the ground of press freedom by Bob Reviewer" in page
    assert 'class="status">rejected' in page


def test_conditions_need_one_and_a_ground_goes_only_with_a_refusal(
    secure_client: TestClient, container: Container, callers: Any, flow: Any, order: dict[str, Any]
) -> None:
    measure_id = assessed(secure_client, callers, flow, order, "enforcing")
    flow.take(measure_id)
    csrf = reviewer(secure_client, container)
    url = f"/measures/{measure_id}/decide"
    base = {"csrf_token": csrf, "revision": IN_REVIEW, "reason": "Safeguards needed."}
    bare = secure_client.post(url, data={**base, "decision": "conditions", "ground": "press_freedom"})
    assert bare.status_code == 422
    assert 'id="decide-conditions-error">Error: a decision of conditions states at least one' in bare.text
    assert 'id="decide-ground-error">Error: only a refusal has a ground' in bare.text
    assert "2 problem(s), each shown beside its field" in bare.text
    stated = secure_client.post(
        url, data={**base, "decision": "conditions", "conditions": "Only the last month"}, follow_redirects=False
    )
    assert stated.status_code == 303, stated.text
    assert "<li>Only the last month</li>" in secure_client.get(f"/measures/{measure_id}").text


def test_the_enforcing_decision_keeps_the_csrf_and_four_eyes_checks(
    secure_client: TestClient, container: Container, callers: Any, flow: Any, order: dict[str, Any]
) -> None:
    measure_id = assessed(secure_client, callers, flow, order, "enforcing")
    flow.take(measure_id)
    url = f"/measures/{measure_id}/decide"
    decision = {"revision": IN_REVIEW, "decision": "no_objection", "reason": "No ground."}
    reviewer(secure_client, container)
    forged = secure_client.post(url, data={**decision, "csrf_token": "forged"})
    assert forged.status_code == 403
    csrf = sign_in(secure_client, token(container, "Alice Official", Role.REVIEWER))
    mine = secure_client.post(url, data={**decision, "csrf_token": csrf})
    assert mine.status_code == 403
    assert "four-eyes rule: Alice Official wrote or submitted a version of this measure" in mine.text
    assert "No decision yet." in secure_client.get(f"/measures/{measure_id}").text


def test_a_measure_with_no_notified_order_keeps_approve_reject_and_return(
    secure_client: TestClient, container: Container, flow: Any
) -> None:
    measure_id, _, _ = flow.in_review()
    csrf = reviewer(secure_client, container)
    form = secure_client.get(f"/measures/{measure_id}").text.split('id="decide"')[1].split("</form>")[0]
    assert re.findall(r'name="decision" value="([a-z_]+)"', form) == ["approve", "reject", "return"]
    assert 'name="ground"' not in form
    forged = secure_client.post(
        f"/measures/{measure_id}/decide",
        data={"csrf_token": csrf, "revision": IN_REVIEW, "decision": "no_objection", "reason": "No ground."},
    )
    assert forged.status_code == 422
    assert 'id="decide-decision-error">Error: no_objection is a decision on an order notified' in forged.text
