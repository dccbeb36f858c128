"""Helpers for tests that write a rulebook of their own into a temporary directory.

A rulebook needs its dated tables of law (rules/law/) and the sources they cite;
these helpers copy the shipped ones beside the test's own rules and sources.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import yaml

SHIPPED_RULES = Path(os.environ.get("ART52_RULES_DIR", Path(__file__).resolve().parents[1] / "rules"))


def add_law_tables(directory: Path) -> Path:
    """Copy the shipped law tables into ``directory`` and register the sources they cite."""
    shutil.copytree(SHIPPED_RULES / "law", directory / "law", dirs_exist_ok=True)
    cited = set()
    for table in sorted((directory / "law").glob("*.yaml")):
        data = yaml.safe_load(table.read_text(encoding="utf-8"))
        cited |= {c["ref"] for c in data["sources"]}
        cited |= {e["source"] for e in data["entries"] if isinstance(e, dict) and "source" in e}
    shipped = yaml.safe_load((SHIPPED_RULES / "sources.yaml").read_text(encoding="utf-8"))
    register = directory / "sources.yaml"
    try:
        existing = yaml.safe_load(register.read_text(encoding="utf-8")) if register.exists() else []
    except yaml.YAMLError:
        existing = []
    known = {s.get("id") for s in existing if isinstance(s, dict)} if isinstance(existing, list) else set()
    extra = [s for s in shipped if s["id"] in cited and s["id"] not in known]
    if extra:
        text = register.read_text(encoding="utf-8") if register.exists() else ""
        addition = yaml.safe_dump(extra, sort_keys=False, allow_unicode=True)
        register.write_text(text.rstrip("\n") + "\n" + addition if text.strip() else addition, encoding="utf-8")
    return directory
