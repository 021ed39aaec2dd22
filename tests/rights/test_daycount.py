"""The day-counting engine against a slow, obviously-correct day-by-day count, plus its invariants.

The reference below builds the set of days of stay and recounts every window from scratch; hypothesis
throws random histories at both. Then the invariants the issue asks for: adding a day of stay never
increases the days remaining, and the order in which stays are given never matters.
"""

from __future__ import annotations

import datetime as dt
import random

from hypothesis import given, settings
from hypothesis import strategies as st

from kenes.rights import evaluate
from kenes.rights.daycount import DayCount, merge
from tests.growth import assert_grows_linearly
from tests.rights.helpers import TODAY

# -- the reference: sets of days, every window recounted ---------------------------------------------------


def days_of(intervals):
    return {d for a, b in intervals for d in range(a, b + 1)}


def count(days, x, window):
    return sum(1 for d in range(x - window + 1, x + 1) if d in days)


def run_start(days, x):
    while x - 1 in days:
        x -= 1
    return x


def run_of(days, a, b):
    lo = a
    while lo - 1 in days:
        lo -= 1
    hi = b
    while hi + 1 in days:
        hi += 1
    return lo, hi


def ref_first_violation(days, window, limit, cap, end):
    for x in sorted(days):
        if x > end:
            break
        if count(days, x, window) > limit or (cap is not None and x - run_start(days, x) + 1 > cap):
            return x
    return None


def ref_allows(days, window, limit, cap, first, length):
    if length == 0:
        return True
    last = first + length - 1
    both = days | set(range(first, last + 1))
    for x in range(first, last + window):
        if x in both and count(both, x, window) > limit:
            return False
    if cap is not None:
        lo, hi = run_of(both, first, last)
        if hi - lo + 1 > cap:
            return False
    return True


def ref_longest(days, window, limit, cap, first):
    k = 0
    while ref_allows(days, window, limit, cap, first, k + 1):
        k += 1
    return k


stays = st.lists(
    st.tuples(st.integers(0, 300), st.integers(1, 40)).map(lambda t: (t[0], t[0] + t[1] - 1)), max_size=8
)
limits = st.integers(2, 40).flatmap(
    lambda window: st.tuples(
        st.just(window), st.integers(1, window - 1), st.one_of(st.none(), st.integers(1, window))
    )
)


@settings(max_examples=300, deadline=None)
@given(stays, limits, st.integers(0, 400))
def test_window_counts_and_first_violation_match_the_day_by_day_count(intervals, wlc, d):
    window, limit, cap = wlc
    cal = DayCount(intervals, window=window, limit=limit, cap=cap)
    days = days_of(intervals)
    assert cal.used_on(d) == count(days, d, window)
    assert cal.first_violation(end=d) == ref_first_violation(days, window, limit, cap, d)


@settings(max_examples=300, deadline=None)
@given(stays, limits, st.integers(0, 400))
def test_longest_stay_matches_the_day_by_day_search(intervals, wlc, first):
    window, limit, cap = wlc
    cal = DayCount(intervals, window=window, limit=limit, cap=cap)
    assert cal.longest_stay(first) == ref_longest(days_of(intervals), window, limit, cap, first)


@settings(max_examples=200, deadline=None)
@given(stays, limits, st.integers(0, 400), st.integers(1, 45))
def test_next_start_is_the_first_allowed_day(intervals, wlc, start, length):
    window, limit, cap = wlc
    cal = DayCount(intervals, window=window, limit=limit, cap=cap)
    found = cal.next_start(start, length)
    days = days_of(intervals)
    if length > (limit if cap is None else min(limit, cap)):
        assert found is None
        return
    assert found is not None and ref_allows(days, window, limit, cap, found, length)
    assert not any(ref_allows(days, window, limit, cap, f, length) for f in range(start, found))


def test_merge_joins_touching_and_overlapping_stays_only():
    assert merge([(11, 20), (1, 10), (30, 31), (5, 6)]) == [(1, 20), (30, 31)]


