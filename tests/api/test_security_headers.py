"""Security headers on every response; a strict CSP on HTML that still lets /docs, reports and the handbook work."""

from __future__ import annotations

import base64
import hashlib
import re
from typing import Any

from fastapi.testclient import TestClient

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", re.DOTALL)
INLINE_STYLE = re.compile(r"<style[^>]*>(.*?)</style>", re.DOTALL)
SCRIPT_SOURCES = re.compile(r"<script[^>]*\bsrc=\"([^\"]+)\"")
STYLESHEETS = re.compile(r"<link[^>]*\bhref=\"([^\"]+)\"")


def directives(response: Any) -> dict[str, list[str]]:
    policy = response.headers["content-security-policy"]
    parsed = {}
    for part in policy.split(";"):
        name, *values = part.split()
        parsed[name] = values
    return parsed


def sha256(block: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(block.encode()).digest()).decode() + "'"


def assert_always(response: Any) -> None:
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["x-frame-options"] == "DENY"
    assert "server" not in response.headers


def assert_strict_html(response: Any) -> dict[str, list[str]]:
    policy = directives(response)
    assert policy["default-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["base-uri"] == ["'none'"]
    for name in ("script-src", "style-src"):
        assert "'unsafe-inline'" not in policy[name]
        assert "'unsafe-eval'" not in policy[name]
        assert "*" not in policy[name]
    return policy


def test_every_kind_of_response_carries_the_headers(client: TestClient, callers: Any) -> None:
    responses = [
        client.get("/health"),
        client.get("/v1/measures"),  # 401 problem
        client.get("/v1/measures", headers=callers.submitter),
        client.post("/v1/assess", content=b"{", headers={**callers.submitter, "Content-Type": "application/json"}),
        client.post("/v1/assess", content=b"x" * (2 * 1024 * 1024), headers=callers.submitter),  # 413 middleware
        client.get("/openapi.json"),
        client.get("/docs/assets/swagger-ui.css"),
    ]
    assert [r.status_code for r in responses] == [200, 401, 200, 400, 413, 200, 200]
    for response in responses:
        assert_always(response)


def test_authenticated_responses_are_never_cached(client: TestClient, callers: Any, flow: Any) -> None:
    measure_id = flow.create()
    for path in ("/v1/measures", f"/v1/measures/{measure_id}", "/v1/rules"):
        assert client.get(path, headers=callers.submitter).headers["cache-control"] == "no-store"
    refused = client.get("/v1/measures", headers={"Authorization": "Bearer wrong"})
    assert refused.status_code == 401
    assert refused.headers["cache-control"] == "no-store"


def test_swagger_ui_works_under_the_policy(client: TestClient) -> None:
    page = client.get("/docs")
    assert page.status_code == 200
    assert_always(page)
    policy = assert_strict_html(page)
    inline = INLINE_SCRIPT.findall(page.text)
    assert inline, "the page initialises Swagger UI inline"
    for block in inline:
        assert sha256(block) in policy["script-src"]
    external = SCRIPT_SOURCES.findall(page.text) + STYLESHEETS.findall(page.text)
    assert external
    for url in external:
        assert url.startswith("/"), f"{url} is not served by this server, which the policy forbids"
        assert client.get(url).status_code == 200, url
    assert "'self'" in policy["connect-src"]  # Swagger UI fetches /openapi.json and sends "Try it out" requests


def test_report_html_keeps_its_style_by_hash(client: TestClient, callers: Any, flow: Any) -> None:
    measure_id = flow.create()
    flow.submit(measure_id)
    assessment_id = flow.assess(measure_id)
    page = client.get(f"/v1/assessments/{assessment_id}/report", headers={**callers.submitter, "Accept": "text/html"})
    assert page.status_code == 200
    policy = assert_strict_html(page)
    styles = INLINE_STYLE.findall(page.text)
    assert styles
    for block in styles:
        assert sha256(block) in policy["style-src"]
    assert page.headers["cache-control"] == "no-store"


def test_json_responses_get_no_page_policy(client: TestClient) -> None:
    response = client.get("/health")
    assert "content-security-policy" not in response.headers
