"""From the words a reader typed to ranked index entries: parse -> plan -> compile -> run -> re-rank.

Frozen dataclasses pass between the steps (after Peachjam's search pipeline), and every number that shapes
the ranking comes from ``profile.yaml``: BM25 per field times the field's weight, summed; a phrase and a
proximity bonus; then priors (work type, kind of provision, in force or not) multiply the text score of the
top ``rerank_window`` matches, read from fast fields so no stored document is opened before the page is cut.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from operator import itemgetter

import tantivy

from . import intents
from .profile import Profile, profile
from .query import MAX_QUERY_CHARS, ParsedQuery, QueryError, QueryTooLong, normalise_lang, parse
from .request import MAX_LIMIT, MAX_OFFSET
from .schema import GROUP_SPAN, KIND_CODES, WORK_TYPE_CODES

# parse and the profile are re-exported: the pipeline's steps are read as engine.parse … engine.rank
__all__ = [
    "EXACT_COUNT_MAX",
    "MAX_LIMIT",
    "MAX_OFFSET",
    "MAX_QUERY_CHARS",
    "Count",
    "FacetCounts",
    "Filters",
    "Plan",
    "Ranked",
    "compile_query",
    "count_groups",
    "entry_of",
    "explanation",
    "facet_counts",
    "filter_query",
    "plan",
    "rank",
    "ParsedQuery",
    "Profile",
    "QueryError",
    "QueryTooLong",
    "normalise_lang",
    "parse",
    "profile",
]

#: Up to this many matching entries the result count is exact and every result page can be reached (the
#: re-ranking widens to all matches for a deep page); above it the count is an estimate (HyperLogLog).
EXACT_COUNT_MAX = 10_000


# ---------------------------------------------------------------- filters


@dataclass(frozen=True)
class Filters:
    date: dt.date
    jurisdiction: str | None = None
    work_type: str | None = None
    topic: str | None = None
    lang: str | None = None
    work: str | None = None


def _midnight(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)


def filter_query(schema: tantivy.Schema, filters: Filters) -> tantivy.Query:
    """Entries in force on the date (which also leaves the markers out) and matching every filter given."""
    day = _midnight(filters.date)
    Q = tantivy.Query
    clauses = [
        Q.range_query(schema, "date_from", tantivy.FieldType.Date, None, day),
        Q.range_query(schema, "date_to", tantivy.FieldType.Date, day, None, include_lower=False),
    ]
    for name in ("jurisdiction", "work_type", "topic", "lang", "work"):
        value = getattr(filters, name)
        if value:
            clauses.append(Q.term_query(schema, name, value))
    return Q.const_score_query(Q.boolean_query([(tantivy.Occur.Must, c) for c in clauses]), 0.0)


def entry_of(
    searcher: tantivy.Searcher, schema: tantivy.Schema, work: str, eid: str, within: tantivy.Query
) -> tuple[tantivy.DocAddress, int] | None:
    """The index entry of one provision (work URI and eId) that ``within`` allows, and its article group:
    how the rankings that name articles (meaning, experience) meet the words' ranking."""
    Q, Must = tantivy.Query, tantivy.Occur.Must
    query = Q.boolean_query(
        [(Must, Q.term_query(schema, "work", work)), (Must, Q.term_query(schema, "eid", eid)), (Must, within)]
    )
    hits = searcher.search(query, limit=1).hits
    if not hits:
        return None
    address = hits[0][1]
    return address, int(searcher.fast_field_values("group", [address])[0])


# ---------------------------------------------------------------- compile


@dataclass(frozen=True)
class Plan:
    """What will be searched: the terms kept with their weights, and what was left out and why."""

    weighted: tuple[tuple[str, float], ...]
    dropped_common: tuple[str, ...] = ()
    phrases: tuple[tuple[tuple[str, ...], bool], ...] = ()  # concept phrases whose terms are all indexed

    def highlight_terms(self, parsed: ParsedQuery) -> frozenset[str]:
        """The terms searched (not every expansion the glossary offered): what a snippet marks."""
        return frozenset(
            [t for t, _w in self.weighted]
            + [t for p in parsed.phrases for t in p]
            + [t for p, _same in self.phrases for t in p]
        )


