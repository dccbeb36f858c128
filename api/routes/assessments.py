"""Assessments: of stored measures (kept, with reports), and stateless of a posted measure."""

from __future__ import annotations

import time
from typing import Annotated

from fastapi import APIRouter, Body, Header, Query, Request, Response, status

from art52.api.deps import AppMetrics, Caller, Document, ExpectedRevision, Services, known_id
from art52.api.errors import NOT_ACCEPTABLE, ProblemError, problems
from art52.api.negotiation import negotiate
from art52.api.openapi import example_measures, measure_body
from art52.api.schemas import AssessmentList, AssessRequest, IsoDate, StoredAssessmentOut, StoredAssessmentSummary
from art52.config import Settings
from art52.domain.assessment import Assessment
from art52.domain.perspective import Perspective
from art52.report.model import build_report
from art52.report.render import html, markdown
from art52.report.summary import summary_json

REPORT_TYPES = ("text/markdown", "text/html", "application/pdf", "application/json")
REPORT_SCHEMAS = {
    "application/pdf": {"type": "string", "format": "binary"},
    "application/json": {
        "type": "object",
        "description": "the report's lead: verdict, reason, decisive findings, what would change it, questions, "
        "conditions, each principle's one line, the record of a stored assessment, and, from the enforcing side, "
        "the enforcing authority's outcome",
        "required": ["summary_version", "verdict", "reason", "decisive", "questions", "conditions", "principles"],
    },
}


def router(settings: Settings) -> APIRouter:
    examples = example_measures(settings.examples_dir)
    api = APIRouter(tags=["assessments"])

    @api.post(
        "/v1/measures/{measure_id}/assessments",
        status_code=status.HTTP_201_CREATED,
        response_model=StoredAssessmentOut,
        summary="Assess the current version of a measure and store the result",
        description="A submitted measure becomes assessed. The result is immutable and reproducible: it records "
        "the measure version, the legal date, the rulebook hash and the engine backend. A measure in review "
        "cannot be re-assessed (409): the reviewer decides on the assessment taken, or returns the measure.",
        responses=problems(400, 401, 403, 404, 409, 412, 413, 415, 422, 503),
    )
    def assess_measure(
        measure_id: str,
        request: Request,
        response: Response,
        caller: Caller,
        services: Services,
        metrics: AppMetrics,
        expected: ExpectedRevision,
        body: Annotated[AssessRequest | None, Body()] = None,
    ) -> StoredAssessmentOut:
        started = time.perf_counter()
        as_of = body.as_of if body else None
        perspective = body.perspective if body else Perspective.ISSUING
        detail = services.assessments.assess_measure(
            caller, known_id(measure_id, "measure"), as_of, expected, perspective
        )
        metrics.observe_assessment("stored", detail.stored.verdict.value, time.perf_counter() - started)
        response.headers["Location"] = str(request.url_for("get_assessment", assessment_id=detail.stored.id))
        return StoredAssessmentOut.from_detail(detail)

    @api.get(
        "/v1/measures/{measure_id}/assessments",
        response_model=AssessmentList,
        summary="The stored assessments of a measure, oldest first",
        responses=problems(401, 403, 404),
    )
    def list_assessments(measure_id: str, caller: Caller, services: Services) -> AssessmentList:
        found = services.assessments.for_measure(caller, known_id(measure_id, "measure"))
        return AssessmentList(items=[StoredAssessmentSummary.from_record(s) for s in found])

    @api.get(
        "/v1/assessments/{assessment_id}",
        response_model=StoredAssessmentOut,
        summary="A stored assessment with its full result and the contests raised against its findings",
        responses=problems(401, 403, 404),
    )
    def get_assessment(assessment_id: str, caller: Caller, services: Services) -> StoredAssessmentOut:
        return StoredAssessmentOut.from_detail(services.assessments.get(caller, known_id(assessment_id, "assessment")))

    @api.get(
        "/v1/assessments/{assessment_id}/report",
        summary="The assessment report: Markdown, print-ready HTML, PDF or its lead as JSON, by the Accept header",
        description="The report leads with the answer: the verdict and its reason, the decisive findings, what "
        "would change the outcome, the questions that could still change it and the conditions to impose; then "
        "each principle, satisfied findings last. It names the measure version, the assessment, the rulebook, "
        "the legal date and the review decisions.",
        response_class=Response,
        responses={
            200: {
                "description": "The report",
                "content": {media: {"schema": REPORT_SCHEMAS.get(media, {"type": "string"})} for media in REPORT_TYPES},
            },
            **problems(401, 403, 404, 406, 503),
        },
    )
    def get_report(
        assessment_id: str,
        caller: Caller,
        services: Services,
        accept: Annotated[
            str | None,
            Header(description="text/markdown (default), text/html, application/pdf, or application/json (the lead)"),
        ] = None,
    ) -> Response:
        media = negotiate(accept, REPORT_TYPES)
        if media is None:
            raise ProblemError(NOT_ACCEPTABLE, f"the report is available as {' or '.join(REPORT_TYPES)}")
        detail = services.assessments.get(caller, known_id(assessment_id, "assessment"))
        report = build_report(detail.assessment, detail.contests, detail.stored, detail.decisions)
        if media == "application/pdf":
            from art52.report.pdf import render_pdf

            return Response(render_pdf(report), media_type=media, headers={"Vary": "Accept"})
        if media == "application/json":
            return Response(summary_json(report), media_type=media, headers={"Vary": "Accept"})
        text = html(report) if media == "text/html" else markdown(report)
        return Response(text, media_type=f"{media}; charset=utf-8", headers={"Vary": "Accept"})

    @api.post(
        "/v1/assess",
        response_model=Assessment,
        summary="Assess a posted measure without storing anything",
        openapi_extra=measure_body(examples, "A measure document valid under the measure contract."),
        responses=problems(400, 401, 403, 413, 415, 422, 503),
    )
    def assess(
        caller: Caller,
        services: Services,
        metrics: AppMetrics,
        document: Document,
        as_of: Annotated[IsoDate | None, Query(description="legal date (default: from the measure, or today)")] = None,
        remedies: Annotated[
            bool,
            Query(
                description="add `why_not` and `remedies`: the rules and facts that keep each principle from being "
                "satisfied, and the smallest changes that make the measure compliant, each verified by re-assessing "
                "the changed measure (bounded search; costs up to a few hundred assessments)"
            ),
        ] = False,
        perspective: Annotated[
            Perspective,
            Query(
                description="whose duties to apply to a cross-border order: issuing (default) or enforcing, which "
                "adds `enforcing_outcome` (no ground for refusal, a ground for refusal, insufficient information, no "
                "order under review when it was not notified, or not applicable when no enforcing rule applies)"
            ),
        ] = Perspective.ISSUING,
    ) -> Assessment:
        started = time.perf_counter()
        result = services.assessments.assess_document(caller, document, as_of, remedies, perspective)
        metrics.observe_assessment("stateless", result.verdict.value, time.perf_counter() - started)
        return result

    return api
