"""PDF export: the print rendering of the HTML report, laid out by WeasyPrint.

WeasyPrint needs Pango on the system; when it cannot be loaded,
:class:`~art52.errors.RenderingUnavailableError` says so, and the edge turns it
into its own error (a 503, or an ``art52:`` line).
"""

from __future__ import annotations

from art52.errors import RenderingUnavailableError
from art52.report.model import Report
from art52.report.render import html


def render_pdf(report: Report) -> bytes:
    """The report as a PDF document (A4, the print stylesheet, satisfied findings unfolded)."""
    try:
        from weasyprint import HTML
    except (ImportError, OSError) as error:  # OSError: Pango or its friends cannot be loaded
        raise RenderingUnavailableError(f"PDF export needs WeasyPrint and Pango: {error}") from None
    document: bytes = HTML(string=html(report, for_print=True)).write_pdf()
    return document
