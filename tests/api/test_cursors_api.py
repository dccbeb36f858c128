"""A list cursor the server did not issue is a 422 naming ``after``, never a 500, on both databases.

The probe that found it: a cursor carrying a timestamp with an extreme UTC
offset, which overflowed when the database compared it.
"""

from __future__ import annotations

import base64
import json
from typing import Any

import pytest
from fastapi.testclient import TestClient

from art52.config import Settings


@pytest.fixture
def settings(settings_on_each_database: Settings) -> Settings:
    return settings_on_each_database


def forged(*content: Any, padded: bool = False) -> str:
    token = base64.urlsafe_b64encode(json.dumps(list(content), separators=(",", ":")).encode()).decode()
    return token if padded else token.rstrip("=")


ID = "0b0e6a3c-0000-4000-8000-000000000000"
FORGED = {
    "extreme-offset": forged("0001-01-01T00:00:00+23:59", ID),
    "extreme-offset-late": forged("9999-12-31T23:59:59-23:59", ID),
    "first-year": forged("0001-01-01T00:00:00+00:00", ID),
    "last-year": forged("9999-12-31T23:59:59+00:00", ID),
    "other-offset": forged("2026-01-01T01:00:00+01:00", ID),
    "no-offset": forged("2026-01-01T00:00:00", ID),
    "not-an-id": forged("2026-01-01T00:00:00+00:00", "'; DROP TABLE measures; --"),
    "id-a-number": forged("2026-01-01T00:00:00+00:00", 7),
    "three-items": forged("2026-01-01T00:00:00+00:00", ID, 1),
    "padded": forged("2026-01-01T00:00:00+00:00", ID, padded=True) + "==",
    "garbage": "not a cursor at all",
    "base64-garbage": base64.urlsafe_b64encode(b"\xff\xfe\x00").decode(),
    "empty-array": forged(),
}


@pytest.mark.parametrize("cursor", list(FORGED.values()), ids=list(FORGED))
def test_a_cursor_not_issued_by_the_server_is_a_422_naming_after(
    client: TestClient, callers: Any, flow: Any, problem: Any, cursor: str
) -> None:
    flow.create()
    response = client.get("/v1/measures", params={"after": cursor}, headers=callers.submitter)
    body = problem(response, 422, "validation-error")
    assert body["errors"][0]["parameter"] == "after"


def test_an_issued_cursor_still_pages(client: TestClient, callers: Any, flow: Any) -> None:
    created = [flow.create({"title": f"Measure {n}"}) for n in range(3)]
    first = client.get("/v1/measures", params={"limit": 2}, headers=callers.submitter).json()
    rest = client.get("/v1/measures", params={"limit": 2, "after": first["next"]}, headers=callers.submitter).json()
    assert [m["id"] for m in first["items"] + rest["items"]] == list(reversed(created))
    assert rest["next"] is None
