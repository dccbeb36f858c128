"""Every CLI failure exits 64 or above with one clear line on stderr, never a traceback (unless --debug)."""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest
from rulebook_fixtures import add_law_tables

from art52.cli import EX_CONFIG, EX_DATAERR, EX_NOINPUT, EX_SOFTWARE, EX_USAGE, main

MEASURE = {
    "title": "Access for any offence",
    "jurisdiction": "DE",
    "actor_model": "provider_obligation",
    "measure_type": "access_to_retained_data",
    "objective": "crime_general",
    "data": {"categories": ["traffic"]},
}
YAML_MEASURE = (
    "title: Access for any offence\njurisdiction: DE\nactor_model: provider_obligation\n"
    "measure_type: access_to_retained_data\nobjective: crime_general\ndata:\n  categories: [traffic]\n"
)


@pytest.fixture(autouse=True)
def reference_engine(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ART52_ENGINE", "reference")


@pytest.fixture
def good(tmp_path: Path) -> Path:
    path = tmp_path / "good.json"
    path.write_text(json.dumps(MEASURE))
    return path


def fails(capsys: pytest.CaptureFixture[str], args: list[str], code: int, message: str) -> str:
    """Run, and check the exit code and that stderr is exactly one line holding ``message``."""
    assert main(args) == code
    err = capsys.readouterr().err
    assert err.count("\n") == 1, err
    assert err.startswith("art52: ")
    assert message in err
    assert "Traceback" not in err
    return err


def test_unknown_engine_option(capsys: pytest.CaptureFixture[str], good: Path) -> None:
    fails(capsys, ["assess", str(good), "--engine", "drools"], EX_USAGE, "--engine must be durable or reference")


def test_unknown_engine_in_the_environment(
    capsys: pytest.CaptureFixture[str], good: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ART52_ENGINE", "drools")
    fails(capsys, ["assess", str(good)], EX_CONFIG, "ART52_ENGINE must be durable or reference, not 'drools'")
    fails(capsys, ["rules", "list"], EX_CONFIG, "ART52_ENGINE must be durable or reference")


def test_invalid_as_of(capsys: pytest.CaptureFixture[str], good: Path) -> None:
    fails(capsys, ["assess", str(good), "--as-of", "2024-02-30"], EX_USAGE, "--as-of must be a date YYYY-MM-DD")


def test_invalid_on(capsys: pytest.CaptureFixture[str]) -> None:
    fails(capsys, ["rules", "list", "--on", "last week"], EX_USAGE, "--on must be a date YYYY-MM-DD, not 'last week'")


def test_missing_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    fails(capsys, ["assess", str(tmp_path / "absent.json")], EX_NOINPUT, "absent.json: no such file")


def test_directory_where_a_measure_file_was_expected(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "measure.json").mkdir()
    fails(capsys, ["assess", str(tmp_path / "measure.json")], EX_NOINPUT, "a directory without measure files")


def test_rules_option_naming_a_file(capsys: pytest.CaptureFixture[str], good: Path) -> None:
    fails(capsys, ["rules", "list", "--rules", str(good)], EX_CONFIG, "rules directory does not exist")


def test_invalid_json(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "m.json"
    path.write_text('{"title": "x",\n "data": }')
    fails(capsys, ["assess", str(path)], EX_DATAERR, "m.json: not valid JSON: Expecting value at line 2, column 10")


def test_invalid_yaml(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "m.yaml"
    path.write_text("title: x\ndata: [traffic\n")
    fails(capsys, ["assess", str(path)], EX_DATAERR, "m.yaml: invalid YAML at line 3")


def test_duplicate_key_in_a_json_measure(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "m.json"
    path.write_text('{"objective": "serious_crime",\n "objective": "crime_general"}')
    fails(capsys, ["assess", str(path)], EX_DATAERR, "m.json: duplicate key 'objective' at line 2")


def test_duplicate_key_in_a_yaml_measure(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "m.yaml"
    path.write_text(YAML_MEASURE + "objective: serious_crime\n")
    fails(capsys, ["assess", str(path)], EX_DATAERR, "duplicate key 'objective' at line 8 (first given at line 5)")


@pytest.mark.parametrize(
    ("name", "encoded"),
    [
        ("utf16.json", json.dumps(MEASURE).encode("utf-16")),
        ("utf16.yaml", YAML_MEASURE.encode("utf-16")),
        ("bom.json", codecs.BOM_UTF8 + json.dumps(MEASURE).encode()),
        ("bom.yaml", codecs.BOM_UTF8 + YAML_MEASURE.encode()),
    ],
)
def test_utf16_and_utf8_with_bom_are_accepted(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str, encoded: bytes
) -> None:
    path = tmp_path / name
    path.write_bytes(encoded)
    assert main(["assess", str(path), "--as-of", "2021-06-01"]) == 1
    assert json.loads(capsys.readouterr().out)["verdict"] == "non_compliant"


def test_another_encoding_is_named(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "latin1.yaml"
    path.write_bytes((YAML_MEASURE + "description: Überwachung\n").encode("cp1252"))
    fails(
        capsys, ["assess", str(path)], EX_DATAERR, "latin1.yaml: not valid UTF-8 text (byte 0xdc at line 8, column 14)"
    )


def test_unquoted_yaml_date_is_the_date_it_plainly_is(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "m.yaml"
    path.write_text(YAML_MEASURE + "assessment_date: 2021-06-01\n")
    assert main(["assess", str(path)]) == 1
    output = json.loads(capsys.readouterr().out)
    assert (output["as_of"], output["as_of_source"]) == ("2021-06-01", "assessment_date")


def test_measure_outside_the_contract(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "m.json"
    path.write_text(json.dumps({**MEASURE, "data": {"categories": ["telepathy"]}}))
    fails(capsys, ["assess", str(path)], EX_DATAERR, "not valid under the measure contract: /data/categories/0")


def test_rulebook_that_fails_to_load(capsys: pytest.CaptureFixture[str], tmp_path: Path, good: Path) -> None:
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "sources.yaml").write_text(
        "- id: s\n  short: S\n  title: S\n  authority: C\n  kind: judgment\n  date: 2000-01-01\n"
    )
    add_law_tables(rules)
    (rules / "broken.yaml").write_text("- id: TST-001\n  version: 1\n  version: 2\n")
    fails(capsys, ["assess", str(good), "--rules", str(rules)], EX_CONFIG, "broken.yaml:3 [TST-001]: duplicate key")


def test_usage_error_is_one_line(capsys: pytest.CaptureFixture[str], good: Path) -> None:
    fails(capsys, ["assess", str(good), "--colour"], EX_USAGE, "No such option: --colour")
    fails(capsys, ["assess"], EX_USAGE, "Missing argument")


def test_format_and_output_together_are_refused(capsys: pytest.CaptureFixture[str], good: Path) -> None:
    fails(capsys, ["assess", str(good), "--format", "md", "--output", "table"], EX_USAGE, "give only one of them")


def test_markdown_cannot_render_a_batch(capsys: pytest.CaptureFixture[str], good: Path) -> None:
    fails(
        capsys, ["assess", str(good), str(good), "--format", "md"], EX_USAGE, "--format md renders one measure, not 2"
    )


def test_internal_failure_is_one_line_and_debug_shows_the_traceback(
    capsys: pytest.CaptureFixture[str], good: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_: object, **__: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr("art52.services.assessments.Assessor.assess", broken)
    fails(capsys, ["assess", str(good)], EX_SOFTWARE, "internal error: RuntimeError: boom (run with --debug")
    assert main(["assess", str(good), "--debug"]) == EX_SOFTWARE
    err = capsys.readouterr().err
    assert "Traceback (most recent call last)" in err
    assert err.rstrip().endswith("internal error: RuntimeError: boom (run with --debug for the traceback)")


def test_a_closed_output_pipe_is_an_output_error_not_a_verdict(examples_dir: Path) -> None:
    import os
    import subprocess
    import sys

    env = {**os.environ, "ART52_ENGINE": "reference"}
    command = [sys.executable, "-m", "art52.cli", "assess", str(examples_dir)]
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env) as child:
        assert child.stdout is not None
        assert child.stderr is not None
        child.stdout.read(10)
        child.stdout.close()  # like `| head -c 10`: the reader goes away with most of the output unread
        err = child.stderr.read().decode()
        assert child.wait() == 74
    assert err == "art52: the output was closed before everything was written\n"


def test_rules_check_lists_every_issue_of_a_rulebook_that_fails_to_load(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "sources.yaml").write_text(
        "- id: s\n  short: S\n  title: S\n  authority: C\n  kind: judgment\n  date: 2000-01-01\n"
    )
    add_law_tables(rules)
    broken = "".join(f"- id: TST-00{n}\n  version: 1\n  version: 2\n" for n in range(1, 6))
    (rules / "broken.yaml").write_text(broken)
    assert main(["rules", "check", "--rules", str(rules)]) == EX_CONFIG
    lines = capsys.readouterr().err.splitlines()
    assert [line.split("[")[1].split("]")[0] for line in lines[:-1]] == [f"TST-00{n}" for n in range(1, 6)]
    assert lines[-1] == "art52: the rulebook is invalid (5 issues)"
