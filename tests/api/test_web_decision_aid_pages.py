"""The interview and the "Try it" what-if as pages, and the dashboard's own pages of measures awaiting review."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from contract_files import EXAMPLES_DIR
from fastapi.testclient import TestClient
from web_session import csrf_of, sign_in, token

from art52.api.web import dashboard
from art52.bootstrap import Container
from art52.domain.access import Role

WITH_REMEDIES = json.loads((EXAMPLES_DIR / "ex06-epoc-content-prosecutor-minor-offence.json").read_text())
"""A non-compliant measure whose report lists remedies (a judge validates the order, …)."""


@pytest.fixture
def secure_client(client: TestClient) -> TestClient:
    client.base_url = client.base_url.copy_with(scheme="https")  # Secure cookies travel over https only
    return client


def started(client: TestClient, csrf: str, **fields: str) -> str:
    """The address of a new interview."""
    response = client.post("/interviews", data={"csrf_token": csrf, **fields}, follow_redirects=False)
    assert response.status_code == 303, response.text
    location: str = response.headers["location"]
    return location


def api_view(client: TestClient, location: str, secret: str) -> dict[str, Any]:
    """The interview as the JSON API gives it."""
    response = client.get(f"/v1{location}", headers={"Authorization": f"Bearer {secret}"})
    assert response.status_code == 200, response.text
    found: dict[str, Any] = response.json()
    return found


def asked(html: str) -> str:
    found = re.search(r'<input type="hidden" name="field" value="([^"]+)">', html)
    assert found, "the page asks no question"
    return found.group(1)


def test_the_interview_asks_one_question_with_its_options_why_and_a_not_known_choice(
    secure_client: TestClient, container: Container
) -> None:
    secret = token(container, "Alice Official", Role.SUBMITTER)
    csrf = sign_in(secure_client, secret)
    assert 'action="/interviews"' in secure_client.get("/measures/new").text
    location = started(secure_client, csrf, title="Quick freeze", measure_type="expedited_preservation")
    page = secure_client.get(location)
    assert page.status_code == 200
    field = asked(page.text)
    view = api_view(secure_client, location, secret)
    question = view["question"]
    assert field == question["field"]
    assert question["text"] in page.text
    for option in question["options"]:
        assert f"{option['label']}</label>" in page.text.replace("&#39;", "'")
    assert 'name="not_known" value="true"' in page.text  # a "Not known" choice, whatever the question
    assert "Not known" in page.text
    for rule in question["why"]["rules"]:
        assert f'<a href="/rules/{rule["rule_id"]}">' in page.text
    best, worst = view["verdict_range"]["best"], view["verdict_range"]["worst"]
    assert best != worst
    assert "could make it anything from" in page.text


def test_answers_narrow_the_interview_and_not_known_passes_a_question(
    secure_client: TestClient, container: Container
) -> None:
    csrf = sign_in(secure_client, token(container, "Alice Official", Role.SUBMITTER))
    location = started(secure_client, csrf, title="Quick freeze", measure_type="expedited_preservation")
    first = asked(secure_client.get(location).text)
    options = re.findall(r'type="radio" name="value" value="([^"(]+)"', secure_client.get(location).text)
    assert options, f"{first} is answered by a choice"
    answered = secure_client.post(
        f"{location}/answers", data={"csrf_token": csrf, "field": first, "value": options[0]}, follow_redirects=False
    )
    assert answered.status_code == 303
    page = secure_client.get(location).text
    assert f"<code>{first}</code>:" in page  # among the answers so far
    second = asked(page)
    assert second != first
    passed = secure_client.post(
        f"{location}/answers", data={"csrf_token": csrf, "field": second, "not_known": "true"}, follow_redirects=False
    )
    assert passed.status_code == 303
    page = secure_client.get(location).text
    assert f"<code>{second}</code>: not known" in page
    assert asked(page) not in (first, second)


def test_the_not_known_option_passes_a_question_like_the_not_known_button(
    secure_client: TestClient, container: Container
) -> None:
    csrf = sign_in(secure_client, token(container, "Alice Official", Role.SUBMITTER))
    location = started(secure_client, csrf, title="Quick freeze", measure_type="expedited_preservation")
    page = secure_client.get(location).text
    first = asked(page)
    assert 'type="radio" name="value" value="(not known)"' in page
    secure_client.post(f"{location}/answers", data={"csrf_token": csrf, "field": first, "value": "(not known)"})
    page = secure_client.get(location).text
    assert f"<code>{first}</code>: not known" in page
    assert asked(page) != first


def test_a_wrong_or_missing_answer_is_explained_beside_the_question(
    secure_client: TestClient, container: Container
) -> None:
    secret = token(container, "Alice Official", Role.SUBMITTER)
    csrf = sign_in(secure_client, secret)
    location = started(secure_client, csrf, title="Quick freeze")
    wrong = secure_client.post(
        f"{location}/answers", data={"csrf_token": csrf, "field": "retention.period_days", "value": "soon"}
    )
    assert wrong.status_code == 422
    assert re.search(r'id="answer-error">Error: This answer is not allowed: retention.period_days: ', wrong.text)
    assert 'aria-invalid="true"' in wrong.text
    missing = secure_client.post(f"{location}/answers", data={"csrf_token": csrf, "field": asked(wrong.text)})
    assert missing.status_code == 422
    assert 'id="answer-error">Error: Choose or enter an answer' in missing.text
    assert api_view(secure_client, location, secret)["answers"] == 0  # nothing was kept


def test_an_interview_needs_a_title_beside_its_field(secure_client: TestClient, container: Container) -> None:
    csrf = sign_in(secure_client, token(container, "Alice Official", Role.SUBMITTER))
    response = secure_client.post("/interviews", data={"csrf_token": csrf, "title": " "})
    assert response.status_code == 422
    assert 'id="interview-errors"' in response.text


def test_interview_forms_without_the_csrf_token_change_nothing(secure_client: TestClient, container: Container) -> None:
    secret = token(container, "Alice Official", Role.SUBMITTER)
    csrf = sign_in(secure_client, secret)
    assert secure_client.post("/interviews", data={"csrf_token": "forged", "title": "x"}).status_code == 403
    location = started(secure_client, csrf, title="Quick freeze")
    field = asked(secure_client.get(location).text)
    forged = secure_client.post(
        f"{location}/answers", data={"csrf_token": "forged", "field": field, "not_known": "true"}
    )
    assert forged.status_code == 403
    assert secure_client.post(f"{location}/measure", data={"csrf_token": "forged"}).status_code == 403
    view = api_view(secure_client, location, secret)
    assert view["answers"] == 0
    assert view["measure_id"] is None


def test_another_organisations_interview_is_the_not_found_page(secure_client: TestClient, container: Container) -> None:
    csrf = sign_in(secure_client, token(container, "Alice Official", Role.SUBMITTER))
    location = started(secure_client, csrf, title="Ministry only")
    csrf = sign_in(secure_client, token(container, "Mallory", Role.SUBMITTER, "other-ministry"))
    for response in (
        secure_client.get(location),
        secure_client.post(f"{location}/answers", data={"csrf_token": csrf, "field": "jurisdiction", "value": "NL"}),
        secure_client.post(f"{location}/measure", data={"csrf_token": csrf}),
    ):
        assert response.status_code == 404
        assert response.headers["content-type"].startswith("text/html")
        assert "Ministry only" not in response.text


def test_an_interview_is_saved_as_a_draft_measure_once(secure_client: TestClient, container: Container) -> None:
    csrf = sign_in(secure_client, token(container, "Alice Official", Role.SUBMITTER))
    location = started(secure_client, csrf, title="Saved from questions", measure_type="expedited_preservation")
    saved = secure_client.post(f"{location}/measure", data={"csrf_token": csrf}, follow_redirects=False)
    assert saved.status_code == 303
    measure = secure_client.get(saved.headers["location"]).text
    assert "Saved from questions" in measure
    assert "Submit for review" in measure
    assert f'href="{saved.headers["location"]}">open the measure' in secure_client.get(location).text
    again = secure_client.post(f"{location}/measure", data={"csrf_token": csrf})
    assert again.status_code == 409


def remedied_assessment(client: TestClient, flow: Any) -> tuple[str, str]:
    measure_id = flow.create(WITH_REMEDIES)
    flow.submit(measure_id)
    return measure_id, flow.assess(measure_id)


def test_a_reviewer_tries_a_remedy_and_sees_what_it_changes_with_nothing_stored(
    secure_client: TestClient, container: Container, flow: Any
) -> None:
    measure_id, assessment_id = remedied_assessment(secure_client, flow)
    csrf = sign_in(secure_client, token(container, "Bob Reviewer", Role.REVIEWER))
    page = secure_client.get(f"/assessments/{assessment_id}").text
    assert page.count(f'action="/assessments/{assessment_id}/what-if"') >= 1
    before = secure_client.get(f"/v1/measures/{measure_id}", headers=flow.callers.reviewer).json()
    response = secure_client.post(f"/assessments/{assessment_id}/what-if", data={"csrf_token": csrf, "remedy": "0"})
    assert response.status_code == 200
    expected = secure_client.post(
        f"/v1/measures/{measure_id}/what-if",
        content=json.dumps({"eevidence": {"validated_by": "judge"}}),
        headers={**flow.callers.reviewer, "Content-Type": "application/merge-patch+json"},
    ).json()
    for moved in expected["principles"]:
        assert f"{moved['old'].replace('_', ' ')} → {moved['new'].replace('_', ' ')}" in response.text
    for finding in expected["findings_changed"]:
        assert f'<a href="/rules/{finding["rule_id"]}">' in response.text
    assert '<span class="add">+' in response.text  # the measure with the remedy, line by line
    after = secure_client.get(f"/v1/measures/{measure_id}", headers=flow.callers.reviewer).json()
    assert after == before


def test_trying_a_remedy_needs_the_csrf_token_and_a_listed_remedy(
    secure_client: TestClient, container: Container, flow: Any
) -> None:
    _measure_id, assessment_id = remedied_assessment(secure_client, flow)
    csrf = sign_in(secure_client, token(container, "Bob Reviewer", Role.REVIEWER))
    url = f"/assessments/{assessment_id}/what-if"
    assert secure_client.post(url, data={"csrf_token": "forged", "remedy": "0"}).status_code == 403
    assert secure_client.post(url, data={"csrf_token": csrf, "remedy": "99"}).status_code == 404
    assert secure_client.post(url, data={"csrf_token": csrf, "remedy": "first"}).status_code == 422


def test_another_organisation_cannot_try_a_remedy(secure_client: TestClient, container: Container, flow: Any) -> None:
    _measure_id, assessment_id = remedied_assessment(secure_client, flow)
    csrf = sign_in(secure_client, token(container, "Mallory", Role.REVIEWER, "other-ministry"))
    response = secure_client.post(f"/assessments/{assessment_id}/what-if", data={"csrf_token": csrf, "remedy": "0"})
    assert response.status_code == 404
    assert "judge" not in response.text


def test_the_measures_awaiting_review_have_their_own_pages(
    secure_client: TestClient, container: Container, flow: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dashboard, "REVIEW_PAGE", 2)
    titles = [f"Awaiting {n}" for n in range(3)]
    for title in titles:
        measure_id = flow.create({**WITH_REMEDIES, "title": title})
        flow.submit(measure_id)
        flow.assess(measure_id)
    sign_in(secure_client, token(container, "Bob Reviewer", Role.REVIEWER))

    def awaiting(html: str) -> set[str]:
        section = html.split('id="awaiting"')[1].split("</section>")[0]
        return {t for t in titles if f">{t}</a>" in section}

    first = secure_client.get("/").text
    assert len(awaiting(first)) == 2
    more = re.search(r'<a rel="next" href="(/\?review_after=[^"]+)">More measures awaiting review', first)
    assert more, "the first page links to the next"
    second = secure_client.get(more.group(1).replace("&amp;", "&")).text
    assert awaiting(second) == set(titles) - awaiting(first)
    assert "More measures awaiting review" not in second
    assert csrf_of(second)


def test_a_remedy_of_an_older_version_is_tried_on_the_current_one_and_says_so(
    secure_client: TestClient, container: Container, flow: Any
) -> None:
    measure_id = flow.create(WITH_REMEDIES)
    assessment_id = flow.assess(measure_id)
    revised = secure_client.put(
        f"/v1/measures/{measure_id}",
        json={**WITH_REMEDIES, "title": "Revised after the assessment"},
        headers=flow.callers.submitter,
    )
    assert revised.status_code == 200, revised.text
    csrf = sign_in(secure_client, token(container, "Bob Reviewer", Role.REVIEWER))
    response = secure_client.post(f"/assessments/{assessment_id}/what-if", data={"csrf_token": csrf, "remedy": "0"})
    assert response.status_code == 200
    assert "comes from the assessment of version 1; the measure is now at version 2" in response.text