def plan(parsed: ParsedQuery, searcher: tantivy.Searcher, prof: Profile) -> Plan:
    """Weigh terms; drop those too common to say anything, unless that would leave nothing.

    A question (parsed.question) keeps only its ``question.max_terms`` most informative terms: the
    question's own weight of each times its inverse document frequency, so a letter of 300 words searches
    the dozen that say what it is about.
    """
    total = max(1, searcher.num_docs)
    share = prof.question.common_share if parsed.question else prof.common_term_share
    own_weights = parsed.term_weights or (1.0,) * len(parsed.terms)
    own = list(zip(parsed.terms, own_weights, strict=True))
    own_df = {t: searcher.doc_freq("body", t) or searcher.doc_freq("heading", t) for t, _w in own}
    common = {t for t, _w in own if own_df[t] > share * total}
    # common terms go only when a rarer term that occurs at all is left: otherwise a query of common words
    # and one unknown word ("на складе нет …" in a small index) would search the unknown word alone
    kept = [(t, w) for t, w in own if t not in common and own_df[t]]
    if not kept:
        kept, common = own, set()
    elif parsed.question and len(kept) < 3:
        # a question keeps its common words when too few rarer ones are left (a small library)
        kept, common = [(t, w) for t, w in own if own_df[t]], set()
    if parsed.question:
        informative = sorted(kept, key=lambda tw: -tw[1] * math.log(1 + total / (1 + own_df[tw[0]])))
        chosen = set(informative[: prof.question.max_terms])
        kept = [(t, w) for t, w in own if (t, w) in chosen]  # the question's order (for proximity)
    weights = parsed.expansion_weights or (1.0,) * len(parsed.expansions)
    df: dict[str, int] = {}

    def known(term: str) -> bool:  # terms of other languages than the index holds cost time, find nothing
        if term not in df:
            df[term] = searcher.doc_freq("body", term) or searcher.doc_freq("heading", term)
        return df[term] > 0

    added = [
        (term, prof.expansion_weight * w)
        for term, w in zip(parsed.expansions, weights, strict=False)
        if known(term) and df[term] <= prof.common_expansion_share * total
    ]
    added.sort(key=lambda tw: -tw[1])  # stable: the glossary's order among equal weights
    kept += added[: prof.max_expansions]
    concept = prof.concept_phrase
    phrases = tuple(
        p for p in parsed.concept_phrases if (p[1] or concept.other_language) and all(known(t) for t in p[0])
    )[: concept.max]
    return Plan(tuple(kept), tuple(sorted(common)), phrases)


