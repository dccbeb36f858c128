"""Signing in to the web application from a test client, and the CSRF token of its forms."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from art52.bootstrap import Container
from art52.domain.access import Role


def csrf_of(html: str) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert found, "the page has no CSRF field"
    return found.group(1)


def sign_in(client: TestClient, secret: str) -> str:
    """Sign in with ``secret``; the CSRF token of the signed-in session."""
    form = client.get("/sign-in")
    response = client.post(
        "/sign-in", data={"token": secret, "csrf_token": csrf_of(form.text), "next": "/"}, follow_redirects=False
    )
    assert response.status_code == 303, response.text
    return csrf_of(client.get("/").text)


def token(container: Container, name: str, role: Role, organisation: str = "ministry") -> str:
    subject = name.lower().replace(" ", "-")  # one person, one subject on all their tokens (as in conftest)
    return container.tokens.create(name, organisation, role, subject=subject)[1]
