"""Scenarios documenting the Law Enforcement Directive rules (features/led.feature)."""

from pytest_bdd import scenarios

scenarios("led.feature")
