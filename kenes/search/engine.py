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
from dataclasses import dataclass, field
from operator import itemgetter

import tantivy

from . import intents
from .analysis import STOP_WORDS
from .analysis import terms as analysis_terms
from .counting import Count, FacetCounts, count_groups, estimate_results, facet_counts
from .profile import Profile, profile
from .query import MAX_QUERY_CHARS, ParsedQuery, QueryError, QueryTooLong, normalise_lang, parse
from .request import MAX_LIMIT, MAX_OFFSET
from .schema import KIND_CODES, WORK_TYPE_CODES, unpack_priors

# parse and the profile are re-exported: the pipeline's steps are read as engine.parse … engine.rank
__all__ = [
    "CONTAINERS",
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
    "not_containers",
    "plan",
    "rank",
    "ParsedQuery",
    "Profile",
    "QueryError",
    "QueryTooLong",
    "RERANK_MAX",
    "estimate_results",
    "normalise_lang",
    "parse",
    "profile",
]

#: Up to this many matching entries the result count is exact: one more pass over them, cheap at this size.
#: Above it the count is an estimate (``Count.estimate``), as mature engines do (Elasticsearch's
#: ``track_total_hits``, "about N results"): an exact distinct count of 10,000 matches cost as much as the
#: query itself at 1M provisions, and a HyperLogLog pass over 50,000 as much again.
EXACT_COUNT_MAX = 1_000
#: The widest re-ranking: a deep page whose articles the top window does not hold re-ranks up to this many
#: matches (every page up to MAX_OFFSET of a query with fewer matches can be reached).
RERANK_MAX = 10_000


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
    #: of those, the phrases too many headings hold for a heading bonus ("административное правонарушение")
    broad: frozenset[tuple[str, ...]] = frozenset()

    def highlight_terms(self, parsed: ParsedQuery) -> frozenset[str]:
        """The terms searched (not every expansion the glossary offered): what a snippet marks."""
        return frozenset(
            [t for t, _w in self.weighted]
            + [t for p in parsed.phrases for t in p]
            + [t for p, _same in self.phrases for t in p if t not in STOP_WORDS.get(parsed.lang, ())]
        )


def plan(
    parsed: ParsedQuery,
    searcher: tantivy.Searcher,
    prof: Profile,
    *,
    schema: tantivy.Schema | None = None,
    memo: dict | None = None,
) -> Plan:
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
    broad = frozenset()
    scaled = prof.question.concept_scale if parsed.question else 1.0  # (a question weighs them less)
    if phrases and schema is not None and concept.max_heading_share and scaled:
        # (given the schema and the handle's memo, as the service plans; a bare plan keeps every bonus)
        ceiling = max(concept.broad_floor, concept.max_heading_share * total)
        broad = frozenset(
            w for w, _same in phrases if _headings_with(w, searcher, schema, concept.slop, memo) > ceiling
        )
    return Plan(tuple(kept), tuple(sorted(common)), phrases, broad)


def _headings_with(
    words: tuple[str, ...], searcher: tantivy.Searcher, schema: tantivy.Schema, slop: int, memo: dict | None
) -> int:
    """How many headings hold the phrase ``words``: counted once per phrase and index state (``memo``, the
    index handle's), since the glossary's phrases are few and come back with every query that names them.

    Why: the heading bonus says "this article is about what you named". "Административное
    правонарушение" heads some 130 articles of the offences code and "трудовой договор" some 110 of the
    Labour Code; a bonus ×25 on each of them said nothing and put the general part's articles above the
    one a "штраф …" query was about.
    """
    memo = {} if memo is None else memo
    state = (searcher.num_docs, searcher.num_segments)
    counts = memo.get("heading_phrases")
    if counts is None or counts[0] != state:
        counts = memo["heading_phrases"] = (state, {})
    found = counts[1].get(words)
    if found is None:
        query = tantivy.Query.phrase_query(schema, "heading", list(words), slop=slop)
        found = counts[1][words] = searcher.search(query, limit=1, count=True).count
    return found


