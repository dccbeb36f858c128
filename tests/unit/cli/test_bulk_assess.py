"""Bulk ``art52 assess``: many inputs, JSON Lines and stdin, parallel workers, broken inputs skipped."""

from __future__ import annotations

import io
import json
import shutil
import sys
from pathlib import Path

import pytest

from art52.cli import EX_DATAERR, EX_NOINPUT, main
from art52.cli.batch import progress_wanted

EXPECTED_EXIT = {"compliant": 0, "compliant_with_conditions": 1, "non_compliant": 1, "insufficient_information": 2}


@pytest.fixture(autouse=True)
def reference_engine(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ART52_ENGINE", "reference")


def records(out: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in out.splitlines()]


def test_files_and_a_directory_in_input_order(
    examples_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "more"
    folder.mkdir()
    for name in ("ex08-targeted-device-access.json", "ex01-quick-freeze-serious-crime.json"):
        shutil.copy(examples_dir / name, folder / name)
    (folder / "notes.txt").write_text("not a measure")
    first = examples_dir / "ex09-client-side-scanning.json"
    code = main(["assess", str(first), str(folder)])
    found = records(capsys.readouterr().out)
    assert [r["source"] for r in found] == [
        str(first),
        str(folder / "ex01-quick-freeze-serious-crime.json"),
        str(folder / "ex08-targeted-device-access.json"),
    ]
    assessments = [r["assessment"] for r in found]
    assert [a["measure_id"] for a in assessments] == [  # type: ignore[index]
        "ex09-client-side-scanning",
        "ex01-quick-freeze-serious-crime",
        "ex08-targeted-device-access",
    ]
    assert code == max(EXPECTED_EXIT[a["verdict"]] for a in assessments)  # type: ignore[index]


def test_the_exit_code_is_that_of_the_worst_verdict(examples_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    compliant = examples_dir / "ex01-quick-freeze-serious-crime.json"
    incomplete = examples_dir / "ex07-epres-order-incomplete.json"
    assert main(["assess", str(compliant), str(compliant)]) == 0
    assert main(["assess", str(compliant), str(incomplete), str(compliant)]) == 2
    capsys.readouterr()


def test_json_lines_file_with_a_broken_line(
    examples_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    measure = json.loads((examples_dir / "ex01-quick-freeze-serious-crime.json").read_text())
    lines = tmp_path / "batch.jsonl"
    lines.write_text(json.dumps(measure) + "\n\n{broken\n" + json.dumps(measure) + "\n")
    assert main(["assess", str(lines)]) == EX_DATAERR
    out, err = capsys.readouterr()
    found = records(out)
    assert [r["source"] for r in found] == [f"{lines}:1", f"{lines}:3", f"{lines}:4"]
    assert found[0]["assessment"] == found[2]["assessment"]
    assert found[1]["error"] == {
        "code": 65,
        "message": f"{lines}:3: not valid JSON: Expecting property name enclosed in double quotes at column 2",
    }
    assert err == f"art52: {lines}:3: not valid JSON: Expecting property name enclosed in double quotes at column 2\n"


def test_a_broken_file_is_reported_and_skipped(
    examples_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('{"title": "x", "title": "y"}')
    good = examples_dir / "ex01-quick-freeze-serious-crime.json"
    missing = tmp_path / "missing.yaml"
    code = main(["assess", str(good), str(broken), str(missing), str(good), "--output", "table"])
    out, err = capsys.readouterr()
    assert code == EX_NOINPUT  # the highest code: 66 (missing) above 65 (broken) above every verdict
    rows = out.splitlines()
    assert rows[0].split()[:3] == ["SOURCE", "VERDICT", "QUESTIONS"]
    assert [row.split()[0] for row in rows[1:5]] == [str(good), str(broken), str(missing), str(good)]
    assert "error (65)" in rows[2]
    assert "duplicate key 'title' at line 1" in rows[2]
    assert "error (66)" in rows[3]
    assert "no such file" in rows[3]
    assert rows[-1] == "4 inputs: 2 compliant; 2 errors"
    assert err.splitlines() == [
        f"art52: {broken}: duplicate key 'title' at line 1",
        f"art52: {missing}: no such file",
    ]


def test_a_measure_outside_the_contract_is_reported_in_a_batch(
    examples_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("title: x\ndata:\n  categories: [telepathy]\n")
    good = examples_dir / "ex01-quick-freeze-serious-crime.json"
    assert main(["assess", str(bad), str(good)]) == EX_DATAERR
    found = records(capsys.readouterr().out)
    assert "/data/categories/0" in found[0]["error"]["message"]  # type: ignore[index]
    assert found[1]["assessment"]["verdict"] == "compliant"  # type: ignore[index]


def feed_stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))


def test_stdin_holding_one_json_document(
    examples_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = examples_dir / "ex01-quick-freeze-serious-crime.json"
    feed_stdin(monkeypatch, path.read_bytes())  # pretty-printed: one document over many lines
    assert main(["assess", "-"]) == 0
    from_stdin = capsys.readouterr().out
    main(["assess", str(path)])
    assert from_stdin == capsys.readouterr().out


def test_stdin_holding_json_lines(
    examples_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    first = json.loads((examples_dir / "ex01-quick-freeze-serious-crime.json").read_text())
    second = json.loads((examples_dir / "ex09-client-side-scanning.json").read_text())
    feed_stdin(monkeypatch, (json.dumps(first) + "\n" + json.dumps(second) + "\n").encode())
    assert main(["assess", "-", "--output", "jsonl"]) == 1
    found = records(capsys.readouterr().out)
    assert [r["source"] for r in found] == ["-:1", "-:2"]
    assert [r["assessment"]["measure_id"] for r in found] == [  # type: ignore[index]
        "ex01-quick-freeze-serious-crime",
        "ex09-client-side-scanning",
    ]


def test_parallel_workers_give_the_same_bytes_in_the_same_order(
    examples_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text("{")
    inputs = [str(examples_dir), str(broken), str(examples_dir / "ex04-ip-retention-online-crime.json")]
    serial_code = main(["assess", *inputs, "--jobs", "1"])
    serial = capsys.readouterr()
    parallel_code = main(["assess", *inputs, "--jobs", "3"])
    parallel = capsys.readouterr()
    assert serial_code == parallel_code == EX_DATAERR
    assert parallel.out == serial.out
    assert parallel.err == serial.err
    assert len(serial.out.splitlines()) == len(list(examples_dir.glob("*.json"))) + 2


def test_no_progress_bar_when_piped(
    examples_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    main(["assess", str(examples_dir), "--output", "table"])
    assert capsys.readouterr().err == ""  # stderr is not a terminal here: nothing but errors on it
    assert not progress_wanted(12)
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    assert progress_wanted(12)
    assert not progress_wanted(1)  # one measure needs no bar


def test_a_progress_bar_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    from art52.cli.batch import with_progress

    terminal = io.StringIO()
    monkeypatch.setattr(terminal, "isatty", lambda: True)
    monkeypatch.setattr(sys, "stderr", terminal)
    advance, close = with_progress(3)
    for _ in range(3):
        advance()
    close()
    assert "3/3" in terminal.getvalue()
