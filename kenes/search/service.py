"""The one search function the API, the pages and the command line call, so all three give the same results.

A citation ("ст. 113 ТК РК", "C097 art 6") is resolved before any text search: when it names provisions,
they are the result (its words are not searched as text). A keyword query is one engine query re-ranked
by the priors. A question (a situation told in sentences) is ranked several ways and fused by rank
(fusion.py): its informative terms; its meaning (vectors.py); the articles it quotes (quoted.py); the
articles cited for similar earlier questions (experience.py); and, when the profile weighs them, the
related terms its best articles use. It may also name a rights check that answers it (answers.py) or be
about law the database does not hold ("the law is not here").

Nothing here reads the law from the database on the text path: everything a hit shows is stored in the
index, so a request costs an engine query or three, a few stored documents and their snippets.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import re

import tantivy
from django.utils import timezone

from kenes.kernel.countries import ISO_3166_ALPHA2
from kenes.lex import editions

from . import (
    answers,
    check_scope,
    engine,
    experience,
    fusion,
    holdings,
    not_here,
    places,
    quoted,
    topics,
    vectors,
)
from .citation_hits import citation_hits
from .engine import Filters, QueryError, QueryTooLong
from .index import IndexMissing, open_index
from .notices import Notice, cut_notice, place_not_held_notice, place_notice
from .request import ANY_JURISDICTION, SearchRequest
from .results import Hit, SearchResult, hit_from
from .stages import StageClock

#: The days the index can filter on: tantivy stores a date as nanoseconds in 64 bits (1677-09-21 to 2262).
FIRST_DATE, LAST_DATE = dt.date(1678, 1, 1), dt.date(2261, 12, 31)

__all__ = [
    "Hit",
    "IndexMissing",
    "Notice",
    "QueryError",
    "QueryTooLong",
    "SearchRequest",
    "SearchResult",
    "search",
]

log = logging.getLogger("kenes.search")

#: What a jurisdiction code may be (AKN): a country's ISO 3166 code, with a subdivision after a hyphen, or
#: "aa-" and an international body's name. "xx" was searched, matched nothing and said nothing.
_JURISDICTION = re.compile(
    r"aa-[a-z0-9]{2,20}|(?:" + "|".join(sorted(ISO_3166_ALPHA2)) + r")(?:-[a-z0-9]{1,10})?"
)
FACETS = ("jurisdiction", "work_type", "topic", "lang")


def search(request: SearchRequest) -> SearchResult:
    """Provisions matching ``request.q`` in force on ``request.date`` (default today), best first; with a
    ``date``, also which acts have no edition held on it (``not_held_on_date``).

    Bad input raises :class:`QueryError` (:class:`QueryTooLong` above MAX_QUERY_BYTES); a missing index
    raises :class:`IndexMissing` (``kenes reindex`` builds it).
    """
    result = _search(request)
    if request.date is not None:
        asked = request.capped()
        # the country searched: the one asked for, or the one the question named (none for "*")
        place = next((n.topic for n in result.notices if n.code == "place"), None) or asked.jurisdiction
        result.not_held_on_date = [
            {"work": w.frbr_uri, "title": w.short_title or w.title, "from": str(w.first)}
            for w in editions.not_yet_held(request.date, jurisdiction=place, work=asked.work)
        ]
    return result


def _search(request: SearchRequest) -> SearchResult:
    if request.limit < 0 or request.offset < 0:
        raise QueryError("limit and offset must not be negative", "limit")
    if request.date is not None and not FIRST_DATE <= request.date <= LAST_DATE:  # tantivy's dates
        raise QueryError(f"the date must be between {FIRST_DATE} and {LAST_DATE}", "date")
    req = request.capped()
    if req.jurisdiction and not _JURISDICTION.fullmatch(req.jurisdiction):
        raise QueryError(
            f"unknown jurisdiction {req.jurisdiction[:40]!r}: a country code (kz, kg, ru…), a body (aa-ilo, "
            f"aa-eaeu…) or {ANY_JURISDICTION} for every country",
            "jurisdiction",
        )
    clock = StageClock()
    prof = engine.profile()
    # the query's vector is computed on the other core while its words are parsed and ranked; a short
    # query (a citation such as "ст. 113 ТК РК" is four words) is embedded only once it is known to be
    # neither a citation nor empty: an encoder run costs tens of milliseconds of a core, and parsing
    # a few words first costs a fraction of one
    embed = bool(req.limit) and _wants_meaning(req, prof)
    early = embed and len(req.q.split()) >= prof.question.min_words
    pending = vectors.embed_soon(req.q) if early else None
    code = engine.normalise_lang(req.lang)
    parsed = engine.parse(
        req.q, code, question_words=prof.question.min_words, question_glossary=prof.question.glossary
    )
    clock.mark("parse")
    filters = Filters(
        date=req.date or timezone.localdate(),
        jurisdiction=req.jurisdiction,
        work_type=req.work_type,
        topic=req.topic,
        lang=code,
        work=req.work,
    )
    handle = open_index()
    searcher = handle.index.searcher()
    notices = []
    if parsed.cut:
        notices.append(cut_notice(parsed.cut, engine.MAX_QUERY_CHARS))

    cited, uncited = (
        ([], None) if not req.limit else citation_hits(req.q, filters, searcher, handle.schema, parsed)
    )
    if uncited is not None:  # "ст. 999 ТК РК": the code is held, that article is not; its words say nothing
        notices.append(uncited)
    if cited or uncited or parsed.empty:
        # a citation names its provisions: the words of "ст. 113 ТК РК" are not a text search.
        # Nothing searchable (only operators, emoji, stop words): an empty result that says why.
        if pending is not None:
            pending.cancel()  # (not yet started when the encoder is busy with another question)
        if req.explain:
            for hit in cited:
                hit.explanation = {"citation": True, "why": "the query cites this provision"}
        if not cited and not uncited:
            notices.append(Notice("nothing-searchable", _NOTHING_SEARCHABLE))
        result = SearchResult(
            cited[req.offset : req.offset + req.limit], len(cited), bool(cited or uncited), notices=notices
        )
        clock.mark("citation")
        result.timings = clock.stages
        return result

    if embed and pending is None:
        pending = vectors.embed_soon(req.q)
    place, by_language, unheld = _named_place(req, parsed, searcher, handle, filters)
    if place:
        filters = dataclasses.replace(filters, jurisdiction=place)
        notices.append(place_notice(place, ANY_JURISDICTION, by_language))
    elif unheld:
        notices.append(place_not_held_notice(unheld))

    def held(terms: frozenset[str]) -> bool:
        return holdings.titles_hold(searcher, handle.schema, terms, filters, handle.memo)

    outside = answers.outside_topic(parsed, held)
    checks = answers.checks_for(parsed, outside)
    planned = engine.plan(parsed, searcher, prof, schema=handle.schema, memo=handle.memo)
    query = engine.compile_query(parsed, planned, handle.schema, filters, prof)
    clock.mark("plan")
    # fused with meaning, the words' ranking lists as deep as the meaning's: an article 15th by its words
    # and 5th by its meaning belongs on the first page
    # (every ranking of a question is fused to the same depth, whatever the page: see fusion.fuse)
    deep = prof.vectors.depth if pending is not None or parsed.question else 0
    ranked, count = _ranked(searcher, query, req, parsed, prof, filters.date, deep, handle.memo)
    # most of the law searched is in another language than the query's, and some in a third: the main
    # language's texts are ranked apart too (holdings.main_language)
    main = holdings.main_language(searcher, handle.schema, filters, handle.memo)
    balance = main if main and main != parsed.lang else None
    if balance:
        ranked = _with_main_language(
            searcher, handle.schema, query, ranked, req, parsed, prof, filters, deep, balance
        )
    clock.mark("rank")
    if parsed.question:
        ranked, used = _fused(
            searcher, handle.schema, ranked, req, parsed, planned, prof, filters, pending, balance
        )
        clock.mark("fuse")
        area = not_here.question_area(
            parsed,
            ranked,
            used,
            outside=outside,
            checks=checks,
            pending=pending,
            held=held,
            language_held=lambda: holdings.language_held(
                searcher, handle.schema, filters, parsed.lang, handle.memo
            ),
            prof=prof,
        )
    else:
        asks = places.asks(parsed.text, parsed.question)
        if outside and not checks and asks and pending is not None and req.tell_not_here:
            pending.cancel()  # (its words say it: no need to wait for its meaning)
        area = not_here.short_query_area(
            asks, outside=outside, checks=checks, pending=pending, held=held, prof=prof
        )
        if (area is None or not req.tell_not_here) and pending is not None:
            # a few words that are not yet a question ("увольнение в период беременности"): words and meaning
            meaning = vectors.ranking(searcher, handle.schema, pending, filters, balance)
            if meaning:
                depth = prof.vectors.depth
                ranked = fusion.fuse(
                    [fusion.Ranking("text", ranked), fusion.Ranking("meaning", meaning, prof.vectors.weight)],
                    prof.question.rrf_k,
                    depth,
                    req.offset + req.limit,
                    ranked[depth:],
                )
            clock.mark("meaning")
    if area is not None:
        # asked for the articles anyway, the reader is still told what the question read as
        notices.append(answers.not_here_notice(area, shown=not req.tell_not_here))
        if req.tell_not_here:
            ranked = []
    wanted = planned.highlight_terms(parsed)
    hits = []
    for item in ranked[req.offset : req.offset + req.limit]:
        hit = hit_from(searcher.doc(item.address), item.score, wanted)
        if req.explain:
            hit.explanation = engine.explanation(query, searcher, item, parsed, planned)
        hits.append(hit)
    clock.mark("hits")
    # (named by the words alone above, so "not here" still spares a question a check answers)
    # (a country named whose law is not held still decides: a check counting by Kazakh law is no answer
    # for work in Kyrgyzstan)
    offered = check_scope.offered(checks, filters.jurisdiction or unheld, filters.date)
    result = SearchResult(
        hits,
        0,
        total_is_estimate=count.estimate,
        question=parsed.question,
        checks=offered,
        checks_withheld=[slug for slug in checks if slug not in offered],
        notices=notices,
        place=filters.jurisdiction,
    )
    if req.facets and ranked and not parsed.question:
        # (a question's OR of thirty words matches most of the law: counting values over that says
        # nothing, so a question lists its ranked articles without facets)
        # counted in the unit of ``total`` (rank's collapse key), so a facet's numbers add up to it
        unit = "work_id" if req.group_by_work else "group" if prof.collapse_articles else None
        counted = engine.facet_counts(searcher, query, FACETS, unit, count)
        result.facets, result.facets_are_estimate = counted.values, counted.estimate
        if count.estimate and counted.results is not None:  # the facets' pass counted them more closely
            count = engine.Count(counted.results, count.matches, estimate=True)
        clock.mark("facets")
    result.total = max(count.results, len(ranked)) if ranked else 0
    result.timings = clock.stages
    return result


_NOTHING_SEARCHABLE = (
    "nothing in the query can be searched (only stop words, symbols or operators): "
    "type a few words about the question or a citation such as «ст. 113 ТК РК»"
)


def _named_place(
    req: SearchRequest, parsed: engine.ParsedQuery, searcher: tantivy.Searcher, handle, filters: Filters
) -> tuple[str | None, str, str | None]:
    """The country a question is about when the request names none and the index holds law of it that the
    request's other filters allow (places.py), and the language that said so when it named none (""): a
    request with a country or a work, and ``jurisdiction=*``, keep every country. A short question is a
    question too ("Qozog'istonda ishlash uchun ruxsatnoma kerakmi?"): one that asks (a "?") or runs to a
    sentence. A few keywords are read for a country they name ("overtime pay KZ", "минимальная зарплата
    Казахстан": a lawyer who types the country wants its law), not for their language.

    Third: a country the question names whose law is not held ("работаю в Кыргызстане"): every country is
    searched, but the reader is told, and no check counting by another country's law is offered. Only a
    country named counts so: one guessed from the question's language alone may not be where they work."""
    if req.jurisdiction or req.work or not req.infer_place:
        return None, "", None
    if places.asks(parsed.text, parsed.question):
        place, language = places.place_of(parsed.text)
    else:
        place, language = places.named_place(parsed.text), ""
    if not place:
        return None, "", None
    if holdings.jurisdiction_holds(
        searcher, handle.schema, dataclasses.replace(filters, jurisdiction=place), handle.memo
    ):
        return place, language, None
    return None, "", None if language else place


def _ranked(
    searcher: tantivy.Searcher,
    query: tantivy.Query,
    req: SearchRequest,
    parsed: engine.ParsedQuery,
    prof: engine.Profile,
    day: dt.date,
    deep: int = 0,
    memo: dict | None = None,
) -> tuple[list[engine.Ranked], engine.Count]:
    """The query's results ranked by text and priors and collapsed; widened for a deep page (``memo``:
    the index handle's, where the engine keeps what it derives from the whole index)."""

    def rank(window: int) -> tuple[list[engine.Ranked], engine.Count]:
        return engine.rank(
            searcher,
            query,
            day=day,
            window=window,
            prof=prof,
            collapse=prof.collapse_articles,
            group_by_work=req.group_by_work,
            asked=parsed.intents,
            need=max(req.offset + req.limit, prof.question.feedback_docs, deep),
            count=not parsed.question,
            memo=memo,
        )

    # The re-ranking window is the same for every page, so that the first page does not depend on how
    # many results were asked for (a wider window lets a match past the 100th rise by its priors): a
    # deep page lists the articles the window ranked, then those a wider window finds, in its order.
    need = req.offset + req.limit
    collapsed = prof.collapse_articles or req.group_by_work
    ranked, count = rank(prof.rerank_window)
    widest = min(count.matches, engine.RERANK_MAX)
    for window in (need * 4, widest):
        if len(ranked) >= need or window <= prof.rerank_window or window > widest:
            continue
        # a deep page of a query whose articles have many matching points: the window held too few
        # articles (up to all matches are re-ranked: the count promised these pages exist)
        wider, count = rank(window)
        listed = {_listed_as(r, collapsed) for r in ranked}
        ranked += [r for r in wider if _listed_as(r, collapsed) not in listed]
    return ranked, count


def _with_main_language(
    searcher: tantivy.Searcher,
    schema: tantivy.Schema,
    query: tantivy.Query,
    ranked: list[engine.Ranked],
    req: SearchRequest,
    parsed: engine.ParsedQuery,
    prof: engine.Profile,
    filters: Filters,
    deep: int,
    main: str,
) -> list[engine.Ranked]:
    """The words' ranking fused with the same query's ranking of the texts in the ``main`` language alone.

    Why: the texts in a language few of them are in match the glossary's terms of that language, rarer
    and so weightier than the main language's, and one ranking of all lists those few first whatever they
    say. Fused by rank, as the results of two collections are, the best of each comes near the top."""
    Q, Must = tantivy.Query, tantivy.Occur.Must
    in_main = Q.const_score_query(Q.term_query(schema, "lang", main), 0.0)
    main_only, _ = _ranked(
        searcher, Q.boolean_query([(Must, query), (Must, in_main)]), req, parsed, prof, filters.date, deep
    )
    depth = max(prof.vectors.depth, req.offset + req.limit)
    return fusion.fuse(
        [fusion.Ranking("text", ranked), fusion.Ranking("main-language", main_only)],
        prof.question.rrf_k,
        depth,
        req.offset + req.limit,
        ranked[depth:],
    )


def _listed_as(item: engine.Ranked, collapsed: bool) -> object:
    """What a result is listed once as: its article (or work), or its own entry when not collapsed."""
    return item.unit if collapsed else (item.address.segment_ord, item.address.doc)


def _fused(
    searcher: tantivy.Searcher,
    schema: tantivy.Schema,
    first: list[engine.Ranked],
    req: SearchRequest,
    parsed: engine.ParsedQuery,
    planned: engine.Plan,
    prof: engine.Profile,
    filters: Filters,
    pending: vectors.Pending | None = None,
    balance: str | None = None,
) -> tuple[list[engine.Ranked], tuple[str, ...]]:
    """A question's rankings fused by rank: its terms, and where they have something to say the related
    terms, the meaning, the articles it quotes and experience; also which rankings took part."""
    need = req.offset + req.limit
    depth = prof.vectors.depth
    rankings = [fusion.Ranking("text", first)]
    # (the related terms cost a few stored documents' analysis: not read when their ranking weighs nothing)
    related = []
    if prof.question.related_weight:
        related = fusion.related_terms(searcher, first, parsed, planned, prof)
    if related:
        again, replanned = fusion.feedback_query(parsed, planned, related)
        query = engine.compile_query(again, replanned, schema, filters, prof)
        ranked, _count = engine.rank(
            searcher,
            query,
            day=filters.date,
            window=prof.rerank_window,
            prof=prof,
            collapse=prof.collapse_articles,
            group_by_work=req.group_by_work,
            asked=parsed.intents,
            need=depth,
            count=False,
        )
        rankings.append(fusion.Ranking("related", ranked, prof.question.related_weight))
    # the rankings that need no vector first: they run while the encoder finishes on the other core
    cited = named = []
    if prof.question.quoted_weight and not req.group_by_work:
        cited = quoted.ranking(searcher, schema, req.q, filters)
    if prof.question.topics_weight and not req.group_by_work:
        named = topics.ranking(
            searcher,
            schema,
            parsed.text,  # (what was searched: a text over the length limit is cut)
            parsed.lang,
            filters,
            prof,
            filters.date,
            prof.vectors.depth,
            parsed.intents,
        )
    if pending is not None:
        meaning = vectors.ranking(searcher, schema, pending, filters, balance)
        if meaning:
            rankings.append(fusion.Ranking("meaning", meaning, prof.vectors.weight))
    if cited:
        rankings.append(fusion.Ranking("quoted", cited, prof.question.quoted_weight))
    if named:
        rankings.append(fusion.Ranking("topics", named, prof.question.topics_weight))
    if prof.question.experience_weight and not req.group_by_work:
        remembered = experience.ranking(searcher, schema, parsed, filters, pending)
        if remembered:
            rankings.append(fusion.Ranking("experience", remembered, prof.question.experience_weight))
    used = tuple(r.name for r in rankings)
    if len(rankings) == 1:
        return first, used
    return fusion.fuse(rankings, prof.question.rrf_k, depth, need, first[depth:]), used


def _wants_meaning(req: SearchRequest, prof: engine.Profile) -> bool:
    """A query of a few words or more, listed per article, with vectors on (keywords stay pure text)."""
    return (
        bool(prof.vectors.weight)
        and not req.group_by_work
        and len(req.q.split()) >= prof.vectors.min_words
        and vectors.enabled()
        and vectors.present()
    )
