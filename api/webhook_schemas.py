"""Request and response bodies of the webhook routes."""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from art52.api.schemas import Output, _In
from art52.domain.webhooks import Delivery, EventType, Webhook

URL_PATTERN = r"^https?://[^\x00-\x20\x7f-\x9f/?#]+[^\x00-\x20\x7f-\x9f]*$"
"""An http(s) URL without spaces or control characters, spelled out: regex engines disagree on
what a whitespace class covers, and the pattern in the OpenAPI must mean what the server checks."""


class WebhookIn(_In):
    url: str = Field(min_length=10, max_length=2000, pattern=URL_PATTERN, description="http(s) URL to POST to")
    event_types: list[EventType] = Field(
        min_length=1,
        max_length=len(EventType),
        description="measure.submitted, assessment.created (assessed), measure.decided, finding.contested, "
        "impact_analysis.finished, measure.deadline_approaching and measure.deadline_passed (a notified "
        "order's review deadline 24 hours away, or passed without a decision)",
    )


class WebhookOut(Output):
    id: str
    organisation: str
    url: str
    event_types: list[str]
    created_by: str
    created_at: dt.datetime
    failures: int = Field(description="failed tries of the message now waiting; reset by a delivery")
    disabled_at: dt.datetime | None = Field(description="set when the endpoint was disabled after repeated failure")

    @classmethod
    def from_record(cls, webhook: Webhook) -> WebhookOut:
        return cls.copied(webhook, event_types=list(webhook.event_types))


class WebhookCreated(WebhookOut):
    secret: str = Field(description="the signing secret (whsec_…); shown only here, keep it on the receiver")

    @classmethod
    def from_record(cls, webhook: Webhook) -> WebhookCreated:
        return cls.copied(webhook, event_types=list(webhook.event_types))


class WebhookList(Output):
    items: list[WebhookOut]


class DeliveryOut(Output):
    id: str
    event_id: int
    event_type: str
    subject: str | None
    state: str = Field(description="pending, delivered or failed")
    attempts: int
    created_at: dt.datetime
    next_attempt_at: dt.datetime
    last_status: int | None
    last_error: str | None
    delivered_at: dt.datetime | None

    @classmethod
    def from_record(cls, delivery: Delivery) -> DeliveryOut:
        return cls.copied(delivery, event_id=delivery.event_seq, state=delivery.state.value)


class DeliveryLog(Output):
    items: list[DeliveryOut] = Field(description="newest event first (at most 100)")