def compile_query(
    parsed: ParsedQuery, planned: Plan, schema: tantivy.Schema, filters: Filters, prof: Profile
) -> tantivy.Query:
    Q, Occur = tantivy.Query, tantivy.Occur
    should: list[tuple[tantivy.Occur, tantivy.Query]] = []
    own_terms = set(parsed.terms)
    expansion_fields = set(prof.expansion_fields)
    fields = prof.question.fields if parsed.question else prof.fields
    for term, weight in planned.weighted:
        for name, boost in fields.items():
            if term in own_terms or name in expansion_fields:
                query = Q.term_query(schema, name, term)
                should.append((Occur.Should, Q.boost_query(query, boost * weight)))
    if parsed.question and prof.question.forms_weight and parsed.term_forms:
        # the article's exact wording: the forms the question wrote of each term it kept
        written = dict(zip(parsed.terms, parsed.term_forms, strict=False))
        for term, weight in planned.weighted:
            for form in written.get(term, ())[:3]:
                query = Q.term_query(schema, "forms", form)
                should.append((Occur.Should, Q.boost_query(query, prof.question.forms_weight * weight)))
    kept = {t for t, _w in planned.weighted}
    own = [t for t in parsed.terms if t in kept]
    if len(own) >= 2:
        phrase, near = prof.phrase, prof.proximity
        if not parsed.question:  # a question's words in its order are no phrase of the law
            for name in ("body", "heading"):
                query = Q.phrase_query(schema, name, own, slop=phrase.slop)
                should.append((Occur.Should, Q.boost_query(query, phrase.boost)))
        # proximity: each neighbouring pair within a few words of each other
        pairs = near.pairs if near.boost else 0
        for a, b in list(zip(own, own[1:], strict=False))[:pairs]:
            query = Q.phrase_query(schema, "body", [a, b], slop=near.slop)
            should.append((Occur.Should, Q.boost_query(query, near.boost)))
    concept = prof.concept_phrase
    for words, same_language in planned.phrases:
        if not (same_language or concept.other_language):
            continue
        for name, weight in (("heading", concept.heading), ("body", concept.body)):
            query = Q.phrase_query(schema, name, list(words), slop=concept.slop)
            boost = weight * (1.0 if same_language else concept.other_language)
            boost *= prof.question.concept_scale if parsed.question else 1.0
            should.append((Occur.Should, Q.boost_query(query, boost)))
    clauses: list[tuple[tantivy.Occur, tantivy.Query]] = []
    if should:
        clauses.append((Occur.Must, Q.boolean_query(should)))
    for words in parsed.phrases:
        options = []
        for name in ("body", "heading"):
            if len(words) == 1:
                options.append((Occur.Should, Q.term_query(schema, name, words[0])))
            else:
                options.append((Occur.Should, Q.phrase_query(schema, name, list(words))))
        clauses.append((Occur.Must, Q.boolean_query(options)))
    for term in parsed.excluded:
        for name in ("body", "heading", "sub"):
            clauses.append((Occur.MustNot, Q.term_query(schema, name, term)))
    if parsed.question and prof.question.articles_only:
        # lawyers cite articles: a question is matched against each article's whole text (``sub``, or
        # ``body`` when it has no parts), not against its paragraphs one by one
        clauses.append((Occur.Must, Q.term_query(schema, "kind", "article")))
    clauses.append((Occur.Must, filter_query(schema, filters)))
    return Q.boolean_query(clauses)


# ---------------------------------------------------------------- run and re-rank


@dataclass
class Ranked:
    address: tantivy.DocAddress
    text_score: float
    prior: float
    score: float
    work_id: int  # read when hits are grouped by work; 0 otherwise
    factors: dict[str, float] = field(default_factory=dict)
    unit: int = 0  # the collapse key (article group, or work id with group_by_work): what fusion merges on


_TYPE_BY_CODE = {v: k for k, v in WORK_TYPE_CODES.items()}
_KIND_BY_CODE = {v: k for k, v in KIND_CODES.items()}


