"""The search pager offers only pages that have results, and a page past the last goes to the last."""

from __future__ import annotations

import re

import pytest

from tests.search.paging_data import ARTICLES, ON, QUERY, cap_counting, load_long_articles

pytestmark = pytest.mark.django_db
LAST = -(-ARTICLES // 10)


@pytest.fixture
def long_articles(db, tmp_path, settings):
    from kenes.search.index import rebuild

    settings.KENES_SEARCH_INDEX = tmp_path / "search-index"
    settings.KENES_SEARCH_AUTOINDEX = False
    load_long_articles()
    rebuild()


def _page(client, page) -> tuple[int, str]:
    response = client.get("/search", {"q": QUERY, "date": ON.isoformat(), "page": page})
    return response.status_code, response.content.decode() if response.status_code == 200 else response[
        "Location"
    ]


def _hits(html: str) -> int:
    return len(re.findall(r"<li><h2><a href=", html))


def test_the_pager_counts_results_as_listed_and_every_page_has_hits(client, long_articles):
    status, html = _page(client, 1)
    assert status == 200
    assert re.search(rf'<p id="count"[^>]*>\D*{ARTICLES}\b', html)  # not the 255 matching paragraphs
    assert re.search(rf"\b1\D+{LAST}\b", re.search(r'<nav class="pager".*?</nav>', html).group(0))
    for page in range(1, LAST + 1):
        status, html = _page(client, page)
        assert status == 200 and _hits(html) > 0, page
    assert 'rel="next"' not in html  # the last page offers no next one


@pytest.mark.parametrize("page", [LAST + 1, 100, 10**20])
def test_a_page_past_the_last_redirects_to_the_last(client, long_articles, page):
    status, location = _page(client, page)
    assert status == 302 and f"page={LAST}" in location and "q=" in location


def test_counts_above_the_exact_limit_are_shown_as_estimates(client, long_articles, monkeypatch):
    from kenes.search import engine

    status, html = _page(client, 1)
    assert status == 200 and "≈" not in html  # exact counts carry no mark

    cap_counting(monkeypatch, engine)
    status, html = _page(client, 1)
    assert status == 200
    assert re.search(r'<p id="count"[^>]*>≈ ', html)
    assert re.search(r'<nav class="facets".*<small>≈\d+</small>', html, re.S)
