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
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from operator import itemgetter
from pathlib import Path

import tantivy
import yaml

from kenes.lex.languages import BCP47_TO_AKN

from . import analysis, intents

PROFILE_FILE = Path(__file__).with_name("profile.yaml")
MAX_QUERY_CHARS = 500
MAX_TERMS = 32
MAX_EXPANSIONS = 64
MAX_PHRASES = 24
MAX_LIMIT = 50
MAX_OFFSET = 1000
#: Up to this many matching entries the result count is exact and every result page can be reached (the
#: re-ranking widens to all matches for a deep page); above it the count is an estimate (HyperLogLog).
EXACT_COUNT_MAX = 10_000
_QUOTES = re.compile(r'"([^"]*)"')
_OPERATORS = {"and", "or", "not", "&&", "||", "+", "-", "!", "*", "|", "&"}


class QueryError(ValueError):
    """The request cannot be searched as given; the message says what to change (an API 400)."""


@lru_cache(maxsize=4)
def _load_profile(path: str, mtime: float) -> dict:
    return yaml.safe_load(Path(path).read_text(encoding="utf-8"))


def profile() -> dict:
    """The ranking profile, re-read when the file changes (so tuning needs no restart)."""
    return _load_profile(str(PROFILE_FILE), PROFILE_FILE.stat().st_mtime)


def normalise_lang(lang: str | None) -> str | None:
    if not lang:
        return None
    code = BCP47_TO_AKN.get(lang.lower(), lang.lower())
    if code not in analysis.LANGS:
        raise QueryError(f"unknown language {lang!r}; use one of: {', '.join(analysis.LANGS)}")
    return code


# ---------------------------------------------------------------- parse


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

    @property
    def empty(self) -> bool:
        return not (self.terms or self.phrases)

    def highlight_terms(self) -> frozenset[str]:
        return frozenset(self.terms) | frozenset(self.expansions) | {t for p in self.phrases for t in p}


