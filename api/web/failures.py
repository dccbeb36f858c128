"""Errors on pages are pages: sign-in for an ended session, 403/404 in words, never a leak.

API routes keep their problem+json answers: the handlers installed by
``art52.api.errors`` are wrapped, and consulted for everything that is not a page.
"""

from __future__ import annotations

import inspect
import logging
from collections.abc import Awaitable, Callable
from typing import Any
from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import RedirectResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from art52.api.web.render import page
from art52.errors import (
    Art52Error,
    AuthenticationError,
    ConflictError,
    DocumentError,
    InvalidTransitionError,
    MeasureError,
    NotFoundError,
    PermissionDeniedError,
    PreconditionFailedError,
    RequestError,
    UnavailableError,
)

log = logging.getLogger("api")
API_PREFIXES = ("/v1", "/rules", "/health", "/metrics", "/docs", "/openapi", "/redoc")
Handler = Callable[[Request, Any], Response | Awaitable[Response]]


def is_page(request: Request) -> bool:
    """A request for a page of the web application (the API and the handbook answer in their own way)."""
    route = request.scope.get("route")
    if route is not None:
        return "web" in getattr(route, "tags", ())
    return not request.url.path.startswith(API_PREFIXES) and "text/html" in request.headers.get("accept", "")


def error_page(request: Request, error: Exception) -> Response:
    """The page for ``error``: what happened in words, and where to go next."""
    if isinstance(error, AuthenticationError):
        return RedirectResponse(f"/sign-in?next={quote(request.url.path)}", status_code=303)
    status, title = _status_and_title(error)
    if status == 500:
        log.exception("unhandled error on %s %s", request.method, request.url.path, exc_info=error)
        message = "An unexpected error occurred. It has been logged; please try again later."
    elif isinstance(error, StarletteHTTPException):
        message = str(error.detail)
    else:
        message = str(error)
    if isinstance(error, StarletteHTTPException) and error.status_code == 404:
        message = "There is no page at this address."
    if isinstance(error, RequestValidationError):
        message = "The address or the form contains a value that is not allowed."
    return page(request, "error.html.j2", None, status, title=title, message=message, status=status)


def _status_and_title(error: Exception) -> tuple[int, str]:
    if isinstance(error, NotFoundError):
        return 404, "Not found"
    if isinstance(error, PermissionDeniedError):
        return 403, "Not allowed"
    if isinstance(error, ConflictError | PreconditionFailedError):
        return 409, "Someone else acted first"
    if isinstance(error, InvalidTransitionError):
        return 409, "Not possible now"
    if isinstance(error, RequestError | MeasureError | DocumentError | RequestValidationError):
        return 422, "The form is not valid"
    if isinstance(error, UnavailableError):
        return 503, "Try again in a moment"
    if isinstance(error, StarletteHTTPException):
        return error.status_code, "Not found" if error.status_code == 404 else "Not possible"
    return 500, "Something went wrong"


def install(app: FastAPI) -> None:
    """Wrap the API's handlers so that pages get pages."""
    for kind in (Art52Error, StarletteHTTPException, RequestValidationError, Exception):
        app.add_exception_handler(kind, _for_pages(app.exception_handlers[kind]))


def _for_pages(api_handler: Handler) -> Handler:
    async def handle(request: Request, error: Exception) -> Response:
        if is_page(request):
            return error_page(request, error)
        answered = api_handler(request, error)
        return await answered if inspect.isawaitable(answered) else answered

    return handle
