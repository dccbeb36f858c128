"""The console script's process: a short command runs without the collector and ends without teardown."""

from __future__ import annotations

import io
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from art52.cli import main
from art52.cli.exits import EX_IOERR
from art52.cli.process import _flush


def _script(body: str) -> subprocess.CompletedProcess[str]:
    """Run ``body`` as the ``main`` of run_short in a fresh interpreter, with an atexit handler as witness."""
    program = textwrap.dedent(
        """
        import atexit, gc
        from art52.cli.process import long_lived, run_short

        atexit.register(lambda: print("[teardown]", end=""))

        def main():
        {body}

        run_short(main)
        """
    ).format(body=textwrap.indent(textwrap.dedent(body), "    "))
    return subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, timeout=60, check=False)


def test_a_short_command_runs_without_the_collector_and_skips_the_teardown() -> None:
    done = _script(
        """
        print("collector", "on" if gc.isenabled() else "off", end="")  # left unflushed: run_short flushes it
        return 2
        """
    )
    assert (done.returncode, done.stdout, done.stderr) == (2, "collector off", "")


def test_a_long_lived_command_collects_again_and_ends_normally() -> None:
    done = _script(
        """
        long_lived()
        print("collector", "on" if gc.isenabled() else "off", end=" ")
        return 1
        """
    )
    assert (done.returncode, done.stdout, done.stderr) == (1, "collector on [teardown]", "")


def test_the_command_line_prints_and_exits_as_main_returns(
    examples_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["assess", "--engine", "reference", str(examples_dir / "ex07-epres-order-incomplete.json")]
    code = main(args)
    expected = capsys.readouterr().out
    done = subprocess.run(
        [sys.executable, "-m", "art52.cli", *args], capture_output=True, text=True, timeout=120, check=False
    )
    assert (done.returncode, done.stdout, done.stderr) == (code, expected, "")
    assert code == 2  # ex07 lacks facts: a verdict's exit code, not 0, passes through the fast exit


class _ClosedOutput(io.StringIO):
    def flush(self) -> None:
        raise BrokenPipeError("the reader went away")


def test_output_that_cannot_be_flushed_at_the_end_is_an_output_error(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdout", _ClosedOutput())
    assert _flush(0) == EX_IOERR
    assert _flush(78) == 78  # a failure already reported keeps its own code
    assert capsys.readouterr().err.count("art52: the output was closed before everything was written\n") == 2
