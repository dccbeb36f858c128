"""`art52 assess --perspective`: the enforcing side of a notified order, and bad values refused with 64."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from art52.cli import main

EXAMPLE = "ex16-epoc-journalist-notified-enforcing.json"


@pytest.fixture(autouse=True)
def reference_engine(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ART52_ENGINE", "reference")


def test_the_enforcing_side_gives_the_enforcing_outcome(examples_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["assess", str(examples_dir / EXAMPLE), "--perspective", "enforcing"])
    result = json.loads(capsys.readouterr().out)
    assert code == 1
    assert result["perspective"] == "enforcing"
    assert result["enforcing_outcome"]["decision"] == "ground_for_refusal"
    assert {f["rule_id"] for f in result["findings"]} == {f"EEVE-00{n}" for n in range(1, 8)}


def test_the_issuing_side_is_the_default(examples_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["assess", str(examples_dir / EXAMPLE)])
    default = capsys.readouterr().out
    main(["assess", str(examples_dir / EXAMPLE), "--perspective", "issuing"])
    assert capsys.readouterr().out == default
    assert "enforcing_outcome" not in json.loads(default)


def test_a_batch_takes_the_perspective(examples_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = str(examples_dir / EXAMPLE)
    main(["assess", path, path, "--perspective", "enforcing"])
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines() if line.startswith("{")]
    assessments = [line["assessment"] for line in lines if "assessment" in line]
    assert assessments, lines
    assert all(a["enforcing_outcome"]["decision"] == "ground_for_refusal" for a in assessments)


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--perspective", "executing"], "--perspective must be issuing or enforcing"),
        (["--perspective", "enforcing", "--remedies"], "--remedies searches changes for the issuing side only"),
    ],
)
def test_bad_perspectives_are_usage_errors(
    examples_dir: Path, capsys: pytest.CaptureFixture[str], arguments: list[str], message: str
) -> None:
    code = main(["assess", str(examples_dir / EXAMPLE), *arguments])
    err = capsys.readouterr().err
    assert code == 64
    assert message in err
    assert len(err.strip().splitlines()) == 1


@pytest.mark.parametrize(
    ("output", "lead"),
    [("md", "## Enforcing authority: "), ("html", '<p class="enforcing" id="enforcing">Enforcing authority: ')],
)
def test_the_report_leads_with_the_enforcing_outcome(
    examples_dir: Path, capsys: pytest.CaptureFixture[str], output: str, lead: str
) -> None:
    main(["assess", str(examples_dir / EXAMPLE), "--perspective", "enforcing", "--format", output])
    report = capsys.readouterr().out
    assert f"{lead}ground for refusal: immunities or privileges" in report
    main(["assess", str(examples_dir / EXAMPLE), "--format", output])
    assert "Enforcing authority" not in capsys.readouterr().out


def test_the_summary_leads_with_the_enforcing_outcome(examples_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["assess", str(examples_dir / EXAMPLE), "--perspective", "enforcing", "--format", "summary"])
    lead = json.loads(capsys.readouterr().out)
    assert lead["enforcing_outcome"]["decision"] == "ground_for_refusal"
    assert lead["enforcing_outcome"]["statement"].startswith("ground for refusal: immunities or privileges")
    assert "the verdict remains the Charter Art. 52(1) assessment" in lead["enforcing_outcome"]["note"]
    assert list(lead).index("enforcing_outcome") < list(lead).index("verdict")
    main(["assess", str(examples_dir / EXAMPLE), "--format", "summary"])
    assert "enforcing_outcome" not in json.loads(capsys.readouterr().out)


@pytest.mark.parametrize("output", ["md", "html"])
def test_the_report_says_the_verdict_stays_the_art_52_assessment(
    examples_dir: Path, capsys: pytest.CaptureFixture[str], output: str
) -> None:
    main(["assess", str(examples_dir / EXAMPLE), "--perspective", "enforcing", "--format", output])
    report = " ".join(capsys.readouterr().out.split())
    assert "The verdict below remains the Charter Art. 52(1) assessment of the measure." in report


def test_a_measure_that_is_no_production_order_is_outside_the_enforcing_rules(
    examples_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["assess", str(examples_dir / "ex01-quick-freeze-serious-crime.json"), "--perspective", "enforcing"])
    result = json.loads(capsys.readouterr().out)
    assert result["findings"] == []
    assert result["enforcing_outcome"]["decision"] == "not_applicable"
    assert result["enforcing_outcome"]["statement"].startswith("the enforcing rules do not apply to this measure")
    assert "no ground for refusal" not in result["enforcing_outcome"]["statement"]
