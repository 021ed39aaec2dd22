"""Shared test fixtures: where the real corpus lives, and a skip with a visible reason when it does not."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
# the `kenes` commands the tests start as subprocesses: meaning vectors off there too (see below)
os.environ.setdefault("KENES_SEARCH_VECTORS", "off")
CORPUS = Path(os.environ.get("KENES_CORPUS", REPO.parent / "shared" / "corpus")).resolve()


def corpus_file(*parts: str) -> Path:
    """Path to a file of ../shared/corpus, or skip the test saying which file is missing."""
    path = CORPUS.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"real corpus not available: {path} is absent (set KENES_CORPUS or check out ../shared)")
    return path


@pytest.fixture
def corpus() -> Path:
    if not CORPUS.is_dir():
        pytest.skip(
            f"real corpus not available: {CORPUS} is absent (set KENES_CORPUS or check out ../shared)"
        )
    return CORPUS


@pytest.fixture(autouse=True)
def _vectors_off_unless_asked(request, settings):
    """Meaning vectors cost a tenth of a second per article: off in tests but those that test them
    (marked ``vectors``), so that the rest measure the text ranking they were written for."""
    settings.KENES_SEARCH_VECTORS = request.node.get_closest_marker("vectors") is not None
