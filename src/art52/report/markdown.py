"""The report as Markdown, for officials and reviewers (see :mod:`art52.report.model`)."""

from __future__ import annotations

from collections.abc import Sequence

from art52.domain.assessment import Assessment
from art52.domain.records import Contest
from art52.report.model import build_report
from art52.report.render import markdown
from art52.report.wording import cite

__all__ = ["cite", "render_markdown"]


def render_markdown(assessment: Assessment, contests: Sequence[Contest] = ()) -> str:
    """The report as Markdown; ``contests`` are shown with the findings they object to."""
    return markdown(build_report(assessment, contests))
