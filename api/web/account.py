"""Sign-in (a bearer token exchanged for a session) and sign-out."""

from __future__ import annotations

import secrets
from typing import Annotated

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from art52.api.deps import Services
from art52.api.web.render import page
from art52.api.web.session import COOKIE, SIGN_IN_COOKIE, Poster, set_cookie
from art52.errors import AuthenticationError
from art52.services.sessions import csrf_matches

router = APIRouter(tags=["web"], include_in_schema=False)
MAX_TOKEN = 200


def _safe_next(target: str | None) -> str:
    """Only a path of this site: never an open redirect."""
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return "/"


def _sign_in_page(request: Request, services: Services, next_path: str, error: str | None, status: int) -> Response:
    token = secrets.token_urlsafe(32)
    response = page(request, "sign_in.html.j2", None, status, csrf=token, next_path=next_path, error=error)
    set_cookie(response, SIGN_IN_COOKIE, token, services.settings.secure_cookies)
    return response


@router.get("/sign-in", response_class=HTMLResponse)
def sign_in_form(
    request: Request, services: Services, next_path: Annotated[str | None, Query(alias="next", max_length=2000)] = None
) -> Response:
    return _sign_in_page(request, services, _safe_next(next_path), None, 200)


@router.post("/sign-in")
def sign_in(
    request: Request,
    services: Services,
    token: Annotated[str, Form(max_length=MAX_TOKEN)] = "",
    csrf_token: Annotated[str | None, Form()] = None,
    next_path: Annotated[str | None, Form(alias="next", max_length=2000)] = None,
) -> Response:
    target = _safe_next(next_path)
    expected = request.cookies.get(SIGN_IN_COOKIE)
    if not expected or not csrf_matches(expected, csrf_token):
        return _sign_in_page(request, services, target, "The sign-in form had expired. Please try again.", 403)
    try:
        secret, _signed_in = services.sessions.sign_in(token)
    except AuthenticationError:
        message = "This token is not known or has been revoked. Check it, or ask for a new one."
        return _sign_in_page(request, services, target, message, 401)
    response = RedirectResponse(target, status_code=303)
    set_cookie(
        response, COOKIE, secret, services.settings.secure_cookies, max_age=services.settings.session_minutes * 60
    )
    response.delete_cookie(SIGN_IN_COOKIE, path="/")
    return response


@router.post("/sign-out")
def sign_out(request: Request, services: Services, _visitor: Poster) -> Response:
    services.sessions.sign_out(request.cookies.get(COOKIE, ""))
    response = RedirectResponse("/sign-in", status_code=303)
    response.delete_cookie(COOKIE, path="/", secure=services.settings.secure_cookies, httponly=True, samesite="strict")
    return response
