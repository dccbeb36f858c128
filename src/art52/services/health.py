"""Readiness: can the service do its work right now?

Each probe raises when its dependency is not usable. The report names the
failing dependency with a short reason and never an internal error text, since
it is served to anyone who asks.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from art52.errors import Art52Error

Probe = Callable[[], None]
log = logging.getLogger(__name__)


class NotReadyError(Art52Error):
    """A probe's own explanation of why its dependency is not usable (safe to show)."""


@dataclass(frozen=True)
class Readiness:
    ready: bool
    checks: dict[str, str]


class ReadinessCheck:
    def __init__(self, probes: Mapping[str, Probe]) -> None:
        self._probes = dict(probes)

    def check(self) -> Readiness:
        checks: dict[str, str] = {}
        for name, probe in self._probes.items():
            try:
                probe()
            except NotReadyError as reason:
                checks[name] = str(reason)
            except Exception:
                log.exception("readiness probe %s failed", name)
                checks[name] = "unavailable"
            else:
                checks[name] = "ok"
        return Readiness(all(v == "ok" for v in checks.values()), checks)
