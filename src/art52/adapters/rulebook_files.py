"""A rulebook as files: read from a directory or a git ref, and rebuilt from them anywhere.

A candidate rulebook travels as its YAML files (relative path → text) so that a
worker on another machine re-assesses under exactly what was loaded; it is
rebuilt in a temporary directory and validated by the ordinary loader.
"""

from __future__ import annotations

import hashlib
import io
import json
import subprocess
import tarfile
import tempfile
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path, PurePosixPath

from art52.documents.text import decode_text
from art52.errors import RulebookError, RuleIssue
from art52.rulebook.catalog import Rulebook
from art52.rulebook.loader import load_rulebook

PATTERN = "*.yaml"


def read_rules_tree(directory: Path) -> dict[str, str]:
    """The YAML files under ``directory`` (the rules and their law/ tables), by relative path."""
    if not directory.is_dir():
        raise RulebookError([RuleIssue(str(directory), None, None, "rules directory does not exist")])
    return {
        path.relative_to(directory).as_posix(): decode_text(path.read_bytes())
        for path in sorted(directory.rglob(PATTERN))
    }


def read_git_rules(ref: str, repository: Path, folder: str = "rules") -> dict[str, str]:
    """The YAML files of ``folder`` at the git ``ref`` of ``repository`` (read with ``git archive``)."""
    try:
        archive = subprocess.run(
            ["git", "-C", str(repository), "archive", "--format=tar", ref, folder],
            check=True,
            capture_output=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError) as error:
        detail = getattr(error, "stderr", b"") or str(error).encode()
        message = f"cannot read {folder}/ at git ref {ref}: {detail.decode(errors='replace').strip()}"
        raise RulebookError([RuleIssue(ref, None, None, message)]) from None
    files: dict[str, str] = {}
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        for member in tar.getmembers():
            name = PurePosixPath(member.name)
            if member.isfile() and name.match(PATTERN):
                extracted = tar.extractfile(member)
                if extracted is not None:
                    files[name.relative_to(folder).as_posix()] = decode_text(extracted.read())
    return dict(sorted(files.items()))


def build_rulebook(files: Mapping[str, str]) -> Rulebook:
    """Validate and build the rulebook made of ``files`` (kept per process for the files' content)."""
    return _build(json.dumps(dict(sorted(files.items())), ensure_ascii=False))


@lru_cache(maxsize=8)
def _build(canonical: str) -> Rulebook:
    files: dict[str, str] = json.loads(canonical)
    digest = hashlib.sha256(canonical.encode()).hexdigest()[:12]
    with tempfile.TemporaryDirectory(prefix=f"art52-rulebook-{digest}-") as scratch:
        root = Path(scratch)
        for name, text in files.items():
            target = (root / name).resolve()
            if root.resolve() not in target.parents or not PurePosixPath(name).match(PATTERN):
                raise RulebookError([RuleIssue(name, None, None, "not a rule file inside the rulebook")])
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        return load_rulebook(root)
