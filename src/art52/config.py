"""Settings from the environment (ART52_*); built by factories, never at import.

pydantic-settings reads the environment. Importing it costs about a fifth of a cold
``art52 assess``, so it is imported only when the environment holds an ART52_ variable: with none,
the settings are the defaults (and the overrides given), which need no reader.
"""

from __future__ import annotations

import os
from importlib.resources import files
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, SecretStr

ENVIRONMENT_PREFIX = "ART52_"


def package_data(name: str) -> Path:
    """A data folder shipped inside the art52 package (``rules``, ``features``, ``migrations`` …).

    Found with importlib.resources, so it is the same folder whether art52 runs from a checkout, an
    editable install or an installed wheel (the folders link to the repository's top level; see
    pyproject.toml). Resolved, so that messages name the real file.
    """
    resource = files("art52") / name
    if not isinstance(resource, Path):
        raise RuntimeError(f"art52 must be installed as files on disk to read its {name}/ folder")
    return resource.resolve()


def default_rules_dir() -> Path:
    """The rulebook shipped with the package (rules/ at the project root)."""
    return package_data("rules")


def default_features_dir() -> Path:
    """The Gherkin scenarios documenting the rules (features/ at the project root)."""
    return package_data("features")


def default_examples_dir() -> Path:
    """The example measures (examples/ at the project root); they document the API."""
    return package_data("examples")


def environment_has_settings() -> bool:
    """Whether any variable of the environment could set a setting (pydantic-settings ignores case)."""
    return any(name.upper().startswith(ENVIRONMENT_PREFIX) for name in os.environ)


class SettingsFields(BaseModel):
    """Runtime configuration: the settings, their defaults and their bounds."""

    model_config = ConfigDict(extra="ignore", validate_default=True)

    engine: Literal["durable", "reference"] = "durable"
    rules_dir: Path = Field(default_factory=default_rules_dir)
    database_url: str = "sqlite:///art52.db"
    database_schema: str | None = Field(
        default=None, pattern=r"^[A-Za-z_][A-Za-z0-9_]{0,62}$", description="PostgreSQL schema to use (search_path)"
    )
    features_dir: Path = Field(default_factory=default_features_dir)
    examples_dir: Path = Field(default_factory=default_examples_dir)
    max_body_bytes: int = Field(default=1_048_576, ge=1024, description="largest accepted request body")
    cache_dir: Path | None = Field(default=None, description="compiled-rulebook cache (default: the user's cache dir)")
    max_json_depth: int = Field(default=32, ge=4, description="deepest accepted nesting of a JSON body")
    interview_ttl_minutes: int = Field(
        default=1440, ge=1, description="minutes a guided interview stays open after it starts"
    )

    # Web application (README, "For officials and reviewers")
    session_minutes: int = Field(default=480, ge=1, le=7 * 24 * 60, description="minutes a browser session lasts")
    secure_cookies: bool = Field(
        default=True, description="mark the session cookie Secure (browsers still send it to http://localhost)"
    )

    # Jobs (README, "Workers"): impact analyses and webhook deliveries.
    jobs: Literal["auto", "in_process", "workers"] = Field(
        default="auto",
        description="where jobs run: workers (art52 worker, PostgreSQL only), in_process, or auto "
        "(workers on PostgreSQL, in-process on SQLite)",
    )
    impact_chunk_size: int = Field(default=250, ge=1, le=10_000, description="measures per impact-analysis job")
    worker_heartbeat: float = Field(default=2.0, gt=0, description="seconds between a worker's heartbeats")
    worker_stalled_after: float = Field(
        default=10.0, gt=0, description="seconds without a heartbeat after which a worker's jobs are run again"
    )

    adopted_rulebook_ttl: float = Field(
        default=2.0, ge=0, description="seconds a process keeps its answer to 'which rulebook is adopted?'"
    )
    webhook_backoff: float = Field(
        default=5.0, gt=0, description="seconds before the first retry of a webhook message; doubled each time"
    )
    webhook_max_attempts: int = Field(
        default=8, ge=1, le=30, description="tries of one message before its endpoint is disabled"
    )

    # Database timeouts (README, "Database timeouts"): no request waits on the database without limit.
    database_statement_timeout: float = Field(
        default=30.0, ge=0, description="seconds one SQL statement may run (PostgreSQL; 0: no limit)"
    )
    database_lock_timeout: float = Field(
        default=5.0, gt=0, description="seconds to wait for a lock (PostgreSQL lock_timeout; SQLite busy timeout)"
    )
    database_pool_timeout: float = Field(default=10.0, gt=0, description="seconds to wait for a pooled connection")

    # Slow clients (README, "Serving"): no connection is held open by a client that never finishes its request.
    header_timeout: float = Field(default=10.0, gt=0, description="seconds a client has to send a request's headers")
    body_timeout: float = Field(default=30.0, gt=0, description="seconds a client has to send a request's body")
    keep_alive_timeout: float = Field(default=5.0, gt=0, description="seconds an idle kept-alive connection stays open")
    max_connections: int = Field(default=200, ge=1, description="open connections per worker; more get 503")

    # Idempotency keys (README, "Idempotent retries"): how long a stored response is replayed.
    idempotency_ttl: float = Field(default=86_400.0, gt=0, description="seconds an Idempotency-Key is remembered")

    # Audit trail keys (README, "Audit trail"): held outside the database, never stored in it.
    audit_key: SecretStr | None = Field(default=None, description="key that seals new audit events (32+ characters)")
    audit_key_file: Path | None = Field(
        default=None,
        description="audit keys, one a line: the first seals (unless audit_key is set), all verify",
    )


class Settings(SettingsFields):
    """The settings in force: ART52_* from the environment, overridden by the values given."""

    def __init__(self, **values: Any) -> None:
        if environment_has_settings():
            from art52.settings_environment import read_environment

            values = read_environment(values)
        super().__init__(**values)
