"""Trying a remedy of an assessment ("what if"): the measure with the remedy, assessed and compared; nothing stored.

The page runs the service behind ``POST /v1/measures/{id}/what-if`` with the
remedy's changes as the merge patch, so it allows exactly whom that endpoint allows.
On the assessment page htmx posts the same form and shows the outcome under the remedy.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse

from art52.api.deps import Services, known_id
from art52.api.web.document_diff import changed_lines
from art52.api.web.render import page
from art52.api.web.session import Poster
from art52.documents.merge_patch import merge_patch, patch_setting
from art52.errors import NotFoundError
from art52.report.model import build_report, remedy_changes

router = APIRouter(tags=["web"], include_in_schema=False, default_response_class=HTMLResponse)
MAX_REMEDY = 1000


@router.post("/assessments/{assessment_id}/what-if")
def try_remedy(
    assessment_id: str,
    request: Request,
    services: Services,
    visitor: Poster,
    remedy: Annotated[int, Form(ge=0, le=MAX_REMEDY)],
) -> HTMLResponse:
    principal = visitor.principal
    found = known_id(assessment_id, "assessment")
    detail = services.assessments.get(principal, found)
    remedies = remedy_changes(detail.assessment)
    if remedy >= len(remedies):
        raise NotFoundError(f"assessment {found} lists no remedy {remedy + 1}")
    patch = patch_setting(remedies[remedy])
    measure_id = detail.stored.measure_id
    diff = services.what_if.what_if(principal, measure_id, patch)
    measure = services.measures.get(principal, measure_id)
    current = measure.document
    lines = changed_lines(current, merge_patch(current, patch), "current version", "with the remedy")
    report = build_report(detail.assessment)
    return page(
        request,
        "what_if.html.j2",
        visitor,
        title=report.title,
        remedy=report.changes[remedy],
        remedy_number=remedy + 1,
        remedy_count=len(remedies),
        change_count=len(remedies[remedy]),
        assessment_id=found,
        measure_id=measure_id,
        diff=diff,
        lines=lines,
        assessed_version=detail.stored.measure_version,
        current_version=measure.record.version,
    )
