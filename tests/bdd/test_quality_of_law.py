"""Scenarios documenting quality of law (features/quality_of_law.feature)."""

from pytest_bdd import scenarios

scenarios("quality_of_law.feature")
