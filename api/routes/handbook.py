"""The rule handbook as HTML pages under /rules, for signed-in users.

The pages are the static handbook's (``art52 rules handbook``), rendered from the
same templates with links into /rules. A bearer token or the web application's
session cookie opens them.
"""

from __future__ import annotations

import datetime as dt

from fastapi import APIRouter
from fastapi.responses import HTMLResponse

from art52.api.deps import Services
from art52.api.errors import problems
from art52.api.web.session import Reader
from art52.errors import NotFoundError
from art52.handbook.pages import build_handbook
from art52.handbook.render import Links, Renderer
from art52.handbook.vocabulary import default_vocabulary

SERVED_LINKS = Links(
    index="/rules", rule_pattern="/rules/{id}", source_pattern="/rules/sources/{id}", provisional="/rules/provisional"
)

router = APIRouter(prefix="/rules", tags=["handbook"], default_response_class=HTMLResponse)


def _renderer(services: Services) -> Renderer:
    book, suite = services.rules.documents()
    return Renderer(build_handbook(book, suite, default_vocabulary(), dt.date.today()), SERVED_LINKS, "html")


@router.get("", summary="The rule handbook: rules by family and principle, and sources", responses=problems(401))
def handbook_index(_caller: Reader, services: Services) -> HTMLResponse:
    return HTMLResponse(_renderer(services).index())


@router.get("/provisional", summary="Provisional rules needing legal review", responses=problems(401))
def handbook_provisional(_caller: Reader, services: Services) -> HTMLResponse:
    return HTMLResponse(_renderer(services).provisional())


@router.get("/sources/{source_id}", summary="A legal source and the rules resting on it", responses=problems(401, 404))
def handbook_source(source_id: str, _caller: Reader, services: Services) -> HTMLResponse:
    page = _renderer(services).source(source_id)
    if page is None:
        raise NotFoundError(f"no source with id {source_id}")
    return HTMLResponse(page)


@router.get(
    "/{rule_id}",
    summary="A rule in words: versions, conditions, sources and scenarios",
    responses=problems(401, 404),
)
def handbook_rule(rule_id: str, _caller: Reader, services: Services) -> HTMLResponse:
    page = _renderer(services).rule(rule_id)
    if page is None:
        raise NotFoundError(f"no rule with id {rule_id}")
    return HTMLResponse(page)