def _as_spelled(parsed: ParsedQuery, own: list[str]) -> list:
    """``own`` with each term's offset as the query spells it: the index keeps stop words at their positions,
    so "увольнение по собственному желанию" is a phrase with a gap where "по" stands. The plain list (no
    offsets) when a term is not found in order (the query's operators moved it)."""
    spelled = analysis_terms(parsed.text, parsed.lang)
    at, places = 0, []
    for term in own:
        try:
            at = spelled.index(term, at)
        except ValueError:
            return list(own)
        places.append(at)
        at += 1
    return [(place - places[0], term) for place, term in zip(places, own, strict=True)]


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
            spelled = _as_spelled(parsed, own)
            for name in ("body", "heading"):
                query = Q.phrase_query(schema, name, spelled, slop=phrase.slop)
                should.append((Occur.Should, Q.boost_query(query, phrase.boost)))
        # proximity: each neighbouring pair within a few words of each other
        wanted = parsed.question or len(parsed.terms) >= near.min_terms
        pairs = near.pairs if near.boost and wanted else 0
        for a, b in list(zip(own, own[1:], strict=False))[:pairs]:
            query = Q.phrase_query(schema, "body", [a, b], slop=near.slop)
            should.append((Occur.Should, Q.boost_query(query, near.boost)))
    concept = prof.concept_phrase
    for words, same_language in planned.phrases:
        if not (same_language or concept.other_language):
            continue
        body = concept.body if parsed.question or len(parsed.terms) >= concept.body_min_terms else 0.0
        for name, weight in (("heading", concept.heading), ("body", body)):
            if not weight or (name == "heading" and words in planned.broad):
                continue
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
    elif parsed.question:
        clauses.extend(not_containers(schema))
    clauses.append((Occur.Must, filter_query(schema, filters)))
    return Q.boolean_query(clauses)


#: kinds that hold articles rather than say anything themselves: their heading names a topic
#: ("Глава 4. Трудовой договор"), and lawyers cite the articles inside
CONTAINERS = ("part", "section", "chapter")


def not_containers(schema: tantivy.Schema) -> list[tuple[tantivy.Occur, tantivy.Query]]:
    """Clauses that leave chapters, sections and parts out of a question's list, which holds what a lawyer
    would cite (a few keywords may still find a chapter: "выходные дни" is a chapter's name)."""
    return [(tantivy.Occur.MustNot, tantivy.Query.term_query(schema, "kind", k)) for k in CONTAINERS]


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
    memo: dict | None = None,
) -> tuple[list[Ranked], Count]:
    """The top ``window`` text matches re-ranked by the priors and collapsed; also how many results there are
    (see :class:`Count`).

    ``need``: how many ranked hits the caller shows (offset + limit): the rest are not built.
    ``asked``: the query's intents; for ``liability`` the provisions that set a sanction weigh
    ``intents.liability.sanction`` times more (a question about consequences wants the penalty).
    ``count``: count every match and result (a question lists its ranked window only: counting the
    thousands of entries an OR of thirty words matches is most of its cost and tells the reader nothing).
    Above EXACT_COUNT_MAX matches the articles are not counted by another pass but estimated from the
    matches this pass counted anyway (:func:`estimate_results`; ``memo`` keeps the index's ratio).
    """
    result = searcher.search(query, limit=window, count=count)
    hits = result.hits
    if not hits:
        return [], Count(0, result.count or 0)
    addresses = [a for _s, a in hits]
    # each fast field read is a call into the index per request: the priors' codes are packed in one
    unit_field = "work_id" if group_by_work else "group"
    packed = searcher.fast_field_values("priors", addresses)
    group_keys = searcher.fast_field_values(unit_field, addresses)
    sanction_w = prof.intents.liability.sanction
    liability = intents.LIABILITY in asked and sanction_w != 1.0
    types, kinds = _TYPE_BY_CODE, _KIND_BY_CODE
    type_w, kind_w = prof.work_type, prof.kind
    off = prof.not_in_force
    ordinal = day.toordinal()
    # the priors of a hit depend on its packed codes and the day: computed once per distinct value
    factors_of: dict[int, dict[str, float]] = {}
    prior_of: dict[int, float] = {}
    keys_of = []
    scored = []
    for i, (score, _address) in enumerate(hits):
        key = packed[i] or 0
        prior = prior_of.get(key)
        if prior is None:
            type_code, kind_code, sanction, commenced, repealed = unpack_priors(key)
            in_force = commenced <= ordinal < (repealed or ordinal + 1)
            factors = {
                "work_type": float(type_w.get(types.get(type_code, ""), 1.0)),
                "kind": float(kind_w.get(kinds.get(kind_code, ""), 1.0)),
                "in_force": 1.0 if in_force else off,
            }
            if liability:
                factors["liability_intent"] = sanction_w if sanction else 1.0
            factors_of[key] = factors
            prior = prior_of[key] = math.prod(factors.values())
        keys_of.append(key)
        scored.append((score * prior, i))
    scored.sort(key=itemgetter(0), reverse=True)  # stable: equal scores keep tantivy's order
    work_ids = group_keys if group_by_work else None
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
                int(work_ids[i] or 0) if work_ids else 0,
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
    exact = result.count <= EXACT_COUNT_MAX
    if exact or group_by_work:
        # works are few and an article's ratio of entries says nothing of them: their HyperLogLog is kept
        return ranked, count_groups(searcher, query, unit_field, result.count, exact=exact)
    least = len(set(group_keys))
    results = estimate_results(searcher, result.count, least, memo, sampled=len(hits))
    return ranked, Count(results, result.count, estimate=True)


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
