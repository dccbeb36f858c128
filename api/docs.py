"""Interactive API documentation that works offline.

``/docs`` is Swagger UI served from the installed ``swagger-ui-bundle-v2`` package under
``/docs/assets``: closed ministry networks reach no CDN, so the page references only
URLs of this server. ReDoc (FastAPI's ``/redoc``) would load from a CDN and is not offered.
"""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from swagger_ui_bundle import swagger_ui_path

DOCS_PATH = "/docs"
ASSETS_PATH = "/docs/assets"
# No validator badge: Swagger UI would send the OpenAPI document to validator.swagger.io.
SWAGGER_UI_PARAMETERS = {"validatorUrl": None, "deepLinking": True, "displayRequestDuration": True}


def install(app: FastAPI) -> None:
    """Serve Swagger UI at ``/docs`` and its assets at ``/docs/assets`` (create the app with ``docs_url=None``)."""
    app.mount(ASSETS_PATH, StaticFiles(directory=str(swagger_ui_path)), name="docs-assets")

    @app.get(DOCS_PATH, include_in_schema=False)
    async def docs(request: Request) -> HTMLResponse:
        root = str(request.scope.get("root_path", ""))
        return get_swagger_ui_html(
            openapi_url=f"{root}{app.openapi_url}",
            title=f"{app.title} — API documentation",
            swagger_js_url=f"{root}{ASSETS_PATH}/swagger-ui-bundle.js",
            swagger_css_url=f"{root}{ASSETS_PATH}/swagger-ui.css",
            swagger_favicon_url=f"{root}{ASSETS_PATH}/favicon-32x32.png",
            oauth2_redirect_url=None,
            swagger_ui_parameters=SWAGGER_UI_PARAMETERS,
        )
