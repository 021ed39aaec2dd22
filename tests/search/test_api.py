"""GET /api/search: the service over HTTP, errors as JSON bodies, never a 500."""

from __future__ import annotations

import pytest
from django.test import Client

from .indexing import LC

pytestmark = pytest.mark.django_db


def _get(**params):
    return Client().get("/api/search", params)


def test_search_returns_hits_with_the_documented_fields(library):
    response = _get(q="сроки выплаты заработной платы", date="2024-06-01")
    assert response.status_code == 200
    body = response.json()
    assert body["total"] >= 1
    hit = body["hits"][0]
    assert {"work", "lang", "date", "eid", "num", "heading", "snippet", "score"} <= set(hit)
    assert (hit["work"], hit["eid"], hit["num"], hit["date"]) == (LC, "art_113", "113", "2024-01-01")
    assert "explanation" not in hit or hit["explanation"] is None


def test_filters_and_explain_pass_through(library):
    body = _get(q="wages", jurisdiction="aa-ilo", type="ilo-convention", lang="eng", explain="1").json()
    assert body["hits"] and all(h["lang"] == "eng" for h in body["hits"])
    assert body["hits"][0]["explanation"]["bm25"]["value"] > 0
    assert _get(q="intervals", jurisdiction="kz").json()["hits"] == []


def test_the_api_and_the_service_agree(library):
    from kenes.search.service import SearchRequest, search

    api = [(h["work"], h["eid"]) for h in _get(q="сверхурочная работа", date="2024-06-01").json()["hits"]]
    import datetime as dt

    direct = search(SearchRequest("сверхурочная работа", date=dt.date(2024, 6, 1)))
    assert api == [(h.work, h.eid) for h in direct.hits]


@pytest.mark.parametrize(
    "params",
    [
        {"q": ""},
        {"q": "а" * 10_000},
        {"q": 'трудовой "договор'},
        {"q": "AND OR NOT"},
        {"q": "😀🙈"},
        {"q": "зарплaта жұмыс o'zbek"},
        {"q": "работа", "lang": "xx"},
        {"q": "работа", "date": "2024-13-45"},
        {"q": "работа", "limit": "-5"},
        {"q": "работа", "limit": "many"},
    ],
)
def test_bad_input_is_a_clear_4xx_or_an_empty_result(library, params):
    response = _get(**params)
    assert response.status_code < 500
    body = response.json()
    if response.status_code >= 400:
        assert body["error"]["message"]
    else:
        assert isinstance(body["hits"], list)


@pytest.mark.parametrize("date", ["86400", "1718000000", "2024-6-1", "01.06.2024"])
def test_a_date_not_written_yyyy_mm_dd_is_a_400_not_a_guess(library, date):
    """pydantic alone reads "86400" as 1970-01-02 (seconds since the epoch): a law in force then is not what
    anyone asked for."""
    response = _get(q="работа", date=date)
    assert response.status_code == 422, response.content  # as every query parameter the schema refuses
    assert "YYYY-MM-DD" in response.json()["error"]["message"]


def test_a_posted_search_takes_the_date_as_a_string_only(library):
    post = Client().post
    ok = post("/api/search", {"q": "заработная плата", "date": "2024-06-01"}, content_type="application/json")
    assert ok.status_code == 200 and ok.json()["hits"]
    number = post("/api/search", {"q": "заработная плата", "date": 86400}, content_type="application/json")
    assert number.status_code == 400, number.content


def test_limit_and_offset_are_capped(library):
    body = _get(q="работа", limit="100000", offset="100000000").json()
    assert body["hits"] == [] and body["total"] >= 1
    assert len(_get(q="работа", limit="100000").json()["hits"]) <= 50


def test_no_index_is_a_503_saying_what_to_run(db, index_dir):
    response = _get(q="работа")
    assert response.status_code == 503
    assert "kenes reindex" in response.json()["error"]["message"]
