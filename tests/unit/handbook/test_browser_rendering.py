"""A handbook page as a browser draws it: headless Chromium renders a rule page to a PNG.

Skipped where Chromium is not installed (Debian: ``apt-get install -y chromium``).
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest
from contract_files import REPO

from art52.handbook.pages import build_handbook
from art52.handbook.render import write_site
from art52.handbook.vocabulary import default_vocabulary
from art52.rulebook.loader import load_rulebook
from art52.rulebook.scenarios import parse_features

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@pytest.mark.skipif(CHROMIUM is None, reason="chromium not installed: apt-get install -y chromium")
def test_headless_chromium_renders_a_rule_page(tmp_path: Path) -> None:
    handbook = build_handbook(
        load_rulebook(REPO / "rules"), parse_features(REPO / "features"), default_vocabulary(), dt.date(2026, 12, 3)
    )
    write_site(handbook, tmp_path / "site")
    page = (tmp_path / "site" / "rule-RET-008.html").as_uri()
    shot = tmp_path / "RET-008.png"
    dom = _chromium("--dump-dom", page).stdout
    assert "<h1>RET-008 — Identity behind an IP address" in dom
    assert "linking the data could reveal the person's private life" in dom
    _chromium(f"--screenshot={shot}", "--window-size=1280,2000", page)
    image = shot.read_bytes()
    assert image.startswith(PNG_SIGNATURE)
    width, height = int.from_bytes(image[16:20], "big"), int.from_bytes(image[20:24], "big")
    assert (width, height) == (1280, 2000)


def _chromium(*arguments: str) -> subprocess.CompletedProcess[str]:
    command = [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", *arguments]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=True)
