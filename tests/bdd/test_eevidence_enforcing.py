"""Scenarios documenting the enforcing side of e-evidence orders (features/eevidence_enforcing.feature)."""

from pytest_bdd import scenarios

scenarios("eevidence_enforcing.feature")
