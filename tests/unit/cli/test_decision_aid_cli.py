"""`art52 assess --remedies` and `--format html|pdf`: the decision aid and the reports from the command line."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from art52.cli import main
from art52.cli.exits import EX_UNAVAILABLE, EX_USAGE


@pytest.fixture(autouse=True)
def reference_engine(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ART52_ENGINE", "reference")


def test_remedies_are_added_to_the_json_on_request(examples_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    measure = str(examples_dir / "ex13-dna-database-not-convicted.json")
    main(["assess", measure])
    plain = json.loads(capsys.readouterr().out)
    main(["assess", measure, "--remedies"])
    asked = json.loads(capsys.readouterr().out)
    assert "remedies" not in plain
    assert asked["remedies"]["sets"]
    assert {k: v for k, v in asked.items() if k not in ("remedies", "why_not")} == plain


def test_remedies_explain_one_measure_not_a_batch(examples_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    measure = str(examples_dir / "ex13-dna-database-not-convicted.json")
    assert main(["assess", measure, measure, "--remedies"]) == EX_USAGE
    assert "art52: --remedies explains one measure, not 2" in capsys.readouterr().err


def test_the_html_report(examples_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["assess", str(examples_dir / "ex13-dna-database-not-convicted.json"), "--format", "html"])
    page = capsys.readouterr().out
    assert page.startswith("<!DOCTYPE html>")
    assert '<section class="answer" id="answer">' in page


def test_the_pdf_report_is_written_as_bytes(examples_dir: Path, capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    code = main(["assess", str(examples_dir / "ex13-dna-database-not-convicted.json"), "--format", "pdf"])
    assert code == 1  # not compliant: the exit code is the verdict's, whatever the format
    assert capsysbinary.readouterr().out.startswith(b"%PDF-")


def _remedies_in_new_process(measure: Path, seed: str, cache: Path) -> bytes:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ART52_")}
    env.update(PYTHONHASHSEED=seed, ART52_ENGINE="durable", ART52_CACHE_DIR=str(cache))
    program = "import sys; from art52.cli import main; sys.exit(main(sys.argv[1:]))"
    done = subprocess.run(
        [sys.executable, "-c", program, "assess", str(measure), "--remedies", "--as-of", "2025-01-01"],
        env=env,
        capture_output=True,
        check=False,
    )
    assert done.returncode in (0, 1, 2), done.stderr
    return done.stdout


def test_remedies_are_byte_identical_across_processes(examples_dir: Path, tmp_path: Path) -> None:
    measure = examples_dir / "ex06-epoc-content-prosecutor-minor-offence.json"
    first = _remedies_in_new_process(measure, "1", tmp_path)
    second = _remedies_in_new_process(measure, "4242", tmp_path)
    assert b'"remedies"' in first
    assert first == second


def test_without_the_pdf_library_the_cli_says_so_in_one_line(
    examples_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "weasyprint", None)  # as on a machine without it: importing fails
    code = main(["assess", str(examples_dir / "ex13-dna-database-not-convicted.json"), "--format", "pdf"])
    assert code == EX_UNAVAILABLE
    (line,) = capsys.readouterr().err.splitlines()
    assert line.startswith("art52: PDF export needs WeasyPrint and Pango")
