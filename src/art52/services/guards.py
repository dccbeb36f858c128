"""The checks every use case makes before it touches a measure.

A measure of another organisation is reported as not found rather than
forbidden, so that its existence does not leak across organisations.
"""

from __future__ import annotations

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


def measure_at_revision(uow: UnitOfWork, principal: Principal, measure_id: str, expected: int | None) -> MeasureRecord:
    """The measure to change: visible to the principal, and at revision ``expected`` if the caller named one."""
    found = visible_measure(uow, principal, measure_id)
    check_revision(found, expected)
    return found


def check_revision(record: MeasureRecord, expected: int | None) -> None:
    """PreconditionFailedError when the caller names a revision (If-Match) that is not current."""
    if expected is not None and expected != record.revision:
        raise PreconditionFailedError(
            f"the measure is at revision {record.revision}, not {expected}: it changed since you read it; "
            "read it again and retry"
        )
