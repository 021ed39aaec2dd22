"""Counting days of stay in a sliding window: the arithmetic behind "N days within any M-day period".

No law lives here, only the conventions every official calculator shares:

* days are whole calendar days; the entry day and the exit day both count;
* overlapping or touching stays merge, so no day counts twice;
* the window for day D is D-(M-1) … D, so it includes D;
* a day D of stay breaks the limit when the window for D holds more than N days of stay.

Days are ``date.toordinal()`` integers. Presence is kept as prefix sums over one array covering every
day the questions can reach, so "days of stay between a and b" is O(1) and every answer below is
O(days in range) at worst; a history of 1,000 stays over decades answers in milliseconds.

>>> cal = DayCount([(1, 10), (11, 20), (15, 25)], window=180, limit=90)
>>> cal.intervals
[(1, 25)]
>>> cal.used_on(25), cal.used_on(200), cal.used_on(205)
(25, 5, 0)
"""

from __future__ import annotations

import bisect
from itertools import accumulate


def merge(intervals: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted, merged (start, end) intervals, inclusive; touching ones ((1,10), (11,20)) merge too."""
    out: list[list[int]] = []
    for start, end in sorted(intervals):
        if out and start <= out[-1][1] + 1:
            out[-1][1] = max(out[-1][1], end)
        else:
            out.append([start, end])
    return [(a, b) for a, b in out]


class DayCount:
    """Presence on each day plus the window rule; ``cap`` optionally limits one continuous stay too."""

    def __init__(
        self,
        intervals: list[tuple[int, int]],
        *,
        window: int,
        limit: int,
        cap: int | None = None,
    ) -> None:
        if not 1 <= limit < window:
            # With limit == window nothing is ever over the limit, and "longest stay" has no answer.
            raise ValueError("need 1 <= limit < window")
        self.window = window
        self.limit = limit
        self.cap = cap
        self.intervals = merge(intervals)
        self._starts = [a for a, _ in self.intervals]
        days = [d for iv in self.intervals for d in iv]
        lo = min(days, default=0) - window - 1
        hi = max(days, default=0) + 2 * window + limit + 2
        self.lo, self.hi = lo, hi
        present = bytearray(hi - lo + 1)
        for a, b in self.intervals:
            present[a - lo : b - lo + 1] = b"\x01" * (b - a + 1)
        self._prefix = [0, *accumulate(present)]

    # -- counting ------------------------------------------------------------------------------------
    def count(self, a: int, b: int) -> int:
        """Days of stay in [a, b] (0 outside the covered range, where nobody was present)."""
        a, b = max(a, self.lo), min(b, self.hi)
        if a > b:
            return 0
        return self._prefix[b - self.lo + 1] - self._prefix[a - self.lo]

    def present(self, d: int) -> bool:
        return self.count(d, d) == 1

    def used_on(self, d: int) -> int:
        """Days of stay in the window ending on d."""
        return self.count(d - self.window + 1, d)

    def run_around(self, d: int) -> tuple[int, int] | None:
        """The merged stay containing day d, if any."""
        i = bisect.bisect_right(self._starts, d) - 1
        if i >= 0 and self.intervals[i][1] >= d:
            return self.intervals[i]
        return None

    # -- violations ----------------------------------------------------------------------------------
    def first_violation(self, start: int | None = None, end: int | None = None) -> int | None:
        """The first day in [start, end] on which a person present broke the window limit or the cap.

        Within one continuous stay the window count never decreases (each new day adds one, at most one
        old day leaves), so the first breaking day of a stay is found by bisection.
        """
        for a, b in self.intervals:
            lo = a if start is None else max(a, start)
            hi = b if end is None else min(b, end)
            if lo > hi:
                continue
            found = []
            if self.used_on(hi) > self.limit:
                left, right = lo, hi
                while left < right:
                    mid = (left + right) // 2
                    if self.used_on(mid) > self.limit:
                        right = mid
                    else:
                        left = mid + 1
                found.append(left)
            if self.cap is not None and b - a + 1 > self.cap and lo <= a + self.cap <= hi:
                found.append(a + self.cap)
            if found:
                return min(found)
        return None

    # -- planning --------------------------------------------------------------------------------------
    def allows(self, first: int, length: int) -> bool:
        """Would a stay of ``length`` days from ``first`` keep every day within the limits?

        Checked: the new days themselves (the window count rises along a continuous stay, so the last
        day decides), the cap on the continuous stay they join, and the stays already booked whose
        windows the new days enter (a future trip can make a longer stay now impossible).
        """
        if length <= 0:
            return True
        if length > self.limit:
            return False
        last = first + length - 1
        if length + self.count(last - self.window + 1, first - 1) > self.limit:
            return False
        if self.cap is not None:
            before = self.run_around(first - 1)
            after = self.run_around(last + 1)
            run_start = before[0] if before else first
            run_end = max(after[1] if after else last, last)
            if run_end - run_start + 1 > self.cap:
                return False
        tail_end = last + self.window - 1
        if self.count(last + 1, tail_end) == 0:
            return True
        for a, b in self.intervals:
            if b <= last or a > tail_end:
                continue
            for x in range(max(a, last + 1), min(b, tail_end) + 1):
                w0 = max(first, x - self.window + 1)
                new_days = (last - w0 + 1) - self.count(w0, last) if w0 <= last else 0
                if self.used_on(x) + new_days > self.limit:
                    return False
        return True

    def longest_stay(self, first: int) -> int:
        """The most consecutive days allowed from ``first`` (0 if not even that day is).

        Allowed lengths are downward closed (a shorter stay is a subset of a longer one, and counts only
        grow with more days), so bisection over 0 … limit finds the answer.
        """
        top = self.limit if self.cap is None else min(self.limit, self.cap)
        lo, hi = 0, top
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.allows(first, mid):
                lo = mid
            else:
                hi = mid - 1
        return lo

    def overstay_run(self, d: int) -> tuple[int, int] | None:
        """Present on day ``d`` and over a limit: (the first breaking day of this continuous stay, ``d``).

        Within one continuous stay the window count only grows and so does the single-stay count, so once
        a day breaks a limit every later day of the stay does: the overstay is one run of days.
        """
        run = self.run_around(d)
        if run is None:
            return None
        first = self.first_violation(start=run[0], end=d)
        return None if first is None else (first, d)

    def fullest_window_end(self, d: int) -> int | None:
        """The last day of the window up to ``d`` that holds the most days of stay (the earliest of equals).

        The count rises along a stay, so the candidates are the last day of each stay (or ``d`` itself).
        """
        ends = [min(b, d) for a, b in self.intervals if a <= d]
        if not ends:
            return None
        return max(ends, key=lambda e: (self.used_on(e), -e))

    def next_start(self, start: int, length: int) -> int | None:
        """The first day on or after ``start`` from which ``length`` consecutive days are allowed.

        None when no such day can exist (the length is over the limit or the cap). Once the last known
        stay has left the window everything fits, so the search ends there.
        """
        top = self.limit if self.cap is None else min(self.limit, self.cap)
        if length < 1 or length > top:
            return None
        last_day = self.intervals[-1][1] if self.intervals else start
        bound = max(start, last_day + self.window + 1)
        for first in range(start, bound + 1):
            last = first + length - 1
            # Cheap necessary test first; the full check only for candidates that pass it.
            if length + self.count(last - self.window + 1, first - 1) > self.limit:
                continue
            if self.allows(first, length):
                return first
        return None  # pragma: no cover - bound is always allowed
