"""``art52 rules handbook``: the static site, and its failures with sysexits codes."""

from __future__ import annotations

from pathlib import Path

import pytest

from art52.cli import EX_DATAERR, EX_IOERR, EX_NOINPUT, EX_USAGE, main
from art52.config import default_rules_dir
from art52.rulebook.loader import load_rulebook


def test_the_handbook_is_written_in_html_and_markdown(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "handbook", "--out", str(tmp_path / "site"), "--date", "2026-12-03"]) == 0
    book = load_rulebook(default_rules_dir())
    names = {p.name for p in (tmp_path / "site").iterdir()}
    for rule_id in book.rule_ids():
        assert {f"rule-{rule_id}.html", f"rule-{rule_id}.md"} <= names
    assert {"index.html", "index.md", "provisional.html", "provisional.md"} <= names
    assert book.version in capsys.readouterr().out


def test_a_junit_run_marks_the_scenarios(tmp_path: Path) -> None:
    (tmp_path / "run.xml").write_text(
        '<testsuites><testsuite><testcase classname="tests.bdd.test_retention_access" '
        'name="test_matching_an_ip_address_to_a_subscriber_needs_no_prior_review"><failure/></testcase>'
        "</testsuite></testsuites>"
    )
    out = tmp_path / "site"
    assert main(["rules", "handbook", "--out", str(out), "--results", str(tmp_path / "run.xml")]) == 0
    page = (out / "rule-RET-008.md").read_text()
    assert "### Matching an IP address to a subscriber needs no prior review — failed" in page
    assert "### Linking that could reveal private life needs prior independent review — not in the test run" in page


@pytest.mark.parametrize(
    ("extra", "code", "message"),
    [
        (["--date", "3 December"], EX_USAGE, "--date must be a date"),
        (["--results", "missing.xml"], EX_NOINPUT, "no such results file"),
        (["--features", "no-features"], EX_NOINPUT, "no such features directory"),
        (["--results", "bad.xml"], EX_DATAERR, "not a readable JUnit XML file"),
    ],
)
def test_failures_print_one_line_and_a_sysexits_code(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    extra: list[str],
    code: int,
    message: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "bad.xml").write_text("<testsuites>")
    assert main(["rules", "handbook", "--out", "site", *extra]) == code
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert err[0].startswith("art52: ")
    assert message in err[0]


def test_an_output_folder_that_cannot_be_written_is_an_io_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "taken").write_text("a file, not a folder")
    assert main(["rules", "handbook", "--out", str(tmp_path / "taken")]) == EX_IOERR
    assert "cannot write the handbook" in capsys.readouterr().err
