"""Scenarios documenting the legality rules (features/legality.feature)."""

from pytest_bdd import scenarios

scenarios("legality.feature")
