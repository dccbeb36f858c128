"""Progressive enhancement in Chromium: htmx swaps the next question and a tried remedy in place, under the
strict Content-Security-Policy; without JavaScript the same forms work as plain POST/redirect/GET."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import pytest
from browser_support import DESKTOP, Site, check_accessibility
from contract_files import EXAMPLES_DIR
from playwright.sync_api import Browser, BrowserContext, ConsoleMessage, Page, expect

WITH_REMEDIES: dict[str, Any] = json.loads(
    (EXAMPLES_DIR / "ex06-epoc-content-prosecutor-minor-offence.json").read_text()
)
MARKER = "window.__art52Marker"
"""Set on the page before a form is used: it survives a swap, and a full page load drops it."""


@pytest.fixture
def strict_context(browser: Browser) -> Iterator[BrowserContext]:
    """A browser that enforces the pages' Content-Security-Policy (the journeys bypass it to inject axe-core)."""
    context = browser.new_context(viewport=DESKTOP)
    yield context
    context.close()


@pytest.fixture
def no_script_context(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context(viewport=DESKTOP, java_script_enabled=False)
    yield context
    context.close()


def signed_in(context: BrowserContext, site: Site, who: str) -> Page:
    page = context.new_page()
    page.goto(f"{site.base_url}/sign-in")
    page.get_by_label("Access token").fill(site.tokens[who])
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name="Dashboard")).to_be_visible()
    return page


def errors_of(page: Page) -> list[str]:
    """The console errors the page logs from now on (a refused script or style is one)."""
    found: list[str] = []

    def keep(message: ConsoleMessage) -> None:
        if message.type == "error":
            found.append(message.text)

    page.on("console", keep)
    return found


def started_interview(page: Page, site: Site, title: str) -> None:
    page.goto(f"{site.base_url}/measures/new")
    page.get_by_label("Title of the measure (required)").fill(title)
    page.locator("#interview-type").select_option("expedited_preservation")
    page.get_by_role("button", name="Start the interview").click()
    expect(page.get_by_role("heading", name="Question 1")).to_be_visible()


def test_an_answer_swaps_in_the_next_question_and_focuses_it_without_a_page_load(
    strict_context: BrowserContext, site: Site
) -> None:
    page = signed_in(strict_context, site, "official")
    errors = errors_of(page)
    started_interview(page, site, "Enhanced interview")
    page.wait_for_function("() => window.htmx !== undefined")
    page.evaluate(f"{MARKER} = 1")
    page.get_by_role("button", name="Not known: skip this question").click()

    expect(page.get_by_role("heading", name=re.compile("Question 2|No more questions"))).to_be_focused()
    expect(page.get_by_role("region", name="Answers so far").locator("li")).to_have_count(1)
    assert page.evaluate(MARKER) == 1, "the answer reloaded the whole page"
    assert page.locator("main").count() == 1
    assert errors == []


def test_without_javascript_an_answer_posts_and_the_next_question_is_a_new_page(
    no_script_context: BrowserContext, site: Site
) -> None:
    page = signed_in(no_script_context, site, "official")
    started_interview(page, site, "Plain interview")
    page.get_by_role("button", name="Not known: skip this question").click()

    expect(page.get_by_role("heading", name=re.compile("Question 2|No more questions"))).to_be_visible()
    expect(page.get_by_role("region", name="Answers so far").locator("li")).to_have_count(1)
    expect(page).to_have_url(re.compile(r"/interviews/[^/]+#question$"))


def test_a_remedy_tried_in_place_shows_its_changes_under_it_and_replaces_the_one_tried_before(
    page: Page, strict_context: BrowserContext, site: Site
) -> None:
    measure_id = site.api("POST", "/v1/measures", "official", json=WITH_REMEDIES).json()["id"]
    site.api("POST", f"/v1/measures/{measure_id}/submit", "official")
    assessment_id = site.api("POST", f"/v1/measures/{measure_id}/assessments", "official").json()["id"]
    strict = signed_in(strict_context, site, "reviewer")
    errors = errors_of(strict)
    strict.goto(f"{site.base_url}/assessments/{assessment_id}")
    strict.wait_for_function("() => window.htmx !== undefined")
    strict.evaluate(f"{MARKER} = 1")
    remedies = strict.get_by_role("region", name="Remedies: what would change the outcome")

    remedies.get_by_role("button", name="Try it (remedy 1)").click()
    first = remedies.locator("#tried-1")
    expect(first.get_by_role("region", name="The measure with the remedy")).to_contain_text('"validated_by": "judge"')
    expect(first.locator(".notice").first).to_be_focused()
    remedies.get_by_role("button", name="Try it (remedy 2)").click()
    expect(remedies.locator("#tried-2")).to_contain_text("Nothing was stored")
    expect(first).to_be_empty()
    assert strict.evaluate(MARKER) == 1, "trying a remedy reloaded the whole page"
    assert errors == []

    page.goto(f"{site.base_url}/sign-in")  # the journeys' context, which may inject axe-core
    page.get_by_label("Access token").fill(site.tokens["reviewer"])
    page.get_by_role("button", name="Sign in").click()
    page.goto(f"{site.base_url}/assessments/{assessment_id}")
    page.get_by_role("button", name="Try it (remedy 1)").click()
    expect(page.locator("#tried-1")).to_contain_text("Nothing was stored")
    check_accessibility(page)
