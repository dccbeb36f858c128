"""The journeys of officials and reviewers, in Chromium, with axe-core on every page."""

from __future__ import annotations

import json
import re
from typing import Any

from browser_support import Site, visit
from contract_files import EXAMPLES_DIR
from playwright.sync_api import Page, expect

MEASURE: dict[str, Any] = {
    "title": "Court-ordered quick freeze of traffic data",
    "jurisdiction": "NL",
    "assessment_date": "2025-06-01",
    "actor_model": "provider_obligation",
    "measure_type": "expedited_preservation",
    "objective": "serious_crime",
    "data": {"categories": ["traffic", "location"], "subjects_scope": "persons_linked_by_objective_evidence"},
}
WITH_REMEDIES: dict[str, Any] = json.loads(
    (EXAMPLES_DIR / "ex06-epoc-content-prosecutor-minor-offence.json").read_text()
)
"""A non-compliant measure whose assessment lists remedies to try."""
NOTIFIED: dict[str, Any] = json.loads((EXAMPLES_DIR / "ex16-epoc-journalist-notified-enforcing.json").read_text())
"""A production order notified to the enforcing authority: it has a review deadline."""
MAX_TABS = 400
QUESTIONS = 3
"""How many interview questions journey 1 answers at most before saving the draft."""


def tab_to(page: Page, selector: str) -> None:
    """Move the focus with the Tab key alone until it reaches ``selector``."""
    target = page.locator(selector)
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if target.evaluate("element => element === document.activeElement"):
            return
    raise AssertionError(f"{selector} cannot be reached with the keyboard")


def sign_in(page: Page, site: Site, who: str) -> None:
    page.goto(f"{site.base_url}/sign-in")
    page.get_by_label("Access token").fill(site.tokens[who])
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name="Dashboard")).to_be_visible()


def measure_in_review(site: Site, title: str, reviewer: str) -> str:
    """A measure created and submitted by the official, assessed, and taken for review by ``reviewer``."""
    measure_id: str = site.api("POST", "/v1/measures", "official", json={**MEASURE, "title": title}).json()["id"]
    site.api("POST", f"/v1/measures/{measure_id}/submit", "official")
    site.api("POST", f"/v1/measures/{measure_id}/assessments", "official")
    site.api("POST", f"/v1/measures/{measure_id}/review", reviewer)
    return measure_id


def answer_with_the_keyboard(page: Page) -> None:
    """Answer the question asked now: the first choice offered, or "Not known" for a value to type."""
    first_choice = page.locator("#answer-0")
    if first_choice.count():
        tab_to(page, "#answer-0")
        page.keyboard.press("Space")  # selects a radio button, ticks a checkbox
        tab_to(page, "#answer-submit")
    else:
        tab_to(page, "#answer-not-known-submit")
    page.keyboard.press("Enter")


def test_an_official_signs_in_answers_the_interview_and_submits_the_measure_with_the_keyboard_alone(
    page: Page, site: Site
) -> None:
    page.goto(f"{site.base_url}/")
    expect(page).to_have_url(re.compile(r"/sign-in"))
    visit(page, "sign-in")
    tab_to(page, "#token")
    page.keyboard.type(site.tokens["official"])
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Dashboard")).to_be_visible()
    visit(page, "dashboard")

    tab_to(page, "nav a[href='/measures/new']")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="New measure")).to_be_visible()
    visit(page, "new-measure")
    tab_to(page, "#interview-title")
    page.keyboard.type("Interviewed quick freeze")
    tab_to(page, "#interview-type")
    options = page.locator("#interview-type option").evaluate_all("options => options.map(o => o.value)")
    for _ in range(options.index("expedited_preservation")):
        page.keyboard.press("ArrowDown")
    tab_to(page, "button:text('Start the interview')")
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", name="Interview: Interviewed quick freeze")).to_be_visible()
    expect(page.get_by_role("heading", name="Question 1")).to_be_visible()
    expect(page.get_by_role("region", name="Where the verdict stands")).to_contain_text("could make it anything from")
    visit(page, "interview")
    for number in range(2, QUESTIONS + 2):
        answer_with_the_keyboard(page)
        expect(page.get_by_role("heading", name=re.compile(f"Question {number}|No more questions"))).to_be_visible()
        if page.get_by_role("heading", name="No more questions").count():
            break
    expect(page.get_by_role("region", name="Answers so far").locator("li")).to_have_count(number - 1)
    visit(page, "interview-answered")
    tab_to(page, "#save-draft")
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", name="Interviewed quick freeze")).to_be_visible()
    expect(page.locator("main")).to_contain_text("draft")
    visit(page, "measure-draft")
    tab_to(page, "button:text('Submit for review')")
    page.keyboard.press("Enter")
    expect(page.locator("main p").first).to_contain_text("submitted")
    expect(page.locator("main")).to_contain_text("expedited_preservation")


