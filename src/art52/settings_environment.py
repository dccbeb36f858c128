"""The ART52_* environment read by pydantic-settings (imported only when such a variable is set)."""

from __future__ import annotations

from typing import Any

from pydantic_settings import BaseSettings, SettingsConfigDict

from art52.config import ENVIRONMENT_PREFIX, SettingsFields


class EnvironmentSettings(BaseSettings, SettingsFields):
    """The settings' fields, read from the environment with the values given taking precedence."""

    model_config = SettingsConfigDict(env_prefix=ENVIRONMENT_PREFIX, extra="ignore", validate_default=True)


def read_environment(overrides: dict[str, Any]) -> dict[str, Any]:
    """The values the environment and ``overrides`` set, validated (a bad one raises ValidationError)."""
    return EnvironmentSettings(**overrides).model_dump(exclude_unset=True)
