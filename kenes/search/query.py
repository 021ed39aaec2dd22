"""Parsing: from the words a reader typed to a :class:`ParsedQuery` (the first step of the pipeline).

Two readings. A keyword query ("сверхурочная работа", "overtime pay KZ", "трудовой договор -срочный") keeps
every word (stop words out), quoted phrases and exclusions. A question (a situation told in sentences, up
to :data:`MAX_QUERY_CHARS` characters: a pasted letter) goes through question.py: salutations, names,
dates and amounts out, each remaining word once with a weight; the planner keeps its rarest few.
Input too large to mean a search (over :data:`MAX_QUERY_BYTES`) is refused with :class:`QueryTooLong`
(an API 413) before anything reads it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kenes.lex.languages import BCP47_TO_AKN

from . import analysis, intents
from .question import is_question, question_words

__all__ = [
    "MAX_QUERY_BYTES",
    "MAX_QUERY_CHARS",
    "ParsedQuery",
    "QueryError",
    "QueryTooLong",
    "normalise_lang",
    "parse",
]

#: Characters of a query that are searched (a pasted letter); beyond them the rest is ignored, and said so.
MAX_QUERY_CHARS = 20_000
#: Bytes (UTF-8) above which a query is refused outright: no one types 100 KB to find a law.
MAX_QUERY_BYTES = 100_000
MAX_TERMS = 32
MAX_EXPANSIONS = 64
_QUOTES = re.compile(r'"([^"]*)"')
_OPERATORS = {"and", "or", "not", "&&", "||", "+", "-", "!", "*", "|", "&"}


class QueryError(ValueError):
    """The request cannot be searched as given; the message says what to change (an API 400).

    ``param`` names the request's parameter at fault where one is ("date", "lang"), so that a page can
    say it in the reader's language: the message is the API's, in English.
    """

    def __init__(self, message: str, param: str = "") -> None:
        super().__init__(message)
        self.param = param


class QueryTooLong(QueryError):
    """The query is larger than anything a person would search with (an API 413)."""


def normalise_lang(lang: str | None) -> str | None:
    if not lang:
        return None
    code = BCP47_TO_AKN.get(lang.lower(), lang.lower())
    if code not in analysis.LANGS:
        raise QueryError(f"unknown language {lang!r}; use one of: {', '.join(analysis.LANGS)}", "lang")
    return code


@dataclass(frozen=True)
class ParsedQuery:
    text: str
    lang: str  # the language the query was analysed as
    terms: tuple[str, ...]  # the reader's own words as index terms, in order, stop words out
    phrases: tuple[tuple[str, ...], ...] = ()  # "quoted" runs: every one must match
    excluded: tuple[str, ...] = ()  # -word
    expansions: tuple[str, ...] = ()  # added by the glossary
    expansion_weights: tuple[float, ...] = ()  # the glossary's weight of each
    # the matched glossary concepts' phrases as terms, each with whether it is in the query's language
    concept_phrases: tuple[tuple[tuple[str, ...], bool], ...] = ()
    intents: tuple[str, ...] = ()  # what the question asks about beyond its subject (intents.yaml)
    #: read as a question (question.py): ``term_weights`` weigh ``terms``, the planner keeps the rarest
    question: bool = False
    term_weights: tuple[float, ...] = ()
    #: each question term's forms as written (matched against the articles' exact wording)
    term_forms: tuple[tuple[str, ...], ...] = ()
    #: characters beyond MAX_QUERY_CHARS that were not searched (0: all of it was)
    cut: int = 0

    @property
    def empty(self) -> bool:
        return not (self.terms or self.phrases)

    def highlight_terms(self) -> frozenset[str]:
        return frozenset(self.terms) | frozenset(self.expansions) | {t for p in self.phrases for t in p}


def parse(
    text: str, lang: str | None = None, *, question_words: int = 0, question_glossary: bool = True
) -> ParsedQuery:
    """The query as terms; raises :class:`QueryError` for input that cannot mean a search.

    ``question_words``: a query of at least this many words is read as a question (0: never);
    ``question_glossary``: whether a question's words are expanded through the glossary too.
    """
    text = text or ""
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > MAX_QUERY_BYTES:
        raise QueryTooLong(
            f"the query is {size:,} bytes; a search takes up to {MAX_QUERY_CHARS:,} characters "
            f"(a pasted letter), not {MAX_QUERY_BYTES:,} bytes or more"
        )
    text = text.strip()
    if not text:
        raise QueryError("the query is empty: type a few words or a citation such as «ст. 113 ТК РК»")
    cut = 0
    if len(text) > MAX_QUERY_CHARS:
        head = text[:MAX_QUERY_CHARS]
        head = head[: head.rfind(" ")] if " " in head[-200:] else head
        cut, text = len(text) - len(head), head
    code = lang or analysis.guess_lang(text[:2000])
    if question_words and is_question(text, question_words):
        return _question(text, code, cut, question_glossary)
    if text.count('"') % 2:
        # a phrase left open (a phone's keyboard, a pasted fragment) runs to the end of the query, as
        # people mean it and as web search engines read it, rather than failing the whole search
        text += '"'
    phrases = []
    for inner in _QUOTES.findall(text):
        found = tuple(analysis.terms(inner, code))
        if found:
            phrases.append(found)
    rest = _QUOTES.sub(" ", text)
    words, excluded = [], []
    for word in rest.split():
        if word.lower() in _OPERATORS:
            continue
        if word.startswith("-") and len(word) > 1 and not word[1].isdigit():
            excluded.extend(analysis.terms(word[1:], code))
        else:
            words.append(word)
    stops = analysis.STOP_WORDS.get(code, frozenset())
    # only stop words ("и в на с по") is nothing to search: an empty result that says so
    found = [t for t in analysis.terms(" ".join(words), code) if t not in stops]
    if all(t in analysis.NEGATIONS for t in found):  # a negation of nothing is nothing to search either
        found = []
    ordered = list(dict.fromkeys(found))
    return ParsedQuery(
        text=text,
        lang=code,
        terms=tuple(ordered[:MAX_TERMS]),
        phrases=tuple(phrases[:4]),
        excluded=tuple(excluded[:8]),
        intents=intents.detect(text),
        cut=cut,
        **_expand(tuple([*ordered, *(t for p in phrases for t in p)]), code),
    )


def _question(text: str, code: str, cut: int, glossary: bool) -> ParsedQuery:
    weighted = question_words(text, code)
    found = tuple(t for t, _w, _f in weighted)
    return ParsedQuery(
        text=text,
        lang=code,
        terms=found,
        term_weights=tuple(w for _t, w, _f in weighted),
        term_forms=tuple(f for _t, _w, f in weighted),
        question=True,
        intents=intents.detect(text),
        cut=cut,
        **(_expand(found, code) if glossary else {}),
    )


@lru_cache(maxsize=4096)
def _expand(found: tuple[str, ...], lang: str) -> dict[str, tuple]:
    """The glossary's extra terms and their weights (a missing or failing glossary adds nothing).

    Memoised: matching a query against the whole glossary costs about a millisecond, and popular
    questions come back.
    """
    seen = set(found)
    try:
        from . import glossary

        found_expansions = glossary.expansions(list(found), lang)
        added = [(e.term, float(e.weight)) for e in found_expansions]
        table = glossary.concepts()
        # each phrase of two words or more as the index holds it (its stop words at their positions)
        phrases = {
            (spelled, code == lang)
            for cid in {e.source for e in found_expansions}
            if cid in table
            for code, keys in table[cid].keys.items()
            for key, spelled in zip(keys, table[cid].spelled[code], strict=True)
            if len(key) >= 2
        } | {(key, True) for key in glossary.legal_phrases(list(found), lang)}
    except Exception:  # the glossary is data another module owns; search works without it
        return {}
    terms, weights = [], []
    for term, weight in added:
        for part in term.split():
            if part not in seen:
                seen.add(part)
                terms.append(part)
                weights.append(weight)
    return {
        "expansions": tuple(terms[:MAX_EXPANSIONS]),
        "expansion_weights": tuple(weights[:MAX_EXPANSIONS]),
        "concept_phrases": tuple(sorted(phrases, key=lambda p: (not p[1], p[0]))),
    }
