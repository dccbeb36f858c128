"""Every error as RFC 9457 problem details (``application/problem+json``).

Each kind of problem has a stable ``type`` URI (a URN: stable, absolute and not
pretending to be a web page) and a fixed ``title``; ``detail`` explains this
occurrence to a person. Validation problems add ``errors``: one entry per
offending field, with a JSON pointer into the body (``pointer``) or the name of
the query, path or header parameter (``parameter`` and ``in``). At most the
first ``MAX_REPORTED_ERRORS`` are listed, and ``more_errors`` says how many
were left out, so a body with a hundred thousand bad keys gets a small answer.

Unexpected exceptions become a generic 500 problem: the traceback goes to the
log, never to the client.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match

from art52.documents.pointer import json_pointer
from art52.errors import (
    Art52Error,
    AuthenticationError,
    ConflictError,
    EngineError,
    FieldIssue,
    InvalidTransitionError,
    MeasureError,
    NotFoundError,
    PermissionDeniedError,
    PreconditionFailedError,
    RenderingUnavailableError,
    RequestError,
    RulebookError,
    UnavailableError,
)

PROBLEM_JSON = "application/problem+json"
MAX_REPORTED_ERRORS = 50
log = logging.getLogger("api")


@dataclass(frozen=True)
class ProblemType:
    slug: str
    status: int
    title: str

    @property
    def uri(self) -> str:
        return f"urn:art52:problem:{self.slug}"


VALIDATION = ProblemType("validation-error", 422, "The request is not valid")
INVALID_MEASURE = ProblemType("invalid-measure", 422, "The measure document is not valid under the measure contract")
MALFORMED_JSON = ProblemType("malformed-json", 400, "The request body is not valid JSON")
DUPLICATE_KEY = ProblemType("duplicate-key", 400, "The JSON body repeats a key in one object")
MALFORMED_HEADER = ProblemType("malformed-header", 400, "A request header is malformed")
TOO_DEEP = ProblemType("json-too-deep", 400, "The JSON body is nested too deeply")
TOO_LARGE = ProblemType("body-too-large", 413, "The request body is too large")
UNSUPPORTED_MEDIA = ProblemType("unsupported-media-type", 415, "The request body must be JSON")
NOT_ACCEPTABLE = ProblemType("not-acceptable", 406, "No representation matches the Accept header")
UNAUTHENTICATED = ProblemType("unauthenticated", 401, "Authentication is required")
FORBIDDEN = ProblemType("forbidden", 403, "The action is not allowed for this principal")
NOT_FOUND = ProblemType("not-found", 404, "Not found")
METHOD_NOT_ALLOWED = ProblemType("method-not-allowed", 405, "Method not allowed")
INVALID_TRANSITION = ProblemType("invalid-transition", 409, "The review workflow does not allow this action now")
CONFLICT = ProblemType("conflict", 409, "The object was changed concurrently")
PRECONDITION_FAILED = ProblemType("precondition-failed", 412, "The If-Match precondition failed")
PRECONDITION_REQUIRED = ProblemType(
    "precondition-required", 428, "The request must name what it acts on (a body field or If-Match)"
)
IDEMPOTENCY_KEY_REUSED = ProblemType(
    "idempotency-key-reused", 422, "The Idempotency-Key was already used for another request"
)
IDEMPOTENCY_IN_PROGRESS = ProblemType(
    "idempotency-in-progress", 409, "A request with this Idempotency-Key is still being processed"
)
RULEBOOK_UNAVAILABLE = ProblemType("rulebook-unavailable", 503, "The rulebook cannot be loaded")
RENDERING_UNAVAILABLE = ProblemType("rendering-unavailable", 503, "This report format cannot be produced here")
DATABASE_UNAVAILABLE = ProblemType("database-unavailable", 503, "The database cannot serve now; retry later")
ENGINE_FAILURE = ProblemType("engine-failure", 500, "The rule engine failed")
INTERNAL = ProblemType("internal-error", 500, "Internal server error")

ALL_TYPES: tuple[ProblemType, ...] = (
    VALIDATION,
    INVALID_MEASURE,
    MALFORMED_JSON,
    DUPLICATE_KEY,
    MALFORMED_HEADER,
    TOO_DEEP,
    TOO_LARGE,
    UNSUPPORTED_MEDIA,
    NOT_ACCEPTABLE,
    UNAUTHENTICATED,
    FORBIDDEN,
    NOT_FOUND,
    METHOD_NOT_ALLOWED,
    INVALID_TRANSITION,
    CONFLICT,
    PRECONDITION_FAILED,
    PRECONDITION_REQUIRED,
    IDEMPOTENCY_KEY_REUSED,
    IDEMPOTENCY_IN_PROGRESS,
    RULEBOOK_UNAVAILABLE,
    RENDERING_UNAVAILABLE,
    DATABASE_UNAVAILABLE,
    ENGINE_FAILURE,
    INTERNAL,
)


class FieldError(BaseModel):
    """One offending field: where it is and what is wrong with it."""

    model_config = ConfigDict(extra="forbid")

    detail: str
    pointer: str | None = Field(default=None, description="JSON pointer into the request body, e.g. /data/categories/0")
    parameter: str | None = Field(default=None, description="name of the offending query, path or header parameter")
    location: str | None = Field(default=None, alias="in", description="query, path or header")


class Problem(BaseModel):
    """RFC 9457 problem details."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    type: str = Field(description="stable URI identifying the kind of problem, e.g. urn:art52:problem:not-found")
    title: str
    status: int
    detail: str
    instance: str | None = None
    errors: list[FieldError] | None = Field(
        default=None, description=f"validation problems only; the first {MAX_REPORTED_ERRORS} offending fields"
    )
    more_errors: int | None = Field(
        default=None, ge=1, description="how many further offending fields were found but are not listed"
    )


