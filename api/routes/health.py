"""Liveness, readiness and metrics: unauthenticated, for orchestrators and Prometheus."""

from __future__ import annotations

from fastapi import APIRouter, Response
from fastapi.responses import JSONResponse
from prometheus_client import CONTENT_TYPE_LATEST

from art52.api.deps import AppMetrics, Services
from art52.api.errors import problems
from art52.api.schemas import Health, Ready


def router() -> APIRouter:
    api = APIRouter(tags=["operations"])

    @api.get("/health", response_model=Health, summary="Liveness: the process answers", responses=problems(422))
    def health() -> Health:
        return Health(status="ok")

    @api.get(
        "/ready",
        response_model=Ready,
        summary="Readiness: the database is reachable and migrated, the rulebook loads",
        responses={503: {"description": "Not ready; checks names what is not", "model": Ready}, **problems(422)},
    )
    def ready(services: Services) -> JSONResponse:
        report = services.readiness.check()
        body = Ready(ready=report.ready, checks=report.checks).model_dump()
        return JSONResponse(body, status_code=200 if report.ready else 503)

    @api.get(
        "/metrics",
        summary="Prometheus metrics: assessments, request latency, errors",
        response_class=Response,
        responses={
            200: {"description": "Prometheus text format", "content": {CONTENT_TYPE_LATEST: {}}},
            **problems(422),
        },
    )
    def metrics(registry: AppMetrics) -> Response:
        return Response(registry.exposition(), media_type=CONTENT_TYPE_LATEST)

    return api
