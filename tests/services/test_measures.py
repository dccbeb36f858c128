"""Measures as use cases: versions, organisations, listing and paging."""

from __future__ import annotations

from typing import Any

import pytest

from art52.domain.access import Principal
from art52.domain.principles import Verdict
from art52.domain.records import MeasureFilter
from art52.domain.workflow import Status
from art52.errors import MeasureError, NotFoundError, PermissionDeniedError, RequestError


def test_an_invalid_measure_is_refused_naming_each_field(services: Any, alice: Principal) -> None:
    with pytest.raises(MeasureError) as refused:
        services.measures.create(alice, {"title": "x", "data": {"categories": ["telepathy"]}, "colour": "red"})
    paths = sorted(i.path for i in refused.value.issues)
    assert paths == ["/colour", "/data/categories/0"]
    assert services.store.measures == {}
    assert services.store.events == []


def test_a_measure_is_visible_only_inside_its_organisation(
    services: Any, alice: Principal, mallory: Principal, document: dict[str, Any]
) -> None:
    measure_id = services.measures.create(alice, document).record.id
    with pytest.raises(NotFoundError):
        services.measures.get(mallory, measure_id)
    with pytest.raises(NotFoundError):
        services.measures.versions(mallory, measure_id)
    with pytest.raises(NotFoundError):
        services.measures.revise(mallory, measure_id, document)
    assert services.measures.page(mallory, MeasureFilter()).items == []


def test_a_filter_naming_another_organisation_shows_nothing(
    services: Any, alice: Principal, mallory: Principal, document: dict[str, Any]
) -> None:
    services.measures.create(alice, document)
    assert services.measures.page(mallory, MeasureFilter(organisation="ministry")).items == []


def test_auditors_read_across_organisations_but_change_nothing(
    services: Any, alice: Principal, mallory: Principal, auditor: Principal, document: dict[str, Any]
) -> None:
    ours = services.measures.create(alice, document).record.id
    theirs = services.measures.create(mallory, document).record.id
    assert services.measures.get(auditor, ours).record.organisation == "ministry"
    listed = services.measures.page(auditor, MeasureFilter()).items
    assert {m.id for m in listed} == {ours, theirs}
    only_theirs = services.measures.page(auditor, MeasureFilter(organisation="other-ministry")).items
    assert [m.id for m in only_theirs] == [theirs]
    with pytest.raises(PermissionDeniedError):
        services.measures.create(auditor, document)
    with pytest.raises(PermissionDeniedError):
        services.reviews.submit(auditor, ours)


def test_pages_cover_every_measure_once_newest_first(services: Any, alice: Principal, document: dict[str, Any]) -> None:
    created = [services.measures.create(alice, {**document, "title": f"Measure {n}"}).record.id for n in range(5)]
    seen: list[str] = []
    cursor = None
    while True:
        page = services.measures.page(alice, MeasureFilter(), after=cursor, limit=2)
        seen += [m.id for m in page.items]
        cursor = page.next_cursor
        if cursor is None:
            break
    assert seen == list(reversed(created))


def test_a_cursor_that_was_not_issued_is_refused(services: Any, alice: Principal) -> None:
    with pytest.raises(RequestError) as refused:
        services.measures.page(alice, MeasureFilter(), after="not-a-cursor")
    assert refused.value.location == "query"
    assert refused.value.issues[0].path == "after"


def test_measures_are_filtered_by_status_and_verdict(services: Any, alice: Principal, document: dict[str, Any]) -> None:
    draft = services.measures.create(alice, document).record.id
    submitted = services.measures.create(alice, document).record.id
    services.reviews.submit(alice, submitted)
    verdict = services.assessments.assess_measure(alice, submitted, None).stored.verdict

    def ids(where: MeasureFilter) -> list[str]:
        return [m.id for m in services.measures.page(alice, where).items]

    assert ids(MeasureFilter(status=Status.DRAFT)) == [draft]
    assert ids(MeasureFilter(status=Status.ASSESSED)) == [submitted]
    assert ids(MeasureFilter(verdict=verdict)) == [submitted]
    other = next(v for v in Verdict if v is not verdict)
    assert ids(MeasureFilter(verdict=other)) == []