def test_a_reviewer_opens_the_assessment_tries_a_remedy_and_approves_with_a_condition(page: Page, site: Site) -> None:
    measure_id = site.api("POST", "/v1/measures", "official", json=WITH_REMEDIES).json()["id"]
    site.api("POST", f"/v1/measures/{measure_id}/submit", "official")
    site.api("POST", f"/v1/measures/{measure_id}/assessments", "official")
    sign_in(page, site, "reviewer")
    awaiting = page.get_by_role("region", name="Awaiting my review")
    awaiting.get_by_role("link", name=WITH_REMEDIES["title"]).first.click()
    page.get_by_role("button", name="Take for review").click()
    expect(page.get_by_role("button", name="Record the decision")).to_be_visible()
    visit(page, "measure-in-review")

    page.get_by_role("region", name="Assessments").get_by_role("link").first.click()
    expect(page.get_by_role("heading", name="Verdict")).to_be_visible()
    remedies = page.get_by_role("region", name="Remedies: what would change the outcome")
    expect(remedies).to_contain_text("validated_by")
    visit(page, "assessment")
    remedies.get_by_role("button", name="Try it (remedy 1)").click()

    tried = remedies.locator("#tried-1")  # shown in place under the remedy
    expect(tried.get_by_role("region", name="Principles moved")).to_contain_text("Legality: not satisfied → satisfied")
    expect(tried.get_by_role("region", name="The measure with the remedy")).to_contain_text('"validated_by": "judge"')
    expect(tried).to_contain_text("Nothing was stored")
    visit(page, "what-if")
    page.get_by_role("link", name="Back to the measure").click()

    page.get_by_label("approve").check()
    page.get_by_label("Reason (required)").fill("Proportionate once a judge validates each order, as tried.")
    page.get_by_label("Conditions of an approval").fill("A judge validates every production order")
    page.get_by_role("button", name="Record the decision").click()
    decisions = page.get_by_role("region", name="Decisions")
    expect(decisions).to_contain_text("approve by Bob Reviewer")
    expect(decisions).to_contain_text("A judge validates every production order")
    expect(page.locator("main p").first).to_contain_text("approved")
    visit(page, "measure-decided")
    page.get_by_role("link", name="Dashboard").click()
    expect(page.get_by_role("region", name="Measures of ministry")).to_contain_text("approved")
    visit(page, "dashboard-reviewer")


def test_a_reviewer_of_the_enforcing_authority_refuses_a_notified_order_on_a_ground(page: Page, site: Site) -> None:
    measure_id = site.api("POST", "/v1/measures", "official", json=NOTIFIED).json()["id"]
    site.api("POST", f"/v1/measures/{measure_id}/submit", "official")
    site.api("POST", f"/v1/measures/{measure_id}/assessments", "official", json={"perspective": "enforcing"})
    sign_in(page, site, "reviewer")
    awaiting = page.get_by_role("region", name="Awaiting my review")
    expect(awaiting.locator('time[datetime="2026-09-11T09:00:00+00:00"]').first).to_have_text("2026-09-11 09:00 UTC")
    awaiting.get_by_role("link", name=NOTIFIED["title"]).first.click()
    expect(page.locator("#deadline")).to_contain_text("its review deadline is 2026-09-11 09:00 UTC")
    page.get_by_role("button", name="Take for review").click()
    expect(page.get_by_role("group", name="Decision of the enforcing authority on the notified order")).to_be_visible()

    page.get_by_role("region", name="Assessments").get_by_role("link").first.click()
    expect(page.locator("#perspective")).to_contain_text("the enforcing authority's duties")
    outcome = page.get_by_role("region", name="Enforcing authority")
    expect(outcome).to_contain_text("Ground for refusal: immunities or privileges")
    expect(outcome).to_contain_text("consult the issuing authority")
    visit(page, "assessment-enforcing")
    page.get_by_role("link", name="Back to the measure").click()

    page.locator("#decision-refuse").check()
    page.get_by_label("Reason (required)").fill("The order would disclose a journalist's sources.")
    page.get_by_role("button", name="Record the decision").click()
    expect(page.locator("#decide-ground-error")).to_contain_text("a refusal names its ground")
    expect(page.locator("#ground")).to_have_attribute("aria-invalid", "true")
    expect(page.get_by_role("region", name="Decisions")).to_contain_text("No decision yet.")
    visit(page, "measure-enforcing-error")
    page.get_by_label("Ground for refusal").select_option("press_freedom")
    page.get_by_role("button", name="Record the decision").click()
    expect(page.get_by_role("region", name="Decisions")).to_contain_text(
        "refuse on the ground of press freedom by Bob Reviewer"
    )
    expect(page.locator("main p").first).to_contain_text("rejected")
    visit(page, "measure-enforcing-refused")


