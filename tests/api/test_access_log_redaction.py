"""Credentials never reach the logs: query-string tokens and Authorization values are redacted."""

from __future__ import annotations

import logging

import pytest
from fastapi import FastAPI

from art52.api.access_log import REDACTED, redact

SECRET = "art52_abcdefghijklmnopqrstuvwxyz0123456789"


@pytest.mark.parametrize(
    "text",
    [
        f"/v1/measures?access_token={SECRET}",
        f"/v1/measures?status=draft&access_token={SECRET}&limit=5",
        f"/v1/measures?ACCESS_TOKEN={SECRET}",
        f"/v1/measures?api_key={SECRET}",
        f"/v1/measures?access%5Ftoken={SECRET}",
        f"/v1/measures?access%5ftoken={SECRET}",
        f"/v1/measures?%61ccess_token={SECRET}",
        f"/v1/measures?Api%5FKey={SECRET}",
        f"/v1/measures?access_token={SECRET[:10]}+{SECRET[10:]}",
        f"/v1/measures?access_token={SECRET[:10]}%2B{SECRET[10:]}",
        f"/v1/measures?access_token={SECRET[:10]};{SECRET[10:]}",
        f"/v1/measures?status=draft;access_token={SECRET}",
        f"Authorization: Bearer {SECRET}",
        f"authorization: basic {SECRET}",
    ],
)
def test_secrets_are_replaced(text: str) -> None:
    cleaned = redact(text)
    assert SECRET not in cleaned
    assert SECRET[-12:] not in cleaned  # nor its end, when written in two parts
    assert REDACTED in cleaned


def test_every_occurrence_of_a_repeated_secret_parameter_is_replaced() -> None:
    cleaned = redact(f"/v1/measures?token=one{SECRET}&status=draft&access%5Ftoken=two{SECRET}&token=three{SECRET}")
    assert SECRET not in cleaned
    assert cleaned == f"/v1/measures?token={REDACTED}&status=draft&access%5Ftoken={REDACTED}&token={REDACTED}"


def test_a_name_that_decodes_to_another_name_is_kept() -> None:
    # "+" decodes to a space: "access token" is not a parameter that carries a secret, nor is "monkey".
    assert redact("/v1/measures?access+token=1&mon%6Bey=2") == "/v1/measures?access+token=1&mon%6Bey=2"


def test_other_parameters_are_kept() -> None:
    assert redact("/v1/measures?status=draft&limit=5") == "/v1/measures?status=draft&limit=5"
    assert redact("/v1/measures?monkey=1") == "/v1/measures?monkey=1"  # "key" only as a whole name


def test_the_access_log_of_the_app_is_redacted(app: FastAPI, caplog: pytest.LogCaptureFixture) -> None:
    """uvicorn logs the path with its query string as an argument of the access line."""
    access = logging.getLogger("uvicorn.access")
    with caplog.at_level(logging.INFO, logger="uvicorn.access"):
        access.info(
            '%s - "%s %s HTTP/%s" %d', "127.0.0.1:5000", "GET", f"/v1/measures?access_token={SECRET}", "1.1", 401
        )
    assert caplog.records
    assert SECRET not in caplog.text
    assert f"access_token={REDACTED}" in caplog.text
