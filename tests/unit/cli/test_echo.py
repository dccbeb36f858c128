"""``echo`` writes what ``typer.echo`` writes, without importing typer for plain text."""

from __future__ import annotations

import pytest
import typer

from art52.cli.echo import echo


@pytest.mark.parametrize("text", ["", "plain", "Überwachung — ß", '{"a": 1}\n', "\x1b[31mred\x1b[0m escape"])
@pytest.mark.parametrize("nl", [True, False])
@pytest.mark.parametrize("err", [False, True])
def test_the_same_text_as_typer(text: str, nl: bool, err: bool, capsys: pytest.CaptureFixture[str]) -> None:
    typer.echo(text, nl=nl, err=err)
    expected = capsys.readouterr()

    echo(text, nl=nl, err=err)

    assert capsys.readouterr() == expected
    assert (expected.err if err else expected.out).startswith(text.replace("\x1b[31m", "")[:3])
