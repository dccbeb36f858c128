"""Rendering the handbook with the package's Jinja2 templates, as HTML or Markdown.

The templates are shared by the static site (``write_site``) and the pages the
API serves; only the links differ (``Links``), so a web application can reuse
them with its own URLs.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from jinja2 import Environment, PackageLoader, StrictUndefined

from art52.handbook.pages import Handbook

Format = Literal["html", "md"]


@dataclass(frozen=True)
class Links:
    """Where the pages are: one pattern per kind of page, ``{id}`` standing for a rule or source id."""

    index: str
    rule_pattern: str
    source_pattern: str
    provisional: str

    def rule(self, rule_id: str) -> str:
        return self.rule_pattern.replace("{id}", rule_id)

    def source(self, source_id: str) -> str:
        return self.source_pattern.replace("{id}", source_id)


def static_links(fmt: Format) -> Links:
    """Relative links between the files of a static site, all in one folder."""
    return Links(f"index.{fmt}", f"rule-{{id}}.{fmt}", f"source-{{id}}.{fmt}", f"provisional.{fmt}")


def _escapes_html(template_name: str | None) -> bool:
    """HTML templates (``*.html.j2``) escape every value; Markdown ones write text as it is."""
    return template_name is not None and template_name.endswith(".html.j2")


def _environment() -> Environment:
    return Environment(
        loader=PackageLoader("art52.handbook", "templates"),
        autoescape=_escapes_html,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


class Renderer:
    """Renders handbook pages; one Jinja2 environment for all of them."""

    def __init__(self, handbook: Handbook, links: Links, fmt: Format) -> None:
        self.handbook = handbook
        self.links = links
        self.fmt = fmt
        self.environment = _environment()

    def _render(self, template_name: str, **context: Any) -> str:
        template = self.environment.get_template(f"{template_name}.{self.fmt}.j2")
        return template.render(handbook=self.handbook, links=self.links, **context)

    def index(self) -> str:
        return self._render("index")

    def provisional(self) -> str:
        return self._render("provisional")

    def rule(self, rule_id: str) -> str | None:
        page = self.handbook.rule(rule_id)
        return None if page is None else self._render("rule", rule=page)

    def source(self, source_id: str) -> str | None:
        page = self.handbook.source(source_id)
        return None if page is None else self._render("source", page=page)


def write_site(handbook: Handbook, out: Path) -> list[Path]:
    """Write every page, in HTML and Markdown, into ``out``; returns the files written."""
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    fmt: Format
    for fmt in ("html", "md"):
        renderer = Renderer(handbook, static_links(fmt), fmt)
        links = renderer.links
        pages: dict[str, str | None] = {links.index: renderer.index(), links.provisional: renderer.provisional()}
        pages |= {links.rule(r.rule_id): renderer.rule(r.rule_id) for r in handbook.rules}
        pages |= {links.source(s.source.id): renderer.source(s.source.id) for s in handbook.sources}
        for name, content in pages.items():
            path = out / name
            path.write_text(content or "", encoding="utf-8")
            written.append(path)
    return written
