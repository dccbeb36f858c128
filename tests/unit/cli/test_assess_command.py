"""`art52 assess`: exit codes encode the verdict; input errors use 64+ with a clear message."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from art52.cli import main

EXPECTED_EXIT = {"compliant": 0, "compliant_with_conditions": 1, "non_compliant": 1, "insufficient_information": 2}


@pytest.fixture(autouse=True)
def reference_engine(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ART52_ENGINE", "reference")


def test_assess_every_example_as_json(examples_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for path in sorted(examples_dir.glob("*.json")):
        code = main(["assess", str(path)])
        output = json.loads(capsys.readouterr().out)
        assert code == EXPECTED_EXIT[output["verdict"]], path.name


def test_markdown_report(examples_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["assess", str(examples_dir / "ex04-ip-retention-online-crime.json"), "--format", "md"])
    report = capsys.readouterr().out
    assert report.startswith("# Assessment: ")
    assert "## Verdict: " in report
    assert "RET-007" in report
    assert "LQDN II" in report


def test_yaml_input_and_as_of(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    measure = tmp_path / "m.yaml"
    measure.write_text(
        "title: Access for any offence\njurisdiction: DE\nactor_model: provider_obligation\n"
        "measure_type: access_to_retained_data\nobjective: crime_general\ndata:\n  categories: [traffic]\n"
    )
    assert main(["assess", str(measure), "--as-of", "2021-06-01"]) == 1
    output = json.loads(capsys.readouterr().out)
    assert output["as_of"] == "2021-06-01"
    assert output["verdict"] == "non_compliant"


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["assess", "/nonexistent.json"], 66, "no such file"),
        (["assess", "{file}", "--format", "docx"], 64, "--format must be json, summary, md, html or pdf"),
        (["assess", "{file}", "--as-of", "yesterday"], 64, "--as-of must be a date"),
        (["assess"], 64, "Missing argument"),
        (["frobnicate"], 64, "No such command"),
        (["assess", "{bad}"], 65, "/data/categories"),
        (["assess", "{garbled}"], 65, "not valid JSON"),
        (["assess", "{file}", "--rules", "/nonexistent"], 78, "rules directory does not exist"),
        (["rules", "show", "NOPE-001"], 66, "no rule with id NOPE-001"),
    ],
)
def test_usage_and_input_errors(
    tmp_path: Path,
    examples_dir: Path,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    code: int,
    message: str,
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"title": "x", "data": {"categories": ["telepathy"]}}))
    garbled = tmp_path / "garbled.json"
    garbled.write_text("{not json")
    good = examples_dir / "ex01-quick-freeze-serious-crime.json"
    filled = [a.format(file=good, bad=bad, garbled=garbled) for a in args]
    assert main(filled) == code
    assert message in capsys.readouterr().err


def test_rules_list_show_and_check(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "list", "--on", "2024-04-30"]) == 0
    listing = capsys.readouterr().out
    assert "RET-007\tv2" in listing
    assert "RET-007\tv1" not in listing
    assert main(["rules", "show", "RET-011"]) == 0
    shown = capsys.readouterr().out
    assert "Prokuratuur" in shown
    assert "defined at:" in shown
    assert "basis: case_law" in shown
    assert main(["rules", "show", "NEC-003"]) == 0
    assert "basis: method" in capsys.readouterr().out
    assert main(["rules", "check"]) == 0
    assert capsys.readouterr().out.startswith("OK: ")


def test_schema_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", "assessment"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert {"verdict", "verdict_range", "recommendations"} <= set(schema["properties"])
    assert schema["$id"].endswith(":1.1")
    assert main(["schema", "nothing"]) == 64
