"""Impact analysis over HTTP: a rule_admin loads a candidate, analyses, reads JSON and CSV, and adopts it."""

from __future__ import annotations

import csv
import io
import time
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from impact_fixtures import candidate_rules, example_documents

from art52.adapters.rulebook_files import read_rules_tree
from art52.bootstrap import migrate


@pytest.fixture
def settings(tmp_path: Path, settings_for: Any) -> Any:
    """The test settings; the server looks the adopted rulebook up on every use."""
    built = settings_for(tmp_path, adopted_rulebook_ttl=0)
    migrate(built)
    return built


def finished(client: TestClient, location: str, headers: dict[str, str]) -> dict[str, Any]:
    """Poll the analysis until it has finished (jobs run in the server's process on SQLite)."""
    for _ in range(600):
        body: dict[str, Any] = client.get(location, headers=headers).json()
        if body["state"] == "finished":
            return body
        time.sleep(0.1)
    raise AssertionError("the analysis did not finish")


def test_a_rule_admin_sees_which_measures_a_candidate_changes_and_adopts_it(
    client: TestClient, callers: Any, flow: Any, tmp_path: Path, problem: Any
) -> None:
    documents = example_documents()[:4]
    ids = [flow.create(d) for d in documents]
    for measure_id in ids:
        flow.assess(measure_id)
    outsider_measure = client.post("/v1/measures", json=documents[0], headers=callers.outsider).json()["id"]
    files = read_rules_tree(candidate_rules(tmp_path / "candidate"))

    loaded = client.post("/v1/rulebooks", json={"source": "draft", "files": files}, headers=callers.rule_admin)
    assert loaded.status_code == 201, loaded.text
    rulebook = loaded.json()
    assert rulebook["version"].startswith("sha256:")
    assert rulebook["adopted_at"] is None

    started = client.post("/v1/impact-analyses", json={"rulebook_id": rulebook["id"]}, headers=callers.rule_admin)
    assert started.status_code == 202, started.text
    report = finished(client, started.headers["Location"], callers.rule_admin)
    assert report["progress"] == {"measures": 4, "processed": 4, "chunks": 1}
    changed = {c["measure_id"] for c in report["changes"] if c["kind"] == "changed"}
    assert changed == {ids[0]}  # the traffic-data variant, whose access RET-011 now refuses for serious crime
    assert report["groups"] == [{"rules": ["RET-011@1"], "measures": [ids[0]]}]
    assert outsider_measure not in str(report)

    table = client.get(started.headers["Location"], headers={**callers.rule_admin, "Accept": "text/csv"})
    assert table.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(table.text)))
    assert sorted(r["measure_id"] for r in rows) == sorted(ids)
    assert {r["measure_id"]: r["kind"] for r in rows}[ids[0]] == "changed"

    problem(client.post(f"/v1/rulebooks/{rulebook['id']}/adoption", headers=callers.submitter), 403, "forbidden")
    adopted = client.post(f"/v1/rulebooks/{rulebook['id']}/adoption", headers=callers.rule_admin)
    assert adopted.status_code == 200
    assert adopted.json()["adopted_by"] == "Ada Admin"
    events = client.get("/v1/events", headers=callers.rule_admin).json()["events"]
    kinds = [e["kind"] for e in events]
    assert kinds[-4:] == ["rulebook.loaded", "impact_analysis.started", "impact_analysis.finished", "rulebook.adopted"]

    before = client.get(f"/v1/measures/{ids[0]}/assessments", headers=callers.submitter).json()
    assert {a["rulebook_version"] for a in before["items"]} != {rulebook["version"]}
    after = client.post(f"/v1/measures/{ids[0]}/assessments", headers=callers.submitter).json()
    assert after["rulebook_version"] == rulebook["version"]
    assert after["verdict"] == report["changes"][0]["verdict"]


def test_an_invalid_candidate_is_refused_naming_its_file(client: TestClient, callers: Any, problem: Any) -> None:
    files = {"retention.yaml": "- id: RET-999\n  version: 1\n"}
    body = problem(
        client.post("/v1/rulebooks", json={"source": "draft", "files": files}, headers=callers.rule_admin),
        422,
        "validation-error",
    )
    assert any(e["pointer"].startswith("/files/") for e in body["errors"]), body


def test_only_a_rule_admin_runs_analyses_and_only_of_its_organisation(
    client: TestClient, callers: Any, problem: Any
) -> None:
    missing = {"rulebook_id": "00000000-0000-4000-8000-000000000000"}
    problem(client.post("/v1/impact-analyses", json=missing, headers=callers.submitter), 403, "forbidden")
    problem(client.post("/v1/impact-analyses", json=missing, headers=callers.rule_admin), 404, "not-found")
    problem(client.get("/v1/impact-analyses/not-an-id", headers=callers.rule_admin), 404, "not-found")
