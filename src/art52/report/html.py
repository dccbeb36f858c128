"""Print-ready HTML rendering of an assessment.

The same content as the Markdown report, laid out for paper (A4, page breaks
kept out of findings) and self-contained: no scripts, no external styles or
fonts. Every value is escaped, since measure titles, facts and contest reasons
are written by users.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Any

from jinja2 import Environment, Template, select_autoescape

from art52.domain.assessment import Assessment
from art52.domain.findings import Finding
from art52.domain.records import Contest
from art52.reasoning.balancing import worst_first
from art52.report.markdown import cite, effect_text, question_note, verdict_line

TEMPLATE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Assessment: {{ a.measure_title }}</title>
<style>
  @page { size: A4; margin: 20mm 18mm; }
  body { font-family: Georgia, "Times New Roman", serif; font-size: 11pt; line-height: 1.4; color: #000;
         max-width: 48em; margin: 0 auto; }
  h1 { font-size: 18pt; margin-bottom: 0.2em; }
  h2 { font-size: 14pt; border-bottom: 1px solid #444; margin-top: 1.4em; page-break-after: avoid; }
  h3 { font-size: 12pt; margin-bottom: 0.3em; page-break-after: avoid; }
  .meta { color: #333; font-size: 10pt; }
  .verdict { font-size: 14pt; font-weight: bold; }
  .notice { border-left: 3px solid #000; padding: 0.2em 0.8em; margin: 0.6em 0; }
  .finding { margin: 0.5em 0 0.8em 0; page-break-inside: avoid; }
  .finding p { margin: 0.15em 0 0.15em 1.2em; }
  .effect-violation { font-weight: bold; }
  .contest { border: 1px dashed #000; padding: 0.2em 0.5em; margin: 0.3em 0 0.3em 1.2em; }
  code { font-family: "Courier New", monospace; font-size: 9.5pt; }
</style>
</head>
<body>
<h1>Assessment: {{ a.measure_title }}</h1>
<p class="meta">
{% if a.measure_id %}Measure reference: <code>{{ a.measure_id }}</code><br>{% endif %}
Legal date: {{ a.as_of.isoformat() }} ({{ a.as_of_source.value.replace('_', ' ') }})<br>
{% if a.legal_question %}Question answered: {{ a.legal_question }}<br>{% endif %}
Rulebook: <code>{{ a.rulebook_version }}</code> — engine: {{ a.engine.version }}
</p>
<h2>Verdict</h2>
<p class="verdict">{{ verdict }}</p>
{% if a.legal_review_required %}<p class="notice"><strong>Legal review required</strong>: the verdict rests on
provisional law (no court ruling yet).</p>{% endif %}
{% if a.analysis_ended_at %}
<p>The Art. 52(1) analysis ends at <strong>{{ a.analysis_ended_at.value }}</strong>.</p>
{% endif %}
{% for warning in a.warnings %}<p class="notice">Warning: {{ warning }}</p>{% endfor %}
{% if contests %}
<p class="notice"><strong>Contested findings</strong>: {{ contested_rules | join(', ') }}.</p>
{% endif %}
<h2>Principles</h2>
{% for name, result, findings in principles %}
<h3>{{ name }}: {{ result.outcome.value.replace('_', ' ') }}</h3>
<p>{{ result.reasoning }}</p>
{% for f in findings %}
<div class="finding" id="finding-{{ f.rule_id }}">
  <div><strong>{{ f.rule_id }}</strong> v{{ f.rule_version }} — {{ f.title }}:
    <em class="effect-{{ f.effect.value }}">{{ effect_text(f) }}</em>
    {% if f.legal_review_required %} — provisional law, legal review required{% endif %}</div>
  <p>{{ f.explanation }}</p>
  <p>Sources: {{ citations(f) }}</p>
  {% set known = f.facts | selectattr('known') | list %}
  {% if known %}<p>Facts relied on:
    {% for fact in known %}<code>{{ fact.path }}</code> = <code>{{ fact.value }}</code>
    {{- ", " if not loop.last }}{% endfor %}</p>{% endif %}
  {% if f.missing_facts %}<p>Missing:
    {% for p in f.missing_facts %}<code>{{ p }}</code>{{ ", " if not loop.last }}{% endfor %}</p>{% endif %}
  {% for c in contests if c.rule_id == f.rule_id %}
  <div class="contest"><strong>Contested</strong> by {{ c.contested_by }} on {{ c.contested_at.date().isoformat() }}:
    {{ c.reason }}</div>
  {% endfor %}
</div>
{% endfor %}
{% endfor %}
{% if a.conditions %}
<h2>Safeguards to impose</h2>
<ul>{% for c in a.conditions %}<li>{{ c.safeguard }} ({{ c.rule_id }})</li>{% endfor %}</ul>
{% endif %}
{% if a.missing_facts %}
<h2>Questions for the official (most decisive first)</h2>
<ol>{% for m in a.missing_facts %}<li>{{ m.question }}
  {% if m.options %}Options: {{ m.options | map(attribute='label') | join(', ') }}.{% endif %}
  (<code>{{ m.path }}</code>: {{ note(m) }})</li>{% endfor %}</ol>
{% endif %}
{% if a.recommendations %}
<h2>Recommendations (guidance, not conditions)</h2>
<ul>{% for r in a.recommendations %}<li>{{ r.recommendation }} ({{ r.rule_id }})</li>{% endfor %}</ul>
{% endif %}
</body>
</html>
"""


@cache
def _template() -> Template:
    environment = Environment(autoescape=select_autoescape(default=True, default_for_string=True), trim_blocks=True)
    return environment.from_string(TEMPLATE)


def _citations(finding: Finding) -> str:
    cited = "; ".join(cite(c) for c in finding.sources)
    if finding.later_confirmation:
        cited += " — later confirmation: " + "; ".join(cite(c) for c in finding.later_confirmation)
    return cited


def render_html(assessment: Assessment, contests: Sequence[Contest] = ()) -> str:
    """The full report as a self-contained, print-ready HTML document."""
    by_id = {f.rule_id: f for f in assessment.findings}
    principles: list[tuple[str, Any, list[Finding]]] = [
        (principle.value.capitalize(), result, worst_first(by_id[r] for r in result.findings))
        for principle, result in assessment.principles.items()
    ]
    return _template().render(
        a=assessment,
        verdict=verdict_line(assessment),
        principles=principles,
        contests=list(contests),
        contested_rules=sorted({c.rule_id for c in contests}),
        effect_text=effect_text,
        citations=_citations,
        note=question_note,
    )
