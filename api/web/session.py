"""The session cookie and the CSRF check: who is signed in, and whether a form is theirs."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Form, Request, Response
from fastapi.security import HTTPAuthorizationCredentials

from art52.api.deps import Services, bearer
from art52.domain.access import Principal
from art52.errors import PermissionDeniedError
from art52.services.sessions import SignedIn, csrf_matches

COOKIE = "art52_session"
SIGN_IN_COOKIE = "art52_sign_in"  # the CSRF token of the sign-in form (no session exists yet)
CSRF_FIELD = "csrf_token"
FORGED = "this form was not sent from a page of this site (or the page is too old): reload the page and try again"


def visitor(request: Request, services: Services) -> SignedIn:
    """The signed-in user; AuthenticationError (a redirect to the sign-in page) otherwise."""
    return services.sessions.resolve(request.cookies.get(COOKIE))


Visitor = Annotated[SignedIn, Depends(visitor)]


def checked_visitor(signed_in: Visitor, csrf_token: Annotated[str | None, Form()] = None) -> SignedIn:
    """The signed-in user, for a form post that carries the session's CSRF token."""
    if not csrf_matches(signed_in.csrf_token, csrf_token):
        raise PermissionDeniedError(FORGED)
    return signed_in


Poster = Annotated[SignedIn, Depends(checked_visitor)]


def set_cookie(response: Response, name: str, value: str, secure: bool, max_age: int | None = None) -> None:
    """A cookie only this site's pages send back: HttpOnly, SameSite=Strict, Secure unless configured off."""
    response.set_cookie(name, value, max_age=max_age, httponly=True, secure=secure, samesite="strict", path="/")


def reader(
    request: Request,
    services: Services,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> Principal:
    """The caller by bearer token or, in a browser, by session cookie (pages the API also serves)."""
    if credentials is not None or COOKIE not in request.cookies:
        return services.tokens.authenticate(credentials.credentials if credentials else None)
    return services.sessions.resolve(request.cookies[COOKIE]).principal


Reader = Annotated[Principal, Depends(reader)]
