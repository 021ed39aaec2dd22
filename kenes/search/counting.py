"""How many results a query has, and per facet value: exact while that is cheap, estimated above.

Apart from engine.py (which ranks) so that each stays readable; the engine decides which matches are few
enough to count exactly (``engine.EXACT_COUNT_MAX``) and re-exports what is here. Results are counted in
the unit the pages list (one per article, or per work), never as index entries: "Казахстан 255" beside 30
results was the bug.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

import tantivy

from .schema import GROUP_SPAN

__all__ = ["Count", "FacetCounts", "count_groups", "estimate_results", "facet_counts"]


@dataclass(frozen=True)
class Count:
    """How many results a query has: ``results`` after collapsing (what the pages list), ``matches``
    before (index entries; exact when the ranking pass counted them, the window's size when it did not).
    ``estimate``: ``results`` is approximate (more than ``engine.EXACT_COUNT_MAX`` matches)."""

    results: int
    matches: int
    estimate: bool = False
    #: the distinct collapse keys themselves when they were counted exactly (facet_counts reuses them)
    units: frozenset[int] | None = field(default=None, repr=False, compare=False)


def count_groups(
    searcher: tantivy.Searcher, query: tantivy.Query, field: str, matches: int, *, exact: bool
) -> Count:
    """The distinct ``field`` values among all ``matches``: ``exact`` (the caller's choice: few matches) by
    one more pass over them (a tenth of what 10,000 cost), else a HyperLogLog estimate (a pass over
    them all, as long as the query itself at 50,000 matches)."""
    if exact:
        # collected in the order of the field itself: tantivy then scores nothing (BM25 over an OR of
        # several words was most of this pass) and hands each match's value back as its sort key
        hits = searcher.search(query, limit=matches, count=False, order_by_field=field).hits
        units = frozenset(key for key, _address in hits)
        return Count(len(units), matches, units=units)
    return Count(round(searcher.cardinality(query, field)), matches, estimate=True)


def estimate_results(
    searcher: tantivy.Searcher, matches: int, least: int, memo: dict | None = None, *, sampled: int = 0
) -> int:
    """About how many articles ``matches`` entries make, without another pass over them: the matches
    divided by the index's entries per article, or by the ranked window's own (``least`` articles among
    ``sampled`` entries) where that is lower, kept between ``least`` (the articles already seen) and
    ``matches``. The lower of the two because an estimate above the real count promises pages that come
    back empty (a word that recurs through one long chapter: 255 entries in 30 articles read as 90 by
    the index's ratio); one below it only hides pages the pager reaches anyway once a deep page is asked
    for (that request re-ranks and counts exactly).

    The exact count, or a HyperLogLog one, of 50,000 matches costs a second pass as long as the query
    itself; the matches are counted by the ranking pass anyway. The index's ratio is one HyperLogLog pass
    over every entry, kept in ``memo`` (the index handle's) until the index changes. On the 1M bench's
    keyword queries it was 0.66 of the HyperLogLog count at the median (p5 0.46, p95 1.12): mostly low,
    as matches fall in shorter articles than the average entry's, which keeps the pager from offering
    empty pages. It is flagged, and the facet pass, when a page shows facets, replaces it by its own
    HyperLogLog count (:func:`facet_counts`).
    """
    memo = {} if memo is None else memo
    seen = (searcher.num_docs, searcher.num_segments)  # changes with (nearly) every commit
    kept, ratio = memo.get("entries_per_article", (None, 1.0))
    if kept != seen:  # one entry, replaced: the memo does not grow with the commits
        articles = searcher.cardinality(tantivy.Query.all_query(), "group")
        ratio = max(1.0, searcher.num_docs / max(1.0, articles))
        memo["entries_per_article"] = (seen, ratio)
    estimate = matches / ratio
    if sampled:
        estimate = min(estimate, matches * least / sampled)
    return max(least, min(matches, round(estimate)))


#: Values listed per facet (the most frequent first).
FACET_SIZE = 30
#: The aggregation that counts the whole query's results beside the facets (no facet is named so).
_RESULTS = "results"
#: Facets whose value is the same on every entry of an expression (index.py's ``common`` fields).
PER_EXPRESSION = frozenset({"jurisdiction", "work_type", "lang"})


@dataclass(frozen=True)
class FacetCounts:
    """``{facet: [(value, results)]}``, most results first. ``estimate``: the counts are approximate.
    ``results``: the results of the whole query, counted by the same pass when the counts are estimates
    (a HyperLogLog, closer than :func:`estimate_results`, so a facet's numbers add up to about ``total``)."""

    values: dict[str, list[tuple[str, int]]]
    estimate: bool = False
    results: int | None = None


def facet_counts(
    searcher: tantivy.Searcher, query: tantivy.Query, names: tuple[str, ...], unit: str | None, count: Count
) -> FacetCounts:
    """How many results (the unit ``total`` counts) have each value of each facet.

    ``unit`` is the fast field whose distinct values are the results (``group``: one result per article,
    ``work_id`` per work; None: every entry is a result); ``count`` is what ``engine.rank`` counted.
    While that count is exact (up to ``engine.EXACT_COUNT_MAX`` matches) so are these, from one
    aggregation pass: a facet that is the same over an expression's entries (jurisdiction, type,
    language) lists its expressions (a histogram of ``group``) and adds up their articles, which the
    count of ``total`` already holds; any other facet (topic: an article's points may differ) takes a
    terms aggregation on the unit, whose buckets are its results. So a facet every result has one value
    of adds up to ``total``. Above the cap, or should tantivy refuse that many buckets (65,000), a
    HyperLogLog estimate per value (flagged), and of the whole query's results in the same pass
    (``results``: what the page's ``total`` then shows).
    Counting entries instead would show "Казахстан 255" beside 30 results.
    """
    if unit is None:
        aggs = {name: {"terms": {"field": name, "size": FACET_SIZE}} for name in names}
        found = searcher.aggregate(query, aggs)
        return FacetCounts({name: _buckets(found, name, lambda b: b["doc_count"]) for name in names})
    if not count.estimate:
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
    aggs[_RESULTS] = {"cardinality": {"field": unit}}  # the same pass counts the total (no second one)
    found = searcher.aggregate(query, aggs)
    return FacetCounts(
        {name: _buckets(found, name, lambda b: round(b["r"]["value"])) for name in names},
        estimate=True,
        results=round(found[_RESULTS]["value"]),
    )


def _buckets(found: dict, name: str, count: Callable[[dict], int]) -> list[tuple[str, int]]:
    """The facet's values with their counts, most first (ties keep tantivy's order: more entries first)."""
    values = [(b["key"], int(count(b))) for b in found.get(name, {}).get("buckets", [])]
    return sorted(values, key=lambda v: -v[1])
