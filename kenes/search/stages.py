"""Where a request's time goes, by stage: the API sends it as ``Server-Timing`` and bench/search.py
tabulates it (parse, plan, rank, fuse, meaning, hits, facets, citation)."""

from __future__ import annotations

import time

__all__ = ["StageClock"]


class StageClock:
    """Milliseconds between marks, by stage name (a few perf_counter calls: nothing to switch off)."""

    def __init__(self) -> None:
        self.stages: dict[str, float] = {}
        self._last = time.perf_counter()

    def mark(self, stage: str) -> None:
        now = time.perf_counter()
        self.stages[stage] = self.stages.get(stage, 0.0) + (now - self._last) * 1000
        self._last = now
