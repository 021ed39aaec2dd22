"""``kenes search "…"`` and ``kenes reindex``: the search service and the index from the command line.

    kenes search "ст. 113 ТК РК"
    kenes search "overtime pay" --jurisdiction kz --limit 5 --json
    kenes reindex            # bring the index up to date with the database (only what is stale)
    kenes reindex --full     # rebuild it from scratch
    kenes reindex --check    # say whether it is current; exit status 1 when stale

``--json`` prints what ``GET /api/search`` returns, so a script sees the same results as the API.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys

from kenes.lex.akn.uri import expression_uri


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date (YYYY-MM-DD)") from exc


def _plain(snippet: str) -> str:
    """The snippet for a terminal: marks as [brackets], entities unescaped."""
    from html import unescape

    return unescape(re.sub(r"</?mark>", lambda m: "]" if m.group().startswith("</") else "[", snippet))


def cmd_search(args: argparse.Namespace) -> int:
    from . import check_scope
    from .index import IndexMissing
    from .service import QueryError, SearchRequest, search

    try:
        result = search(SearchRequest.from_params(args.query, args, facets=False))
    except QueryError as exc:
        print(f"kenes: error: {exc}", file=sys.stderr)
        return 2
    except IndexMissing as exc:
        print(f"kenes: error: {exc}", file=sys.stderr)
        return 1
    if args.json:
        body = result.as_json()
        body["facets"] = None
        print(json.dumps(body, ensure_ascii=False, indent=1))
        return 0
    for slug in result.checks:
        print(f"rights check: {check_scope.url(slug, result.place)}")
    for notice in result.notices:
        print(f"note: {notice.message}")
    if not result.hits:
        print("no results")
        return 0
    for rank, hit in enumerate(result.hits, args.offset + 1):
        label = " ".join(x for x in (hit.num, hit.heading) if x)
        mark = " (citation)" if hit.citation else ""
        uri = expression_uri(hit.work, hit.lang, hit.date, eid=hit.eid)
        print(f"{rank:>2}. {uri}{mark}  score {hit.score:.2f}")
        print(f"    {hit.work_title}: {label}"[:200])
        if hit.snippet:
            print(f"    {_plain(hit.snippet)}")
        if hit.explanation:
            print(
                "    "
                + json.dumps({k: v for k, v in hit.explanation.items() if k != "bm25"}, ensure_ascii=False)
            )
    print(f"{result.total} matching provisions")
    return 0


def cmd_reindex(args: argparse.Namespace) -> int:
    from . import vectors
    from .index import IndexBusy, index_path, rebuild, stale_works, update_works

    if args.check:
        stale = stale_works()
        unmeant = vectors.stale() if vectors.enabled() and not args.no_vectors else []
        if stale:
            print(
                f"search index at {index_path()} is stale: {len(stale)} works to re-index (`kenes reindex`)"
            )
        if unmeant:
            print(f"meaning vectors missing or stale for {len(unmeant)} expressions (`kenes reindex`)")
        if stale or unmeant:
            return 1
        print(f"search index at {index_path()} is current")
        return 0
    try:
        report = rebuild() if args.full else update_works([], wait=30.0)
    except IndexBusy as exc:
        print(f"kenes: error: {exc}; try again when it is done", file=sys.stderr)
        return 1
    print(report)
    if not args.no_vectors:
        from .experience import embed_missing

        print(vectors.update(progress=vector_progress(sys.stderr.isatty())))
        embedded = embed_missing()
        if embedded:
            print(f"experience: {embedded} recorded questions given their meaning vector")
    return 0


def vector_progress(shown: bool):
    """A progress line for embedding articles (on a terminal only: logs get the summary)."""
    if not shown:
        return None

    def show(done: int, total: int) -> None:
        end = "\n" if done >= total else ""
        print(f"\rmeaning vectors: {done}/{total} articles", end=end, file=sys.stderr, flush=True)

    return show


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("search", help="search provisions: citations (ст. 113 ТК РК) or words, any language")
    p.add_argument("query")
    p.add_argument(
        "--jurisdiction",
        help="kz, kg, aa-ilo …; * for every country (otherwise a question that names one is kept to it)",
    )
    p.add_argument("--type", help="work type: code, law, ilo-convention …")
    p.add_argument("--topic", help="topic slug")
    p.add_argument("--lang", help="AKN language code: rus kaz kir uzb tgk eng")
    p.add_argument("--date", type=_date, help="in force on this date (default: today)")
    p.add_argument("--work", help="only this work (its URI)")
    p.add_argument("--limit", type=int, default=10)
    p.add_argument("--offset", type=int, default=0)
    p.add_argument("--group", action="store_true", help="one result per work")
    p.add_argument("--explain", action="store_true", help="say why each result ranked where it did")
    p.add_argument("--json", action="store_true", help="print what GET /api/search returns")
    p.set_defaults(func=cmd_search)

    p = sub.add_parser("reindex", help="bring the search index up to date with the database")
    p.add_argument("--full", action="store_true", help="rebuild the whole index from the database")
    p.add_argument("--check", action="store_true", help="only say whether the index is current")
    p.add_argument(
        "--no-vectors",
        action="store_true",
        help="leave the meaning vectors (about 0.1 s per article) as they are",
    )
    p.set_defaults(func=cmd_reindex)
