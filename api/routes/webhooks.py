"""Webhook endpoints of an organisation (rule_admin) and their delivery log."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response, status

from art52.api.deps import Caller, Services, known_id
from art52.api.errors import problems
from art52.api.webhook_schemas import DeliveryLog, DeliveryOut, WebhookCreated, WebhookIn, WebhookList, WebhookOut


def router() -> APIRouter:
    api = APIRouter(prefix="/v1/webhooks", tags=["webhooks"])

    @api.post(
        "",
        status_code=status.HTTP_201_CREATED,
        response_model=WebhookCreated,
        summary="Register an endpoint for events of your organisation (signed as Standard Webhooks say)",
        responses=problems(400, 401, 403, 413, 415, 422),
    )
    def register_webhook(
        request: Request, response: Response, body: WebhookIn, caller: Caller, services: Services
    ) -> WebhookCreated:
        webhook = services.webhooks.register(caller, body.url, [kind.value for kind in body.event_types])
        response.headers["Location"] = str(request.url_for("get_webhook", webhook_id=webhook.id))
        return WebhookCreated.from_record(webhook)

    @api.get("", response_model=WebhookList, summary="Your organisation's endpoints", responses=problems(401, 403))
    def list_webhooks(caller: Caller, services: Services) -> WebhookList:
        return WebhookList(items=[WebhookOut.from_record(w) for w in services.webhooks.registered(caller)])

    @api.get("/{webhook_id}", response_model=WebhookOut, summary="An endpoint", responses=problems(401, 403, 404))
    def get_webhook(webhook_id: str, caller: Caller, services: Services) -> WebhookOut:
        return WebhookOut.from_record(services.webhooks.get(caller, known_id(webhook_id, "webhook")))

    @api.get(
        "/{webhook_id}/deliveries",
        response_model=DeliveryLog,
        summary="The delivery log of an endpoint: attempts, statuses, errors",
        responses=problems(401, 403, 404),
    )
    def list_deliveries(webhook_id: str, caller: Caller, services: Services) -> DeliveryLog:
        found = services.webhooks.deliveries(caller, known_id(webhook_id, "webhook"))
        return DeliveryLog(items=[DeliveryOut.from_record(d) for d in found])

    return api
