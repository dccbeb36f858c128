"""Measures: create, read, list, revise (a new version), and read earlier versions."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request, Response, status

from art52.api.deps import Caller, Document, ExpectedRevision, Services, known_id, set_etag
from art52.api.errors import problems
from art52.api.openapi import example_measures, measure_body
from art52.api.schemas import (
    DecisionOut,
    MeasureOut,
    MeasurePage,
    MeasureSummary,
    VersionList,
    VersionOut,
    VersionSummary,
)
from art52.config import Settings
from art52.domain.access import ORGANISATION_PATTERN
from art52.domain.principles import Verdict
from art52.domain.records import MeasureFilter
from art52.domain.workflow import Status
from art52.services.measures import CURSOR_PATTERN, DEFAULT_PAGE, MAX_PAGE, MeasureDetail

MAX_VERSION = 2**31 - 1


def measure_out(response: Response, detail: MeasureDetail) -> MeasureOut:
    """The measure as answered, its revision in the ETag header."""
    set_etag(response, detail.record)
    return MeasureOut(
        **MeasureSummary.from_record(detail.record).model_dump(),
        document=detail.document,
        decisions=[DecisionOut.from_record(d) for d in detail.decisions],
    )


def router(settings: Settings) -> APIRouter:
    """The measure routes; ``settings`` locates the example measures used in the documentation."""
    examples = example_measures(settings.examples_dir)
    api = APIRouter(prefix="/v1/measures", tags=["measures"])

    @api.post(
        "",
        status_code=status.HTTP_201_CREATED,
        response_model=MeasureOut,
        summary="Create a measure (version 1, draft) in the caller's organisation",
        openapi_extra=measure_body(examples, "A measure document valid under the measure contract."),
        responses=problems(400, 401, 403, 413, 415, 422),
    )
    def create_measure(
        request: Request, response: Response, caller: Caller, services: Services, document: Document
    ) -> MeasureOut:
        detail = services.measures.create(caller, document)
        response.headers["Location"] = str(request.url_for("get_measure", measure_id=detail.record.id))
        return measure_out(response, detail)

    @api.get(
        "",
        response_model=MeasurePage,
        summary="List measures visible to the caller, newest first",
        responses=problems(401, 403, 422),
    )
    def list_measures(
        caller: Caller,
        services: Services,
        status_filter: Annotated[Status | None, Query(alias="status")] = None,
        organisation: Annotated[str | None, Query(pattern=ORGANISATION_PATTERN)] = None,
        verdict: Verdict | None = None,
        after: Annotated[
            str | None,
            Query(max_length=512, pattern=CURSOR_PATTERN, description="cursor from a previous page's next (opaque)"),
        ] = None,
        limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = DEFAULT_PAGE,
    ) -> MeasurePage:
        where = MeasureFilter(status=status_filter, organisation=organisation, verdict=verdict)
        page = services.measures.page(caller, where, after, limit)
        return MeasurePage(items=[MeasureSummary.from_record(r) for r in page.items], next=page.next_cursor)

    @api.get(
        "/{measure_id}",
        response_model=MeasureOut,
        summary="Read a measure: status, current document and decisions (ETag: its revision)",
        responses=problems(401, 403, 404),
    )
    def get_measure(measure_id: str, response: Response, caller: Caller, services: Services) -> MeasureOut:
        detail = services.measures.get(caller, known_id(measure_id, "measure"))
        return measure_out(response, detail)

    @api.put(
        "/{measure_id}",
        response_model=MeasureOut,
        summary="Revise a draft or returned measure: stores the next version (earlier ones stay readable)",
        openapi_extra=measure_body(examples, "The complete new version of the measure document."),
        responses=problems(400, 401, 403, 404, 409, 412, 413, 415, 422),
    )
    def revise_measure(
        measure_id: str,
        response: Response,
        caller: Caller,
        services: Services,
        expected: ExpectedRevision,
        document: Document,
    ) -> MeasureOut:
        detail = services.measures.revise(caller, known_id(measure_id, "measure"), document, expected)
        return measure_out(response, detail)

    @api.get(
        "/{measure_id}/versions",
        response_model=VersionList,
        summary="The versions of a measure, oldest first",
        responses=problems(401, 403, 404),
    )
    def list_versions(measure_id: str, caller: Caller, services: Services) -> VersionList:
        versions = services.measures.versions(caller, known_id(measure_id, "measure"))
        return VersionList(
            items=[VersionSummary(number=v.number, created_by=v.created_by, created_at=v.created_at) for v in versions]
        )

    @api.get(
        "/{measure_id}/versions/{number}",
        response_model=VersionOut,
        summary="One version of a measure document, as it was stored",
        responses=problems(401, 403, 404, 422),
    )
    def get_version(
        measure_id: str,
        number: Annotated[int, Path(ge=1, le=MAX_VERSION)],
        caller: Caller,
        services: Services,
    ) -> VersionOut:
        return VersionOut.from_record(services.measures.version(caller, known_id(measure_id, "measure"), number))

    return api
