"""``art52 assess FILE`` imports only what one JSON measure needs (its cold start; see BENCHMARKS.md).

What the server, the storage side, YAML input, progress bars or Markdown reports
need is imported when used. Each check runs a new interpreter, as a user at a
shell would; the second run reads the rulebook from the warm cache.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from art52.config import default_examples_dir

NOT_NEEDED = (
    "pydantic_settings",
    "typer",
    "click",
    "yaml",
    "sqlalchemy",
    "alembic",
    "fastapi",
    "uvicorn",
    "jinja2",
    "rich",
    "weasyprint",
)

PROGRAM = """
import contextlib, io, json, sys
from art52.cli import main
with contextlib.redirect_stdout(io.StringIO()):
    code = main(["assess", "--engine", sys.argv[2], sys.argv[1]])
print(json.dumps({"code": code, "modules": sorted(sys.modules)}))
"""


def _assess_in_new_process(measure: Path, cache: Path, engine: str) -> tuple[int, set[str]]:
    """A user's shell: no ART52_ variable (so no settings reader), the cache in XDG_CACHE_HOME."""
    env = {k: v for k, v in os.environ.items() if not k.upper().startswith("ART52_")}
    env.update(XDG_CACHE_HOME=str(cache))
    done = subprocess.run(
        [sys.executable, "-c", PROGRAM, str(measure), engine], env=env, capture_output=True, text=True, check=True
    )
    report = json.loads(done.stdout.splitlines()[-1])
    return report["code"], set(report["modules"])


def _packages(modules: set[str]) -> set[str]:
    return {name.split(".")[0] for name in modules}


@pytest.mark.parametrize("engine", ["durable", "reference"])
def test_assessing_a_json_measure_leaves_the_rest_unimported(engine: str, tmp_path: Path) -> None:
    measure = default_examples_dir() / "ex04-ip-retention-online-crime.json"
    _assess_in_new_process(measure, tmp_path, engine)  # fills the cache

    code, modules = _assess_in_new_process(measure, tmp_path, engine)

    assert code in (0, 1, 2)  # a verdict, not a failure
    assert "pydantic" in modules  # the check sees the imports: the contract's models are needed
    assert sorted(_packages(modules).intersection(NOT_NEEDED)) == []


def test_the_reference_backend_needs_neither_durable_rules_nor_the_compiler(tmp_path: Path) -> None:
    measure = default_examples_dir() / "ex04-ip-retention-online-crime.json"
    _assess_in_new_process(measure, tmp_path, "reference")

    code, modules = _assess_in_new_process(measure, tmp_path, "reference")

    assert code in (0, 1, 2)
    assert "art52.engine.reference" in modules
    assert sorted(name for name in modules if name.startswith(("durable", "art52.engine.compiler"))) == []


def test_a_yaml_measure_still_reads(tmp_path: Path) -> None:
    source = default_examples_dir() / "ex04-ip-retention-online-crime.json"
    measure = tmp_path / "measure.yaml"
    measure.write_text(json.dumps(json.loads(source.read_text(encoding="utf-8"))), encoding="utf-8")  # JSON is YAML

    code, modules = _assess_in_new_process(measure, tmp_path / "cache", "reference")

    assert code in (0, 1, 2)
    assert "yaml" in _packages(modules)
