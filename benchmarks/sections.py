"""Each benchmark owns one section of BENCHMARKS.md, between its own begin and end markers."""

from __future__ import annotations

from pathlib import Path

BENCHMARKS_MD = Path(__file__).resolve().parents[1] / "BENCHMARKS.md"


def replace_section(section: str, begin: str, end: str) -> None:
    """Put ``section`` (markers included) in place of the one between ``begin`` and ``end``, else append it."""
    text = BENCHMARKS_MD.read_text(encoding="utf-8")
    if begin in text and end in text:
        head, rest = text.split(begin, 1)
        text = head + section + rest.split(end, 1)[1]
    else:
        text = text.rstrip("\n") + "\n\n" + section + "\n"
    BENCHMARKS_MD.write_text(text, encoding="utf-8")
    print(f"updated {BENCHMARKS_MD}")
