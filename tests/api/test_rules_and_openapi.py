"""The rulebook over HTTP, and the OpenAPI document that describes the whole API."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from art52.api.app import create_app
from art52.bootstrap import build_container, rulebook_from
from art52.config import Settings
from art52.domain.access import Role


@pytest.fixture
def book(settings: Settings) -> Any:
    return rulebook_from(settings.rules_dir)


def test_the_rulebook_summary_names_the_version_recorded_in_assessments(
    client: TestClient, callers: Any, book: Any
) -> None:
    body = client.get("/v1/rulebook", headers=callers.rule_admin).json()
    assert body["version"] == book.version
    assert body["rule_versions"] == len(book.rules)
    assert body["rules"] == len(book.rule_ids())
    assert sum(body["families"].values()) == len(book.rules)


def test_rules_are_filtered_by_family_principle_and_date(client: TestClient, callers: Any, book: Any) -> None:
    everything = client.get("/v1/rules", headers=callers.submitter).json()["items"]
    assert len(everything) == len(book.rules)
    family = book.rules[0].family
    by_family = client.get("/v1/rules", params={"family": family}, headers=callers.submitter).json()["items"]
    assert by_family
    assert all(r["family"] == family for r in by_family)
    necessity = client.get("/v1/rules", params={"principle": "necessity"}, headers=callers.submitter).json()["items"]
    assert necessity
    assert all(r["principle"] == "necessity" for r in necessity)
    on = dt.date(2015, 1, 1)
    in_force = client.get("/v1/rules", params={"in_force_on": on.isoformat()}, headers=callers.submitter).json()
    assert [(r["id"], r["version"]) for r in in_force["items"]] == [(r.id, r.version) for r in book.in_force(on)]


def test_a_rule_shows_conditions_explanation_sources_and_scenarios(client: TestClient, callers: Any, book: Any) -> None:
    rule = book.rules[0]
    body = client.get(f"/v1/rules/{rule.id}", headers=callers.submitter).json()
    version = body["versions"][0]
    assert version["basis"] == rule.spec.basis.value
    assert version["when"]
    assert version["then"]["explanation"]
    assert version["sources"][0]["source_id"] == rule.spec.sources[0].ref
    assert version["defined_at"].startswith("rules/")
    assert version["defined_at"].endswith(f":{book.versions(rule.id)[0].line}")
    documented = [
        r for r in book.rule_ids() if client.get(f"/v1/rules/{r}", headers=callers.submitter).json()["scenarios"]
    ]
    assert documented, "at least one rule is documented by a tagged scenario"
    scenario = client.get(f"/v1/rules/{documented[0]}", headers=callers.submitter).json()["scenarios"][0]
    assert f"@{documented[0]}" in scenario["tags"]
    assert scenario["feature"].endswith(".feature")
    assert scenario["steps"]


def test_a_broken_feature_file_leaves_the_rule_pages_up(settings: Settings, tmp_path: Path, book: Any) -> None:
    rule_id = book.rule_ids()[0]
    features = tmp_path / "features"
    features.mkdir()
    (features / "broken.feature").write_text("Scenario: no feature line\n  When x\n")
    (features / "good.feature").write_text(
        f"Feature: F\n  @{rule_id}\n  Rule: R\n    Scenario: Inherits the tag\n      When it is assessed\n"
    )
    container = build_container(Settings(**{**settings.model_dump(), "features_dir": features}))
    try:
        headers = {"Authorization": f"Bearer {container.tokens.create('Alice', 'ministry', Role.SUBMITTER)[1]}"}
        with TestClient(create_app(container)) as client:
            response = client.get(f"/v1/rules/{rule_id}", headers=headers)
    finally:
        container.close()
    assert response.status_code == 200
    assert response.json()["scenarios"] == [
        {
            "feature": "good.feature",
            "name": "Inherits the tag",
            "line": 4,
            "tags": [f"@{rule_id}"],
            "steps": ["When it is assessed"],
        }
    ]


def test_a_source_lists_the_rules_citing_it(client: TestClient, callers: Any, book: Any) -> None:
    source_id = book.rules[0].spec.sources[0].ref
    body = client.get(f"/v1/sources/{source_id}", headers=callers.submitter).json()
    assert body["id"] == source_id
    assert book.rules[0].id in body["cited_by"]


def test_unknown_rules_and_sources_are_404_problems(client: TestClient, callers: Any, problem: Any) -> None:
    problem(client.get("/v1/rules/XYZ-999", headers=callers.submitter), 404, "not-found")
    problem(client.get("/v1/sources/no_such_source", headers=callers.submitter), 404, "not-found")


def test_the_openapi_document_describes_measures_with_the_example_measures(
    client: TestClient, examples_dir: Path
) -> None:
    document = client.get("/openapi.json").json()
    body = document["paths"]["/v1/measures"]["post"]["requestBody"]["content"]["application/json"]
    assert body["schema"] == {"$ref": "#/components/schemas/MeasureDocument"}
    schemas = document["components"]["schemas"]
    assert "MeasureDocument" in schemas
    assert "Problem" in schemas
    assert all(ref.startswith("#/components/") for ref in _refs(document))
    assert set(body["examples"]) == {p.name.split("-")[0] for p in examples_dir.glob("*.json")}
    example = document["components"]["examples"]["ex01"]["value"]
    assert example["id"] == "ex01-quick-freeze-serious-crime"
    assert document["components"]["securitySchemes"]["bearerToken"]["scheme"] == "bearer"


def test_every_operation_documents_its_problem_responses(client: TestClient) -> None:
    document = client.get("/openapi.json").json()
    for path, item in document["paths"].items():
        for method, operation in item.items():
            if path.startswith("/v1"):
                assert "401" in operation["responses"], (method, path)
                problem = operation["responses"]["401"]["content"]["application/problem+json"]["schema"]
                assert problem == {"$ref": "#/components/schemas/Problem"}


def test_the_api_is_documented_without_the_example_measures(settings: Settings, tmp_path: Path) -> None:
    container = build_container(Settings(**{**settings.model_dump(), "examples_dir": tmp_path / "absent"}))
    try:
        with TestClient(create_app(container)) as client:
            document = client.get("/openapi.json").json()
    finally:
        container.close()
    assert "examples" not in document["paths"]["/v1/measures"]["post"]["requestBody"]["content"]["application/json"]


def _refs(node: Any) -> list[str]:
    if isinstance(node, dict):
        found = [node["$ref"]] if isinstance(node.get("$ref"), str) else []
        return found + [ref for value in node.values() for ref in _refs(value)]
    if isinstance(node, list):
        return [ref for item in node for ref in _refs(item)]
    return []
