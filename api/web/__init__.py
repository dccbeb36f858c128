"""The web application for officials and reviewers: server-rendered pages on the API's services.

Pages are plain HTML forms (they work without JavaScript), enhanced by the vendored htmx
where it loads (see ``static/README.md``); a bearer token is
exchanged once for a session cookie; every form carries the session's CSRF token.
"""

from __future__ import annotations

from fastapi import FastAPI

from art52.api.web import (
    account,
    assessment_pages,
    dashboard,
    failures,
    interview_pages,
    measure_pages,
    new_measure,
    what_if_pages,
)
from art52.api.web.static_files import PREFIX, static_files


def install(app: FastAPI) -> None:
    """Add the pages at ``/``, their static files and their error pages (API routes keep problem+json)."""
    for module in (account, dashboard, new_measure, interview_pages, measure_pages, assessment_pages, what_if_pages):
        app.include_router(module.router)
    app.mount(PREFIX, static_files(), name="static")
    failures.install(app)
