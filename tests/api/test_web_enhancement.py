"""The pages' progressive enhancement: the vendored htmx, served by the application, and what it swaps in."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from contract_files import EXAMPLES_DIR, REPO
from fastapi.testclient import TestClient
from web_session import sign_in, token

from art52.api.web.static_files import HTMX, IMMUTABLE
from art52.bootstrap import Container
from art52.domain.access import Role

SHIPPED = REPO / "api" / "web" / "static" / HTMX.rsplit("/", 1)[1]
ENHANCED = {"HX-Request": "true"}
WITH_REMEDIES = json.loads((EXAMPLES_DIR / "ex06-epoc-content-prosecutor-minor-offence.json").read_text())


@pytest.fixture
def secure_client(client: TestClient) -> TestClient:
    client.base_url = client.base_url.copy_with(scheme="https")  # Secure cookies travel over https only
    return client


def test_htmx_is_served_from_the_package_as_javascript_cached_for_a_year(client: TestClient) -> None:
    response = client.get(HTMX)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/javascript")
    assert response.headers["cache-control"] == IMMUTABLE
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.content == SHIPPED.read_bytes()
    assert (SHIPPED.parent / "htmx-LICENSE.txt").read_text().startswith("Zero-Clause BSD")


def test_an_unknown_static_file_is_not_found_and_not_cached(client: TestClient) -> None:
    response = client.get("/static/htmx-0.0.0.min.js")
    assert response.status_code == 404
    assert response.headers.get("cache-control") != IMMUTABLE


def test_every_page_loads_htmx_deferred_from_this_server_without_inline_styles(client: TestClient) -> None:
    response = client.get("/sign-in")
    assert f'<script src="{HTMX}" defer></script>' in response.text
    assert '"includeIndicatorStyles":false' in response.text  # htmx would add a <style> the policy refuses
    assert '"allowEval":false' in response.text
    policy = response.headers["content-security-policy"]
    assert "script-src 'self';" in policy  # no inline script, no eval


def test_a_swapped_in_question_takes_the_focus_and_a_full_page_leaves_it(
    secure_client: TestClient, container: Container
) -> None:
    csrf = sign_in(secure_client, token(container, "Alice Official", Role.SUBMITTER))
    created = secure_client.post(
        "/interviews",
        data={"csrf_token": csrf, "title": "Quick freeze", "measure_type": "expedited_preservation"},
        follow_redirects=False,
    )
    location = created.headers["location"]
    plain = secure_client.get(location).text
    assert f'hx-post="{location}/answers" hx-target="#main" hx-select="#main"' in plain
    assert '<h2 id="question-heading">' in plain
    swapped = secure_client.get(location, headers=ENHANCED).text
    assert '<h2 id="question-heading" tabindex="-1" autofocus>' in swapped


def test_a_remedy_tried_in_place_replaces_the_one_tried_before(
    secure_client: TestClient, container: Container, flow: Any
) -> None:
    measure_id = flow.create(WITH_REMEDIES)
    flow.submit(measure_id)
    assessment_id = flow.assess(measure_id)
    csrf = sign_in(secure_client, token(container, "Bob Reviewer", Role.REVIEWER))
    page = secure_client.get(f"/assessments/{assessment_id}").text
    remedies = len(re.findall(r'<div id="tried-\d+" class="tried"></div>', page))
    assert remedies >= 2
    assert 'hx-target="#tried-1" hx-select="#what-if-outcome"' in page
    url = f"/assessments/{assessment_id}/what-if"
    plain = secure_client.post(url, data={"csrf_token": csrf, "remedy": "1"}).text
    assert 'id="what-if-outcome"' in plain
    assert "hx-swap-oob" not in plain
    swapped = secure_client.post(url, data={"csrf_token": csrf, "remedy": "1"}, headers=ENHANCED).text
    assert '<p class="notice" tabindex="-1" autofocus>Nothing was stored' in swapped
    emptied = re.findall(r'<div id="tried-(\d+)" class="tried" hx-swap-oob="true"></div>', swapped)
    assert emptied == [str(n) for n in range(1, remedies + 1) if n != 2]
