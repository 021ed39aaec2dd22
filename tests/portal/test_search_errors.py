"""A query the search refuses is explained on the page in the reader's language, not in the API's English."""

from __future__ import annotations

import html

import pytest

from kenes.search.query import MAX_QUERY_BYTES


def _error(page: str) -> str:
    start = page.index('<p class="error" role="alert">') + len('<p class="error" role="alert">')
    return html.unescape(page[start : page.index("</p>", start)])


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("ui", "said"), [("ru", "слишком длинный"), ("kk", "тым ұзын"), ("en", "too long to search")]
)
def test_a_text_too_long_to_search_is_told_so_in_the_readers_language(client, indexed, ui, said):
    response = client.get("/search", {"q": "а" * (MAX_QUERY_BYTES // 2 + 10)}, HTTP_ACCEPT_LANGUAGE=ui)
    assert response.status_code == 413
    error = _error(response.content.decode())
    assert said in error and "20" in error
    assert "bytes" not in error  # (the API's own message: "the query is 100,010 bytes; …")


@pytest.mark.django_db
def test_a_date_outside_the_search_and_an_unknown_language_are_named(client, indexed):
    response = client.get("/search", {"q": "отпуск", "date": "1500-01-01"}, HTTP_ACCEPT_LANGUAGE="ru")
    assert response.status_code == 400
    assert _error(response.content.decode()).startswith("«1500-01-01» вне дат")
    response = client.get("/search", {"q": "отпуск", "lang": "xx"}, HTTP_ACCEPT_LANGUAGE="ru")
    assert response.status_code == 400
    assert _error(response.content.decode()) == "«xx» — не тот язык, который понимает поиск."
