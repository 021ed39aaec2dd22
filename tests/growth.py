"""Complexity guards that do not depend on how fast or how busy the machine is.

A wall-clock ceiling ("under 5 s") fails on a loaded CI runner and says nothing about the bug it guards
against: quadratic backtracking. What such a guard really asserts is how the cost *grows*: doubling the
input of a linear scan roughly doubles its CPU time, while a quadratic one quadruples it. So these helpers
time the same work on an input of size n and of size k·n in this process's CPU time (another process's load
does not count), take the best of a few tries (scheduler noise only ever adds), and compare the ratio with
k. Speed itself is measured in `bench/`, never here.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any


def best_cpu_seconds(work: Callable[[], Any], tries: int = 3) -> float:
    """The least CPU time of `tries` runs of `work` (a floor of 1 ms keeps a ratio of tiny times finite)."""
    best = float("inf")
    for _ in range(tries):
        started = time.process_time()
        work()
        best = min(best, time.process_time() - started)
    return max(best, 1e-3)


def assert_grows_linearly(make_work: Callable[[int], Callable[[], Any]], n: int, factor: int = 4) -> None:
    """Fail when `factor` times the input costs more than twice `factor` times the CPU time.

    Linear work scales by about `factor`; quadratic work by `factor`², which this refuses with room to spare
    for constant overheads on the small input.
    """
    small = best_cpu_seconds(make_work(n))
    large = best_cpu_seconds(make_work(n * factor))
    ratio = large / small
    assert ratio < 2 * factor, (
        f"{factor}x the input took {ratio:.1f}x the CPU time ({small:.3f} s -> {large:.3f} s): not linear"
    )
