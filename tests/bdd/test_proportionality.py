"""Scenarios documenting the proportionality rules (features/proportionality.feature)."""

from pytest_bdd import scenarios

scenarios("proportionality.feature")
