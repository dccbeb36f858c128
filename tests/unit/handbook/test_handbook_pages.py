"""The handbook of the shipped rulebook: every rule in words, with its sources and scenarios."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from contract_files import REPO
from markupsafe import escape

from art52.handbook.pages import Handbook, build_handbook
from art52.handbook.render import Renderer, static_links, write_site
from art52.handbook.vocabulary import default_vocabulary
from art52.rulebook.catalog import Rulebook
from art52.rulebook.conditions import paths
from art52.rulebook.loader import load_rulebook
from art52.rulebook.scenarios import parse_features

DAY = dt.date(2026, 12, 3)
BOOK: Rulebook = load_rulebook(REPO / "rules")
SUITE = parse_features(REPO / "features")


@pytest.fixture(scope="module")
def handbook() -> Handbook:
    return build_handbook(BOOK, SUITE, default_vocabulary(), DAY)


@pytest.fixture(scope="module")
def site(handbook: Handbook, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("handbook")
    write_site(handbook, out)
    return out


@pytest.mark.parametrize("rule_id", BOOK.rule_ids())
def test_every_rule_page_shows_conditions_in_words_sources_and_scenarios(site: Path, rule_id: str) -> None:
    page = (site / f"rule-{rule_id}.html").read_text()
    in_words = "".join(re.findall(r"<h3>Scope</h3>(.*?)<h3>Conclusion</h3>", page, flags=re.DOTALL))
    for rule in BOOK.versions(rule_id):
        for path in [p for p in paths(rule.condition) + paths(rule.scope) if "." in p or "_" in p]:
            assert not re.search(rf"\b{re.escape(path)}\b", in_words), f"{rule_id} shows the raw fact {path}"
        for citation in BOOK.citations(rule):
            assert f'href="source-{citation.source_id}.html"' in page
            if citation.url:
                assert f'href="{escape(citation.url)}"' in page
    assert re.search(r"<li>[a-z]", in_words), "the conditions are not in words"
    for scenario in SUITE.tagged(rule_id):
        assert str(escape(scenario.name)) in page
    assert SUITE.tagged(rule_id), f"{rule_id} has no scenario"


def test_a_rule_condition_is_written_from_the_labels(site: Path) -> None:
    page = (site / "rule-RET-008.md").read_text()
    assert "  - linking the data could reveal the person's private life\n" in page
    assert (
        "it is not the case that access is authorised beforehand by a court or an independent administrative body"
        in page
    )
    assert "**What would lift the finding:** access is authorised beforehand by a court." in page


def test_every_source_page_lists_the_rules_resting_on_it(site: Path) -> None:
    for source_id in BOOK.sources:
        page = (site / f"source-{source_id}.md").read_text()
        citing = {r.id for r in BOOK.rules if any(c.ref == source_id for c in r.spec.sources)}
        listed = set(re.findall(r"\[([A-Z]+-\d{3})\]\(rule-", page))
        assert listed == citing, source_id


def test_the_provisional_page_lists_exactly_the_provisional_rules(site: Path) -> None:
    page = (site / "provisional.html").read_text()
    listed = set(re.findall(r'href="rule-([A-Z]+-\d{3})\.html"', page))
    assert listed == {r.id for r in BOOK.rules if r.provisional}
    assert listed


def test_the_index_lists_every_rule_under_its_family_and_its_principle(site: Path) -> None:
    page = (site / "index.md").read_text()
    for rule_id in BOOK.rule_ids():
        assert page.count(f"[{rule_id}](rule-{rule_id}.md)") == 2


def test_every_page_states_the_rulebook_version_and_the_generation_date(site: Path) -> None:
    for page in site.iterdir():
        text = page.read_text()
        assert BOOK.version in text, page.name
        assert "generated on 2026-12-03" in text, page.name


def test_html_pages_are_self_contained(site: Path) -> None:
    for page in site.glob("*.html"):
        text = page.read_text()
        assert not re.search(r"<(link|script|img|iframe)\b", text), page.name
        assert "<style>" in text


def test_the_same_rulebook_gives_byte_identical_pages(handbook: Handbook, tmp_path: Path) -> None:
    again = build_handbook(BOOK, SUITE, default_vocabulary(), DAY)
    write_site(handbook, tmp_path / "one")
    write_site(again, tmp_path / "two")
    first = {p.name: p.read_bytes() for p in (tmp_path / "one").iterdir()}
    assert first == {p.name: p.read_bytes() for p in (tmp_path / "two").iterdir()}


def test_an_unknown_rule_or_source_has_no_page(handbook: Handbook) -> None:
    renderer = Renderer(handbook, static_links("html"), "html")
    assert renderer.rule("NOPE-001") is None
    assert renderer.source("no_such_source") is None
