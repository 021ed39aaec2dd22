"""Working days for deadlines counted in them (three working days for final settlement …).

Public holidays are set by the Law "On holidays in the Republic of Kazakhstan", which is not in our corpus,
so they come from the person asking (``holidays``); the answer warns when none were given. Two days off
are in the Labour Code itself and are always applied: 7 January (Orthodox Christmas) whatever the schedule
(art. 84 para 5; the first day of Kurban ait moves with the lunar calendar, so it is a holiday to pass in).
Sunday is the common day off (art. 84 para 3); Saturday too in a five-day week (art. 84 para 2).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

ONE_DAY = dt.timedelta(days=1)


@dataclass(frozen=True)
class WorkCalendar:
    working_week: int = 5  # 5 or 6 working days a week
    holidays: frozenset[dt.date] = frozenset()

    @classmethod
    def of(cls, working_week: int | None, holidays: Iterable[dt.date] | None) -> WorkCalendar:
        return cls(working_week or 5, frozenset(holidays or ()))

    def is_working_day(self, day: dt.date) -> bool:
        if day.weekday() >= self.working_week:  # Mon=0 … Sun=6: Sat off in a 5-day week, Sun always
            return False
        if day.month == 1 and day.day == 7:
            return False
        return day not in self.holidays

    def nth_working_day_after(self, day: dt.date, n: int) -> dt.date:
        """The n-th working day after ``day``: a term "within n working days of X" starts the day after X."""
        count = 0
        while count < n:
            day += ONE_DAY
            if self.is_working_day(day):
                count += 1
        return day

    def nth_working_day_before(self, day: dt.date, n: int) -> dt.date:
        """The n-th working day before ``day`` ("no later than n working days before it starts")."""
        count = 0
        while count < n:
            day -= ONE_DAY
            if self.is_working_day(day):
                count += 1
        return day

    def last_working_day_on_or_before(self, day: dt.date) -> dt.date:
        while not self.is_working_day(day):
            day -= ONE_DAY
        return day
