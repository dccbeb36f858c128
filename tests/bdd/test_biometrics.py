"""Scenarios documenting biometrics (features/biometrics.feature)."""

from pytest_bdd import scenarios

scenarios("biometrics.feature")
