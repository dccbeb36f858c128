"""Scenarios documenting transfers (features/transfers.feature)."""

from pytest_bdd import scenarios

scenarios("transfers.feature")
