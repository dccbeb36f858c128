"""/docs works on a closed network: Swagger UI and its assets come from this server, never a CDN."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

from fastapi.testclient import TestClient


class _References(HTMLParser):
    """Every URL an HTML page makes the browser load: src/href attributes and URLs in inline scripts."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.urls.extend(value for name, value in attrs if name in ("src", "href") and value)
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.urls.extend(re.findall(r"""url:\s*['"]([^'"]+)['"]""", data))
            self.urls.extend(re.findall(r"""(?:https?:)?//[^\s'"]+""", data))


def _references(html: str) -> list[str]:
    parser = _References()
    parser.feed(html)
    return parser.urls


def test_docs_reference_only_this_server(client: TestClient) -> None:
    response = client.get("/docs")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    urls = _references(response.text)
    assert "/openapi.json" in urls
    assert any(url.endswith("swagger-ui-bundle.js") for url in urls)
    assert any(url.endswith("swagger-ui.css") for url in urls)
    for url in urls:
        parts = urlsplit(url)
        assert (parts.scheme, parts.netloc) == ("", ""), f"/docs loads {url} from another origin"
        assert url.startswith("/"), url
    assert "validator.swagger.io" not in response.text


def test_every_asset_of_the_docs_page_is_served(client: TestClient) -> None:
    urls = _references(client.get("/docs").text)
    for url in urls:
        asset = client.get(url)
        assert asset.status_code == 200, url
        assert asset.content, url
    script = client.get(next(url for url in urls if url.endswith("swagger-ui-bundle.js")))
    assert "javascript" in script.headers["content-type"]
    assert "SwaggerUIBundle" in script.text


def test_the_cdn_pages_are_not_offered(client: TestClient) -> None:
    assert client.get("/redoc").status_code == 404
    assert client.get("/docs/assets/no-such-file.js").status_code == 404


def test_docs_stay_out_of_the_openapi_document(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    assert not any(path.startswith("/docs") for path in paths)
