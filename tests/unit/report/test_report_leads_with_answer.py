"""Every example's report leads with the answer: verdict and reason first, satisfied findings last and folded."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from art52.config import default_examples_dir
from art52.domain.assessment import Assessment
from art52.domain.derived_facts import fact_catalogue
from art52.domain.principles import Effect, Outcome, Principle, Verdict
from art52.report.model import build_report, remedy_changes
from art52.report.render import html, markdown
from art52.report.wording import fact_value
from art52.services.assessments import Assessor

EXAMPLES = sorted(default_examples_dir().glob("*.json"))
VERDICT_WORDS = {
    Verdict.COMPLIANT: "Compliant",
    Verdict.COMPLIANT_WITH_CONDITIONS: "Compliant with conditions",
    Verdict.NON_COMPLIANT: "Not compliant",
    Verdict.INSUFFICIENT_INFORMATION: "Insufficient information",
}


class Outline(HTMLParser):
    """The section ids in document order, the text of each, links, and what sits inside <details>."""

    def __init__(self) -> None:
        super().__init__()
        self.sections: list[str] = []
        self.text: dict[str, str] = {}
        self.links: list[str] = []
        self.folded_findings: list[str] = []
        self._details = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "section" and found.get("id"):
            self.sections.append(str(found["id"]))
            self.text[self.sections[-1]] = ""
        if tag == "details":
            self._details += 1
        if tag == "a" and found.get("href"):
            self.links.append(str(found["href"]))
        if tag == "div" and self._details and str(found.get("id", "")).startswith("finding-"):
            self.folded_findings.append(str(found["id"]).removeprefix("finding-"))

    def handle_endtag(self, tag: str) -> None:
        if tag == "details":
            self._details -= 1

    def handle_data(self, data: str) -> None:
        if self.sections:
            self.text[self.sections[-1]] += data


def outline(page: str) -> Outline:
    parser = Outline()
    parser.feed(page)
    return parser


@pytest.fixture(scope="module", params=[p.name for p in EXAMPLES])
def assessed(request: pytest.FixtureRequest, reference_assessor: Assessor) -> Assessment:
    document = json.loads((default_examples_dir() / request.param).read_text())
    return reference_assessor.assess(document)


def test_the_answer_comes_first_and_the_satisfied_findings_last(assessed: Assessment) -> None:
    page = outline(html(build_report(assessed)))
    assert page.sections[0] == "answer"
    assert page.text["answer"].strip().startswith(VERDICT_WORDS[assessed.verdict])
    order = [s for s in ("decisive", "changes", "questions", "conditions", "principles", "satisfied") if s in page.text]
    assert [s for s in page.sections if s in order] == order
    satisfied = sorted(f.rule_id for f in assessed.findings if f.effect is Effect.SATISFIED)
    assert sorted(page.folded_findings) == satisfied


def test_the_reason_names_the_decisive_rules(assessed: Assessment) -> None:
    report = build_report(assessed)
    if assessed.verdict is Verdict.NON_COMPLIANT:
        violations = {f.rule_id for f in assessed.findings if f.effect is Effect.VIOLATION and f.basis != "method"}
        assert violations <= {f.rule_id for f in report.decisive}
        assert all(rule in report.reason for rule in violations)
    if assessed.verdict is Verdict.COMPLIANT:
        assert report.decisive == ()


def test_questions_keep_the_assessments_ranking(assessed: Assessment) -> None:
    report = build_report(assessed)
    assert [q.path for q in report.questions] == [m.path for m in assessed.missing_facts]


def test_no_principle_reads_as_bare_not_applicable(assessed: Assessment) -> None:
    text = markdown(build_report(assessed))
    assert "not applicable" not in text.lower()
    for principle, result in assessed.principles.items():
        if result.outcome is Outcome.NOT_APPLICABLE and not result.findings:
            assert f"### {principle.value.capitalize()}: not examined by any rule" in text


def test_fact_values_read_as_words_not_python_literals(assessed: Assessment) -> None:
    text = markdown(build_report(assessed))
    facts = [line for line in text.splitlines() if "Facts relied on:" in line]
    assert facts or not any(f.facts for f in assessed.findings)
    for line in facts:
        assert not re.search(r"= (True|False|None)\b|\['|\(\'", line), line


def test_citations_link_to_their_sources(assessed: Assessment) -> None:
    page = outline(html(build_report(assessed)))
    urls = {c.url for f in assessed.findings for c in (*f.sources, *f.later_confirmation) if c.url}
    assert urls == set(page.links) - {link for link in page.links if link.startswith("#")}


def test_derived_facts_are_marked_as_derived(assessed: Assessment) -> None:
    text = markdown(build_report(assessed))
    for finding in assessed.findings:
        for fact in finding.facts:
            if fact.known and fact.path in assessed.derived_facts:
                assert f"{fact.path} = " in text
                assert re.search(re.escape(fact.path) + r" = [^,;]*\(derived by art52\)", text), fact.path


def test_a_breach_of_the_essence_offers_no_safeguard_as_a_remedy(reference_assessor: Assessor) -> None:
    document = json.loads((default_examples_dir() / "ex09-client-side-scanning.json").read_text())
    assessed = reference_assessor.assess(document)
    assert assessed.principles[Principle.ESSENCE].outcome is Outcome.NOT_SATISFIED
    assert assessed.conditions, "the engine still lists safeguards: the report must not offer them"
    page = html(build_report(assessed))
    parsed = outline(page)
    assert "conditions" not in parsed.sections
    assert "no safeguard or condition can save the measure" in parsed.text["changes"].lower()
    assert "Conditions to impose" not in markdown(build_report(assessed))


def _example(name: str) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((default_examples_dir() / name).read_text())
    return loaded


def test_user_text_is_escaped_in_html(reference_assessor: Assessor) -> None:
    document = {**_example("ex13-dna-database-not-convicted.json"), "title": "<script>alert(1)</script> & co"}
    page = html(build_report(reference_assessor.assess(document)))
    assert "<script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co" in page


def test_examples_are_all_covered() -> None:
    assert len(EXAMPLES) >= 15
    assert all(isinstance(p, Path) for p in EXAMPLES)


def test_the_json_summary_carries_the_lead_of_the_report(assessed: Assessment) -> None:
    from art52.report.summary import summary_json

    lead = json.loads(summary_json(build_report(assessed)))
    assert lead["verdict"] == assessed.verdict.value
    assert [q["path"] for q in lead["questions"]] == [m.path for m in assessed.missing_facts]
    assert [p["principle"] for p in lead["principles"]] == [p.value for p in assessed.principles]
    violations = {f.rule_id for f in assessed.findings if f.effect is Effect.VIOLATION and f.basis != "method"}
    if assessed.verdict is Verdict.NON_COMPLIANT:
        assert violations <= {d["rule_id"] for d in lead["decisive"]}
    essence = assessed.principles[Principle.ESSENCE].outcome is Outcome.NOT_SATISFIED
    assert lead["essence_breached"] is essence
    if essence:
        assert lead["conditions"] == []
        assert lead["what_would_change_it"] == []


def test_each_remedy_the_report_lists_can_be_tried_with_the_values_it_shows(assessed: Assessment) -> None:
    report = build_report(assessed)
    remedies = remedy_changes(assessed)
    assert len(remedies) == len(report.changes)
    for pairs, shown in zip(remedies, report.changes, strict=True):
        assert [path for path, _value in pairs] == [fact.path for fact in shown.changes]
        fields = fact_catalogue()
        assert [fact_value(value, fields.get(path)) for path, value in pairs] == [fact.value for fact in shown.changes]
