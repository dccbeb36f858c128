"""`art52 diff`: two measures, or one on two legal dates; exit 0 when nothing changed, 1 when something did."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from art52.cli import main


@pytest.fixture(autouse=True)
def reference_engine(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ART52_ENGINE", "reference")


def _example(examples_dir: Path, prefix: str) -> Path:
    return next(examples_dir.glob(f"{prefix}-*.json"))


def test_the_same_file_twice_changes_nothing(examples_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = str(_example(examples_dir, "ex01"))
    assert main(["diff", path, path]) == 0
    assert capsys.readouterr().out.strip().endswith("nothing changed.")


def test_a_changed_fact_as_json_and_markdown(
    examples_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old = _example(examples_dir, "ex01")
    document = json.loads(old.read_text(encoding="utf-8"))
    document["access"]["limited_to_serious_crime"] = False
    new = tmp_path / "new.json"
    new.write_text(json.dumps(document), encoding="utf-8")
    assert main(["diff", str(old), str(new), "--format", "json"]) == 1
    body = json.loads(capsys.readouterr().out)
    assert body["changed"] is True
    assert body["verdict"]["old"] == "compliant"
    assert body["verdict"]["new"] != "compliant"
    assert "old_assessment" not in body
    assert main(["diff", str(old), str(new), "--format", "md"]) == 1
    text = capsys.readouterr().out
    assert text.startswith("# What changes")
    assert "Verdict: Compliant → " in text


def test_one_file_on_two_dates(examples_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = str(_example(examples_dir, "ex04"))
    assert main(["diff", path, "--as-of", "2012-01-01", "--as-of", "2025-06-01", "--format", "json"]) == 1
    body = json.loads(capsys.readouterr().out)
    assert (body["old"]["as_of"], body["new"]["as_of"]) == ("2012-01-01", "2025-06-01")


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--as-of", "2020-01-01"], "two --as-of dates"),
        (["--as-of", "2020-13-01", "--as-of", "2021-01-01"], "--as-of must be a date"),
        (["--format", "pdf", "--as-of", "2020-01-01", "--as-of", "2021-01-01"], "--format must be"),
    ],
)
def test_usage_errors_exit_64_with_one_line(
    examples_dir: Path, capsys: pytest.CaptureFixture[str], extra: list[str], message: str
) -> None:
    assert main(["diff", str(_example(examples_dir, "ex04")), *extra]) == 64
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert message in err


def test_an_invalid_measure_exits_65(examples_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps({"title": "x", "objective": "revenge"}), encoding="utf-8")
    assert main(["diff", str(_example(examples_dir, "ex01")), str(broken)]) == 65
    assert "/objective" in capsys.readouterr().err
