"""The checks every use case makes before it touches a measure.

A measure of another organisation is reported as not found rather than
forbidden, so that its existence does not leak across organisations.
"""

from __future__ import annotations

from collections.abc import Set

from art52.domain.access import Permission, Principal
from art52.domain.records import MeasureRecord
from art52.errors import NotFoundError, PermissionDeniedError, PreconditionFailedError
from art52.services.ports import UnitOfWork


def require(principal: Principal, permission: Permission, doing: str) -> None:
    """PermissionDeniedError unless the principal's role allows ``permission``."""
    if not principal.can(permission):
        raise PermissionDeniedError(f"the role {principal.role.value} may not {doing}")


def visible_measure(uow: UnitOfWork, principal: Principal, measure_id: str) -> MeasureRecord:
    """The measure, if it exists and the principal may see it; NotFoundError otherwise."""
    found = uow.measures.get(measure_id)
    if found is None or not principal.sees(found.organisation):
        raise NotFoundError(f"no measure with id {measure_id}")
    return found


Expected = int | Set[int] | None
"""The revision a change expects (If-Match): one, any of several, or None when the caller names none."""


def measure_at_revision(uow: UnitOfWork, principal: Principal, measure_id: str, expected: Expected) -> MeasureRecord:
    """The measure to change: visible to the principal, and at a revision ``expected`` names if it names any."""
    found = visible_measure(uow, principal, measure_id)
    check_revision(found, expected)
    return found


def check_revision(record: MeasureRecord, expected: Expected) -> None:
    """PreconditionFailedError when the caller names revisions (If-Match) and none of them is current."""
    if expected is None:
        return
    named = {expected} if isinstance(expected, int) else expected
    if record.revision not in named:
        revisions = " or ".join(str(n) for n in sorted(named)) or "one the If-Match header names"
        raise PreconditionFailedError(
            f"the measure is at revision {record.revision}, not {revisions}: it changed since you read it; "
            "read it again and retry"
        )