def parse(text: str, lang: str | None = None) -> ParsedQuery:
    """The query as terms; raises :class:`QueryError` for input that cannot mean a search."""
    text = (text or "").strip()
    if not text:
        raise QueryError("the query is empty: type a few words or a citation such as «ст. 113 ТК РК»")
    if len(text) > MAX_QUERY_CHARS:
        raise QueryError(f"the query is {len(text)} characters long; at most {MAX_QUERY_CHARS} are searched")
    if text.count('"') % 2:
        raise QueryError('the query has an unbalanced quote ("): close the phrase or remove the quote')
    code = lang or analysis.guess_lang(text)
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
    found = analysis.drop_stop_words(analysis.terms(" ".join(words), code), code)
    seen: set[str] = set()
    ordered = []
    for t in found:
        if t not in seen:
            seen.add(t)
            ordered.append(t)
    return ParsedQuery(
        text=text,
        lang=code,
        terms=tuple(ordered[:MAX_TERMS]),
        phrases=tuple(phrases[:4]),
        excluded=tuple(excluded[:8]),
        intents=intents.detect(text),
        **_expand(tuple([*ordered, *(t for p in phrases for t in p)]), code),
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
        phrases = {
            (key, code == lang)
            for cid in {e.source for e in found_expansions}
            if cid in table
            for code, keys in table[cid].keys.items()
            for key in keys
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


def plan(parsed: ParsedQuery, searcher: tantivy.Searcher, prof: dict) -> Plan:
    """Weigh terms; drop those too common to say anything, unless that would leave nothing."""
    total = max(1, searcher.num_docs)
    share = float(prof.get("common_term_share", 1.0))
    own = [(t, 1.0) for t in parsed.terms]
    own_df = {t: searcher.doc_freq("body", t) or searcher.doc_freq("heading", t) for t, _w in own}
    common = {t for t, _w in own if own_df[t] > share * total}
    # common terms go only when a rarer term that occurs at all is left: otherwise a query of common words
    # and one unknown word ("на складе нет …" in a small index) would search the unknown word alone
    kept = [(t, w) for t, w in own if t not in common and own_df[t]]
    if not kept:
        kept, common = own, set()
    exp_w = float(prof.get("expansion_weight", 0.5))
    expansion_share = float(prof.get("common_expansion_share", share))
    weights = parsed.expansion_weights or (1.0,) * len(parsed.expansions)
    df: dict[str, int] = {}

    def known(term: str) -> bool:  # terms of other languages than the index holds cost time, find nothing
        if term not in df:
            df[term] = searcher.doc_freq("body", term) or searcher.doc_freq("heading", term)
        return df[term] > 0

    added = [
        (term, exp_w * w)
        for term, w in zip(parsed.expansions, weights, strict=False)
        if known(term) and df[term] <= expansion_share * total
    ]
    added.sort(key=lambda tw: -tw[1])  # stable: the glossary's order among equal weights
    kept += added[: int(prof.get("max_expansions", MAX_EXPANSIONS))]
    other_language = float(prof.get("concept_phrase", {}).get("other_language", 1.0))
    phrases = tuple(
        p for p in parsed.concept_phrases if (p[1] or other_language) and all(known(t) for t in p[0])
    )[: int(prof.get("concept_phrase", {}).get("max", MAX_PHRASES))]
    return Plan(tuple(kept), tuple(sorted(common)), phrases)


def compile_query(
    parsed: ParsedQuery, planned: Plan, schema: tantivy.Schema, filters: Filters, prof: dict
) -> tantivy.Query:
    Q, Occur = tantivy.Query, tantivy.Occur
    fields: dict[str, float] = prof["fields"]
    should: list[tuple[tantivy.Occur, tantivy.Query]] = []
    own_terms = set(parsed.terms)
    expansion_fields = set(prof.get("expansion_fields") or fields)
    for term, weight in planned.weighted:
        for name, boost in fields.items():
            if term in own_terms or name in expansion_fields:
                query = Q.term_query(schema, name, term)
                should.append((Occur.Should, Q.boost_query(query, boost * weight)))
    kept = {t for t, _w in planned.weighted}
    own = [t for t in parsed.terms if t in kept]
    if len(own) >= 2:
        phrase, near = prof.get("phrase", {}), prof.get("proximity", {})
        for name in ("body", "heading"):
            should.append(
                (
                    Occur.Should,
                    Q.boost_query(
                        Q.phrase_query(schema, name, own, slop=phrase.get("slop", 0)),
                        float(phrase.get("boost", 1.0)),
                    ),
                )
            )
        # proximity: each neighbouring pair within a few words of each other
        pairs = int(near.get("pairs", 8)) if float(near.get("boost", 0)) else 0
        for a, b in list(zip(own, own[1:], strict=False))[:pairs]:
            query = Q.phrase_query(schema, "body", [a, b], slop=int(near.get("slop", 8)))
            should.append((Occur.Should, Q.boost_query(query, float(near.get("boost", 1.0)))))
    concept = prof.get("concept_phrase", {})
    other = float(concept.get("other_language", 1.0))
    for words, same_language in planned.phrases:
        if not (same_language or other):
            continue
        for name in ("heading", "body"):
            query = Q.phrase_query(schema, name, list(words), slop=int(concept.get("slop", 1)))
            boost = float(concept.get(name, 1.0)) * (1.0 if same_language else other)
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


_TYPE_BY_CODE: dict[int, str] = {}
_KIND_BY_CODE: dict[int, str] = {}


def _codes() -> tuple[dict[int, str], dict[int, str]]:
    if not _TYPE_BY_CODE:
        from .index import KIND_CODES, WORK_TYPE_CODES

        _TYPE_BY_CODE.update({v: k for k, v in WORK_TYPE_CODES.items()})
        _KIND_BY_CODE.update({v: k for k, v in KIND_CODES.items()})
    return _TYPE_BY_CODE, _KIND_BY_CODE


def rank(
    searcher: tantivy.Searcher,
    query: tantivy.Query,
    *,
    day: dt.date,
    window: int,
    prof: dict,
    collapse: bool,
    group_by_work: bool,
    asked: tuple[str, ...] = (),
    need: int = MAX_OFFSET + MAX_LIMIT,
) -> tuple[list[Ranked], Count]:
    """The top ``window`` text matches re-ranked by the priors and collapsed; also how many results there are
    (see :class:`Count`).

    ``need``: how many ranked hits the caller shows (offset + limit): the rest are not built.
    ``asked``: the query's intents; for ``liability`` the provisions that set a sanction weigh
    ``intents.liability.sanction`` times more (a question about consequences wants the penalty).
    """
    result = searcher.search(query, limit=window, count=True)
    hits = result.hits
    if not hits:
        return [], Count(0, result.count)
    addresses = [a for _s, a in hits]
    # each fast field read is a call into the index per request: only those the ranking uses
    wanted = ["type_code", "kind_code", "commenced", "repealed", "work_id" if group_by_work else "group"]
    sanction_w = float((prof.get("intents") or {}).get(intents.LIABILITY, {}).get("sanction", 1.0))
    liability = intents.LIABILITY in asked and sanction_w != 1.0
    if liability:
        wanted.append("sanction")
    fast = {name: searcher.fast_field_values(name, addresses) for name in wanted}
    sanctions = fast.get("sanction") or [0] * len(hits)
    types, kinds = _codes()
    type_w, kind_w = prof.get("work_type", {}), prof.get("kind", {})
    off = float(prof.get("not_in_force", 1.0))
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
            Ranked(hits[i][1], hits[i][0], prior_of[key], final, int(work_ids[i] or 0), dict(factors_of[key]))
        )
        if len(ranked) >= need:
            break
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
        hits = searcher.search(query, limit=matches, count=False).hits
        units = frozenset(searcher.fast_field_values(field, [a for _s, a in hits]))
        return Count(len(units), matches, units=units)
    return Count(round(searcher.cardinality(query, field)), matches, estimate=True)


#: Values listed per facet (the most frequent first).
FACET_SIZE = 30
#: ``group`` (index.py) = expression id * GROUP_SPAN + the order of the article: hits of one article collapse.
GROUP_SPAN = 1_000_000
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
    return {
        "score": ranked.score,
        "text_score": ranked.text_score,
        "priors": factors,
        "prior": ranked.prior,
        "terms": list(parsed.terms),
        "intents": list(parsed.intents),
        "expansions": list(parsed.expansions),
        "dropped_as_common": list(planned.dropped_common),
        "bm25": json.loads(query.explain(searcher, ranked.address).to_json()),
    }
