"""The system clock, in UTC (the service never stores local time)."""

from __future__ import annotations

import datetime as dt


class SystemClock:
    def now(self) -> dt.datetime:
        return dt.datetime.now(dt.UTC)

    def today(self) -> dt.date:
        """The UTC date: the "today" of an assessment that names no legal date."""
        return self.now().date()
