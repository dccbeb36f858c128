"""The web application's static files, shipped in the package and served at ``/static`` (no CDN).

A file's name carries its version (``htmx-2.0.11.min.js``), so a browser may keep it for a
year without asking again: a new version is a new name, hence a new URL.
"""

from __future__ import annotations

from starlette.responses import Response
from starlette.staticfiles import StaticFiles
from starlette.types import Scope

PREFIX = "/static"
HTMX = f"{PREFIX}/htmx-2.0.11.min.js"
"""The vendored htmx, which the pages load (see ``static/README.md``)."""
IMMUTABLE = "public, max-age=31536000, immutable"


class VersionedStaticFiles(StaticFiles):
    """Starlette's static files, each marked cacheable for a year since its name changes with its content."""

    async def get_response(self, path: str, scope: Scope) -> Response:
        response = await super().get_response(path, scope)
        if response.status_code == 200:
            response.headers["cache-control"] = IMMUTABLE
        return response


def static_files() -> VersionedStaticFiles:
    """The files of the package folder ``art52.api.web/static``."""
    return VersionedStaticFiles(packages=[("art52.api.web", "static")])
