"""The page templates: the web application's own, and the report's macros under ``report/``."""

from __future__ import annotations

from functools import cache
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import ChoiceLoader, Environment, PackageLoader, PrefixLoader, StrictUndefined, select_autoescape

from art52.api.web.session import CSRF_FIELD
from art52.api.web.static_files import HTMX
from art52.report.wording import VERDICT_TEXT
from art52.services.sessions import SignedIn

# A page may hold what only its user may see. Its Content-Security-Policy (scripts only from
# this server, no framing, forms only back to it) is set for every HTML response by api.security_headers.
PAGE_HEADERS = {"Cache-Control": "no-store"}


@cache
def environment() -> Environment:
    loader = ChoiceLoader(
        [
            PackageLoader("art52.api.web", "templates"),
            PrefixLoader({"report": PackageLoader("art52.report", "templates")}),
        ]
    )
    env = Environment(
        loader=loader,
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        extensions=["jinja2.ext.do"],
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["verdict_text"] = VERDICT_TEXT  # a verdict in the report's words, on every page
    env.globals["htmx_script"] = HTMX
    return env


def page(
    request: Request, template: str, visitor: SignedIn | None, status_code: int = 200, **context: Any
) -> HTMLResponse:
    """``template`` rendered for ``visitor`` (None before sign-in), with the CSRF field name and token.

    ``enhanced`` tells a template that htmx asked (its ``HX-Request`` header), so the part it
    swaps in may take the focus; a full page load leaves the focus where the browser puts it.
    """
    body = (
        environment()
        .get_template(template)
        .render(
            visitor=visitor,
            csrf_field=CSRF_FIELD,
            csrf=visitor.csrf_token if visitor else context.pop("csrf", ""),
            path=request.url.path,
            enhanced=request.headers.get("hx-request") == "true",
            **context,
        )
    )
    return HTMLResponse(body, status_code=status_code, headers=PAGE_HEADERS)
