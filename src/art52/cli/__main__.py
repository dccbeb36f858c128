"""Allow ``python -m art52.cli``."""

from art52.cli import main

raise SystemExit(main())
