"""The web application without a browser: sessions, CSRF, scoping and errors as pages."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
import yaml
from fastapi.testclient import TestClient
from web_session import csrf_of, sign_in, token

from art52.api.web.static_files import HTMX
from art52.bootstrap import Container
from art52.domain.access import Role
from art52.domain.records import MeasureFilter

HTML = {"Accept": "text/html"}


@pytest.fixture
def secure_client(client: TestClient) -> TestClient:
    client.base_url = client.base_url.copy_with(scheme="https")  # Secure cookies travel over https only
    return client


def test_a_page_asks_for_sign_in_instead_of_answering_401(secure_client: TestClient) -> None:
    response = secure_client.get("/", headers=HTML, follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/sign-in?next=/"


def test_signing_in_sets_a_secure_httponly_strict_session_cookie(
    secure_client: TestClient, container: Container
) -> None:
    form = secure_client.get("/sign-in")
    response = secure_client.post(
        "/sign-in",
        data={"token": token(container, "Alice Official", Role.SUBMITTER), "csrf_token": csrf_of(form.text)},
        follow_redirects=False,
    )
    cookie = response.headers["set-cookie"].lower()
    assert cookie.startswith("art52_session=")
    assert "httponly" in cookie
    assert "secure" in cookie
    assert "samesite=strict" in cookie
    assert "Alice Official" in secure_client.get("/").text


def test_an_unknown_token_is_refused_in_words(secure_client: TestClient) -> None:
    form = secure_client.get("/sign-in")
    response = secure_client.post("/sign-in", data={"token": "art52_nonsense", "csrf_token": csrf_of(form.text)})
    assert response.status_code == 401
    assert "not known or has been revoked" in response.text


def test_a_sign_in_form_without_its_csrf_token_is_refused(secure_client: TestClient, container: Container) -> None:
    secure_client.get("/sign-in")
    secret = token(container, "Alice Official", Role.SUBMITTER)
    response = secure_client.post("/sign-in", data={"token": secret, "csrf_token": "forged"}, follow_redirects=False)
    assert response.status_code == 403
    assert "art52_session" not in secure_client.cookies


def test_a_form_without_the_session_csrf_token_changes_nothing(
    secure_client: TestClient, container: Container, measure: dict[str, Any]
) -> None:
    sign_in(secure_client, token(container, "Alice Official", Role.SUBMITTER))
    response = secure_client.post("/measures/new", data={"title": "Forged", "csrf_token": "wrong"})
    assert response.status_code == 403
    assert "not sent from a page of this site" in response.text
    alice = container.tokens.authenticate(token(container, "Alice Official", Role.SUBMITTER))
    assert container.measures.page(alice, MeasureFilter()).items == []


def test_sign_out_ends_the_session_on_the_server(secure_client: TestClient, container: Container) -> None:
    csrf = sign_in(secure_client, token(container, "Alice Official", Role.SUBMITTER))
    copied = secure_client.cookies["art52_session"]
    secure_client.post("/sign-out", data={"csrf_token": csrf}, follow_redirects=False)
    secure_client.cookies.set("art52_session", copied)  # a copy kept of the cookie opens nothing any more
    response = secure_client.get("/", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"].startswith("/sign-in")


def test_a_revoked_token_ends_its_sessions(secure_client: TestClient, container: Container) -> None:
    record, secret = container.tokens.create("Alice Official", "ministry", Role.SUBMITTER)
    sign_in(secure_client, secret)
    container.tokens.revoke(record.id)
    assert secure_client.get("/", follow_redirects=False).status_code == 303


def test_another_organisations_measure_is_a_404_page_that_names_nothing(
    secure_client: TestClient, container: Container, flow: Any
) -> None:
    measure_id = flow.create()
    sign_in(secure_client, token(container, "Mallory", Role.SUBMITTER, "other-ministry"))
    response = secure_client.get(f"/measures/{measure_id}")
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    assert "quick freeze" not in response.text.lower()
    assert "quick freeze" not in secure_client.get("/").text.lower()


def test_the_form_creates_a_measure_and_shows_errors_beside_the_field(
    secure_client: TestClient, container: Container
) -> None:
    csrf = sign_in(secure_client, token(container, "Alice Official", Role.SUBMITTER))
    bad = secure_client.post(
        "/measures/new", data={"csrf_token": csrf, "title": "Quick freeze", "retention.period_days": "soon"}
    )
    assert bad.status_code == 422
    assert re.search(r'id="f-retention-period_days-error">Error: ', bad.text)
    assert 'value="Quick freeze"' in bad.text  # what was typed is kept
    good = secure_client.post(
        "/measures/new",
        data={"csrf_token": csrf, "title": "Quick freeze", "data.categories": ["traffic", "location"]},
        follow_redirects=False,
    )
    assert good.status_code == 303
    page = secure_client.get(good.headers["location"])
    assert "Quick freeze" in page.text
    assert "&#34;traffic&#34;" in page.text  # the stored document lists the checked categories


def test_the_handbook_opens_with_a_session(secure_client: TestClient, container: Container) -> None:
    sign_in(secure_client, token(container, "Alice Official", Role.SUBMITTER))
    response = secure_client.get("/rules")
    assert response.status_code == 200
    assert "Rule handbook" in response.text


def test_api_errors_stay_problem_json(client: TestClient) -> None:
    response = client.get("/v1/measures")
    assert response.status_code == 401
    assert response.headers["content-type"].startswith("application/problem+json")


def test_the_events_page_lists_the_organisations_events_newest_first(
    secure_client: TestClient, container: Container, flow: Any
) -> None:
    measure_id = flow.create()
    flow.submit(measure_id)
    sign_in(secure_client, token(container, "Alice Official", Role.SUBMITTER))
    page = secure_client.get("/events").text
    assert page.index("measure submitted") < page.index("measure created")
    assert f'href="/measures/{measure_id}"' in page
    assert "other-ministry" not in page


def test_a_new_version_is_uploaded_and_its_changes_shown(
    secure_client: TestClient, container: Container, measure: dict[str, Any]
) -> None:
    csrf = sign_in(secure_client, token(container, "Alice Official", Role.SUBMITTER))
    created = secure_client.post(
        "/measures/new/upload",
        data={"csrf_token": csrf},
        files={"document": ("measure.json", json.dumps(measure), "application/json")},
        follow_redirects=False,
    )
    assert created.status_code == 303
    location = created.headers["location"]
    changed = yaml.safe_dump({**measure, "jurisdiction": "BE"})
    revised = secure_client.post(
        f"{location}/revise",
        data={"csrf_token": csrf, "revision": "1"},
        files={"document": ("measure.yaml", changed, "application/yaml")},
        follow_redirects=False,
    )
    assert revised.status_code == 303, revised.text
    diff = secure_client.get(f"{location}/diff", params={"from": 1, "to": 2}).text
    assert re.search(r'<span class="del">-\s+&#34;jurisdiction&#34;: &#34;NL&#34;,</span>', diff)
    assert re.search(r'<span class="add">\+\s+&#34;jurisdiction&#34;: &#34;BE&#34;,</span>', diff)


def test_an_unreadable_upload_is_explained_on_the_page(secure_client: TestClient, container: Container) -> None:
    csrf = sign_in(secure_client, token(container, "Alice Official", Role.SUBMITTER))
    response = secure_client.post(
        "/measures/new/upload",
        data={"csrf_token": csrf},
        files={"document": ("measure.json", '{"title": "x",\n "title": "y"}', "application/json")},
    )
    assert response.status_code == 422
    assert "The file could not be read" in response.text


def test_acting_on_a_page_someone_else_has_moved_on_is_explained(
    secure_client: TestClient, container: Container, flow: Any
) -> None:
    measure_id = flow.create()
    csrf = sign_in(secure_client, token(container, "Alice Official", Role.SUBMITTER))
    flow.submit(measure_id)  # meanwhile, through the API: the page's revision 1 is stale
    response = secure_client.post(f"/measures/{measure_id}/submit", data={"csrf_token": csrf, "revision": "1"})
    assert response.status_code == 409
    assert "Someone else changed this measure after you opened the page" in response.text


def test_the_four_eyes_refusal_is_explained_in_words(
    secure_client: TestClient, container: Container, flow: Any
) -> None:
    measure_id = flow.create()
    flow.submit(measure_id)
    flow.assess(measure_id)
    csrf = sign_in(secure_client, token(container, "Alice Official", Role.REVIEWER))
    secure_client.post(f"/measures/{measure_id}/take", data={"csrf_token": csrf, "revision": "3"})
    response = secure_client.post(
        f"/measures/{measure_id}/decide",
        data={"csrf_token": csrf, "revision": "4", "decision": "approve", "reason": "Fine."},
    )
    assert response.status_code == 403
    refusal = "four-eyes rule: Alice Official wrote or submitted a version of this measure and cannot approve it"
    assert refusal in response.text


def test_a_measure_in_review_offers_no_new_assessment(
    secure_client: TestClient, container: Container, flow: Any
) -> None:
    """The services refuse to re-assess a measure in review (its verdict must not change under the
    reviewer), so its page must not offer a button that can only fail."""
    measure_id = flow.create()
    flow.submit(measure_id)
    flow.assess(measure_id)
    csrf = sign_in(secure_client, token(container, "Rita Reviewer", Role.REVIEWER))
    assert "Assess now" in secure_client.get(f"/measures/{measure_id}").text  # assessed, not yet taken
    secure_client.post(f"/measures/{measure_id}/take", data={"csrf_token": csrf, "revision": "3"})
    page = secure_client.get(f"/measures/{measure_id}").text
    assert "Take for review" not in page  # the review was taken
    assert "Assess now" not in page
    assert f'action="/measures/{measure_id}/assess"' not in page


def test_the_dashboard_filters_my_measures_and_by_state(
    secure_client: TestClient, container: Container, client: TestClient, measure: dict[str, Any]
) -> None:
    colleague = {"Authorization": f"Bearer {token(container, 'Ann Colleague', Role.SUBMITTER)}"}
    client.post("/v1/measures", json={**measure, "title": "Ann's draft"}, headers=colleague)
    csrf = sign_in(secure_client, token(container, "Alice Official", Role.SUBMITTER))
    secure_client.post("/measures/new", data={"csrf_token": csrf, "title": "Alice's draft"})
    everything = secure_client.get("/").text
    assert "Ann&#39;s draft" in everything
    assert "Alice&#39;s draft" in everything
    mine = secure_client.get("/", params={"mine": "true"}).text
    assert "Ann&#39;s draft" not in mine
    assert "Alice&#39;s draft" in mine
    assert "No measures match" in secure_client.get("/", params={"status": "approved"}).text


def test_the_assessment_page_leads_with_the_verdict_and_offers_the_downloads(
    secure_client: TestClient, container: Container, flow: Any
) -> None:
    measure_id = flow.create()
    flow.submit(measure_id)
    assessment_id = flow.assess(measure_id)
    sign_in(secure_client, token(container, "Alice Official", Role.SUBMITTER))
    page = secure_client.get(f"/assessments/{assessment_id}").text
    verdict = secure_client.get(f"/v1/assessments/{assessment_id}", headers=flow.callers.submitter).json()["verdict"]
    assert page.index('id="answer"') < page.index("Principles")
    assert f'class="verdict {verdict}"' in page
    assert "Contest finding" not in page  # submitters do not contest
    markdown = secure_client.get(f"/assessments/{assessment_id}/report.md")
    assert markdown.headers["content-disposition"] == f'attachment; filename="assessment-{assessment_id}.md"'
    assert markdown.text.startswith("# ")


def test_a_reviewer_contests_a_finding_from_the_page(
    secure_client: TestClient, container: Container, flow: Any
) -> None:
    measure_id = flow.create()
    flow.submit(measure_id)
    assessment_id = flow.assess(measure_id)
    rule_id = secure_client.get(f"/v1/assessments/{assessment_id}", headers=flow.callers.reviewer).json()["result"][
        "findings"
    ][0]["rule_id"]
    csrf = sign_in(secure_client, token(container, "Bob Reviewer", Role.REVIEWER))
    assert f"Contest finding {rule_id}" in secure_client.get(f"/assessments/{assessment_id}").text
    response = secure_client.post(
        f"/assessments/{assessment_id}/contest",
        data={"csrf_token": csrf, "rule_id": rule_id, "reason": "The authorisation is judicial."},
    )
    assert response.status_code == 200
    assert "The authorisation is judicial." in response.text
    assert f"<strong>Contested findings</strong>: {rule_id}" in response.text


def test_the_sign_in_page_returns_only_to_a_page_of_this_site(secure_client: TestClient) -> None:
    page = secure_client.get("/sign-in", params={"next": "https://elsewhere.example/"}).text
    assert 'name="next" value="/"' in page
    assert 'name="next" value="/events"' in secure_client.get("/sign-in", params={"next": "/events"}).text


def test_pages_run_only_this_servers_script_and_cannot_be_framed(secure_client: TestClient) -> None:
    policy = secure_client.get("/sign-in").headers["content-security-policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert directives["default-src"] == "'none'"
    assert directives["script-src"] == "'self'"  # no inline script allowed: the pages load only the vendored htmx
    assert re.findall(r"<script[^>]*>", secure_client.get("/sign-in").text) == [f'<script src="{HTMX}" defer>']
    assert directives["form-action"] == "'self'"
    assert directives["frame-ancestors"] == "'none'"
    assert len(secure_client.get("/sign-in").headers.get_list("content-security-policy")) == 1


def test_an_auditor_reads_every_organisation_but_is_offered_no_action(
    secure_client: TestClient, container: Container, flow: Any
) -> None:
    measure_id = flow.create()
    sign_in(secure_client, token(container, "Audrey Auditor", Role.AUDITOR, "court-of-auditors"))
    assert "Measures of every organisation" in secure_client.get("/").text
    page = secure_client.get(f"/measures/{measure_id}").text
    assert "Court-ordered quick freeze of traffic data" in page
    assert "<button" not in page.split('id="actions-heading"')[1].split("</section>")[0]
