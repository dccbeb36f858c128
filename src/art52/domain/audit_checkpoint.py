"""Signed checkpoints of the audit chain head, to be kept outside the database.

A checkpoint records how many events the chain had at a moment, the hash of the
newest one and where sealing started, with an HMAC under the audit key. Kept
somewhere the database's users cannot rewrite (an append-only file on another
machine, a log service, a printed report), it proves that those events existed:
deleting the newest events and rolling the head back, or rewriting the chain
before that point, no longer matches it.

One checkpoint is one line of JSON, so a file of checkpoints is appended to and
read line by line.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from art52.domain.audit import ChainHead, canonical_time
from art52.domain.audit_keys import CHECKPOINT_PURPOSE, AuditKey, KeyRing, seal_matches

FIELDS = ("seq", "hash", "mac_from", "created_at", "key", "mac")


@dataclass(frozen=True)
class Checkpoint:
    seq: int
    hash: str
    mac_from: int | None
    created_at: str
    key: str
    mac: str

    def message(self) -> str:
        return _canonical({"seq": self.seq, "hash": self.hash, "mac_from": self.mac_from, "at": self.created_at})

    def authentic(self, keys: KeyRing) -> bool | None:
        """Whether a key of ``keys`` signed this checkpoint; None when its key is not in the ring."""
        return seal_matches(keys, self.key, self.mac, CHECKPOINT_PURPOSE, self.message())

    def line(self) -> str:
        return _canonical({name: getattr(self, name) for name in FIELDS})


def make_checkpoint(head: ChainHead, key: AuditKey, at: dt.datetime) -> Checkpoint:
    """A checkpoint of ``head`` taken at ``at``, signed with ``key``."""
    unsigned = Checkpoint(head.seq, head.hash, head.mac_from, canonical_time(at), key.id, "")
    return Checkpoint(**{**unsigned.__dict__, "mac": key.mac(CHECKPOINT_PURPOSE, unsigned.message())})


def parse_checkpoint(line: str) -> Checkpoint:
    """A checkpoint from one line of JSON; ValueError saying what is wrong otherwise."""
    try:
        data: Any = json.loads(line)
    except json.JSONDecodeError as error:
        raise ValueError(f"not JSON ({error.msg})") from None
    if not isinstance(data, dict) or set(data) != set(FIELDS):
        raise ValueError(f"a checkpoint is an object with exactly the fields {', '.join(FIELDS)}")
    if not isinstance(data["seq"], int) or isinstance(data["seq"], bool) or data["seq"] < 0:
        raise ValueError("seq must be a whole number, 0 or more")
    if data["mac_from"] is not None and (not isinstance(data["mac_from"], int) or isinstance(data["mac_from"], bool)):
        raise ValueError("mac_from must be a whole number or null")
    for name in ("hash", "created_at", "key", "mac"):
        if not isinstance(data[name], str):
            raise ValueError(f"{name} must be a string")
    return Checkpoint(**data)


def _canonical(value: dict[str, Any]) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
