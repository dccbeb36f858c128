"""Scenarios documenting the PNR rules (features/pnr.feature)."""

from pytest_bdd import scenarios

scenarios("pnr.feature")
