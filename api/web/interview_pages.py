"""The guided interview as pages: start from a title and a type, answer one question at a time, save a draft.

Plain forms and POST/redirect/GET: every answer is a POST that redirects to the
interview's page, which shows the next question (where htmx loads, it follows the
redirect and swaps the page's main part in place). The interview service does the
asking; an interview of another organisation, or one that expired, is "not found".
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from art52.api.deps import Services, known_id
from art52.api.web.interview_view import UnreadableAnswerError, answer_from_form, interview_page
from art52.api.web.new_measure import form_page
from art52.api.web.render import page
from art52.api.web.session import Poster, Visitor
from art52.domain.access import Permission
from art52.errors import MeasureError, RequestError
from art52.services.sessions import SignedIn

router = APIRouter(tags=["web"], include_in_schema=False, default_response_class=HTMLResponse)
MAX_TITLE = 500
MAX_FIELD = 200
MAX_ANSWER = 20000
FEW_RULES = 5
"""The rules named first under "why it is asked"; the others are folded."""
NOT_KNOWN = "(not known)"
"""The value of the "Not known" choice among the options (no contract value has parentheses)."""
NOT_GIVEN = 'Choose or enter an answer, or choose "Not known".'


def _interview_page(
    request: Request, services: Services, visitor: SignedIn, interview_id: str, error: str | None, status: int
) -> HTMLResponse:
    view = services.interviews.get(visitor.principal, interview_id)
    return page(
        request,
        "interview.html.j2",
        visitor,
        status,
        iv=interview_page(view),
        may_save=visitor.principal.can(Permission.WRITE_MEASURE),
        error=error,
        not_known=NOT_KNOWN,
        few_rules=FEW_RULES,
    )


@router.post("/interviews")
def start(
    request: Request,
    services: Services,
    visitor: Poster,
    title: Annotated[str, Form(max_length=MAX_TITLE)] = "",
    measure_type: Annotated[str, Form(max_length=MAX_FIELD)] = "",
) -> Response:
    document = {"title": title.strip()} if title.strip() else {}
    if measure_type:
        document["measure_type"] = measure_type
    try:
        view = services.interviews.start(visitor.principal, document)
    except (MeasureError, RequestError) as error:
        return form_page(request, visitor, interview_values=document, interview_issues=error.issues)
    return RedirectResponse(f"/interviews/{view.record.id}", status_code=303)


@router.get("/interviews/{interview_id}")
def interview(interview_id: str, request: Request, services: Services, visitor: Visitor) -> HTMLResponse:
    return _interview_page(request, services, visitor, known_id(interview_id, "interview"), None, 200)


@router.post("/interviews/{interview_id}/answers")
async def answer(interview_id: str, request: Request, services: Services, visitor: Poster) -> Response:
    found = known_id(interview_id, "interview")
    form = await request.form()
    field = str(form.get("field") or "")[:MAX_FIELD]
    given = [v[:MAX_ANSWER] for v in form.getlist("value") if isinstance(v, str)]
    not_known = form.get("not_known") == "true" or NOT_KNOWN in given
    try:
        value = None if not_known else answer_from_form(field, given)
    except UnreadableAnswerError as error:
        return _interview_page(request, services, visitor, found, str(error), 422)
    if value is None and not not_known:
        return _interview_page(request, services, visitor, found, NOT_GIVEN, 422)
    try:
        services.interviews.answer(visitor.principal, found, field or None, value)
    except RequestError as error:
        shown = "; ".join(issue.message for issue in error.issues)
        return _interview_page(request, services, visitor, found, f"This answer is not allowed: {shown}.", 422)
    return RedirectResponse(f"/interviews/{found}#question", status_code=303)


@router.post("/interviews/{interview_id}/measure")
def save(interview_id: str, services: Services, visitor: Poster) -> Response:
    detail = services.interviews.save(visitor.principal, known_id(interview_id, "interview"))
    return RedirectResponse(f"/measures/{detail.record.id}", status_code=303)
