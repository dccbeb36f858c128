"""Scenarios documenting the rules on access to retained data (features/retention_access.feature)."""

from pytest_bdd import scenarios

scenarios("retention_access.feature")
