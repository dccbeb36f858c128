"""Webhooks: registering endpoints, turning audit events into deliveries, and delivering them.

The audit trail is the outbox. After a commit that added events, a ``dispatch``
job reads the feed from where it last stopped (the position is a locked row, so
dispatchers never overlap) and stores one delivery per event and subscribed
endpoint of the event's organisation, in the same transaction as the new
position. A ``deliver`` job per endpoint then sends its pending deliveries in
event order and stops at the first failure, trying it again after an
exponential back-off: later events wait behind it, so an endpoint never sees a
measure's events out of order. After ``max_attempts`` failed tries of one
message the endpoint is disabled, its pending deliveries are marked failed, and
``webhook.disabled`` is recorded.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any, Protocol

from art52.domain.access import Permission, Principal
from art52.domain.audit import AuditEvent
from art52.domain.webhooks import (
    EVENT_TYPES,
    Delivery,
    DeliveryState,
    Webhook,
    backoff,
    message_id,
    new_secret,
    signature,
)
from art52.errors import FieldIssue, NotFoundError, RequestError
from art52.services.audit import record
from art52.services.guards import require
from art52.services.impact import JobQueue
from art52.services.ports import Clock, UnitOfWorkFactory

DISPATCH_TASK = "webhook_dispatch"
DELIVER_TASK = "webhook_deliver"
DISPATCH_PAGE = 500
DELIVER_BATCH = 50
LOG_LIMIT = 100


class Sender(Protocol):
    def __call__(self, url: str, headers: dict[str, str], body: bytes) -> tuple[int | None, str | None]:
        """POST ``body``; the HTTP status (None if no answer came) and an error description if it failed."""
        ...


@dataclass(frozen=True)
class WebhookPolicy:
    """Retry policy: back-off base (seconds), tries per message before the endpoint is disabled."""

    backoff_base: float = 5.0
    max_attempts: int = 8


class WebhookService:
    def __init__(
        self,
        uow: UnitOfWorkFactory,
        clock: Clock,
        new_id: Callable[[], str],
        queue: JobQueue,
        send: Sender,
        policy: WebhookPolicy | None = None,
    ) -> None:
        self._uow = uow
        self._clock = clock
        self._new_id = new_id
        self._queue = queue
        self._send = send
        self._policy = policy or WebhookPolicy()

    # --- endpoints
    def register(self, principal: Principal, url: str, event_types: Sequence[str]) -> Webhook:
        """Register an endpoint of the principal's organisation; its secret is returned here, and kept for signing."""
        require(principal, Permission.MANAGE_WEBHOOKS, "register webhooks")
        unknown = [t for t in event_types if t not in EVENT_TYPES]
        if unknown or not event_types:
            detail = f"one or more of {', '.join(EVENT_TYPES)}"
            raise RequestError([FieldIssue("/event_types", detail)])
        with self._uow() as uow:
            webhook = Webhook(
                id=self._new_id(),
                organisation=principal.organisation,
                url=url,
                event_types=tuple(dict.fromkeys(event_types)),
                secret=new_secret(),
                created_by=principal.name,
                created_at=self._clock.now(),
                from_seq=uow.audit.head().seq,
            )
            uow.webhooks.add(webhook)
            data = {"url": url, "event_types": list(webhook.event_types)}
            record(uow, self._clock, "webhook.registered", principal.name, principal.organisation, webhook.id, data)
            uow.commit()
        return webhook

    def get(self, principal: Principal, webhook_id: str) -> Webhook:
        require(principal, Permission.MANAGE_WEBHOOKS, "read webhooks")
        with self._uow(read_only=True) as uow:
            found = uow.webhooks.get(webhook_id)
        if found is None or found.organisation != principal.organisation:
            raise NotFoundError(f"no webhook with id {webhook_id}")
        return found

    def registered(self, principal: Principal) -> list[Webhook]:
        require(principal, Permission.MANAGE_WEBHOOKS, "read webhooks")
        with self._uow(read_only=True) as uow:
            return uow.webhooks.for_organisation(principal.organisation)

    def deliveries(self, principal: Principal, webhook_id: str) -> list[Delivery]:
        """The delivery log of an endpoint, newest event first."""
        self.get(principal, webhook_id)
        with self._uow(read_only=True) as uow:
            return uow.webhooks.deliveries(webhook_id, LOG_LIMIT)

    # --- jobs
    def dispatch(self) -> None:
        """The job: turn the events after the dispatch position into deliveries, and queue their sending."""
        with self._uow() as uow:
            position = uow.webhooks.cursor()
            events = uow.audit.events(position, DISPATCH_PAGE)
            if not events:
                return
            hooks = uow.webhooks.active()
            deliveries = [self._delivery(hook, event) for event in events for hook in hooks if _wants(hook, event)]
            uow.webhooks.add_deliveries(deliveries)
            uow.webhooks.move_cursor(events[-1].seq)
            uow.commit()
        touched = {d.webhook_id for d in deliveries}
        for webhook_id in sorted(touched):
            self._queue.defer(DELIVER_TASK, {"webhook_id": webhook_id}, lock=f"webhook-{webhook_id}")
        if len(events) == DISPATCH_PAGE:
            self._queue.defer(DISPATCH_TASK, {}, lock="webhook-dispatch")

    def _delivery(self, hook: Webhook, event: AuditEvent) -> Delivery:
        payload = {
            "type": event.kind,
            "timestamp": event.occurred_at.isoformat(),
            "data": {
                "event_id": event.seq,
                "organisation": event.organisation,
                "subject": event.subject,
                "actor": event.actor,
                **event.data,
            },
        }
        now = self._clock.now()
        return Delivery(
            id=self._new_id(),
            webhook_id=hook.id,
            event_seq=event.seq,
            event_type=event.kind,
            subject=event.subject,
            payload=json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":")),
            state=DeliveryState.PENDING,
            attempts=0,
            created_at=now,
            next_attempt_at=now,
        )

    def deliver(self, webhook_id: str) -> None:
        """The job: send an endpoint's pending messages in order; on failure, stop and try again later."""
        with self._uow(read_only=True) as uow:
            hook = uow.webhooks.get(webhook_id)
            pending = uow.webhooks.pending(webhook_id, DELIVER_BATCH) if hook and not hook.disabled_at else []
        if hook is None:
            return
        for delivery in pending:
            wait = (delivery.next_attempt_at - self._clock.now()).total_seconds()
            if wait > 0:
                self._queue.defer(DELIVER_TASK, {"webhook_id": webhook_id}, delay=wait, lock=f"webhook-{webhook_id}")
                return
            if not self._attempt(hook, delivery):
                return
        if len(pending) == DELIVER_BATCH:
            self._queue.defer(DELIVER_TASK, {"webhook_id": webhook_id}, lock=f"webhook-{webhook_id}")

    def _attempt(self, hook: Webhook, delivery: Delivery) -> bool:
        moment = self._clock.now()
        timestamp = int(moment.timestamp())
        msg_id = message_id(delivery.event_seq)
        headers = {
            "content-type": "application/json",
            "webhook-id": msg_id,
            "webhook-timestamp": str(timestamp),
            "webhook-signature": signature(hook.secret, msg_id, timestamp, delivery.payload),
        }
        status, error = self._send(hook.url, headers, delivery.payload.encode())
        attempts = delivery.attempts + 1
        delivered = status is not None and 200 <= status < 300
        with self._uow() as uow:
            if delivered:
                done = replace(
                    delivery,
                    attempts=attempts,
                    state=DeliveryState.DELIVERED,
                    last_status=status,
                    last_error=None,
                    delivered_at=moment,
                )
                uow.webhooks.update_delivery(done)
                uow.webhooks.set_failures(hook.id, 0)
                uow.commit()
                return True
            delay = backoff(attempts, self._policy.backoff_base)
            retry = replace(
                delivery,
                attempts=attempts,
                last_status=status,
                last_error=error,
                next_attempt_at=moment + dt.timedelta(seconds=delay),
            )
            uow.webhooks.update_delivery(retry)
            if attempts >= self._policy.max_attempts:
                uow.webhooks.update_delivery(replace(retry, state=DeliveryState.FAILED))
                uow.webhooks.fail_pending(hook.id)
                uow.webhooks.set_failures(hook.id, attempts, disabled_at=moment)
                data: dict[str, Any] = {
                    "url": hook.url,
                    "attempts": attempts,
                    "last_status": status,
                    "event_id": delivery.event_seq,
                }
                record(uow, self._clock, "webhook.disabled", "art52", hook.organisation, hook.id, data)
                uow.commit()
                return False
            uow.webhooks.set_failures(hook.id, attempts)
            uow.commit()
        self._queue.defer(DELIVER_TASK, {"webhook_id": hook.id}, delay=delay, lock=f"webhook-{hook.id}")
        return False


def _wants(hook: Webhook, event: AuditEvent) -> bool:
    """Whether ``hook`` is sent ``event``: its organisation's, a subscribed type, and after it was registered."""
    return event.organisation == hook.organisation and event.kind in hook.event_types and event.seq > hook.from_seq
