"""PDF export: real pages with the report on them, checked as images and as text."""

from __future__ import annotations

import json

import pypdfium2 as pdfium
import pytest

from art52.config import default_examples_dir
from art52.report.model import build_report
from art52.report.pdf import render_pdf
from art52.services.assessments import Assessor


@pytest.fixture(scope="module")
def pdf(reference_assessor: Assessor) -> pdfium.PdfDocument:
    document = json.loads((default_examples_dir() / "ex09-client-side-scanning.json").read_text())
    return pdfium.PdfDocument(render_pdf(build_report(reference_assessor.assess(document))))


def _ink(page: pdfium.PdfPage) -> float:
    """The share of pixels that are not white."""
    image = page.render(scale=0.5).to_pil().convert("L")
    histogram = image.histogram()  # 256 grey levels
    return sum(histogram[:200]) / sum(histogram)


def test_every_page_carries_ink_and_the_pages_are_numbered(pdf: pdfium.PdfDocument) -> None:
    assert len(pdf) >= 3  # the answer, the principles, the satisfied findings unfolded for print
    for index in range(len(pdf)):
        assert _ink(pdf[index]) > 0.005, f"page {index + 1} is blank"
        assert f"page {index + 1} of {len(pdf)}" in pdf[index].get_textpage().get_text_range()


def test_the_first_page_leads_with_the_verdict_and_its_reason(pdf: pdfium.PdfDocument) -> None:
    text = " ".join(pdf[0].get_textpage().get_text_range().split())
    assert "Not compliant" in text
    assert text.index("Not compliant") < text.index("Decisive findings")
    assert "ESS-001" in text
    assert "No safeguard or condition can save the measure" in text


def test_print_unfolds_the_satisfied_findings(pdf: pdfium.PdfDocument) -> None:
    text = " ".join(" ".join(pdf[i].get_textpage().get_text_range().split()) for i in range(len(pdf)))
    assert "Satisfied findings" in text
    assert "ENC-001" in text  # a satisfied finding of ex09, folded on screen, printed on paper