class ProblemError(Exception):
    """Raised inside the HTTP layer to answer with a given problem."""

    def __init__(
        self,
        kind: ProblemType,
        detail: str,
        headers: dict[str, str] | None = None,
        errors: list[FieldError] | None = None,
    ) -> None:
        super().__init__(detail)
        self.kind = kind
        self.detail = detail
        self.headers = headers
        self.errors = errors


def problem_response(
    kind: ProblemType,
    detail: str,
    request: Request | None = None,
    errors: Sequence[FieldError] | None = None,
    headers: dict[str, str] | None = None,
) -> JSONResponse:
    listed = list(errors)[:MAX_REPORTED_ERRORS] if errors is not None else None
    left_out = len(errors) - MAX_REPORTED_ERRORS if errors is not None else 0
    body = Problem(
        type=kind.uri,
        title=kind.title,
        status=kind.status,
        detail=detail,
        instance=request.url.path if request is not None else None,
        errors=listed,
        more_errors=left_out if left_out > 0 else None,
    )
    return JSONResponse(
        body.model_dump(mode="json", exclude_none=True, by_alias=True),
        status_code=kind.status,
        media_type=PROBLEM_JSON,
        headers=headers,
    )


def _body_errors(issues: Iterable[FieldIssue]) -> list[FieldError]:
    return [FieldError(detail=i.message, pointer=i.path) for i in issues]


def _from_validation(error: RequestValidationError) -> tuple[ProblemType, list[FieldError]]:
    found: list[FieldError] = []
    for item in error.errors():
        location = tuple(item.get("loc", ()))
        message = str(item.get("msg", "invalid")).removeprefix("Value error, ")
        if item.get("type") == "json_invalid":
            return MALFORMED_JSON, []
        if location and location[0] == "body":
            found.append(FieldError(detail=message, pointer=json_pointer(location[1:])))
        elif location:
            found.append(
                FieldError.model_validate({"detail": message, "parameter": str(location[-1]), "in": location[0]})
            )
        else:
            found.append(FieldError(detail=message))
    return VALIDATION, found


AUTH_HEADERS = {"WWW-Authenticate": 'Bearer realm="art52"'}


def install(app: FastAPI) -> None:
    """Register the handlers that turn every failure into a problem response."""

    @app.exception_handler(ProblemError)
    async def _problem(request: Request, error: ProblemError) -> JSONResponse:
        return problem_response(error.kind, error.detail, request, errors=error.errors, headers=error.headers)

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, error: RequestValidationError) -> JSONResponse:
        kind, found = _from_validation(error)
        if kind is MALFORMED_JSON:
            return problem_response(kind, "the request body could not be parsed as JSON", request)
        return problem_response(kind, f"{len(found)} invalid field(s); see errors", request, errors=found)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, error: StarletteHTTPException) -> JSONResponse:
        kind = {404: NOT_FOUND, 405: METHOD_NOT_ALLOWED, 401: UNAUTHENTICATED, 403: FORBIDDEN}.get(error.status_code)
        if kind is None:
            kind = ProblemType("http-error", error.status_code, "HTTP error")
        detail = f"no resource at {request.url.path}" if kind is NOT_FOUND else str(error.detail)
        headers = getattr(error, "headers", None)
        if kind is METHOD_NOT_ALLOWED:
            allowed = allowed_methods(request)
            headers = {**(headers or {}), "Allow": ", ".join(allowed)}
            detail = f"{request.method} is not allowed on {request.url.path}; allowed: {', '.join(allowed)}"
        return problem_response(kind, detail, request, headers=headers)

    @app.exception_handler(Art52Error)
    async def _domain(request: Request, error: Art52Error) -> JSONResponse:
        return domain_problem(error, request)

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, error: Exception) -> JSONResponse:
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return problem_response(INTERNAL, "an unexpected error occurred; it has been logged", request)


