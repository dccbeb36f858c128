"""Keyed seals (HMAC-SHA256) over the audit chain, with a key the database never holds.

The hash chain alone proves nothing to someone who does not trust the database:
anyone who can write to it can recompute every hash from any point on. A MAC
over each event's hash, with a key kept outside the database, cannot be
recomputed without that key. Each seal names the key that made it (a short
fingerprint, never the key), so keys can be rotated: new events are sealed with
the current key, and verification accepts every key still in the ring.

Every MAC is computed over a purpose label and the message, so a MAC made for
one purpose (an event) is never valid for another (a checkpoint).
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass

MIN_KEY_LENGTH = 32
EVENT_PURPOSE = "art52 audit event v1"
CHECKPOINT_PURPOSE = "art52 audit checkpoint v1"


@dataclass(frozen=True, repr=False)
class AuditKey:
    """A secret key for sealing the audit trail (never shown: its repr and id reveal nothing of it)."""

    secret: bytes

    def __post_init__(self) -> None:
        if len(self.secret) < MIN_KEY_LENGTH:
            raise ValueError(f"an audit key must be at least {MIN_KEY_LENGTH} bytes long")

    @property
    def id(self) -> str:
        """A fingerprint naming the key in seals and checkpoints."""
        return hashlib.sha256(b"art52 audit key id\n" + self.secret).hexdigest()[:16]

    def mac(self, purpose: str, message: str) -> str:
        return hmac.new(self.secret, f"{purpose}\n{message}".encode(), hashlib.sha256).hexdigest()

    def __repr__(self) -> str:
        return f"AuditKey(id={self.id})"


@dataclass(frozen=True)
class KeyRing:
    """The keys in use: the first seals new events and checkpoints; all of them are accepted when checking."""

    keys: tuple[AuditKey, ...] = ()

    @property
    def current(self) -> AuditKey | None:
        return self.keys[0] if self.keys else None

    def find(self, key_id: str) -> AuditKey | None:
        return next((key for key in self.keys if key.id == key_id), None)

    def __bool__(self) -> bool:
        return bool(self.keys)


def event_message(seq: int, event_hash: str) -> str:
    """What an event's MAC covers: its place and its hash (which covers its content and every event before)."""
    return f"{seq}:{event_hash}"


def seal_matches(keys: KeyRing, key_id: str, mac: str, purpose: str, message: str) -> bool | None:
    """Whether ``mac`` is the MAC of ``message`` under the key ``key_id``; None when that key is not in the ring."""
    key = keys.find(key_id)
    if key is None:
        return None
    return hmac.compare_digest(key.mac(purpose, message), mac)
