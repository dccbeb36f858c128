"""Settings for a command, with every invalid value turned into one clear line.

pydantic-settings reads ART52_* from the environment; a bad value there would
otherwise surface as a validation traceback.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from art52.cli.exits import EX_CONFIG, EX_USAGE, CliError

if TYPE_CHECKING:
    from art52.config import Settings

ENGINES = ("durable", "reference")


def settings_for(rules_dir: Path | None = None, engine: str | None = None) -> Settings:
    """The settings from the environment, overridden by ``--rules`` and ``--engine``."""
    from pydantic import ValidationError

    from art52.config import Settings

    if engine is not None and engine not in ENGINES:
        raise CliError(EX_USAGE, f"--engine must be durable or reference, not {engine!r}")
    overrides: dict[str, Any] = {}
    if rules_dir is not None:
        overrides["rules_dir"] = rules_dir
    if engine is not None:
        overrides["engine"] = engine
    try:
        return Settings(**overrides)
    except ValidationError as error:
        first = error.errors()[0]
        name = "ART52_" + "_".join(str(part) for part in first["loc"]).upper()
        given = first.get("input")
        if name == "ART52_ENGINE":
            raise CliError(EX_CONFIG, f"ART52_ENGINE must be durable or reference, not {given!r}") from None
        raise CliError(EX_CONFIG, f"{name}={given!r} is invalid: {first['msg']}") from None
