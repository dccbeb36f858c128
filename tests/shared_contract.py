"""Where the shared measure contract and examples live, for every test module.

ART52_SHARED_DIR wins when set; otherwise the ``shared`` folder beside the clone.
"""

from __future__ import annotations

import os
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def shared_dir() -> Path:
    """The shared contract directory; fails loudly rather than skipping tests."""
    configured = os.environ.get("ART52_SHARED_DIR")
    path = Path(configured) if configured else REPO.parent / "shared"
    if not path.is_dir():
        raise RuntimeError(f"shared contract directory not found at {path}; set ART52_SHARED_DIR")
    return path