# -- invariants through the public entry point ------------------------------------------------------------

BASE = dt.date(2024, 1, 1)
ON = dt.date(2024, 12, 31)

histories = st.lists(
    st.tuples(st.integers(0, 360), st.integers(1, 60)).map(
        lambda t: {
            "entry": (BASE + dt.timedelta(days=t[0])).isoformat(),
            "exit": (BASE + dt.timedelta(days=min(t[0] + t[1] - 1, 365))).isoformat(),
        }
    ),
    max_size=12,
)


def stay_answer(history, **extra):
    situation = {"stays": history, "on": ON.isoformat(), "window": 180, "limit": 90, **extra}
    return evaluate("stay", situation, today=TODAY)


@settings(max_examples=200, deadline=None)
@given(histories, st.integers(0, 365))
def test_adding_a_day_of_stay_never_increases_days_remaining(history, offset):
    extra_day = (BASE + dt.timedelta(days=offset)).isoformat()
    before = stay_answer(history)
    after = stay_answer([*history, {"entry": extra_day, "exit": extra_day}])
    assert after["days_remaining"] <= before["days_remaining"]
    assert after["days_used"] >= before["days_used"]
    # Nor can it undo a violation.
    assert not (before["compliant"] is False and after["compliant"] is True)


@settings(max_examples=150, deadline=None)
@given(histories, st.integers(0, 60))
def test_adding_a_day_of_stay_never_lengthens_the_stay_allowed_from_a_planned_entry(history, offset):
    plan = (ON + dt.timedelta(days=1 + offset)).isoformat()
    extra = (ON - dt.timedelta(days=offset)).isoformat()
    before = stay_answer(history, plan_entry=plan)
    after = stay_answer([*history, {"entry": extra, "exit": extra}], plan_entry=plan)
    assert after["max_stay_days"] <= before["max_stay_days"]


@settings(max_examples=150, deadline=None)
@given(histories, st.randoms(use_true_random=False))
def test_the_answer_does_not_depend_on_the_order_of_the_stays(history, rnd):
    shuffled = list(history)
    rnd.shuffle(shuffled)
    extra = {"plan_entry": "2025-02-01", "stay_length": 20}
    assert stay_answer(history, **extra).to_dict() == stay_answer(shuffled, **extra).to_dict()


def test_a_thousand_stays_over_a_decade_cost_no_more_than_linear_time():
    def situation(count: int) -> dict:
        rnd = random.Random(7)
        start = dt.date(2016, 1, 1)
        history = []
        for _ in range(count):
            entry = start + dt.timedelta(days=rnd.randrange(0, 3650))
            exit_ = entry + dt.timedelta(days=rnd.randrange(0, 5))
            history.append({"entry": entry.isoformat(), "exit": exit_.isoformat()})
        return {
            "stays": history,
            "on": "2025-12-31",
            "plan_entry": "2026-01-05",
            "stay_length": 30,
            "window": 180,
            "limit": 90,
        }

    assert evaluate("stay", situation(1000), today=TODAY)["days_used"] is not None
    assert_grows_linearly(lambda n: lambda: evaluate("stay", situation(n), today=TODAY), 250)


def test_an_overstay_is_one_run_from_the_first_breaking_day_of_the_stay_to_the_day_asked():
    cal = DayCount([(1, 100)], window=180, limit=90)
    assert cal.overstay_run(100) == (91, 100)
    assert cal.overstay_run(90) is None  # the ninetieth day is still within the limit
    assert cal.overstay_run(150) is None  # not present that day: not over the limit now


def test_the_fullest_window_ends_on_the_last_day_of_the_longest_stay():
    cal = DayCount([(1, 120), (200, 210)], window=180, limit=90)
    assert cal.fullest_window_end(250) == 120 and cal.used_on(120) == 120
    assert cal.fullest_window_end(0) is None
