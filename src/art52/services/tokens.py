"""Bearer tokens: issued once, stored only as a hash, checked on every request.

A token is 32 random bytes, so a plain SHA-256 of it cannot be reversed or
guessed; a slow password hash would only slow every request down. The secret
is shown once, when the token is created, and never stored.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from collections.abc import Callable
from dataclasses import replace

from art52.domain.access import ORGANISATION_PATTERN, SUBJECT_PATTERN, Principal, Role, TokenRecord
from art52.errors import AuthenticationError, FieldIssue, NotFoundError, RequestError
from art52.services.audit import record
from art52.services.ports import Clock, UnitOfWorkFactory

TOKEN_PREFIX = "art52_"
MAX_NAME = 200


def hash_token(secret: str) -> str:
    """The stored form of a token."""
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def new_secret() -> str:
    return TOKEN_PREFIX + secrets.token_urlsafe(32)


class TokenService:
    """Issues, lists, revokes and authenticates bearer tokens."""

    def __init__(self, uow: UnitOfWorkFactory, clock: Clock, new_id: Callable[[], str]) -> None:
        self._uow = uow
        self._clock = clock
        self._new_id = new_id

    def create(
        self, name: str, organisation: str, role: Role, actor: str = "cli", subject: str | None = None
    ) -> tuple[TokenRecord, str]:
        """A new token and its secret (the only time the secret exists outside the caller).

        ``subject`` ties the token to a person across all their tokens (a staff number, say): the
        four-eyes rule compares subjects, never names. Without one the token is a principal of its own.
        """
        issues = []
        if subject is not None and not re.match(SUBJECT_PATTERN, subject):
            issues.append(FieldIssue("subject", "letters, digits, '.', '_', '@', ':', '+' or '-', at most 200"))
        if not name.strip() or len(name) > MAX_NAME or any(ord(c) < 32 for c in name):
            issues.append(FieldIssue("name", f"a name of 1 to {MAX_NAME} printable characters is required"))
        if not re.match(ORGANISATION_PATTERN, organisation):
            issues.append(FieldIssue("organisation", "letters, digits, '.', '_' or '-', at most 64 characters"))
        if issues:
            raise RequestError(issues)
        secret = new_secret()
        token = TokenRecord(
            id=self._new_id(),
            name=name.strip(),
            organisation=organisation,
            role=role,
            token_hash=hash_token(secret),
            created_at=self._clock.now(),
            subject=subject,
        )
        with self._uow() as uow:
            uow.tokens.add(token)
            record(
                uow,
                self._clock,
                "token.created",
                actor,
                organisation,
                token.id,
                {"name": token.name, "role": role.value, **({"subject": subject} if subject else {})},
            )
            uow.commit()
        return token, secret

    def authenticate(self, secret: str | None) -> Principal:
        """The principal holding ``secret``; AuthenticationError if it is missing, unknown or revoked."""
        if not secret:
            raise AuthenticationError("a bearer token is required (Authorization: Bearer <token>)")
        with self._uow(read_only=True) as uow:
            token = uow.tokens.by_hash(hash_token(secret))
        if token is None or token.revoked_at is not None:
            raise AuthenticationError("the bearer token is unknown or has been revoked")
        return token.principal()

    def list(self) -> list[TokenRecord]:
        with self._uow(read_only=True) as uow:
            return uow.tokens.list()

    def revoke(self, token_id: str, actor: str = "cli") -> TokenRecord:
        """Revoke a token; revoking it again changes nothing."""
        with self._uow() as uow:
            token = uow.tokens.get(token_id)
            if token is None:
                raise NotFoundError(f"no token with id {token_id}")
            if token.revoked_at is not None:
                return token
            at = self._clock.now()
            revoked = replace(token, revoked_at=at)
            uow.tokens.revoke(token_id, at)
            record(uow, self._clock, "token.revoked", actor, token.organisation, token.id, {"name": token.name})
            uow.commit()
        return revoked

    def any_active(self) -> bool:
        """Whether at least one token can be used (to tell a first start from a later one)."""
        return any(t.revoked_at is None for t in self.list())
