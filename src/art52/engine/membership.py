"""EU membership by date, for routing (vocabulary D2).

The United Kingdom counts until the end of the transition period
(31 December 2020). Greece is accepted as both GR (ISO 3166) and EL (EU usage).
"""

from __future__ import annotations

import datetime as dt

_D = dt.date
_FOUNDERS = _D(1958, 1, 1)
_1973 = _D(1973, 1, 1)
_1995 = _D(1995, 1, 1)
_2004 = _D(2004, 5, 1)
_2007 = _D(2007, 1, 1)

MEMBERSHIP: dict[str, tuple[dt.date, dt.date | None]] = {
    "BE": (_FOUNDERS, None), "DE": (_FOUNDERS, None), "FR": (_FOUNDERS, None),
    "IT": (_FOUNDERS, None), "LU": (_FOUNDERS, None), "NL": (_FOUNDERS, None),
    "DK": (_1973, None), "IE": (_1973, None), "GB": (_1973, _D(2020, 12, 31)),
    "GR": (_D(1981, 1, 1), None), "EL": (_D(1981, 1, 1), None),
    "ES": (_D(1986, 1, 1), None), "PT": (_D(1986, 1, 1), None),
    "AT": (_1995, None), "FI": (_1995, None), "SE": (_1995, None),
    "CY": (_2004, None), "CZ": (_2004, None), "EE": (_2004, None), "HU": (_2004, None),
    "LV": (_2004, None), "LT": (_2004, None), "MT": (_2004, None), "PL": (_2004, None),
    "SK": (_2004, None), "SI": (_2004, None),
    "BG": (_2007, None), "RO": (_2007, None),
    "HR": (_D(2013, 7, 1), None),
}  # fmt: skip


def is_member_state(code: str, on: dt.date) -> bool:
    """Whether ``code`` was an EU Member State (for EU-law purposes) on ``on``."""
    span = MEMBERSHIP.get(code)
    if span is None:
        return False
    start, end = span
    return start <= on and (end is None or on <= end)
