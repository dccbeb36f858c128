"""Scenarios documenting the essence rules (features/essence.feature)."""

from pytest_bdd import scenarios

scenarios("essence.feature")