def rank(
    searcher: tantivy.Searcher,
    query: tantivy.Query,
    *,
    day: dt.date,
    window: int,
    prof: Profile,
    collapse: bool,
    group_by_work: bool,
    asked: tuple[str, ...] = (),
    need: int = MAX_OFFSET + MAX_LIMIT,
    count: bool = True,
) -> tuple[list[Ranked], Count]:
    """The top ``window`` text matches re-ranked by the priors and collapsed; also how many results there are
    (see :class:`Count`).

    ``need``: how many ranked hits the caller shows (offset + limit): the rest are not built.
    ``asked``: the query's intents; for ``liability`` the provisions that set a sanction weigh
    ``intents.liability.sanction`` times more (a question about consequences wants the penalty).
    ``count``: count every match and result (a question lists its ranked window only: counting the
    thousands of entries an OR of thirty words matches is most of its cost and tells the reader nothing).
    """
    result = searcher.search(query, limit=window, count=count)
    hits = result.hits
    if not hits:
        return [], Count(0, result.count or 0)
    addresses = [a for _s, a in hits]
    # each fast field read is a call into the index per request: only those the ranking uses
    wanted = ["type_code", "kind_code", "commenced", "repealed", "work_id" if group_by_work else "group"]
    sanction_w = prof.intents.liability.sanction
    liability = intents.LIABILITY in asked and sanction_w != 1.0
    if liability:
        wanted.append("sanction")
    fast = {name: searcher.fast_field_values(name, addresses) for name in wanted}
    sanctions = fast.get("sanction") or [0] * len(hits)
    types, kinds = _TYPE_BY_CODE, _KIND_BY_CODE
    type_w, kind_w = prof.work_type, prof.kind
    off = prof.not_in_force
    ordinal = day.toordinal()
    t_codes, k_codes = fast["type_code"], fast["kind_code"]
    commenced, repealed = fast["commenced"], fast["repealed"]
    # the priors of a hit depend on four small codes: computed once per distinct combination
    factors_of: dict[tuple, dict[str, float]] = {}
    prior_of: dict[tuple, float] = {}
    keys_of = []
    scored = []
    for i, (score, _address) in enumerate(hits):
        in_force = (commenced[i] or 0) <= ordinal < (repealed[i] or ordinal + 1)
        key = (t_codes[i], k_codes[i], in_force, liability and bool(sanctions[i]))
        prior = prior_of.get(key)
        if prior is None:
            factors = {
                "work_type": float(type_w.get(types.get(key[0], ""), 1.0)),
                "kind": float(kind_w.get(kinds.get(key[1], ""), 1.0)),
                "in_force": 1.0 if in_force else off,
            }
            if liability:
                factors["liability_intent"] = sanction_w if key[3] else 1.0
            factors_of[key] = factors
            prior = prior_of[key] = math.prod(factors.values())
        keys_of.append(key)
        scored.append((score * prior, i))
    scored.sort(key=itemgetter(0), reverse=True)  # stable: equal scores keep tantivy's order
    group_keys = fast["work_id"] if group_by_work else fast["group"]
    work_ids = fast.get("work_id") or [0] * len(hits)
    seen: set = set()
    ranked = []
    for final, i in scored:
        if collapse or group_by_work:
            if group_keys[i] in seen:
                continue
            seen.add(group_keys[i])
        key = keys_of[i]
        ranked.append(
            Ranked(
                hits[i][1],
                hits[i][0],
                prior_of[key],
                final,
                int(work_ids[i] or 0),
                dict(factors_of[key]),
                unit=int(group_keys[i] or 0),
            )
        )
        if len(ranked) >= need:
            break
    if not count:
        return ranked, Count(len(ranked), len(hits))
    if not (collapse or group_by_work):
        return ranked, Count(result.count, result.count)
    if len(hits) >= result.count:  # every match is in the window: its distinct groups are the results
        units = frozenset(group_keys)
        return ranked, Count(len(units), result.count, units=units)
    return ranked, count_groups(searcher, query, "work_id" if group_by_work else "group", result.count)


@dataclass(frozen=True)
class Count:
    """How many results a query has: ``results`` after collapsing (what the pages list), ``matches``
    before (index entries). ``estimate``: ``results`` is approximate (more than EXACT_COUNT_MAX matches)."""

    results: int
    matches: int
    estimate: bool = False
    #: the distinct collapse keys themselves when they were counted exactly (facet_counts reuses them)
    units: frozenset[int] | None = field(default=None, repr=False, compare=False)


def count_groups(searcher: tantivy.Searcher, query: tantivy.Query, field: str, matches: int) -> Count:
    """The distinct ``field`` values among all matches: exact up to EXACT_COUNT_MAX matches (one more pass
    over them, about 1 ms per 3,000 on the demo data), a HyperLogLog estimate above."""
    if matches <= EXACT_COUNT_MAX:
        # collected in the order of the field itself: tantivy then scores nothing (BM25 over an OR of
        # several words was most of this pass) and hands each match's value back as its sort key
        hits = searcher.search(query, limit=matches, count=False, order_by_field=field).hits
        units = frozenset(key for key, _address in hits)
        return Count(len(units), matches, units=units)
    return Count(round(searcher.cardinality(query, field)), matches, estimate=True)


#: Values listed per facet (the most frequent first).
FACET_SIZE = 30
#: Facets whose value is the same on every entry of an expression (index.py's ``common`` fields).
PER_EXPRESSION = frozenset({"jurisdiction", "work_type", "lang"})


@dataclass(frozen=True)
class FacetCounts:
    """``{facet: [(value, results)]}``, most results first. ``estimate``: the counts are approximate."""

    values: dict[str, list[tuple[str, int]]]
    estimate: bool = False


