"""The FastAPI application factory.

``create_app()`` wires the services from the environment (ART52_*); tests pass
their own container. Nothing is built at import time: uvicorn is given the
factory (``art52.api.app:create_app`` with ``--factory``).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import Depends, FastAPI
from fastapi.openapi.utils import get_openapi

import art52
from art52.api import access_log, docs, errors, idempotency, openapi, web
from art52.api.deps import known_query_parameters
from art52.api.idempotency import IdempotencyKeys
from art52.api.limits import BodyLimits
from art52.api.metrics import Metrics, RequestMetrics
from art52.api.routes import (
    assessments,
    events,
    health,
    impact,
    interviews,
    measures,
    reviews,
    rules,
    webhooks,
    what_if,
)
from art52.api.routes import handbook as handbook_pages  # the rule handbook under /rules
from art52.api.security_headers import SecurityHeaders
from art52.bootstrap import Container, build_container

DESCRIPTION = """\
Reasoned Art. 52(1) Charter assessments of proposed security measures, a review
workflow for officials, and an audit trail.

**Authentication**: every `/v1` route needs `Authorization: Bearer <token>`; tokens are
created with `art52 tokens create --org ORG --role ROLE --name NAME --subject ID` (the
subject, a stable id of the person, is required for submitter and reviewer tokens: the
four-eyes rule compares it). Roles: `submitter`
(creates, revises, submits and assesses measures), `reviewer` (assesses, takes for review,
decides, contests findings), `rule_admin` (reads the rulebook, and the measures and
events of its organisation; loads candidate rulebooks, runs impact analyses, adopts a
rulebook, registers webhooks) and `auditor` (reads every organisation, changes nothing).
Measures are visible only inside their organisation.

**Errors** are RFC 9457 problem details (`application/problem+json`) with a stable `type`.

**Retries**: send `Idempotency-Key: <a new UUID>` on a POST to retry it safely after a lost
connection: the same key with the same request returns the first response again
(`Idempotent-Replayed: true`) instead of creating a duplicate.

**Concurrency**: measure resources carry an `ETag` (their revision). Send it back in
`If-Match` on a workflow action: if the measure changed meanwhile the action fails with 412,
and of two simultaneous actions only one succeeds (the other gets 409).
"""


def create_app(container: Container | None = None) -> FastAPI:
    """The API on ``container`` (default: built from the environment; closed on shutdown)."""
    owned = container is None
    services = container or build_container()

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        if owned:
            services.close()

    app = FastAPI(
        title="art52",
        version=art52.__version__,
        description=DESCRIPTION,
        lifespan=lifespan,
        dependencies=[Depends(known_query_parameters)],
        docs_url=None,
        redoc_url=None,
    )
    app.state.container = services
    app.state.metrics = Metrics()
    errors.install(app)
    docs.install(app)
    app.include_router(measures.router(services.settings))
    app.include_router(assessments.router(services.settings))
    app.include_router(what_if.router(services.settings))
    app.include_router(interviews.router())
    app.include_router(reviews.router())
    app.include_router(rules.router())
    app.include_router(events.router())
    app.include_router(impact.router())
    app.include_router(webhooks.router())
    app.include_router(health.router())
    app.include_router(handbook_pages.router)  # the rule handbook under /rules
    web.install(app)  # the pages for officials and reviewers, at /
    app.add_middleware(IdempotencyKeys, container=services)  # inside the body limits: sees checked bodies
    app.add_middleware(
        BodyLimits, max_bytes=services.settings.max_body_bytes, max_depth=services.settings.max_json_depth
    )
    app.add_middleware(RequestMetrics, metrics=app.state.metrics)
    app.add_middleware(SecurityHeaders)  # outermost: every response, refusals included, carries them
    access_log.install()

    def custom_openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            document = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes)
            document.setdefault("components", {}).setdefault("schemas", {}).update(errors.problem_components())
            examples = openapi.example_measures(services.settings.examples_dir)
            app.openapi_schema = idempotency.document(openapi.complete(document, examples, errors.problems(422)[422]))
        return app.openapi_schema

    app.openapi = custom_openapi  # type: ignore[method-assign]
    return app
