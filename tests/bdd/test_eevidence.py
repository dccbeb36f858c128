"""Scenarios documenting the cross-border e-evidence rules (features/eevidence.feature)."""

from pytest_bdd import scenarios

scenarios("eevidence.feature")
