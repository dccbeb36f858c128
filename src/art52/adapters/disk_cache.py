"""The on-disk cache of validated rulebooks and compiled rulesets, for a fast cold start.

Entries are JSON (never pickle), named by what they were made from: a rulebook
by the bytes of its rule files, a compiled ruleset by its id (which names the
rulebook's content hash and the rule versions), both together with a fingerprint
of the installed art52 code, so an edited rule or an upgrade never meets a stale
entry. Each file starts with the SHA-256 of its payload: a truncated or damaged
entry is ignored and rebuilt. Writing is atomic (a temporary file renamed into
place), and a cache that cannot be written is simply not used.

The cache lives in ``ART52_CACHE_DIR``, else ``$XDG_CACHE_HOME/art52``, else
``~/.cache/art52``.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import art52
from art52.rulebook.catalog import Rulebook
from art52.rulebook.snapshot import from_snapshot, to_snapshot

if TYPE_CHECKING:  # the compiler is imported only by the durable backend, which stores compiled rulesets
    from art52.engine.compiler.ruleset import CompiledRuleset

CACHE_FORMAT = "2"  # 2: rulebook snapshots hold the parsed conditions


def default_cache_dir() -> Path:
    """``$XDG_CACHE_HOME/art52``, or ``~/.cache/art52``."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "art52"


@cache
def code_fingerprint() -> str:
    """Names the installed art52 code: its version and every module's size and modification time."""
    package = Path(art52.__file__).resolve().parent
    digest = hashlib.sha256(f"{CACHE_FORMAT}|{art52.__version__}".encode())
    for path in sorted(package.rglob("*.py")):
        status = path.stat()
        digest.update(f"|{path.relative_to(package)}:{status.st_size}:{status.st_mtime_ns}".encode())
    return digest.hexdigest()[:16]


class DiskCache:
    """Rulebooks and compiled rulesets kept under one directory."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory

    def rulebook(self, rules_dir: Path) -> Rulebook:
        """The rulebook in ``rules_dir``: from the cache if its files are unchanged, else loaded and cached."""
        name = f"rulebook-{_files_key(rules_dir)}.json"
        data = self._read(name)
        if data is not None:
            with contextlib.suppress(ValueError):
                return from_snapshot(data)
        from art52.rulebook.loader import load_rulebook  # parsing YAML is needed only when the cache misses

        book = load_rulebook(rules_dir)  # raises RulebookError: an invalid rulebook is never cached
        self._write(name, to_snapshot(book))
        return book

    def load(self, ruleset_id: str) -> CompiledRuleset | None:
        """A compiled ruleset stored under its id (None if absent, damaged or of another id)."""
        from art52.engine.compiler.stored import ruleset_from_data

        data = self._read(self._compiled_name(ruleset_id))
        if data is None:
            return None
        try:
            compiled = ruleset_from_data(data)
        except ValueError:
            return None
        return compiled if compiled.ruleset_id == ruleset_id else None

    def save(self, compiled: CompiledRuleset) -> None:
        from art52.engine.compiler.stored import ruleset_to_data

        self._write(self._compiled_name(compiled.ruleset_id), ruleset_to_data(compiled))

    @staticmethod
    def _compiled_name(ruleset_id: str) -> str:
        return f"compiled-{code_fingerprint()}-{ruleset_id}.json"

    def _read(self, name: str) -> Any:
        try:
            raw = (self.directory / name).read_bytes()
        except OSError:
            return None
        digest, _, payload = raw.partition(b"\n")
        if hashlib.sha256(payload).hexdigest().encode() != digest:
            return None
        try:
            return json.loads(payload)
        except ValueError:
            return None

    def _write(self, name: str, data: Any) -> None:
        payload = json.dumps(data, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self.directory, prefix=".tmp-")
            with os.fdopen(handle, "wb") as file:
                file.write(hashlib.sha256(payload).hexdigest().encode() + b"\n" + payload)
            os.replace(temporary, self.directory / name)
        except OSError:
            with contextlib.suppress(OSError, UnboundLocalError):
                os.unlink(temporary)


def _files_key(rules_dir: Path) -> str:
    """Names the rule files' exact content (and the code reading them)."""
    digest = hashlib.sha256(code_fingerprint().encode())
    for path in sorted(rules_dir.glob("*.yaml")):
        digest.update(f"|{path.name}|".encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:32]
