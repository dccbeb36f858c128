"""Scenarios documenting the encryption rules (features/encryption.feature)."""

from pytest_bdd import scenarios

scenarios("encryption.feature")
