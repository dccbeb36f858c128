"""The report as a self-contained, print-ready HTML document (see :mod:`art52.report.model`).

No scripts, no external styles or fonts; every value is escaped, since measure
titles, facts and contest reasons are written by users.
"""

from __future__ import annotations

from collections.abc import Sequence

from art52.domain.assessment import Assessment
from art52.domain.records import Contest
from art52.report.model import build_report
from art52.report.render import html


def render_html(assessment: Assessment, contests: Sequence[Contest] = ()) -> str:
    """The report as HTML; ``contests`` are shown with the findings they object to."""
    return html(build_report(assessment, contests))
