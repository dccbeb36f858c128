"""Every remedy set art52 returns, applied to the measure, gives the verdict it promises."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from art52.config import default_examples_dir
from art52.reasoning.remedies import apply_changes
from art52.services.assessments import Assessor
from art52.services.decision_aid import explain

EXAMPLES = sorted(default_examples_dir().glob("*.json"))


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(path=st.sampled_from(EXAMPLES), drop=st.sets(st.sampled_from(["safeguards", "authorisation", "retention"])))
def test_each_remedy_set_applied_gives_the_promised_verdict(
    reference_assessor: Assessor, path: Path, drop: set[str]
) -> None:
    document = {k: v for k, v in json.loads(path.read_text()).items() if k not in drop}
    explained = explain(reference_assessor, document)
    assert explained.remedies is not None
    for remedy in explained.remedies.sets:
        changed = apply_changes(document, [(c.path, c.value) for c in remedy.changes])
        assert reference_assessor.assess(changed, explained.as_of).verdict is remedy.verdict
