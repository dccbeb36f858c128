"""The package finds its data (rules, features, migrations, examples, contract) through importlib.resources.

In a checkout the folders under src/art52 link to the repository's top level, so the package reads
exactly the files the repository versions; an installed wheel carries copies (tests/packaging).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from contract_files import REPO

from art52.adapters.migrations import MIGRATIONS_DIR, head_revision
from art52.config import Settings, package_data


@pytest.mark.parametrize("name", ["rules", "features", "migrations", "examples", "contract"])
def test_each_data_folder_is_the_repository_folder(name: str) -> None:
    assert package_data(name) == (REPO / name).resolve()
    assert package_data(name).is_dir()


def test_the_defaults_are_the_shipped_folders(monkeypatch: pytest.MonkeyPatch) -> None:
    for variable in ("ART52_RULES_DIR", "ART52_FEATURES_DIR", "ART52_EXAMPLES_DIR"):
        monkeypatch.delenv(variable, raising=False)
    settings = Settings()
    assert settings.rules_dir == (REPO / "rules").resolve()
    assert settings.features_dir == (REPO / "features").resolve()
    assert settings.examples_dir == (REPO / "examples").resolve()


def test_the_environment_may_point_elsewhere(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ART52_RULES_DIR", str(tmp_path / "rules"))
    monkeypatch.setenv("ART52_FEATURES_DIR", str(tmp_path / "features"))
    monkeypatch.setenv("ART52_EXAMPLES_DIR", str(tmp_path / "examples"))
    settings = Settings()
    assert (settings.rules_dir, settings.features_dir, settings.examples_dir) == (
        tmp_path / "rules",
        tmp_path / "features",
        tmp_path / "examples",
    )


def test_the_migrations_are_found_as_package_data() -> None:
    assert package_data("migrations") == MIGRATIONS_DIR
    assert head_revision() is not None
