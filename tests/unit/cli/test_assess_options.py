"""The two parsers of ``art52 assess``: argparse for a plain command line, typer for the rest.

Both are built from one table of options; these tests hold them to the same
reading of the command line and to the same results.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import typer.main

from art52.cli import main
from art52.cli.app import app
from art52.cli.assess_command import assess_command
from art52.cli.assess_options import OPTIONS, parameter_name, parse_assess


@pytest.fixture(autouse=True)
def reference_engine(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ART52_ENGINE", "reference")


def test_a_plain_command_line_is_read_without_typer() -> None:
    values = parse_assess(["assess", "a.json", "--format", "md", "b.yaml", "--jobs=3", "--remedies", "--rules", "r"])
    assert values == {
        "inputs": ["a.json", "b.yaml"],
        "as_of": None,
        "output_format": "md",
        "remedies": True,
        "output": None,
        "jobs": 3,
        "perspective": "issuing",
        "rules": Path("r"),
        "engine": None,
    }
    assert parse_assess(["--debug", "assess", "-"]) == {**parse_assess(["assess", "-"]), "inputs": ["-"]}  # type: ignore[dict-item]


@pytest.mark.parametrize(
    "args",
    [
        ["assess", "--help"],
        ["assess"],
        ["assess", "a.json", "--frob"],
        ["assess", "a.json", "--form", "md"],  # argparse would accept the abbreviation; click does not
        ["assess", "-1"],  # click reads an option here
        ["assess", "--", "a.json"],
        ["assess", "a.json", "--jobs", "0"],
        ["assess", "a.json", "--jobs", "two"],
        ["assess", "a.json", "--as-of"],
        ["assess", "a.json", "--as-of="],
        ["assess", ""],
        ["assess", "a.json", "--remedies=yes"],
        ["rules", "list"],
        ["schema", "assess"],
        [],
    ],
)
def test_anything_else_is_left_to_typer(args: list[str]) -> None:
    assert parse_assess(args) is None


def test_the_typer_command_has_the_options_of_the_table() -> None:
    assert assess_command in [c.callback for c in app.registered_commands]
    assess = typer.main.get_command(app).commands["assess"]  # type: ignore[attr-defined]
    options = {p.name: p for p in assess.params if p.param_type_name == "option" and p.name != "help"}
    assert list(options) == [parameter_name(o) for o in OPTIONS]
    for option in OPTIONS:
        param = options[parameter_name(option)]
        assert param.opts == [option.flag]
        assert param.default == option.default
        assert param.is_flag == (option.kind is bool)


@pytest.mark.parametrize(
    "args",
    [
        ["assess", "{ex04}"],
        ["assess", "{ex04}", "--format", "summary", "--as-of", "2021-06-01"],
        ["assess", "{ex04}", "--format", "md"],
        ["assess", "{ex04}", "--remedies"],
        ["assess", "{ex04}", "{ex01}", "--output", "table"],
        ["assess", "{ex04}", "{ex01}"],
        ["assess", "{ex04}", "--format", "docx"],
        ["assess", "{ex04}", "--engine", "drools"],
        ["assess", "/nonexistent.json"],
    ],
)
def test_both_parsers_give_the_same_result(
    args: list[str], examples_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    ex04 = examples_dir / "ex04-ip-retention-online-crime.json"
    ex01 = examples_dir / "ex01-quick-freeze-serious-crime.json"
    filled = [a.format(ex04=ex04, ex01=ex01) for a in args]
    assert parse_assess(filled) is not None  # the fast path reads it

    fast = main(filled), capsys.readouterr()
    monkeypatch.setattr("art52.cli.assess_options.parse_assess", lambda _args: None)  # typer reads it
    slow = main(filled), capsys.readouterr()

    assert fast == slow
