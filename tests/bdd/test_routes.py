"""Scenarios documenting which body of law applies (features/routes.feature)."""

from pytest_bdd import scenarios

scenarios("routes.feature")
