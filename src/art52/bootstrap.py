"""Composition root: the one place that wires concrete classes together."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from art52.config import Settings
from art52.engine.backend import Backend
from art52.rulebook.catalog import Rulebook
from art52.rulebook.loader import load_rulebook
from art52.services.assessments import Assessor


def make_backend(name: str) -> Backend:
    """The engine backend called ``name`` (durable is the default)."""
    if name == "reference":
        from art52.engine.reference import ReferenceBackend

        return ReferenceBackend()
    if name == "durable":
        from art52.engine.durable import shared_durable_backend

        return shared_durable_backend()
    raise ValueError(f"unknown engine backend '{name}' (use durable or reference)")


@cache
def _cached_rulebook(directory: Path, _stamp: tuple[tuple[str, float], ...]) -> Rulebook:
    return load_rulebook(directory)


def rulebook_from(directory: Path) -> Rulebook:
    """Load (and cache until a file changes) the rulebook in ``directory``."""
    stamp = tuple(sorted((p.name, p.stat().st_mtime) for p in directory.glob("*.yaml"))) if directory.is_dir() else ()
    return _cached_rulebook(directory.resolve(), stamp)


def build_assessor(settings: Settings | None = None) -> Assessor:
    """An assessor wired from settings (environment by default)."""
    settings = settings or Settings()
    return Assessor(rulebook_from(settings.rules_dir), make_backend(settings.engine))
