"""The audit key ring from the settings: the current key first, every key verifying, bad ones named."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import SecretStr

from art52.adapters.audit_keys import load_key_ring
from art52.domain.audit_keys import AuditKey
from art52.errors import ConfigurationError

NEW = "n" * 40
OLD = "o" * 40


def test_no_setting_means_no_key() -> None:
    assert not load_key_ring(None, None)


def test_the_key_setting_comes_before_the_keys_of_the_file(tmp_path: Path) -> None:
    ring_file = tmp_path / "keys"
    ring_file.write_text(f"# rotated on 2026-12-01\n\n{OLD}\n")
    ring = load_key_ring(SecretStr(NEW), ring_file)
    assert ring.current == AuditKey(NEW.encode())
    assert ring.find(AuditKey(OLD.encode()).id) == AuditKey(OLD.encode())


def test_the_first_key_of_the_file_seals_when_no_key_is_set(tmp_path: Path) -> None:
    ring_file = tmp_path / "keys"
    ring_file.write_text(f"{NEW}\n{OLD}\n")
    assert load_key_ring(None, ring_file).current == AuditKey(NEW.encode())


def test_a_short_key_is_refused_naming_where_it_came_from(tmp_path: Path) -> None:
    ring_file = tmp_path / "keys"
    ring_file.write_text(f"{NEW}\ntoo short\n")
    with pytest.raises(ConfigurationError, match="ART52_AUDIT_KEY_FILE line 2: an audit key must be at least 32"):
        load_key_ring(None, ring_file)
    with pytest.raises(ConfigurationError, match=r"^ART52_AUDIT_KEY: an audit key must be at least 32"):
        load_key_ring(SecretStr("short"), None)


def test_a_missing_or_empty_key_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ConfigurationError, match="cannot read"):
        load_key_ring(None, tmp_path / "absent")
    empty = tmp_path / "empty"
    empty.write_text("# nothing yet\n")
    with pytest.raises(ConfigurationError, match="holds no key"):
        load_key_ring(SecretStr(NEW), empty)


def test_the_key_never_appears_in_an_error(tmp_path: Path) -> None:
    ring_file = tmp_path / "keys"
    ring_file.write_text("secret-but-short\n")
    with pytest.raises(ConfigurationError) as raised:
        load_key_ring(None, ring_file)
    assert "secret-but-short" not in str(raised.value)
