"""Readiness of the database: reachable, migrated, able to take writes, and sealing as it should.

The probe opens connections of its own (an unpooled engine), so it answers even
when every pooled connection is busy, and it takes the lock every write needs:
a transaction that holds it makes the service unable to write, and the
orchestrator should know.
"""

from __future__ import annotations

from sqlalchemy import Engine

from art52.adapters.database import lock_chain_head, ping, unavailable
from art52.adapters.migrations import pending
from art52.services.health import NotReadyError, Probe


def database_probe(engine: Engine, *, keyed: bool) -> Probe:
    """A readiness probe on ``engine``; ``keyed`` says whether this service seals audit events."""

    def probe() -> None:
        ping(engine)  # unreachable: reported as "unavailable", the reason logged
        try:
            behind = pending(engine)
            sealed_from = None if behind else lock_chain_head(engine)
        except Exception as error:
            if unavailable(error):
                raise NotReadyError("the database cannot take writes now: the lock they need is held") from error
            raise
        if behind:
            raise NotReadyError("the database schema is not up to date; run the migrations (art52 serve does)")
        if sealed_from is not None and not keyed:
            raise NotReadyError(
                f"the audit trail is sealed from event {sealed_from} on, but no audit key is configured "
                "(ART52_AUDIT_KEY or ART52_AUDIT_KEY_FILE)"
            )

    return probe
