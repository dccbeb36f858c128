"""What the browser tests share: the served site, and the checks run on every page."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
from contract_files import REPO
from playwright.sync_api import Page

ARTEFACTS = REPO / ".artefacts" / "screenshots"
AXE = Path(__file__).parent / "browser" / "vendor" / "axe-core" / "axe.min.js"
DESKTOP = {"width": 1280, "height": 900}
MOBILE = {"width": 390, "height": 844}


@dataclass(frozen=True)
class Site:
    """A served art52 and the access tokens of its users."""

    base_url: str
    tokens: dict[str, str]

    def api(self, method: str, path: str, who: str, **kwargs: Any) -> httpx.Response:
        headers = {"Authorization": f"Bearer {self.tokens[who]}"}
        response = httpx.request(method, f"{self.base_url}{path}", headers=headers, timeout=30.0, **kwargs)
        assert response.status_code < 300, response.text
        return response


def check_accessibility(page: Page) -> None:
    """axe-core on the page as shown: no serious or critical violation."""
    page.add_script_tag(path=str(AXE))
    found = page.evaluate(
        """async () => {
            const result = await axe.run(document);
            return result.violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map(n => n.target.join(' ')).join(', ')}`);
        }"""
    )
    assert found == [], f"accessibility violations on {page.url}:\n" + "\n".join(found)


def screenshot(page: Page, name: str) -> None:
    """The page at desktop and mobile widths, as test artefacts (.artefacts/screenshots)."""
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    for width, size in (("desktop", DESKTOP), ("mobile", MOBILE)):
        page.set_viewport_size(size)
        page.screenshot(path=str(ARTEFACTS / f"{name}-{width}.png"), full_page=True)
    page.set_viewport_size(DESKTOP)


def visit(page: Page, name: str) -> None:
    """Every page a journey shows is checked for accessibility and photographed."""
    check_accessibility(page)
    screenshot(page, name)
