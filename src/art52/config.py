"""Settings from the environment (ART52_*); built by factories, never at import."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic_settings import BaseSettings, SettingsConfigDict

REPO_ROOT = Path(__file__).resolve().parents[2]


def default_rules_dir() -> Path:
    """The rulebook shipped beside the package (rules/ at the project root)."""
    return REPO_ROOT / "rules"


class Settings(BaseSettings):
    """Runtime configuration."""

    model_config = SettingsConfigDict(env_prefix="ART52_", extra="ignore")

    engine: Literal["durable", "reference"] = "durable"
    rules_dir: Path = default_rules_dir()
    database_url: str = "sqlite:///art52.db"
