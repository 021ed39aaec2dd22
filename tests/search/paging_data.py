"""A library whose articles match unevenly: a few articles with many matching paragraphs outrank the rest, so
the re-ranking window of the first result pages holds few articles (the case where a raw match count
promised pages that had no results)."""

from __future__ import annotations

import datetime as dt

from kenes.lex.importing import import_document
from kenes.lex.tree import Document, assign_eids
from tests import factories

ON = dt.date(2024, 6, 1)
QUERY = "отпуск"
HEAVY, LIGHT, PARAGRAPHS = 5, 25, 40
ARTICLES = HEAVY + LIGHT
FILLER = " ".join(f"слово{i}" for i in range(400))


def load_long_articles() -> None:
    """5 articles of 40 short paragraphs about leave outrank 25 articles that mention it once in a long
    paragraph (200 short articles on other things make those long ones weigh little): 255 matching entries,
    30 results, and the top 104 entries (the re-ranking window of the first pages) hold only the first 5."""
    factories.work(factories.LC_URI, title="Трудовой кодекс", work_type="code")
    heavy = [
        factories.article(str(n), "", *(f"Отпуск, отпуск {n}.{p}." for p in range(PARAGRAPHS)))
        for n in range(1, HEAVY + 1)
    ]
    light = [
        factories.article(str(n), "", f"{FILLER} отпуск {FILLER}") for n in range(HEAVY + 1, ARTICLES + 1)
    ]
    other = [factories.article(str(n), "", f"Иное правило {n}.") for n in range(ARTICLES + 1, ARTICLES + 201)]
    doc = Document(title="Трудовой кодекс", lang="rus", body=heavy + light + other)
    assign_eids(doc)
    import_document(doc, work_uri=factories.LC_URI, lang="rus", date=dt.date(2024, 1, 1))


def cap_counting(monkeypatch, engine) -> None:
    """Count exactly and re-rank for a deep page no further than 50 matches (the 255 matching entries are
    then "many"): the counts become estimates, as above engine.EXACT_COUNT_MAX on a large library."""
    monkeypatch.setattr(engine, "EXACT_COUNT_MAX", 50)
    monkeypatch.setattr(engine, "RERANK_MAX", 50)
