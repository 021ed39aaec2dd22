"""Answers before articles, and saying when the law is not here (both as data: ``answers.yaml``).

A question a rights check answers ("сколько дней я могу находиться", "не заплатили при увольнении") is
better served by the check, which computes the answer for the person's dates, than by ten articles: the
search names the check's slug and the caller (the API, the portal) links it and titles it. Search does
not import ``kenes.rights`` (it sits above search): the slugs here are the rights rules' own, and a test
keeps them in step with the rights registry.

A question about an area whose law the database does not hold (divorce, a bank loan, a flat) gets a plain
"the law for this is not in the database" instead of ten unrelated articles.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

from . import analysis
from .notices import Notice
from .query import ParsedQuery

__all__ = ["ANSWERS_FILE", "check_slugs", "checks_for", "not_here_notice", "outside_topic"]

ANSWERS_FILE = Path(__file__).with_name("answers.yaml")
MAX_CHECKS = 2


@lru_cache(maxsize=1)
def _data() -> dict:
    return yaml.safe_load(ANSWERS_FILE.read_text(encoding="utf-8"))


def _phrase_terms(phrase: str) -> frozenset[str]:
    lang = analysis.guess_lang(phrase)
    return frozenset(analysis.drop_stop_words(analysis.terms(phrase, lang), lang))


@lru_cache(maxsize=1)
def _checks() -> tuple[tuple[str, tuple[frozenset[str], ...]], ...]:
    return tuple(
        (slug, tuple(_phrase_terms(p) for p in phrases)) for slug, phrases in _data()["checks"].items()
    )


@lru_cache(maxsize=1)
def _areas() -> tuple[tuple[tuple[str, frozenset[str]], ...], frozenset[str]]:
    def terms(words: str) -> frozenset[str]:
        return frozenset(analysis.terms(words, "rus"))

    return tuple((name, terms(words)) for name, words in _data()["outside"].items()), terms(_data()["inside"])


def check_slugs() -> tuple[str, ...]:
    """Every check the search may name (rights rule slugs)."""
    return tuple(slug for slug, _phrases in _checks())


def _surface(parsed: ParsedQuery) -> frozenset[str]:
    """The query's words as index terms (every form), plus its question terms (lemmas)."""
    return frozenset(analysis.terms(parsed.text, parsed.lang)) | frozenset(parsed.terms)


def checks_for(parsed: ParsedQuery) -> list[str]:
    """The rights checks the query names, most phrases matched first (at most MAX_CHECKS)."""
    words = _surface(parsed)
    scored = []
    for order, (slug, phrases) in enumerate(_checks()):
        n = sum(1 for p in phrases if p and p <= words)
        if n:
            scored.append((-n, order, slug))
    return [slug for _n, _o, slug in sorted(scored)[:MAX_CHECKS]]


def outside_topic(parsed: ParsedQuery) -> str:
    """The area of law the question is about when the database does not hold it ("" otherwise)."""
    words = _surface(parsed)
    areas, inside = _areas()
    if words & inside:
        return ""
    least = int(_data().get("min_outside", 2))
    found = [(len(words & vocab), name) for name, vocab in areas]
    n, name = max(found, default=(0, ""))
    return name if n >= least else ""


def not_here_notice(topic: str) -> Notice:
    what = f" ({topic})" if topic else ""
    return Notice(
        "not-here",
        f"the law this question is about{what} is not in this database: it holds labour, migration and "
        "social-protection law and the code of administrative offences. An advisory centre can help.",
        topic,
    )
