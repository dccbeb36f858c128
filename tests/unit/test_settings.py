"""Settings: ART52_* from the environment through pydantic-settings, and the defaults without it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from pydantic import ValidationError

from art52.config import Settings, default_rules_dir

IMPORTS_READER = (
    "import sys; from art52.config import Settings; print(Settings().engine, 'pydantic_settings' in sys.modules)"
)


@pytest.fixture(autouse=True)
def no_art52_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in list(os.environ):
        if name.upper().startswith("ART52_"):
            monkeypatch.delenv(name)


def test_without_any_art52_variable_the_settings_are_the_defaults_and_the_overrides() -> None:
    settings = Settings(engine="reference", max_json_depth=8)

    assert (settings.engine, settings.max_json_depth, settings.rules_dir) == ("reference", 8, default_rules_dir())
    assert settings.database_url == "sqlite:///art52.db"


def test_a_variable_of_the_environment_is_read_and_an_override_wins(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ART52_MAX_JSON_DEPTH", "12")
    monkeypatch.setenv("ART52_ENGINE", "reference")
    monkeypatch.setenv("ART52_CACHE_DIR", "/var/cache/art52")

    settings = Settings(engine="durable")

    assert (settings.engine, settings.max_json_depth, settings.cache_dir) == ("durable", 12, Path("/var/cache/art52"))


def test_the_environment_is_read_whatever_the_case_of_its_names(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("art52_session_minutes", "30")

    assert Settings().session_minutes == 30


def test_a_secret_from_the_environment_stays_a_secret(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ART52_AUDIT_KEY", "k" * 40)

    key = Settings().audit_key

    assert key is not None
    assert key.get_secret_value() == "k" * 40
    assert "k" not in repr(key)


def test_a_bad_value_in_the_environment_names_its_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ART52_MAX_JSON_DEPTH", "2")

    with pytest.raises(ValidationError) as raised:
        Settings()

    assert raised.value.errors()[0]["loc"] == ("max_json_depth",)


def test_a_bad_override_is_refused_as_well() -> None:
    with pytest.raises(ValidationError):
        Settings(engine="fast")


@pytest.mark.parametrize(("variable", "expected"), [(None, "durable False"), ("ART52_ENGINE", "reference True")])
def test_the_environment_reader_is_imported_only_when_a_variable_could_set_something(
    variable: str | None, expected: str
) -> None:
    env = {k: v for k, v in os.environ.items() if not k.upper().startswith("ART52_")}
    if variable is not None:
        env[variable] = "reference"

    done = subprocess.run([sys.executable, "-c", IMPORTS_READER], env=env, capture_output=True, text=True, check=True)

    assert done.stdout.strip() == expected
