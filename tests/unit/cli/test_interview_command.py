"""`art52 interview` with piped standard input: questions, invalid answers asked again, "not known", --save."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from art52.cli import main


@pytest.fixture(autouse=True)
def reference_engine(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ART52_ENGINE", "reference")


def _run(monkeypatch: pytest.MonkeyPatch, typed: str, *args: str) -> int:
    monkeypatch.setattr("sys.stdin", io.StringIO(typed))
    return main(["interview", *args])


def test_a_complete_measure_gives_its_verdict_at_the_end_of_input(
    examples_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    example = next(examples_dir.glob("ex09-*.json"))
    assert _run(monkeypatch, "", "--from", str(example)) == 1
    out = capsys.readouterr().out
    assert out.strip().endswith("Verdict: Not compliant")


def test_typed_answers_build_the_measure(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    saved = tmp_path / "measure.json"
    # A title, the type by its number (2: a preservation order), then an answer out of range (asked again),
    # the second option, and the end of input.
    code = _run(monkeypatch, "Quick freeze\n2\n99\n2\n", "--save", str(saved))
    out = capsys.readouterr().out
    assert code == 2
    assert "not a valid answer" in out
    assert out.count("Can you tell us who carries out the processing?") == 2
    assert json.loads(saved.read_text(encoding="utf-8")) == {
        "title": "Quick freeze",
        "measure_type": "expedited_preservation",
        "actor_model": "state_direct",
    }


def test_not_known_passes_each_question_until_none_is_left(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    start = tmp_path / "start.json"
    start.write_text(json.dumps({"title": "Quick freeze", "measure_type": "expedited_preservation"}), encoding="utf-8")
    code = _run(monkeypatch, "\n" * 200, "--from", str(start))
    out = capsys.readouterr().out
    assert code == 2
    asked = [line for line in out.splitlines() if line.startswith("[")]
    assert len(asked) == len(set(asked)) > 3
    assert "Verdict: Insufficient information" in out


def test_an_invalid_start_exits_65_with_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    start = tmp_path / "start.json"
    start.write_text(json.dumps({"title": "x", "measure_type": "telepathy"}), encoding="utf-8")
    assert _run(monkeypatch, "", "--from", str(start)) == 65
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "/measure_type" in err
