"""Scenarios documenting the device-search rule (features/devices.feature)."""

from pytest_bdd import scenarios

scenarios("devices.feature")
