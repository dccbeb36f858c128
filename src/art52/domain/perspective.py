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
