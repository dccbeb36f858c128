"""Sending a webhook message: one HTTP POST, bounded in time, its outcome reported rather than raised."""

from __future__ import annotations

import urllib.error
import urllib.request

TIMEOUT_SECONDS = 10.0
USER_AGENT = "art52-webhooks"


def post(url: str, headers: dict[str, str], body: bytes) -> tuple[int | None, str | None]:
    """The HTTP status of the answer (None if none came) and, for a failure, what went wrong."""
    request = urllib.request.Request(url, data=body, method="POST", headers={**headers, "user-agent": USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
            status: int = response.status
            return status, None
    except urllib.error.HTTPError as error:
        return error.code, f"HTTP {error.code}"
    except (urllib.error.URLError, OSError, ValueError) as error:
        return None, f"{type(error).__name__}: {error}"[:500]
