"""Same measures + same rulebook = the same bytes, in processes whose string hashing differs.

A determinism check inside one process cannot see an order that depends on
Python's hash seed (set iteration, say): two new interpreters with different
PYTHONHASHSEED can. Each starts from an empty cache, so the rulebook snapshot and
the rulesets compiled for durable-rules are built afresh, and they are compared
too: a cache entry written by one process is read by the next.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

SEEDS = ("1", "4242")


def _assess_every_example(examples_dir: Path, seed: str, cache: Path, engine: str) -> bytes:
    env = {k: v for k, v in os.environ.items() if not k.upper().startswith("ART52_")}
    env.update(PYTHONHASHSEED=seed, ART52_ENGINE=engine, ART52_CACHE_DIR=str(cache))
    done = subprocess.run(
        [sys.executable, "-m", "art52.cli", "assess", "--output", "jsonl", str(examples_dir)],
        env=env,
        capture_output=True,
        timeout=300,
        check=False,
    )
    assert done.returncode in (0, 1, 2), done.stderr.decode()
    return done.stdout


def _entries(cache: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(cache.glob("*.json"))}


@pytest.mark.parametrize("engine", ["durable", "reference"])
def test_assessments_and_cache_entries_do_not_depend_on_the_hash_seed(
    engine: str, examples_dir: Path, tmp_path: Path
) -> None:
    outputs = {seed: _assess_every_example(examples_dir, seed, tmp_path / seed, engine) for seed in SEEDS}
    first, second = (outputs[seed] for seed in SEEDS)
    assert first.count(b"\n") == len(list(examples_dir.glob("*.json")))  # one line per example measure
    assert first == second
    entries = {seed: _entries(tmp_path / seed) for seed in SEEDS}
    assert any(name.startswith("rulebook-") for name in entries[SEEDS[0]])
    if engine == "durable":
        assert any(name.startswith("compiled-") for name in entries[SEEDS[0]])
    assert entries[SEEDS[0]] == entries[SEEDS[1]]
