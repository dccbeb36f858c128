"""The dashboard (measures by state, awaiting my review) and the organisation's events."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from art52.api.deps import Services
from art52.api.web.render import page
from art52.api.web.session import Visitor
from art52.domain.access import Permission
from art52.domain.principles import Verdict
from art52.domain.records import MeasureFilter
from art52.domain.workflow import Status

router = APIRouter(tags=["web"], include_in_schema=False, default_response_class=HTMLResponse)
PAGE_SIZE = 20
REVIEW_PAGE = 20
EVENTS_PAGE = 50
MAX_SEQ = 2**62


@router.get("/")
def dashboard(
    request: Request,
    services: Services,
    visitor: Visitor,
    status: Status | None = None,
    verdict: Verdict | None = None,
    mine: bool = False,
    after: Annotated[str | None, Query(max_length=512)] = None,
    review_after: Annotated[str | None, Query(max_length=512)] = None,
) -> HTMLResponse:
    principal = visitor.principal
    where = MeasureFilter(status=status, verdict=verdict, created_by=principal.name if mine else None)
    listing = services.measures.page(principal, where, after, PAGE_SIZE)
    awaiting, review_next, more_in_review = [], None, False
    if principal.can(Permission.REVIEW):
        assessed = services.measures.page(principal, MeasureFilter(status=Status.ASSESSED), review_after, REVIEW_PAGE)
        awaiting, review_next = list(assessed.items), assessed.next_cursor
        if review_after is None:  # the measures I have in review lead the first page only
            taken = services.measures.page(principal, MeasureFilter(status=Status.IN_REVIEW), None, REVIEW_PAGE)
            awaiting += [m for m in taken.items if m.reviewer == principal.name]
            more_in_review = taken.next_cursor is not None
    return page(
        request,
        "dashboard.html.j2",
        visitor,
        measures=listing.items,
        standings=services.deadlines.standings([*listing.items, *awaiting]),
        next_cursor=listing.next_cursor,
        awaiting=awaiting,
        review_next=review_next,
        review_later=review_after is not None,
        more_in_review=more_in_review,
        statuses=list(Status),
        verdicts=list(Verdict),
        status=status,
        verdict=verdict,
        mine=mine,
        can_create=principal.can(Permission.WRITE_MEASURE),
    )


@router.get("/events")
def events(
    request: Request,
    services: Services,
    visitor: Visitor,
    before: Annotated[int | None, Query(ge=1, le=MAX_SEQ)] = None,
) -> HTMLResponse:
    found = services.audit.recent(visitor.principal, before, EVENTS_PAGE)
    older = found[-1].seq if len(found) == EVENTS_PAGE and found[-1].seq > 1 else None
    return page(request, "events.html.j2", visitor, events=found, older=older)
