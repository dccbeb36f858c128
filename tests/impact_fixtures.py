"""Helpers for the impact-analysis tests: a candidate rulebook that changes one rule, and stored measures."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from contract_files import REPO

from art52.bootstrap import Container
from art52.domain.access import Principal, Role

RULES = REPO / "rules"
EXAMPLES = REPO / "examples"
# RET-011 amended: access to traffic or location data only for objectives above serious crime.
STRICTER_RET_011 = ("objective_rank: {le: 2}", "objective_rank: {le: 3}")


def candidate_rules(target: Path, change: tuple[str, str] | None = STRICTER_RET_011) -> Path:
    """A copy of the shipped rulebook, with ``change`` (old text, new text) made in retention_access.yaml."""
    shutil.copytree(RULES, target)
    if change is not None:
        path = target / "retention_access.yaml"
        text = path.read_text(encoding="utf-8")
        assert text.count(change[0]) == 1, "the amendment must name exactly one place"
        path.write_text(text.replace(*change), encoding="utf-8")
    return target


def example_documents() -> list[dict[str, Any]]:
    """The shipped examples, and ex14 turned into access to traffic data for serious crime (which RET-011 reads)."""
    documents = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(EXAMPLES.glob("ex*.json"))]
    traffic = json.loads((EXAMPLES / "ex14-ip-identity-copyright-staged.json").read_text(encoding="utf-8"))
    traffic.update(id="ex14-traffic-serious-crime", objective="serious_crime")
    traffic["data"]["categories"] = ["traffic", "location"]
    return [traffic, *documents]


def principal(container: Container, name: str, role: Role, organisation: str) -> Principal:
    _, secret = container.tokens.create(name, organisation, role)
    return container.tokens.authenticate(secret)


def store_assessed(container: Container, who: Principal, documents: list[dict[str, Any]]) -> list[str]:
    """Store each document as a measure of ``who``'s organisation and assess it; the measure ids."""
    ids = []
    for document in documents:
        created = container.measures.create(who, document)
        container.assessments.assess_measure(who, created.record.id, None)
        ids.append(created.record.id)
    return ids
