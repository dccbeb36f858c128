"""Scenarios documenting the law as stated on the legal date (features/dating.feature)."""

from pytest_bdd import scenarios

scenarios("dating.feature")
