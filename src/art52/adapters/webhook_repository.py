"""SQL storage of webhook endpoints, their deliveries, and the feed position the dispatcher has reached."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import fields
from typing import Any

from sqlalchemy import Connection, RowMapping, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite

from art52.adapters import tables as t
from art52.domain.webhooks import Delivery, DeliveryState, Webhook


class SqlWebhookRepository:
    def __init__(self, connection: Connection) -> None:
        self._c = connection

    def add(self, webhook: Webhook) -> None:
        values = {f.name: getattr(webhook, f.name) for f in fields(webhook)}
        self._c.execute(insert(t.webhooks).values(values | {"event_types": json.dumps(list(webhook.event_types))}))

    def get(self, webhook_id: str) -> Webhook | None:
        row = self._c.execute(select(t.webhooks).where(t.webhooks.c.id == webhook_id)).mappings().first()
        return _webhook(row) if row else None

    def active(self) -> list[Webhook]:
        w = t.webhooks.c
        rows = self._c.execute(select(t.webhooks).where(w.disabled_at.is_(None)).order_by(w.created_at, w.id))
        return [_webhook(r) for r in rows.mappings()]

    def for_organisation(self, organisation: str) -> list[Webhook]:
        w = t.webhooks.c
        rows = self._c.execute(select(t.webhooks).where(w.organisation == organisation).order_by(w.created_at, w.id))
        return [_webhook(r) for r in rows.mappings()]

    def set_failures(self, webhook_id: str, failures: int, disabled_at: dt.datetime | None = None) -> None:
        self._c.execute(
            update(t.webhooks).where(t.webhooks.c.id == webhook_id).values(failures=failures, disabled_at=disabled_at)
        )

    def cursor(self) -> int:
        """The last event seq dispatched, locked until commit (one dispatcher at a time)."""
        dialect = postgresql if self._c.dialect.name == "postgresql" else sqlite
        self._c.execute(dialect.insert(t.webhook_cursor).values(id=1, seq=0).on_conflict_do_nothing())
        c = t.webhook_cursor.c
        return int(self._c.execute(select(c.seq).where(c.id == 1).with_for_update()).scalar_one())

    def move_cursor(self, seq: int) -> None:
        self._c.execute(update(t.webhook_cursor).where(t.webhook_cursor.c.id == 1).values(seq=seq))

    def add_deliveries(self, deliveries: Sequence[Delivery]) -> None:
        if not deliveries:
            return
        dialect = postgresql if self._c.dialect.name == "postgresql" else sqlite
        rows = [_delivery_row(d) for d in deliveries]
        self._c.execute(dialect.insert(t.webhook_deliveries).on_conflict_do_nothing(), rows)

    def pending(self, webhook_id: str, limit: int) -> list[Delivery]:
        """Undelivered messages of an endpoint in event order."""
        d = t.webhook_deliveries.c
        query = (
            select(t.webhook_deliveries)
            .where(d.webhook_id == webhook_id, d.state == DeliveryState.PENDING.value)
            .order_by(d.event_seq)
            .limit(limit)
        )
        return [_delivery(r) for r in self._c.execute(query).mappings()]

    def update_delivery(self, delivery: Delivery) -> None:
        values = _delivery_row(delivery)
        del values["id"]
        self._c.execute(update(t.webhook_deliveries).where(t.webhook_deliveries.c.id == delivery.id).values(values))

    def fail_pending(self, webhook_id: str) -> None:
        d = t.webhook_deliveries.c
        self._c.execute(
            update(t.webhook_deliveries)
            .where(d.webhook_id == webhook_id, d.state == DeliveryState.PENDING.value)
            .values(state=DeliveryState.FAILED.value)
        )

    def deliveries(self, webhook_id: str, limit: int) -> list[Delivery]:
        """The delivery log of an endpoint, newest event first."""
        d = t.webhook_deliveries.c
        query = select(t.webhook_deliveries).where(d.webhook_id == webhook_id).order_by(d.event_seq.desc()).limit(limit)
        return [_delivery(r) for r in self._c.execute(query).mappings()]


def _webhook(row: RowMapping) -> Webhook:
    values = {f.name: row[f.name] for f in fields(Webhook)}
    return Webhook(**values | {"event_types": tuple(json.loads(row["event_types"]))})


def _delivery_row(delivery: Delivery) -> dict[str, Any]:
    values = {f.name: getattr(delivery, f.name) for f in fields(delivery)}
    return values | {"state": delivery.state.value}


def _delivery(row: RowMapping) -> Delivery:
    values = {f.name: row[f.name] for f in fields(Delivery)}
    return Delivery(**values | {"state": DeliveryState(row["state"])})
