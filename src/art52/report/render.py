"""Rendering the report model with its templates: Markdown, HTML, and PDF from the HTML.

Jinja2 and the PDF library are imported here only, so a caller that does not
render pays nothing for them.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files

from jinja2 import Environment, PackageLoader, StrictUndefined

from art52.report.model import ESSENCE_NOTICE, Report


@cache
def _environment(html: bool) -> Environment:
    return Environment(
        loader=PackageLoader("art52.report", "templates"),
        autoescape=html,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
    )


@cache
def _css() -> str:
    return files("art52.report").joinpath("templates", "report.css").read_text(encoding="utf-8")


def markdown(report: Report) -> str:
    """The report as Markdown."""
    text = _environment(False).get_template("report.md.j2").render(r=report, essence_notice=ESSENCE_NOTICE)
    return text.rstrip("\n") + "\n"


def html(report: Report, *, for_print: bool = False) -> str:
    """The report as a self-contained HTML document; ``for_print`` unfolds the satisfied findings."""
    template = _environment(True).get_template("report.html.j2")
    return template.render(r=report, css=_css(), essence_notice=ESSENCE_NOTICE, print=for_print)
