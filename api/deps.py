"""Request dependencies: the container, the authenticated principal, If-Match, raw JSON bodies."""

from __future__ import annotations

import re
from typing import Annotated, Any

from fastapi import Depends, Header, Request, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from art52.api.errors import MALFORMED_HEADER, MALFORMED_JSON, FieldError, ProblemError
from art52.api.metrics import Metrics
from art52.bootstrap import Container
from art52.documents.json_reader import load_json
from art52.documents.text import decode_text
from art52.domain.access import Principal
from art52.domain.records import MeasureRecord
from art52.errors import DocumentError, FieldIssue, NotFoundError, RequestError

bearer = HTTPBearer(
    auto_error=False,
    scheme_name="bearerToken",
    description="A token created with `art52 tokens create --org ORG --role ROLE --name NAME [--subject ID]` "
    "(`--subject` is required for submitter and reviewer tokens).",
)
ID_PATTERN = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


# Dependencies that do no I/O are ``async``: FastAPI runs a plain ``def`` dependency in its thread
# pool, and the hop there and back costs more CPU than these functions themselves.
async def container(request: Request) -> Container:
    found: Container = request.app.state.container
    return found


async def metrics(request: Request) -> Metrics:
    found: Metrics = request.app.state.metrics
    return found


Services = Annotated[Container, Depends(container)]
AppMetrics = Annotated[Metrics, Depends(metrics)]


def principal(
    services: Services,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> Principal:
    """The caller, from ``Authorization: Bearer <token>``; 401 problem otherwise."""
    return services.tokens.authenticate(credentials.credentials if credentials else None)


Caller = Annotated[Principal, Depends(principal)]


# RFC 9110 §13.1.1: "*" or a comma-separated list of entity tags, each [W/]"etagc*".
ENTITY_TAG = r'(W/)?"[!#-~]*"'  # etagc, in ASCII (RFC 9110 also admits obs-text, which we never issue)
IF_MATCH_PATTERN = rf"^(\*|{ENTITY_TAG}( *, *{ENTITY_TAG})*)$"
_IF_MATCH = re.compile(IF_MATCH_PATTERN)
_ENTITY_TAG = re.compile(r'(W/)?"([!#-~]*)"')  # ENTITY_TAG, with its weakness and opaque part apart


async def if_match(
    value: Annotated[
        str | None,
        Header(
            alias="If-Match",
            description='ETag of the measure as last read, e.g. "3", or several separated by commas; the action '
            "fails with 412 if none of them is current, and a value that is not an entity-tag list is a 400",
            json_schema_extra={"pattern": IF_MATCH_PATTERN},
        ),
    ] = None,
) -> frozenset[int] | None:
    """The revisions If-Match names, any of which may be current; None for no header or ``*``.

    A header that is not ``*`` or a list of entity tags is malformed: 400 naming it. Every tag of
    the list counts (RFC 9110 §13.1.1). A weak tag never matches (If-Match compares strongly), and
    neither does one we never issue: a list of only such tags names no revision and always fails.
    """
    if value is None:
        return None
    if not _IF_MATCH.match(value):
        raise ProblemError(
            MALFORMED_HEADER,
            'If-Match must be "*" or a list of entity tags such as "3" (the ETag as read)',
            errors=[
                FieldError.model_validate({"detail": "not an entity-tag list", "parameter": "If-Match", "in": "header"})
            ],
        )
    if value.strip() == "*":
        return None
    return frozenset(
        int(opaque)
        for weak, opaque in _ENTITY_TAG.findall(value)
        if not weak and opaque.isdigit() and len(opaque) < 19
    )


ExpectedRevision = Annotated[frozenset[int] | None, Depends(if_match)]


async def json_document(request: Request) -> Any:
    """The raw JSON body (size, depth and media type were checked by the BodyLimits middleware).

    Read strictly: a key given twice never means "the last one wins" (the middleware already
    answers 400 naming it; this reader refuses it too, for an app mounted without the middleware).
    """
    body = await request.body()
    if not body:
        raise RequestError([FieldIssue("", "a JSON request body is required")])
    try:
        return load_json(decode_text(body))
    except DocumentError as error:
        if error.pointer is not None:  # well-formed, but a key is given twice: the field is named
            raise RequestError([FieldIssue(error.pointer, error.message)]) from None
        raise ProblemError(MALFORMED_JSON, f"the request body is not valid JSON: {error.message}") from None


Document = Annotated[Any, Depends(json_document)]


def known_id(value: str, what: str) -> str:
    """Identifiers are UUIDs: anything else names nothing, and never reaches the database."""
    if not ID_PATTERN.match(value):
        raise NotFoundError(f"no {what} with id {value}")
    return value


def set_etag(response: Response, record: MeasureRecord) -> None:
    response.headers["ETag"] = etag(record)


def etag(record: MeasureRecord) -> str:
    return f'"{record.revision}"'


def _query_names(dependant: Any) -> set[str]:
    """The query parameter names of an operation and of everything it depends on."""
    names = {field.alias for field in dependant.query_params}
    for child in dependant.dependencies:
        names |= _query_names(child)
    return names


_ALLOWED: dict[int, tuple[Any, frozenset[str] | None]] = {}  # by id(route); the route is kept, so the id stays its


def _allowed_query_names(route: Any) -> frozenset[str] | None:
    """The query parameters a route defines (None: any), worked out once per route (routes are not hashable)."""
    known = _ALLOWED.get(id(route))
    if known is not None and known[0] is route:
        return known[1]
    dependant = getattr(route, "dependant", None)
    allowed = None if dependant is None else frozenset(_query_names(dependant))
    _ALLOWED[id(route)] = (route, allowed)
    return allowed


async def known_query_parameters(request: Request) -> None:
    """Refuse query parameters the operation does not define: a mistyped filter must not match everything."""
    if not request.query_params:
        return
    allowed = _allowed_query_names(request.scope.get("route"))
    if allowed is None:
        return
    unknown = sorted({name for name in request.query_params if name not in allowed})
    if unknown:
        raise RequestError([FieldIssue(name, "unknown query parameter") for name in unknown], "query")
