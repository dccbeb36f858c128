"""A measure: its version and history (with a diff), assessments, decisions and the actions allowed now."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

from fastapi import APIRouter, File, Form, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from art52.api.deps import Services, known_id
from art52.api.web.decision_form import DecisionForm
from art52.api.web.document_diff import changed_lines, pretty
from art52.api.web.render import page
from art52.api.web.session import Poster, Visitor
from art52.api.web.uploads import read_upload, upload_problem
from art52.domain.actions import actions_for, decisions_for, may_assess
from art52.domain.perspective import Perspective
from art52.domain.workflow import DecisionKind, RefusalGroundKind
from art52.errors import (
    ConflictError,
    DocumentError,
    InvalidTransitionError,
    MeasureError,
    PermissionDeniedError,
    PreconditionFailedError,
    RequestError,
)
from art52.services.sessions import SignedIn

router = APIRouter(tags=["web"], include_in_schema=False, default_response_class=HTMLResponse)
MAX_VERSION = 2**31 - 1
MAX_TEXT = 4000
MOVED_ON = (
    "Someone else changed this measure after you opened the page, so nothing was done. "
    "The page now shows its current state: check it and act again if you still want to."
)
Revision = Annotated[int, Form(ge=0, le=MAX_VERSION)]


def _measure_page(
    request: Request,
    services: Services,
    visitor: SignedIn,
    measure_id: str,
    error: str | None = None,
    status: int = 200,
    form: DecisionForm | None = None,
) -> HTMLResponse:
    principal = visitor.principal
    detail = services.measures.get(principal, measure_id)
    record = detail.record
    return page(
        request,
        "measure.html.j2",
        visitor,
        status,
        m=record,
        document=pretty(detail.document),
        decisions=detail.decisions,
        versions=services.measures.versions(principal, measure_id),
        assessments=services.assessments.for_measure(principal, measure_id),
        actions=[a.value for a in actions_for(principal, record.status)],
        decision_kinds=decisions_for(principal, record.status, notified=record.deadline_at is not None),
        grounds=list(RefusalGroundKind),
        form=form or DecisionForm(),
        standings=services.deadlines.standings([record]),
        may_assess=may_assess(principal, record.status),
        perspectives=list(Perspective),
        error=error,
    )


@router.get("/measures/{measure_id}")
def measure(measure_id: str, request: Request, services: Services, visitor: Visitor) -> HTMLResponse:
    return _measure_page(request, services, visitor, known_id(measure_id, "measure"))


@router.get("/measures/{measure_id}/diff")
def diff(
    measure_id: str,
    request: Request,
    services: Services,
    visitor: Visitor,
    from_version: Annotated[int, Query(alias="from", ge=1, le=MAX_VERSION)],
    to_version: Annotated[int, Query(alias="to", ge=1, le=MAX_VERSION)],
) -> HTMLResponse:
    measure_id = known_id(measure_id, "measure")
    old, new = (services.measures.version(visitor.principal, measure_id, n) for n in (from_version, to_version))
    lines = changed_lines(old.document, new.document, f"version {from_version}", f"version {to_version}")
    return page(request, "diff.html.j2", visitor, measure_id=measure_id, old=old, new=new, lines=lines)


def _act(
    request: Request,
    services: Services,
    visitor: SignedIn,
    measure_id: str,
    do: Callable[[], object],
    form: DecisionForm | None = None,
) -> Response:
    """Do an action; a refusal is explained on the measure's page, in words (beside the field, for a decision)."""
    try:
        do()
    except (ConflictError, PreconditionFailedError):
        return _measure_page(request, services, visitor, measure_id, MOVED_ON, 409)
    except InvalidTransitionError as error:
        return _measure_page(request, services, visitor, measure_id, f"Not possible now: {error}.", 409)
    except PermissionDeniedError as error:
        return _measure_page(request, services, visitor, measure_id, f"Not allowed: {error}.", 403)
    except RequestError as error:
        if form is None:
            return _measure_page(request, services, visitor, measure_id, _nothing_done(error), 422)
        refused = form.refused(error.issues)
        shown = f"The decision was not recorded: {len(refused.errors)} problem(s), each shown beside its field."
        return _measure_page(request, services, visitor, measure_id, shown, 422, refused)
    except MeasureError as error:
        return _measure_page(request, services, visitor, measure_id, _nothing_done(error), 422)
    return RedirectResponse(f"/measures/{measure_id}", status_code=303)


def _nothing_done(error: MeasureError | RequestError) -> str:
    shown = "; ".join(f"{i.path.strip('/') or 'the document'}: {i.message}" for i in error.issues)
    return f"Nothing was done: {shown}."


@router.post("/measures/{measure_id}/submit")
def submit(measure_id: str, request: Request, services: Services, visitor: Poster, revision: Revision) -> Response:
    found = known_id(measure_id, "measure")
    return _act(request, services, visitor, found, lambda: services.reviews.submit(visitor.principal, found, revision))


@router.post("/measures/{measure_id}/assess")
def assess(
    measure_id: str,
    request: Request,
    services: Services,
    visitor: Poster,
    revision: Revision,
    perspective: Annotated[Perspective, Form()] = Perspective.ISSUING,
) -> Response:
    found = known_id(measure_id, "measure")
    return _act(
        request,
        services,
        visitor,
        found,
        lambda: services.assessments.assess_measure(visitor.principal, found, None, revision, perspective),
    )


@router.post("/measures/{measure_id}/take")
def take(measure_id: str, request: Request, services: Services, visitor: Poster, revision: Revision) -> Response:
    found = known_id(measure_id, "measure")
    return _act(request, services, visitor, found, lambda: services.reviews.take(visitor.principal, found, revision))


@router.post("/measures/{measure_id}/decide")
def decide(
    measure_id: str,
    request: Request,
    services: Services,
    visitor: Poster,
    revision: Revision,
    decision: Annotated[DecisionKind, Form()],
    reason: Annotated[str, Form(max_length=MAX_TEXT)] = "",
    conditions: Annotated[str, Form(max_length=MAX_TEXT * 4)] = "",
    ground: Annotated[RefusalGroundKind | None, Form()] = None,
) -> Response:
    found = known_id(measure_id, "measure")
    listed = [line.strip() for line in conditions.splitlines() if line.strip()]
    typed = DecisionForm(decision.value, ground.value if ground else "", reason, conditions)
    return _act(
        request,
        services,
        visitor,
        found,
        lambda: services.reviews.decide(visitor.principal, found, decision, reason, listed, revision, ground=ground),
        typed,
    )


@router.post("/measures/{measure_id}/revise")
async def revise(
    measure_id: str,
    request: Request,
    services: Services,
    visitor: Poster,
    revision: Revision,
    document: Annotated[UploadFile, File()],
) -> Response:
    found = known_id(measure_id, "measure")
    try:
        parsed = await read_upload(document, services.settings.max_body_bytes)
    except DocumentError as error:
        return _measure_page(request, services, visitor, found, upload_problem(error), 422)
    return _act(
        request, services, visitor, found, lambda: services.measures.revise(visitor.principal, found, parsed, revision)
    )
