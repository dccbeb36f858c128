"""Allow ``python -m art52.cli``."""

from art52.cli import run

run()
