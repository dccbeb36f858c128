"""An assessment as a page (the report, answer first), contesting a finding, and the downloads."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from art52.api.deps import Services, known_id
from art52.api.web.render import page
from art52.api.web.session import Poster, Visitor
from art52.domain.actions import may_contest, may_try_changes
from art52.errors import RequestError
from art52.report.model import ESSENCE_NOTICE, build_report
from art52.report.render import markdown
from art52.rulebook.schema import RULE_ID_PATTERN
from art52.services.sessions import SignedIn

router = APIRouter(tags=["web"], include_in_schema=False, default_response_class=HTMLResponse)
MAX_REASON = 4000


def _assessment_page(
    request: Request, services: Services, visitor: SignedIn, assessment_id: str, error: str | None, status: int
) -> HTMLResponse:
    detail = services.assessments.get(visitor.principal, assessment_id)
    report = build_report(detail.assessment, detail.contests, detail.stored, detail.decisions)
    shown = [*report.decisive, *(f for p in report.principles for f in p.open_findings), *report.satisfied]
    return page(
        request,
        "assessment.html.j2",
        visitor,
        status,
        r=report,
        outcome=detail.assessment.enforcing_outcome,
        findings={f.rule_id: f for f in shown},
        essence_notice=ESSENCE_NOTICE,
        stored=detail.stored,
        may_contest=may_contest(visitor.principal),
        may_try=may_try_changes(visitor.principal),
        error=error,
    )


@router.get("/assessments/{assessment_id}")
def assessment(assessment_id: str, request: Request, services: Services, visitor: Visitor) -> HTMLResponse:
    return _assessment_page(request, services, visitor, known_id(assessment_id, "assessment"), None, 200)


@router.post("/assessments/{assessment_id}/contest")
def contest(
    assessment_id: str,
    request: Request,
    services: Services,
    visitor: Poster,
    rule_id: Annotated[str, Form(pattern=RULE_ID_PATTERN)],
    reason: Annotated[str, Form(max_length=MAX_REASON)] = "",
) -> Response:
    found = known_id(assessment_id, "assessment")
    try:
        services.reviews.contest(visitor.principal, found, rule_id, reason)
    except RequestError as error:
        shown = "; ".join(i.message for i in error.issues)
        return _assessment_page(request, services, visitor, found, f"The contest needs a reason: {shown}.", 422)
    return RedirectResponse(f"/assessments/{found}#finding-{rule_id}", status_code=303)


@router.get("/assessments/{assessment_id}/report.md")
def report_markdown(assessment_id: str, services: Services, visitor: Visitor) -> Response:
    detail = services.assessments.get(visitor.principal, known_id(assessment_id, "assessment"))
    report = build_report(detail.assessment, detail.contests, detail.stored, detail.decisions)
    return Response(
        markdown(report),
        media_type="text/markdown; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="assessment-{detail.stored.id}.md"'},
    )


@router.get("/assessments/{assessment_id}/report.pdf")
def report_pdf(assessment_id: str, services: Services, visitor: Visitor) -> Response:
    from art52.report.pdf import render_pdf

    detail = services.assessments.get(visitor.principal, known_id(assessment_id, "assessment"))
    report = build_report(detail.assessment, detail.contests, detail.stored, detail.decisions)
    return Response(
        render_pdf(report),
        media_type="application/pdf",
        headers={"Content-Disposition": f'attachment; filename="assessment-{detail.stored.id}.pdf"'},
    )
