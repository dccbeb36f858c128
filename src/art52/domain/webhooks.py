"""Webhooks: endpoints an organisation registers for events, and the deliveries made to them.

Messages are signed as the Standard Webhooks specification says
(https://www.standardwebhooks.com): the ``webhook-id``, ``webhook-timestamp`` and
``webhook-signature`` headers, the signature being ``v1,`` followed by the base64
HMAC-SHA256, under the endpoint's secret, of ``id.timestamp.body``. The id is the
audit event's, so a receiver that gets a message twice (delivery is at least once)
can tell.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import secrets
from dataclasses import dataclass
from enum import StrEnum

SECRET_PREFIX = "whsec_"


class EventType(StrEnum):
    """The audit events a webhook may subscribe to: submitted, assessed, decided, contested, impact
    analysis finished, and a notified order's review deadline 24 hours away or passed without a decision."""

    MEASURE_SUBMITTED = "measure.submitted"
    ASSESSMENT_CREATED = "assessment.created"
    MEASURE_DECIDED = "measure.decided"
    FINDING_CONTESTED = "finding.contested"
    IMPACT_ANALYSIS_FINISHED = "impact_analysis.finished"
    DEADLINE_APPROACHING = "measure.deadline_approaching"
    DEADLINE_PASSED = "measure.deadline_passed"


EVENT_TYPES = tuple(kind.value for kind in EventType)
"""The event type names, in the order the API lists them."""


class DeliveryState(StrEnum):
    PENDING = "pending"
    DELIVERED = "delivered"
    FAILED = "failed"


@dataclass(frozen=True)
class Webhook:
    """An endpoint of one organisation; events up to ``from_seq`` (the feed when it was registered) are not sent."""

    id: str
    organisation: str
    url: str
    event_types: tuple[str, ...]
    secret: str
    created_by: str
    created_at: dt.datetime
    from_seq: int
    failures: int = 0
    disabled_at: dt.datetime | None = None


@dataclass(frozen=True)
class Delivery:
    """One event for one endpoint: tried until delivered, or failed for good when the endpoint is disabled."""

    id: str
    webhook_id: str
    event_seq: int
    event_type: str
    subject: str | None
    payload: str
    state: DeliveryState
    attempts: int
    created_at: dt.datetime
    next_attempt_at: dt.datetime
    last_status: int | None = None
    last_error: str | None = None
    delivered_at: dt.datetime | None = None


def new_secret() -> str:
    return SECRET_PREFIX + base64.b64encode(secrets.token_bytes(24)).decode()


def message_id(event_seq: int) -> str:
    return f"evt_{event_seq}"


def signature(secret: str, msg_id: str, timestamp: int, body: str) -> str:
    """The ``webhook-signature`` header value for a message."""
    key = base64.b64decode(secret.removeprefix(SECRET_PREFIX))
    digest = hmac.new(key, f"{msg_id}.{timestamp}.{body}".encode(), hashlib.sha256).digest()
    return "v1," + base64.b64encode(digest).decode()


def backoff(attempts: int, base: float, cap: float = 3600.0) -> float:
    """Seconds to wait after the ``attempts``-th failed attempt: base, 2·base, 4·base … at most ``cap``."""
    return float(min(cap, base * 2 ** max(0, attempts - 1)))
