"""The on-disk cache: cached rulebooks and compiled rulesets give byte-identical assessments,
and a damaged or stale entry is ignored and rebuilt."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from art52.adapters.disk_cache import DiskCache
from art52.engine.durable import DurableBackend
from art52.engine.reference import ReferenceBackend
from art52.rulebook.loader import load_rulebook
from art52.rulebook.snapshot import from_snapshot, to_snapshot
from art52.services.assessments import Assessor

TODAY = dt.date(2025, 1, 1)
EXAMPLES = (
    "ex04-ip-retention-online-crime.json",
    "ex07-epres-order-incomplete.json",
    "ex11-bulk-interception-ministerial.json",
)


@pytest.fixture
def rules(tmp_path: Path) -> Path:
    from conftest import RULES_DIR

    copied = tmp_path / "rules"
    shutil.copytree(RULES_DIR, copied)
    return copied


def documents(examples_dir: Path) -> list[Any]:
    return [json.loads((examples_dir / name).read_text()) for name in EXAMPLES]


def assessments(assessor: Assessor, examples: list[Any]) -> list[str]:
    return [assessor.assess(document).to_json() for document in examples]


def cached_assessor(cache: DiskCache, rules: Path) -> Assessor:
    """A fresh process's view: a new backend whose compiled rulesets come from ``cache``."""
    backend = DurableBackend()
    backend.store = cache
    return Assessor(cache.rulebook(rules), backend, today=lambda: TODAY)


def test_cached_rulebook_and_rulesets_give_byte_identical_assessments(
    tmp_path: Path, rules: Path, examples_dir: Path
) -> None:
    examples = documents(examples_dir)
    uncached = Assessor(load_rulebook(rules), DurableBackend(), today=lambda: TODAY)
    expected = assessments(uncached, examples)
    cache = DiskCache(tmp_path / "cache")
    cold = assessments(cached_assessor(cache, rules), examples)  # fills the cache
    assert {p.name.split("-")[0] for p in (tmp_path / "cache").iterdir()} == {"compiled", "rulebook"}
    warm = assessments(cached_assessor(DiskCache(tmp_path / "cache"), rules), examples)  # reads it
    assert cold == expected
    assert warm == expected
    reference = Assessor(DiskCache(tmp_path / "cache").rulebook(rules), ReferenceBackend(), today=lambda: TODAY)
    assert [json.loads(a)["verdict"] for a in assessments(reference, examples)] == [
        json.loads(a)["verdict"] for a in expected
    ]


@pytest.mark.parametrize("damage", ["garbage", "truncated", "valid digest, wrong content"])
def test_a_damaged_cache_is_ignored_and_rebuilt(tmp_path: Path, rules: Path, examples_dir: Path, damage: str) -> None:
    examples = documents(examples_dir)
    cache_dir = tmp_path / "cache"
    expected = assessments(cached_assessor(DiskCache(cache_dir), rules), examples)
    for entry in cache_dir.iterdir():
        raw = entry.read_bytes()
        if damage == "garbage":
            entry.write_bytes(b"\x00not json")
        elif damage == "truncated":
            entry.write_bytes(raw[: len(raw) // 2])
        else:  # a well-formed entry whose content was changed: it must not hash to its recorded version
            payload = json.loads(raw.partition(b"\n")[2])
            if "rules" in payload:
                payload["rules"][0]["spec"]["then"]["effect"] = "satisfied"
            else:
                payload["rule_keys"] = payload["rule_keys"][:-1]
            text = json.dumps(payload).encode()
            entry.write_bytes(hashlib.sha256(text).hexdigest().encode() + b"\n" + text)
    assert assessments(cached_assessor(DiskCache(cache_dir), rules), examples) == expected
    for entry in cache_dir.iterdir():  # rewritten whole: each entry's digest matches again
        digest, _, payload = entry.read_bytes().partition(b"\n")
        assert hashlib.sha256(payload).hexdigest().encode() == digest


def test_an_edited_rule_file_is_never_served_from_the_cache(tmp_path: Path, rules: Path) -> None:
    cache = DiskCache(tmp_path / "cache")
    before = cache.rulebook(rules)
    target = next(p for p in sorted(rules.glob("*.yaml")) if p.name != "sources.yaml")
    target.write_text(target.read_text().replace("title: ", "title: Edited ", 1))
    after = DiskCache(tmp_path / "cache").rulebook(rules)
    assert after.version != before.version
    assert after.version == load_rulebook(rules).version


def test_a_snapshot_that_does_not_hash_to_its_version_is_refused(rules: Path) -> None:
    snapshot = to_snapshot(load_rulebook(rules))
    assert from_snapshot(json.loads(json.dumps(snapshot))).version == snapshot["version"]
    snapshot["rules"][0]["spec"]["title"] = "Another title"
    with pytest.raises(ValueError, match="recorded version"):
        from_snapshot(snapshot)


def test_an_unwritable_cache_is_not_used(tmp_path: Path, rules: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache directory would be")
    book = DiskCache(blocker / "cache").rulebook(rules)
    assert book.version == load_rulebook(rules).version


def test_a_snapshot_rebuilds_the_rules_the_loader_made(rules: Path) -> None:
    book = load_rulebook(rules)
    again = from_snapshot(json.loads(json.dumps(to_snapshot(book))))
    assert again.rules == book.rules  # the parsed conditions, the default 'otherwise', the places
    assert [r.spec.model_fields_set for r in again.rules] == [r.spec.model_fields_set for r in book.rules]


def test_a_snapshot_whose_conditions_were_changed_is_refused(rules: Path) -> None:
    snapshot = to_snapshot(load_rulebook(rules))
    snapshot["rules"][0]["condition"] = {"not": snapshot["rules"][0]["condition"]}
    with pytest.raises(ValueError, match="recorded version"):
        from_snapshot(snapshot)
    snapshot["rules"][0]["condition"] = {"all": [], "any": []}
    with pytest.raises(ValueError, match="not a rulebook snapshot"):
        from_snapshot(snapshot)


def test_a_ruleset_unregistered_and_needed_again_is_read_back_not_recompiled(
    tmp_path: Path, rules: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from art52.engine import durable
    from art52.engine.evaluator import ruleset_id

    compiled: list[str] = []
    real_compile = durable.compile_ruleset

    def compile_spy(name: str, *args: Any, **kwargs: Any) -> Any:
        compiled.append(name)
        return real_compile(name, *args, **kwargs)

    monkeypatch.setattr(durable, "compile_ruleset", compile_spy)
    book = load_rulebook(rules)
    backend = DurableBackend(keep_rulesets=1)
    backend.store = DiskCache(tmp_path / "cache")
    earlier, later = book.in_force(dt.date(2019, 1, 1)), book.in_force(TODAY)
    assert earlier != later
    first, second = ruleset_id(book, earlier), ruleset_id(book, later)
    expected = ReferenceBackend().evaluate(first, earlier, {})
    assert backend.evaluate(first, earlier, {}) == expected
    backend.evaluate(second, later, {})  # unregisters the first
    assert backend.registered() == (second,)
    assert backend.evaluate(first, earlier, {}) == expected
    assert compiled == [first, second]
