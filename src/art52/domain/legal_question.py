"""Which question an assessment answers, given how its legal date was chosen (legal review R2).

art52 answers "what did the law, as stated by the legislator and the courts, require
on the legal date". The Court of Justice's interpretations apply ex tunc, so an
assessment as of today answers a different question — is the measure lawful as the
law is understood now — from one as of an earlier date, which leaves out what later
judgments said. The wording depends only on the legal date and how it was chosen,
never on the clock, so the same inputs give the same words.
"""

from __future__ import annotations

import datetime as dt

NOW = (
    "Is the measure lawful as the law is understood now? The law in force today was applied; "
    "the Court of Justice's interpretations apply ex tunc, so they govern measures adopted before them."
)


def legal_question(as_of: dt.date, *, today_by_default: bool) -> str:
    """The question the assessment answers, for its report and its JSON."""
    if today_by_default:
        return NOW
    return (
        f"Was the measure lawful as the law was stated on {as_of.isoformat()}? Only rules and sources that "
        "existed on that date were applied; later judgments that confirm a finding are listed as later "
        "confirmation. To ask whether it is lawful as the law is understood now (the Court of Justice's "
        "interpretations apply ex tunc), assess it as of today."
    )