def facet_counts(
    searcher: tantivy.Searcher, query: tantivy.Query, names: tuple[str, ...], unit: str | None, count: Count
) -> FacetCounts:
    """How many results (the unit ``total`` counts) have each value of each facet.

    ``unit`` is the fast field whose distinct values are the results (``group``: one result per article,
    ``work_id`` per work; None: every entry is a result); ``count`` is what :func:`rank` counted. Up to
    EXACT_COUNT_MAX matches the counts are exact, from one aggregation pass: a facet that is the same
    over an expression's entries (jurisdiction, type, language) lists its expressions (a histogram of
    ``group``) and adds up their articles, which the count of ``total`` already holds; any other facet
    (topic: an article's points may differ) takes a terms aggregation on the unit, whose buckets are its
    results. So a facet every result has one value of adds up to ``total``. Above EXACT_COUNT_MAX, or
    should tantivy refuse that many buckets (65,000), a HyperLogLog estimate per value (flagged).
    Counting entries instead would show "Казахстан 255" beside 30 results.
    """
    if unit is None:
        aggs = {name: {"terms": {"field": name, "size": FACET_SIZE}} for name in names}
        found = searcher.aggregate(query, aggs)
        return FacetCounts({name: _buckets(found, name, lambda b: b["doc_count"]) for name in names})
    if count.matches <= EXACT_COUNT_MAX:
        reuse = unit == "group" and count.units is not None
        per_expression = Counter(g // GROUP_SPAN for g in count.units or ()) if reuse else Counter()
        expressions = {"histogram": {"field": "group", "interval": GROUP_SPAN, "min_doc_count": 1}}
        results = {"terms": {"field": unit, "size": max(1, count.matches)}}  # results <= matches

        def by_expression(name: str) -> bool:
            return reuse and name in PER_EXPRESSION

        def exact(name: str) -> Callable[[dict], int]:
            if by_expression(name):
                return lambda b: sum(per_expression[int(e["key"]) // GROUP_SPAN] for e in b["r"]["buckets"])
            return lambda b: len(b["r"]["buckets"])

        aggs = {
            name: {
                "terms": {"field": name, "size": FACET_SIZE},
                "aggs": {"r": expressions if by_expression(name) else results},
            }
            for name in names
        }
        try:
            found = searcher.aggregate(query, aggs)
        except ValueError:  # tantivy's bucket limit: a value-rich facet (topic) on many matches
            pass
        else:
            return FacetCounts({name: _buckets(found, name, exact(name)) for name in names})
    aggs = {
        name: {"terms": {"field": name, "size": FACET_SIZE}, "aggs": {"r": {"cardinality": {"field": unit}}}}
        for name in names
    }
    found = searcher.aggregate(query, aggs)
    return FacetCounts(
        {name: _buckets(found, name, lambda b: round(b["r"]["value"])) for name in names}, estimate=True
    )


def _buckets(found: dict, name: str, count: Callable[[dict], int]) -> list[tuple[str, int]]:
    """The facet's values with their counts, most first (ties keep tantivy's order: more entries first)."""
    values = [(b["key"], int(count(b))) for b in found.get(name, {}).get("buckets", [])]
    return sorted(values, key=lambda v: -v[1])


def explanation(
    query: tantivy.Query, searcher: tantivy.Searcher, ranked: Ranked, parsed: ParsedQuery, planned: Plan
) -> dict:
    """Why an entry ranked where it did: the BM25 tree from tantivy, then the priors that multiplied it."""
    factors = dict(ranked.factors)
    try:
        bm25 = json.loads(query.explain(searcher, ranked.address).to_json())
    except ValueError:  # listed by meaning or experience alone: the words do not match it at all
        bm25 = None
    return {
        "score": ranked.score,
        "text_score": ranked.text_score,
        "priors": factors,
        "prior": ranked.prior,
        "terms": list(parsed.terms),
        "intents": list(parsed.intents),
        "expansions": list(parsed.expansions),
        "dropped_as_common": list(planned.dropped_common),
        "bm25": bm25,
    }
