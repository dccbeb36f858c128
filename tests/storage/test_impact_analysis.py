"""Impact analysis: a candidate rulebook re-assesses the stored measures, and only the changes are reported."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from impact_fixtures import candidate_rules, example_documents, principal, store_assessed

from art52.adapters.rulebook_files import read_rules_tree
from art52.bootstrap import Container, build_container
from art52.cli import main
from art52.config import Settings
from art52.domain.access import Role
from art52.domain.records import MeasureFilter
from art52.engine.reference import ReferenceBackend
from art52.errors import PermissionDeniedError
from art52.rulebook.loader import load_rulebook
from art52.services.assessments import Assessor
from art52.services.impact import ImpactReport
from art52.services.impact_report import CSV_COLUMNS


@pytest.fixture
def in_process(database: Settings) -> Iterator[Container]:
    """The services with jobs run in this process, on SQLite and on PostgreSQL alike."""
    built = build_container(database.model_copy(update={"jobs": "in_process", "impact_chunk_size": 4}))
    try:
        yield built
    finally:
        built.close()


def finished(container: Container, analysis_id: str) -> ImpactReport:
    join = getattr(container.jobs, "join", None)
    assert join is not None
    assert join(timeout=120)
    report = container.impact.report(None, analysis_id)
    assert report.finished
    return report


def _essentials(result: dict[str, Any]) -> tuple[Any, ...]:
    """What an official acts on, read straight from the assessment JSON."""
    findings = sorted((f["rule_id"], f["rule_version"], f["effect"]) for f in result["findings"])
    return result["verdict"], {k: v["outcome"] for k, v in result["principles"].items()}, findings


def test_an_amended_rule_reports_exactly_the_measures_whose_result_it_changes(
    in_process: Container, tmp_path: Path
) -> None:
    container = in_process
    alice = principal(container, "Alice", Role.SUBMITTER, "ministry")
    documents = example_documents()
    ids = store_assessed(container, alice, documents)
    candidate_dir = candidate_rules(tmp_path / "candidate")
    candidate = container.impact.load("test", None, read_rules_tree(candidate_dir), str(candidate_dir))

    analysis = container.impact.start("test", candidate.id, MeasureFilter())
    report = finished(container, analysis.id)

    # Oracle: each stored result against an independent assessment under the candidate (reference evaluator).
    oracle = Assessor(load_rulebook(candidate_dir), ReferenceBackend())
    expected = set()
    for measure_id, document in zip(ids, documents, strict=True):
        stored = container.assessments.for_measure(alice, measure_id)[-1]
        again = json.loads(oracle.assess(document, as_of=stored.as_of).to_json())
        if _essentials(json.loads(stored.result)) != _essentials(again):
            expected.add(measure_id)
    assert expected, "the amendment must change at least one example, or this test proves nothing"
    assert {r.measure_id for r in report.changed} == expected
    assert report.processed == analysis.total == len(ids)
    assert all("RET-011@1" in r.rules for r in report.changed)
    assert [g.rules for g in report.groups] == sorted({r.rules for r in report.changed})
    assert report.counts()["unchanged"] == len(ids) - len(expected)


def test_the_same_rulebook_changes_nothing(in_process: Container, tmp_path: Path) -> None:
    alice = principal(in_process, "Alice", Role.SUBMITTER, "ministry")
    store_assessed(in_process, alice, example_documents()[:6])
    same = candidate_rules(tmp_path / "same", change=None)
    candidate = in_process.impact.load("test", None, read_rules_tree(same), str(same))
    report = finished(in_process, in_process.impact.start("test", candidate.id, MeasureFilter()).id)
    assert report.counts() == {"changed": 0, "unchanged": 6, "not_assessed_before": 0, "failed": 0}


def test_a_chunk_run_again_counts_no_measure_twice(in_process: Container, tmp_path: Path) -> None:
    alice = principal(in_process, "Alice", Role.SUBMITTER, "ministry")
    store_assessed(in_process, alice, example_documents()[:9])
    candidate_dir = candidate_rules(tmp_path / "candidate")
    candidate = in_process.impact.load("test", None, read_rules_tree(candidate_dir), str(candidate_dir))
    analysis = in_process.impact.start("test", candidate.id, MeasureFilter())
    first = finished(in_process, analysis.id)
    for chunk in range(analysis.chunks):  # as if every chunk's worker had died after committing
        in_process.impact.run_chunk(analysis.id, chunk)
    again = in_process.impact.report(None, analysis.id)
    assert again.processed == 9
    assert again.results == first.results
    finished_events = [
        e for e in in_process.audit.feed(_auditor(in_process), 0, 500).events if e.subject == analysis.id
    ]
    assert [e.kind for e in finished_events] == ["impact_analysis.started", "impact_analysis.finished"]


def _auditor(container: Container) -> Any:
    return principal(container, "Audrey", Role.AUDITOR, "oversight")


def test_nothing_becomes_an_assessment_of_record_until_a_rule_admin_adopts_the_rulebook(
    in_process: Container, tmp_path: Path
) -> None:
    alice = principal(in_process, "Alice", Role.SUBMITTER, "ministry")
    rita = principal(in_process, "Rita", Role.RULE_ADMIN, "ministry")
    ids = store_assessed(in_process, alice, example_documents()[:5])
    before = {i: in_process.assessments.for_measure(alice, i) for i in ids}
    candidate_dir = candidate_rules(tmp_path / "candidate")
    candidate = in_process.impact.load_as(rita, read_rules_tree(candidate_dir), "test")
    finished(in_process, in_process.impact.start_as(rita, candidate.id, None, None, None).id)
    assert {i: in_process.assessments.for_measure(alice, i) for i in ids} == before
    with pytest.raises(PermissionDeniedError):
        in_process.impact.adopt(alice, candidate.id)
    adopted = in_process.impact.adopt(rita, candidate.id)
    assert adopted.adopted_by == "Rita"
    assert in_process.impact.rulebook(rita, candidate.id).adopted_at == adopted.adopted_at
    kinds = [e.kind for e in in_process.audit.feed(rita, 0, 500).events if e.subject == candidate.id]
    assert kinds == ["rulebook.loaded", "rulebook.adopted"]


def test_a_rule_admin_analyses_only_its_own_organisation(in_process: Container, tmp_path: Path) -> None:
    alice = principal(in_process, "Alice", Role.SUBMITTER, "ministry")
    bob = principal(in_process, "Bob", Role.SUBMITTER, "agency")
    rita = principal(in_process, "Rita", Role.RULE_ADMIN, "ministry")
    mine = store_assessed(in_process, alice, example_documents()[:3])
    store_assessed(in_process, bob, example_documents()[:3])
    candidate_dir = candidate_rules(tmp_path / "candidate")
    candidate = in_process.impact.load_as(rita, read_rules_tree(candidate_dir), "test")
    report = finished(in_process, in_process.impact.start_as(rita, candidate.id, None, None, None).id)
    assert sorted(r.measure_id for r in report.results) == sorted(mine)
    assert {r.organisation for r in report.results} == {"ministry"}


def test_the_command_reports_the_changes_as_json_and_csv_and_exits_1_when_some_measure_changes(
    in_process: Container,
    database: Settings,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    alice = principal(in_process, "Alice", Role.SUBMITTER, "ministry")
    ids = store_assessed(in_process, alice, example_documents()[:3])
    monkeypatch.setenv("ART52_DATABASE_URL", database.database_url)
    if database.database_schema:
        monkeypatch.setenv("ART52_DATABASE_SCHEMA", database.database_schema)
    monkeypatch.setenv("ART52_JOBS", "in_process")
    candidate_dir = candidate_rules(tmp_path / "candidate")
    capsys.readouterr()

    assert main(["impact", "--rules", str(candidate_dir)]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["counts"] == {"changed": 1, "unchanged": 2, "not_assessed_before": 0, "failed": 0}
    assert report["groups"] == [{"rules": ["RET-011@1"], "measures": [ids[0]]}]

    assert main(["impact", "--rules", str(candidate_dir), "--format", "csv", "--organisation", "elsewhere"]) == 0
    assert capsys.readouterr().out.splitlines() == [",".join(CSV_COLUMNS)]

    assert main(["impact", "--rules", str(tmp_path / "missing")]) == 78
    assert main(["impact"]) == 64
    assert "either --rules DIR or --git-ref REF" in capsys.readouterr().err
