"""Browser sessions: a bearer token is presented once and exchanged for a session.

The browser keeps only the session secret (in an HttpOnly cookie), never the
token. A session ends at its expiry, on sign-out, or as soon as its token is
revoked, since every request resolves the token again.
"""

from __future__ import annotations

import datetime as dt
import hmac
import secrets
from dataclasses import dataclass

from art52.domain.access import Principal
from art52.domain.sessions import SessionRecord
from art52.errors import AuthenticationError
from art52.services.audit import record
from art52.services.ports import Clock, UnitOfWorkFactory
from art52.services.tokens import TokenService, hash_token

SESSION_ENDED = "your session has ended; sign in again"


@dataclass(frozen=True)
class SignedIn:
    """A signed-in browser: who it is and the CSRF token its forms must carry."""

    principal: Principal
    csrf_token: str


class SessionService:
    """Opens, resolves and closes browser sessions with a server-side expiry."""

    def __init__(self, uow: UnitOfWorkFactory, clock: Clock, tokens: TokenService, lifetime: dt.timedelta) -> None:
        self._uow = uow
        self._clock = clock
        self._tokens = tokens
        self._lifetime = lifetime

    def sign_in(self, token_secret: str) -> tuple[str, SignedIn]:
        """A new session for the holder of ``token_secret``: its secret (for the cookie) and who signed in."""
        principal = self._tokens.authenticate(token_secret.strip())
        secret = secrets.token_urlsafe(32)
        now = self._clock.now()
        session = SessionRecord(
            session_hash=hash_token(secret),
            token_id=principal.token_id,
            csrf_token=secrets.token_urlsafe(32),
            created_at=now,
            expires_at=now + self._lifetime,
        )
        with self._uow() as uow:
            uow.sessions.delete_expired(now)
            uow.sessions.add(session)
            record(uow, self._clock, "session.started", principal.name, principal.organisation, principal.token_id, {})
            uow.commit()
        return secret, SignedIn(principal, session.csrf_token)

    def resolve(self, secret: str | None) -> SignedIn:
        """Who holds the session ``secret``; AuthenticationError if it is unknown, expired or its token revoked."""
        if not secret:
            raise AuthenticationError("sign in to continue")
        with self._uow(read_only=True) as uow:
            session = uow.sessions.get(hash_token(secret))
            token = uow.tokens.get(session.token_id) if session else None
        if session is None or token is None or token.revoked_at is not None or session.expired(self._clock.now()):
            raise AuthenticationError(SESSION_ENDED)
        return SignedIn(token.principal(), session.csrf_token)

    def sign_out(self, secret: str) -> None:
        """End the session: the cookie no longer opens anything, even if it was copied."""
        with self._uow() as uow:
            session = uow.sessions.get(hash_token(secret))
            if session is None:
                return
            uow.sessions.delete(session.session_hash)
            token = uow.tokens.get(session.token_id)
            if token is not None:
                record(uow, self._clock, "session.ended", token.name, token.organisation, token.id, {})
            uow.commit()


def csrf_matches(expected: str, presented: str | None) -> bool:
    """Constant-time comparison of the session's CSRF token with the one a form carried."""
    return presented is not None and hmac.compare_digest(expected.encode(), presented.encode())
