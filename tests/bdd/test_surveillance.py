"""Scenarios documenting the surveillance and interception rules (features/surveillance.feature)."""

from pytest_bdd import scenarios

scenarios("surveillance.feature")