def test_whoever_submitted_a_measure_cannot_approve_it(page: Page, site: Site) -> None:
    measure_in_review(site, "Four-eyes case", "official_as_reviewer")
    sign_in(page, site, "official_as_reviewer")
    page.get_by_role("link", name="Four-eyes case").first.click()
    page.get_by_label("approve").check()
    page.get_by_label("Reason (required)").fill("Looks fine to me.")
    page.get_by_role("button", name="Record the decision").click()
    expect(page.get_by_role("alert")).to_contain_text("four-eyes rule")
    expect(page.get_by_role("alert")).to_contain_text("another reviewer must decide")
    expect(page.locator("main p").first).to_contain_text("in review")
    visit(page, "four-eyes-refusal")


def test_another_organisations_measure_is_invisible(page: Page, site: Site) -> None:
    measure_id = site.api("POST", "/v1/measures", "official", json={**MEASURE, "title": "Ministry only"}).json()["id"]
    sign_in(page, site, "outsider")
    expect(page.locator("main")).not_to_contain_text("Ministry only")
    response = page.goto(f"{site.base_url}/measures/{measure_id}")
    assert response is not None
    assert response.status == 404
    expect(page.get_by_role("heading", name="Not found")).to_be_visible()
    expect(page.locator("body")).not_to_contain_text("Ministry only")
    visit(page, "not-found")


def test_sign_out_ends_the_session(page: Page, site: Site) -> None:
    sign_in(page, site, "official")
    cookies = page.context.cookies()
    session = next(c for c in cookies if c["name"] == "art52_session")
    assert session["httpOnly"]
    assert session["secure"]
    assert session["sameSite"] == "Strict"
    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("heading", name="Sign in")).to_be_visible()
    page.context.add_cookies([session])  # a copy of the old cookie opens nothing
    page.goto(f"{site.base_url}/events")
    expect(page).to_have_url(re.compile(r"/sign-in\?next=/events"))


def test_the_form_errors_history_events_and_rules_pages(page: Page, site: Site) -> None:
    measure_id = site.api("POST", "/v1/measures", "official", json={**MEASURE, "title": "Twice written"}).json()["id"]
    site.api(
        "PUT",
        f"/v1/measures/{measure_id}",
        "official",
        json={**MEASURE, "title": "Twice written", "jurisdiction": "BE"},
    )
    sign_in(page, site, "official")
    page.goto(f"{site.base_url}/measures/new")
    page.get_by_label("What the measure is titled").fill("A measure with an error")
    page.locator("#f-retention-period_days").fill("-5")
    page.get_by_role("button", name="Create the measure").click()
    expect(page.locator("#f-retention-period_days-error")).to_be_visible()
    expect(page.locator("#f-retention-period_days")).to_have_attribute("aria-invalid", "true")
    visit(page, "new-measure-errors")
    page.get_by_label("Title of the measure (required)").fill("An interview with an error")
    page.get_by_role("button", name="Start the interview").click()
    page.locator("#answer-form").evaluate("form => form.noValidate = true")  # as without a browser check
    page.get_by_role("button", name="Answer", exact=True).click()
    expect(page.locator("#answer-error")).to_contain_text("Choose or enter an answer")
    visit(page, "interview-error")

    page.goto(f"{site.base_url}/measures/{measure_id}")
    page.get_by_role("link", name="changes from version 1").click()
    expect(page.locator("pre.diff")).to_contain_text('"jurisdiction": "BE"')
    visit(page, "diff")
    page.get_by_role("link", name="Events").click()
    expect(page.get_by_role("heading", name="Events")).to_be_visible()
    visit(page, "events")
    page.get_by_role("link", name="Rules").click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    visit(page, "rules")
