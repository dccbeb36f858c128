"""Scenarios documenting the necessity rules (features/necessity.feature)."""

from pytest_bdd import scenarios

scenarios("necessity.feature")
