"""The audit key ring, read from the settings: ART52_AUDIT_KEY and ART52_AUDIT_KEY_FILE.

The current key (which seals new events and checkpoints) is ART52_AUDIT_KEY when
set, otherwise the first key in the file; every key of either is accepted when
verifying, which is how a key is rotated without losing the older seals. A key
is a line of at least 32 characters (e.g. ``openssl rand -hex 32``); blank lines
and lines starting with ``#`` in the file are skipped.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import SecretStr

from art52.domain.audit_keys import MIN_KEY_LENGTH, AuditKey, KeyRing
from art52.errors import ConfigurationError


def load_key_ring(key: SecretStr | None, key_file: Path | None) -> KeyRing:
    """The key ring of the settings (empty when neither is set); ConfigurationError naming a bad one."""
    secrets: list[tuple[str, str]] = []
    if key is not None:
        secrets.append(("ART52_AUDIT_KEY", key.get_secret_value().strip()))
    if key_file is not None:
        try:
            lines = key_file.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as error:
            raise ConfigurationError(f"ART52_AUDIT_KEY_FILE: cannot read {key_file}: {type(error).__name__}") from None
        secrets += [
            (f"ART52_AUDIT_KEY_FILE line {number}", line.strip())
            for number, line in enumerate(lines, start=1)
            if line.strip() and not line.lstrip().startswith("#")
        ]
        if len(secrets) == (1 if key is not None else 0):
            raise ConfigurationError(f"ART52_AUDIT_KEY_FILE: {key_file} holds no key")
    keys: list[AuditKey] = []
    for origin, secret in secrets:
        if len(secret) < MIN_KEY_LENGTH:
            raise ConfigurationError(f"{origin}: an audit key must be at least {MIN_KEY_LENGTH} characters long")
        audit_key = AuditKey(secret.encode("utf-8"))
        if audit_key.id not in {k.id for k in keys}:
            keys.append(audit_key)
    return KeyRing(tuple(keys))
