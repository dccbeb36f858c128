"""Scenarios documenting the retention rules (features/retention.feature)."""

from pytest_bdd import scenarios

scenarios("retention.feature")
