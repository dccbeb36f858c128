"""A browser session: a bearer token exchanged once for a short-lived, revocable session.

Only hashes of the session secret are stored, as for tokens; the CSRF token is
per session and is checked on every form the session posts.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class SessionRecord:
    """A signed-in browser: whose token it stands for, its CSRF token, and when it ends."""

    session_hash: str
    token_id: str
    csrf_token: str
    created_at: dt.datetime
    expires_at: dt.datetime

    def expired(self, now: dt.datetime) -> bool:
        return now >= self.expires_at
