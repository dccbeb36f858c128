"""End-to-end scenarios: whole example measures assessed (features/assessment.feature)."""

from pytest_bdd import scenarios

scenarios("assessment.feature")
