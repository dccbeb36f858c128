"""Scenarios documenting the scope boundaries and staged interference (features/scopes.feature)."""

from pytest_bdd import scenarios

scenarios("scopes.feature")
