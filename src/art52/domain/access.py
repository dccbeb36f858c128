"""Who may do what: roles, principals and the permission table.

Every measure belongs to an organisation and is visible only inside it;
auditors read across organisations but change nothing. The table is data so
that the API documentation and the tests can show it as it is enforced.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum


class Role(StrEnum):
    """What a token holder does in the review process."""

    SUBMITTER = "submitter"
    REVIEWER = "reviewer"
    RULE_ADMIN = "rule_admin"
    AUDITOR = "auditor"


class Permission(StrEnum):
    """One kind of thing a principal may do."""

    READ = "read"
    ASSESS_STATELESS = "assess_stateless"
    WRITE_MEASURE = "write_measure"
    SUBMIT = "submit"
    ASSESS = "assess"
    REVIEW = "review"
    READ_EVENTS = "read_events"
    READ_ACROSS_ORGANISATIONS = "read_across_organisations"
    MANAGE_RULEBOOKS = "manage_rulebooks"
    MANAGE_WEBHOOKS = "manage_webhooks"


PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.SUBMITTER: frozenset(
        {
            Permission.READ,
            Permission.ASSESS_STATELESS,
            Permission.WRITE_MEASURE,
            Permission.SUBMIT,
            Permission.ASSESS,
            Permission.READ_EVENTS,
        }
    ),
    Role.REVIEWER: frozenset(
        {Permission.READ, Permission.ASSESS_STATELESS, Permission.ASSESS, Permission.REVIEW, Permission.READ_EVENTS}
    ),
    Role.RULE_ADMIN: frozenset(
        {
            Permission.READ,
            Permission.ASSESS_STATELESS,
            Permission.READ_EVENTS,
            Permission.MANAGE_RULEBOOKS,
            Permission.MANAGE_WEBHOOKS,
        }
    ),
    Role.AUDITOR: frozenset(
        {Permission.READ, Permission.ASSESS_STATELESS, Permission.READ_EVENTS, Permission.READ_ACROSS_ORGANISATIONS}
    ),
}

FOUR_EYES_PERMISSIONS = frozenset({Permission.WRITE_MEASURE, Permission.SUBMIT, Permission.REVIEW})


def under_four_eyes(role: Role) -> bool:
    """Whether holders of ``role`` write, submit or decide on measures: the four-eyes rule must tell them apart."""
    return bool(PERMISSIONS[role] & FOUR_EYES_PERMISSIONS)


ORGANISATION_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"
# A subject names a person (or system) across all their tokens, e.g. a staff number. ASCII only, so that
# no two subjects can look alike; the display name stays free text and is never used to tell people apart.
SUBJECT_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._@:+-]{0,199}$"


@dataclass(frozen=True)
class Principal:
    """The authenticated caller: a named token holder in one organisation with one role.

    ``subject`` is who holds the token, the same for all of a person's tokens; without one, the
    token stands for its own holder. ``name`` is for display only.
    """

    token_id: str
    name: str
    organisation: str
    role: Role
    subject: str | None = None

    @property
    def identity(self) -> str:
        """The stable principal id the four-eyes rule compares (never the display name)."""
        return self.subject or f"token:{self.token_id}"

    def can(self, permission: Permission) -> bool:
        return permission in PERMISSIONS[self.role]

    def sees(self, organisation: str) -> bool:
        """Whether objects of ``organisation`` are visible to this principal."""
        return organisation == self.organisation or self.can(Permission.READ_ACROSS_ORGANISATIONS)


@dataclass(frozen=True)
class TokenRecord:
    """A bearer token as stored: only the hash of the secret is kept."""

    id: str
    name: str
    organisation: str
    role: Role
    token_hash: str
    created_at: dt.datetime
    revoked_at: dt.datetime | None = None
    subject: str | None = None

    def principal(self) -> Principal:
        return Principal(
            token_id=self.id, name=self.name, organisation=self.organisation, role=self.role, subject=self.subject
        )
