"""Whose side of a cross-border order an assessment takes.

An order under Regulation (EU) 2023/1543 is reviewed twice: by the authority that
issues it, against the duties of an issuing authority, and, when it is notified, by
the enforcing authority of the State where the provider is addressed, which may
raise a ground for refusal within a deadline. The rules of each side differ, so an
assessment names the side it takes.
"""

from __future__ import annotations

from enum import StrEnum


class Perspective(StrEnum):
    """The authority whose duties an assessment applies."""

    ISSUING = "issuing"
    ENFORCING = "enforcing"


class EnforcingRole(StrEnum):
    """The part an enforcing rule plays in the enforcing outcome, besides naming a ground for refusal.

    The outcome must know which finding says whether the order was notified (without a
    notification no ground is examined) and which says whether the issuing authority was
    consulted (the ground then stands with the consultation done); the rule files say so.
    """

    NOTIFICATION = "notification"
    CONSULTATION = "consultation"
