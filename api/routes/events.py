"""The event feed: the audit trail, in commit order, for systems that follow the workflow."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from art52.api.deps import Caller, Services
from art52.api.errors import problems
from art52.api.schemas import EventOut, EventPage
from art52.services.audit import MAX_PAGE

MAX_CURSOR = 2**62


def router() -> APIRouter:
    api = APIRouter(prefix="/v1", tags=["events"])

    @api.get(
        "/events",
        response_model=EventPage,
        summary="Events after a cursor, oldest first (your organisation's; auditors see all)",
        description="Poll with the returned `next` as `after` to receive every event exactly once, in order. "
        "Sequence numbers are assigned in commit order, so no event can appear behind a cursor already passed.",
        responses=problems(401, 403, 422),
    )
    def list_events(
        caller: Caller,
        services: Services,
        after: Annotated[int, Query(ge=0, le=MAX_CURSOR, description="cursor: the last seq already received")] = 0,
        limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 100,
    ) -> EventPage:
        page = services.audit.feed(caller, after, limit)
        return EventPage(events=[EventOut.from_record(e) for e in page.events], next=str(page.next_cursor))

    return api
