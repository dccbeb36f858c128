"""New measure: start the guided interview, upload a JSON or YAML document, or fill in the form from the contract."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, File, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from art52.api.deps import Services
from art52.api.web.measure_form import document_from_form, errors_by_field, form_sections, form_values
from art52.api.web.render import page
from art52.api.web.session import Poster, Visitor
from art52.api.web.uploads import read_upload, upload_problem
from art52.errors import DocumentError, FieldIssue, MeasureError, RequestError
from art52.services.sessions import SignedIn

router = APIRouter(tags=["web"], include_in_schema=False, default_response_class=HTMLResponse)


def form_page(
    request: Request,
    visitor: SignedIn,
    values: dict[str, Any] | None = None,
    issues: list[FieldIssue] | None = None,
    upload_error: str | None = None,
    interview_values: dict[str, Any] | None = None,
    interview_issues: list[FieldIssue] | None = None,
) -> HTMLResponse:
    """The page's three ways to a new measure; a way that failed shows its errors beside its fields."""
    beside, general = errors_by_field(issues or [])
    interview_beside, interview_general = errors_by_field(interview_issues or [])
    failed = bool(issues or upload_error or interview_issues)
    return page(
        request,
        "new_measure.html.j2",
        visitor,
        422 if failed else 200,
        sections=form_sections(),
        values=values or {},
        errors=beside,
        general_errors=general,
        upload_error=upload_error,
        measure_type=next(f for s in form_sections() for f in s.fields if f.path == "measure_type"),
        interview_values=interview_values or {},
        interview_errors=interview_beside,
        interview_general=interview_general,
    )


@router.get("/measures/new")
def new_measure(request: Request, visitor: Visitor) -> HTMLResponse:
    return form_page(request, visitor)


@router.post("/measures/new")
async def create_from_form(request: Request, services: Services, visitor: Poster) -> Response:
    form = await request.form()
    given = {key: [v for v in form.getlist(key) if isinstance(v, str)] for key in form}
    document = document_from_form(given)
    try:
        detail = services.measures.create(visitor.principal, document)
    except (MeasureError, RequestError) as error:
        return form_page(request, visitor, form_values(document), error.issues)
    return RedirectResponse(f"/measures/{detail.record.id}", status_code=303)


@router.post("/measures/new/upload")
async def create_from_upload(
    request: Request, services: Services, visitor: Poster, document: Annotated[UploadFile, File()]
) -> Response:
    try:
        parsed = await read_upload(document, services.settings.max_body_bytes)
        detail = services.measures.create(visitor.principal, parsed)
    except (DocumentError, MeasureError, RequestError) as error:
        return form_page(request, visitor, upload_error=upload_problem(error))
    return RedirectResponse(f"/measures/{detail.record.id}", status_code=303)
