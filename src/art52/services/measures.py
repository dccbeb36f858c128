"""Measures: created, revised as new immutable versions, read and listed.

A revision never changes an earlier version; it adds the next one and points
the measure at it. Reads are confined to the caller's organisation (auditors
read across), and listings page with an opaque keyset cursor, which stays
correct while measures are being added.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from art52.domain.access import Permission, Principal
from art52.domain.deadlines import NotAMomentError, ReviewPeriods, review_deadline
from art52.domain.records import Decision, MeasureFilter, MeasureRecord, MeasureVersion
from art52.domain.workflow import Action, Status, transition
from art52.errors import FieldIssue, MeasureError, NotFoundError, RequestError
from art52.services.assessments import parse_measure
from art52.services.audit import record
from art52.services.guards import Expected, measure_at_revision, require, visible_measure
from art52.services.ports import Clock, MeasureKey, UnitOfWorkFactory

CURSOR_ID = re.compile(r"[0-9a-f-]{1,64}")
CURSOR_PATTERN = r"^[A-Za-z0-9_-]+$"  # what encode_cursor writes: unpadded base64url
DEFAULT_PAGE = 20
MAX_PAGE = 100


@dataclass(frozen=True)
class MeasureDetail:
    """A measure with its current document and the decisions taken on it."""

    record: MeasureRecord
    document: dict[str, Any]
    decisions: list[Decision]


@dataclass(frozen=True)
class MeasurePage:
    items: list[MeasureRecord]
    next_cursor: str | None


def encode_cursor(key: MeasureKey) -> str:
    """The opaque cursor for a keyset position; its timestamp always in UTC."""
    raw = json.dumps([key[0].astimezone(dt.UTC).isoformat(), key[1]], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> MeasureKey:
    """The keyset position in ``cursor``; RequestError if it was not issued by this service.

    Parsed strictly: only what :func:`encode_cursor` writes is accepted (a UTC
    timestamp, an id, and the exact same encoding), so a forged cursor with an
    extreme offset or a year the database cannot compare never reaches a query.
    """
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        created, measure_id = json.loads(raw)
        moment = dt.datetime.fromisoformat(created)
        if moment.utcoffset() != dt.timedelta(0) or not 1 < moment.year < 9999:
            raise ValueError(cursor)
        if not isinstance(measure_id, str) or not CURSOR_ID.fullmatch(measure_id):
            raise ValueError(cursor)
        if encode_cursor((moment, measure_id)) != cursor:
            raise ValueError(cursor)
    except (ValueError, TypeError, OverflowError, binascii.Error, UnicodeDecodeError):
        raise RequestError([FieldIssue("after", "not a cursor returned by a previous page")], "query") from None
    return moment, measure_id


class MeasureService:
    """The measure use cases."""

    def __init__(
        self,
        uow: UnitOfWorkFactory,
        clock: Clock,
        new_id: Callable[[], str],
        review_periods: Callable[[], ReviewPeriods | None] = lambda: None,
    ) -> None:
        self._uow = uow
        self._clock = clock
        self._new_id = new_id
        self._review_periods = review_periods

    def _deadline(self, document: Mapping[str, Any]) -> dt.datetime | None:
        """The review deadline of a notified order (None for other measures, or without the law's periods)."""
        periods = self._review_periods()
        try:
            return review_deadline(document, periods) if periods is not None else None
        except NotAMomentError as error:
            raise MeasureError([FieldIssue("/enforcing/notification_received_at", str(error))]) from None

    def create(self, principal: Principal, document: Any) -> MeasureDetail:
        """Store a new measure (version 1, draft) in the principal's organisation."""
        require(principal, Permission.WRITE_MEASURE, "create measures")
        measure = parse_measure(document)
        now = self._clock.now()
        created = MeasureRecord(
            id=self._new_id(),
            organisation=principal.organisation,
            title=display_title(measure.title),
            status=Status.DRAFT,
            version=1,
            revision=1,
            created_by=principal.name,
            created_at=now,
            updated_at=now,
            involved=(principal.identity,),
        )
        stored = _as_stored(document)
        created = replace(created, deadline_at=self._deadline(stored))
        with self._uow() as uow:
            uow.measures.add(created)
            uow.measures.add_version(MeasureVersion(created.id, 1, stored, principal.name, now))
            record(
                uow,
                self._clock,
                "measure.created",
                principal.name,
                created.organisation,
                created.id,
                {"version": 1, "title": created.title, "status": created.status.value} | _deadline_data(created),
            )
            uow.commit()
        return MeasureDetail(created, stored, [])

    def revise(
        self, principal: Principal, measure_id: str, document: Any, expected_revision: Expected = None
    ) -> MeasureDetail:
        """Add the next version of a draft or returned measure; earlier versions stay readable."""
        require(principal, Permission.WRITE_MEASURE, "revise measures")
        measure = parse_measure(document)
        stored = _as_stored(document)
        with self._uow() as uow:
            current = measure_at_revision(uow, principal, measure_id, expected_revision)
            status = transition(current.status, Action.REVISE)
            now = self._clock.now()
            revised = replace(
                current.involving(principal.identity),
                title=display_title(measure.title),
                status=status,
                version=current.version + 1,
                revision=current.revision + 1,
                updated_at=now,
                verdict=None,
                latest_assessment_id=None,
                deadline_at=self._deadline(stored),
            )
            uow.measures.update(revised, expected_revision=current.revision)
            uow.measures.add_version(MeasureVersion(measure_id, revised.version, stored, principal.name, now))
            record(
                uow,
                self._clock,
                "measure.revised",
                principal.name,
                revised.organisation,
                measure_id,
                {"version": revised.version, "title": revised.title, "status": status.value} | _deadline_data(revised),
            )
            decisions = uow.decisions.for_measure(measure_id)
            uow.commit()
        return MeasureDetail(revised, stored, decisions)

    def get(self, principal: Principal, measure_id: str) -> MeasureDetail:
        require(principal, Permission.READ, "read measures")
        with self._uow(read_only=True) as uow:
            found = visible_measure(uow, principal, measure_id)
            version = uow.measures.version(measure_id, found.version)
            decisions = uow.decisions.for_measure(measure_id)
        if version is None:
            raise NotFoundError(f"measure {measure_id} has no version {found.version}")
        return MeasureDetail(found, version.document, decisions)

    def versions(self, principal: Principal, measure_id: str) -> list[MeasureVersion]:
        require(principal, Permission.READ, "read measures")
        with self._uow(read_only=True) as uow:
            visible_measure(uow, principal, measure_id)
            return uow.measures.versions(measure_id)

    def version(self, principal: Principal, measure_id: str, number: int) -> MeasureVersion:
        require(principal, Permission.READ, "read measures")
        with self._uow(read_only=True) as uow:
            visible_measure(uow, principal, measure_id)
            found = uow.measures.version(measure_id, number)
        if found is None:
            raise NotFoundError(f"measure {measure_id} has no version {number}")
        return found

    def page(
        self, principal: Principal, where: MeasureFilter, after: str | None = None, limit: int = DEFAULT_PAGE
    ) -> MeasurePage:
        """One page of the measures the principal may see, newest first."""
        require(principal, Permission.READ, "list measures")
        if not 1 <= limit <= MAX_PAGE:
            raise RequestError([FieldIssue("limit", f"must be between 1 and {MAX_PAGE}")], "query")
        if not principal.can(Permission.READ_ACROSS_ORGANISATIONS):
            if where.organisation not in (None, principal.organisation):
                return MeasurePage([], None)
            where = replace(where, organisation=principal.organisation)
        key = decode_cursor(after) if after else None
        with self._uow(read_only=True) as uow:
            found = uow.measures.page(where, key, limit + 1)
        items = found[:limit]
        more = len(found) > limit
        return MeasurePage(items, encode_cursor((items[-1].created_at, items[-1].id)) if more else None)


def _deadline_data(measure: MeasureRecord) -> dict[str, Any]:
    """The deadline for the audit event, only for notified orders (other events keep their old shape)."""
    return {"deadline_at": measure.deadline_at.isoformat()} if measure.deadline_at is not None else {}


def display_title(title: str) -> str:
    """The title as listed: control characters (NUL cannot even be stored in PostgreSQL text) become U+FFFD.

    The document itself keeps the title exactly as written.
    """
    return "".join("\ufffd" if ord(c) < 32 and c not in "\t\n\r" else c for c in title)


def _as_stored(document: Any) -> dict[str, Any]:
    """The document as it will be stored: a plain JSON object (validated before this is called)."""
    if not isinstance(document, Mapping):  # parse_measure has already refused it; kept for the type checker
        raise RequestError([FieldIssue("", "a measure document must be a JSON object")])
    stored: dict[str, Any] = json.loads(json.dumps(document))
    return stored