HTTP_METHODS = ("DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT")


def allowed_methods(request: Request) -> list[str]:
    """Every method some route serves at the request's path (Starlette names only the first route's).

    Each method is tried against the routes as the router itself would match it.
    """
    return [
        method
        for method in HTTP_METHODS
        if any(
            route.matches({**request.scope, "method": method})[0] is Match.FULL for route in request.app.router.routes
        )
    ]


def domain_problem(error: Art52Error, request: Request | None) -> JSONResponse:
    """The problem response for an error raised on purpose below the HTTP layer."""
    if isinstance(error, MeasureError):
        return problem_response(
            INVALID_MEASURE, f"{len(error.issues)} invalid field(s); see errors", request, _body_errors(error.issues)
        )
    if isinstance(error, RequestError):
        if error.location == "body":
            found = _body_errors(error.issues)
        else:
            found = [
                FieldError.model_validate({"detail": i.message, "parameter": i.path, "in": error.location})
                for i in error.issues
            ]
        return problem_response(VALIDATION, f"{len(found)} invalid field(s); see errors", request, found)
    if isinstance(error, AuthenticationError):
        return problem_response(UNAUTHENTICATED, str(error), request, headers=AUTH_HEADERS)
    if isinstance(error, RulebookError):
        log.error("rulebook invalid: %s", error)
        detail = f"the rulebook has {len(error.issues)} issue(s); an administrator must fix it"
        return problem_response(RULEBOOK_UNAVAILABLE, detail, request)
    if isinstance(error, UnavailableError):  # down, timed out or locked: say when to retry, never 500
        log.warning("database unavailable: %r", error.__cause__)
        headers = {"Retry-After": str(error.retry_after)}
        return problem_response(DATABASE_UNAVAILABLE, str(error), request, headers=headers)
    if isinstance(error, EngineError):
        log.error("engine failure: %s", error)
        return problem_response(ENGINE_FAILURE, "the rule engine failed; no assessment was stored", request)
    kind = {
        PermissionDeniedError: FORBIDDEN,
        NotFoundError: NOT_FOUND,
        InvalidTransitionError: INVALID_TRANSITION,
        ConflictError: CONFLICT,
        PreconditionFailedError: PRECONDITION_FAILED,
        RenderingUnavailableError: RENDERING_UNAVAILABLE,
    }.get(type(error), INTERNAL)
    if kind is INTERNAL:
        log.error("unmapped error %s: %s", type(error).__name__, error)
        return problem_response(INTERNAL, "an unexpected error occurred; it has been logged", request)
    return problem_response(kind, str(error), request)


PROBLEM_REF = "#/components/schemas/Problem"
_DESCRIPTIONS = {
    400: "Malformed JSON, JSON nested too deeply, an object repeating a key, or a malformed If-Match",
    401: "No valid bearer token",
    403: "The principal's role does not allow this, or the four-eyes rule forbids it",
    404: "No such object, or not visible to the principal's organisation",
    406: "None of the acceptable media types can be produced",
    409: "The workflow does not allow the action now, the object changed concurrently, or a request with "
    "the same Idempotency-Key is still in progress",
    412: "If-Match names a revision that is no longer current",
    413: "The request body is too large",
    415: "The request body is not JSON",
    428: "The decision names no assessment: send assessment_id in the body or If-Match",
    422: "A field is invalid (errors lists each one), or the Idempotency-Key was used for another request",
    503: "A dependency (database, rulebook, the PDF library) is unavailable",
}


def problems(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses`` entries for problem responses with the given statuses."""
    return {
        status: {"description": _DESCRIPTIONS[status], "content": {PROBLEM_JSON: {"schema": {"$ref": PROBLEM_REF}}}}
        for status in statuses
    }


def problem_components() -> dict[str, Any]:
    """The Problem schema (and what it references) as OpenAPI components."""
    schema = Problem.model_json_schema(ref_template="#/components/schemas/{model}", mode="serialization")
    components: dict[str, Any] = schema.pop("$defs", {})
    components["Problem"] = schema
    return components


# Every authenticated route can answer with these (body limits, authentication, role).
COMMON = (400, 401, 403, 413, 415, 422)
