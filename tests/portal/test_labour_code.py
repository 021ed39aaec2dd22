"""The real Labour Code in the reader: bounded pages, all 221 articles reachable through the contents.

Skips with a visible reason when ../shared/corpus is absent.
"""

from __future__ import annotations

import datetime as dt
import gzip
import re

import pytest

from kenes.lex.importing import import_file
from tests.conftest import corpus_file

pytestmark = [pytest.mark.django_db, pytest.mark.corpus]

LC = "/akn/kz/act/code/2015-11-23/414-v"
#: Budget for one page of HTML (the issue's 30 KB covers HTML+CSS+JS compressed; CSS and JS are ~3 KB).
MAX_PAGE_GZIP = 26_000


@pytest.fixture
def labour_code(db):
    from tests import factories as f

    f.jurisdiction("kz")
    path = corpus_file("kz", "labour_code_2015_ru.txt")
    result = import_file(path, work_uri=LC, lang="rus", date=dt.date(2025, 7, 16), title="Трудовой кодекс")
    assert result.articles == 221
    return result.expression


def test_labour_code_pages_are_bounded_and_every_article_is_reachable_from_the_contents(client, labour_code):
    first = client.get(f"{LC}/rus")
    assert first.status_code == 200
    page = first.content.decode()
    toc = page[page.index('<nav class="toc"') : page.index("</nav>", page.index('<nav class="toc"'))]
    links = re.findall(r'href="(\?page=\d+|\?)?#(art_[^"]+)"', toc)
    assert len(links) == 221
    bodies = {1: page}
    sizes = []
    for query, eid in links:
        number = int(query.split("=")[1]) if query and "=" in query else 1
        if number not in bodies:
            response = client.get(f"{LC}/rus?page={number}")
            assert response.status_code == 200
            bodies[number] = response.content.decode()
        assert f'<article id="{eid}" lang="ru">' in bodies[number], (eid, number)
    for body in bodies.values():
        sizes.append(len(gzip.compress(body.encode())))
        assert len(body.encode()) < 200_000
    assert max(sizes) <= MAX_PAGE_GZIP, sizes
    assert len(bodies) > 10  # many pages, none holding the whole act


def test_labour_code_article_page_is_small_and_links_its_neighbours(client, labour_code):
    response = client.get(f"{LC}/rus/~art_113")
    body = response.content
    assert response.status_code == 200 and len(gzip.compress(body)) < 10_000
    page = body.decode()
    assert f'href="{LC}/rus/~art_112" rel="prev"' in page and f'href="{LC}/rus/~art_114" rel="next"' in page
