"""The rule handbook served under /rules: the static handbook's pages, for signed-in callers."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from art52.bootstrap import rulebook_from
from art52.config import Settings


@pytest.mark.parametrize("path", ["/rules", "/rules/RET-008", "/rules/sources/tele2", "/rules/provisional"])
def test_the_handbook_needs_a_bearer_token(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 401
    assert response.headers["content-type"].startswith("application/problem+json")


def test_the_index_links_every_rule_and_states_the_rulebook_version(
    client: TestClient, callers: Any, settings: Settings
) -> None:
    book = rulebook_from(settings.rules_dir)
    response = client.get("/rules", headers=callers.submitter)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    for rule_id in book.rule_ids():
        assert f'href="/rules/{rule_id}"' in response.text
    assert book.version in response.text


def test_a_rule_page_shows_its_conditions_in_words_and_links_within_rules(client: TestClient, callers: Any) -> None:
    page = client.get("/rules/RET-008", headers=callers.reviewer).text
    assert "linking the data could reveal the person&#39;s private life" in page
    assert 'href="/rules/sources/lqdn_ii"' in page
    assert "Matching an IP address to a subscriber needs no prior review" in page


def test_a_source_page_links_the_rules_resting_on_it(client: TestClient, callers: Any) -> None:
    page = client.get("/rules/sources/lqdn_ii", headers=callers.auditor).text
    assert 'href="/rules/RET-008"' in page


def test_the_provisional_page_lists_provisional_rules(client: TestClient, callers: Any) -> None:
    page = client.get("/rules/provisional", headers=callers.rule_admin).text
    assert 'href="/rules/RET-008"' in page


@pytest.mark.parametrize(("path", "detail"), [("/rules/NOPE-001", "NOPE-001"), ("/rules/sources/nope", "nope")])
def test_an_unknown_rule_or_source_is_a_404_problem(client: TestClient, callers: Any, path: str, detail: str) -> None:
    response = client.get(path, headers=callers.submitter)
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("application/problem+json")
    assert detail in response.json()["detail"]
