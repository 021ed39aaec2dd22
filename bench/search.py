"""Benchmark: search speed at scale, the full HTTP request against the raw engine query, and the peer.

Run on demand (never in the test suite):

    .venv/bin/python bench/search.py                       # 100k provisions; loads the corpus into a temp dir
    .venv/bin/python bench/search.py --n 1000000           # the issue's target size
    KENES_DATA_DIR=/tmp/kd .venv/bin/python bench/search.py --reuse --n 200000 --peer
    KENES_DATA_DIR=/tmp/kd .venv/bin/python bench/search.py --reuse --n 1000000 --index /tmp/kd-1m # kept

The corpus is the real texts (every provision `kenes demo --corpus` imports), replicated across synthetic
jurisdictions (x000, x001 …) and four editions each ([2010, 2014), [2014, 2018), [2018, 2022), [2022, …)),
so the vocabulary and the length of provisions stay real and a quarter of the entries is in force today.
Keyword queries: one to three words cut from real headings (seeded), 500. Questions: 100 of 2,000 characters
made of real clinic questions (``jurhelp_kz_ru.jsonl``), POSTed to /api/search over the demo law itself
(the Kazakh codes and the rest of the corpus), before the synthetic index replaces it.

Per stage, from the ``Server-Timing`` header the API sets: parse (analysis, question terms), plan (term
statistics, compile), rank (the engine query, fast fields, re-ranking, the count of results), fuse (a
question's related-terms and experience rankings), facets, hits (stored documents and snippets), json.

Reported: index build time and size; p50/p95/p99 of `GET /api/search?q=…` through Django's test client (the
whole request: routing, the service, snippets, JSON) and of the raw engine query alone (the same compiled
tantivy query, the same `searcher.search` call the service makes), and their ratio; re-indexing the four
Kazakh codes from the database; and with --peer, the indigo-search-psql way on PostgreSQL (one row per
document, a GIN index over its tsvector, ts_rank_cd to rank and ts_headline over the whole document for the
top 10), on the same queries.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from live_service import open_demo_database  # noqa: E402

CORPUS = REPO.parent / "shared" / "corpus"
EDITIONS = [dt.date(2010, 1, 1), dt.date(2014, 1, 1), dt.date(2018, 1, 1), dt.date(2022, 1, 1)]


def edition_of(replica: int) -> tuple[str, dt.date, dt.date]:
    """Jurisdiction and in-force window of a replica; the first of each jurisdiction is in force today."""
    jur, k = divmod(replica, len(EDITIONS))
    i = len(EDITIONS) - 1 - k
    end = EDITIONS[i + 1] if i + 1 < len(EDITIONS) else dt.date(2200, 1, 1)
    return f"x{jur:03d}", EDITIONS[i], end


FOUR_CODES = [
    "/akn/kz/act/code/2015-11-23/414-v",
    "/akn/kz/act/code/2023-04-20/224-vii",
    "/akn/kz/act/code/2014-07-05/235-v",
    "/akn/kz/act/constitution/1995-08-30/constitution",
]


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def row(name: str, values: list[float]) -> str:
    figures = " | ".join(f"{x:.2f}" for x in (pct(values, 50), pct(values, 95), pct(values, 99)))
    return f"| {name} | {figures} | {statistics.mean(values):.2f} |"


def du(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def base_documents() -> list[dict]:
    """Every provision entry of the database's works, as dicts (analysis done once, here)."""
    from kenes.lex.models import Work
    from kenes.search.documents import documents_for_work
    from kenes.search.schema import PROVISION

    docs = []
    for work in Work.objects.all():
        for doc in documents_for_work(work):
            d = doc.to_dict()
            if d.get("rec") == [PROVISION]:
                docs.append(d)
    return docs


def build_index(path: Path, base: list[dict], n: int) -> tuple[float, int]:
    import tantivy

    from kenes.search.documents import _midnight
    from kenes.search.index import _write_state
    from kenes.search.schema import build_schema

    if path.exists():
        shutil.rmtree(path)
    path.mkdir(parents=True)
    schema = build_schema()
    index = tantivy.Index(schema, path=str(path))
    started = time.perf_counter()
    writer = index.writer(heap_size=1_000_000_000, num_threads=2)
    written = 0
    replica = 0
    while written < n:
        code, first, last = edition_of(replica)
        start, end = _midnight(first), _midnight(last)
        for d in base:
            if written >= n:
                break
            c = dict(d)
            c["jurisdiction"] = [code]
            c["work"] = ["/akn/" + code + d["work"][0].split("/", 3)[3]]
            c["work_id"] = [d["work_id"][0] + 100_000 * replica]
            c["expr_id"] = [d["expr_id"][0] + 100_000 * replica]
            c["group"] = [d["group"][0] + 10**11 * replica]
            c["date_from"], c["date_to"] = [start], [end]
            writer.add_document(tantivy.Document.from_dict(c, schema))
            written += 1
        replica += 1
    writer.commit()
    writer.wait_merging_threads()
    del writer
    _write_state(path, built="bench")
    return time.perf_counter() - started, written


def kept_index(path: Path, n: int) -> tuple[None, int]:
    """An index an earlier run left with ``--index``: its entry count when it holds ``n`` in the current
    schema, else 0."""
    import tantivy

    from kenes.search.index import usable

    if not (path / "meta.json").exists() or not usable(path):
        return None, 0
    held = tantivy.Index.open(str(path)).searcher().num_docs
    return None, held if held == n else 0


def make_queries(base: list[dict], count: int, seed: int = 7) -> list[str]:
    """Keyword queries: one to three words cut from real headings (seeded)."""
    rng = random.Random(seed)
    headings = [d["heading_text"][0] for d in base if d.get("heading_text", [""])[0] and d["lang"] == ["rus"]]
    queries: list[str] = []
    while len(queries) < count:
        words = [w for w in rng.choice(headings).split() if len(w) > 3]
        if not words:
            continue
        k = min(len(words), rng.choice([1, 2, 2, 3]))
        i = rng.randrange(0, len(words) - k + 1)
        queries.append(" ".join(words[i : i + k]).strip('.,;:()«»"'))
    return queries[:count]


def make_questions(count: int, chars: int = 2000) -> list[str]:
    """Questions of ``chars`` characters: real clinic questions, each run on into the next."""
    path = CORPUS / "questions" / "jurhelp_kz_ru.jsonl"
    if not path.exists():
        return []
    texts = [json.loads(line)["question"] for line in path.read_text(encoding="utf-8").splitlines()]
    out = []
    for i in range(count):
        text, j = "", i
        while len(text) < chars:
            text += texts[j % len(texts)] + " "
            j += 1
        out.append(text[:chars])
    return out


def _stages(response) -> dict[str, float]:
    """The service's stages from the Server-Timing header (``name;dur=ms, …``)."""
    out = {}
    for part in response.get("Server-Timing", "").split(","):
        name, _, dur = part.strip().partition(";dur=")
        if dur:
            out[name] = float(dur)
    return out


def _asker(post: bool):
    from django.test import Client

    client = Client()

    def ask(q: str):
        if post:
            return client.post("/api/search", {"q": q}, content_type="application/json")
        return client.get("/api/search", {"q": q})

    return ask


def time_http(
    queries: list[str], *, post: bool = False
) -> tuple[list[float], list[int], dict[str, list[float]]]:
    """Each query through Django's whole request path; also the stages the service reports."""
    ask = _asker(post)
    times, statuses = [], []
    stages: dict[str, list[float]] = {}
    for q in queries[:20]:
        ask(q)  # warm up
    for q in queries:
        started = time.perf_counter()
        response = ask(q)
        times.append((time.perf_counter() - started) * 1000)
        statuses.append(response.status_code)
        for name, ms in _stages(response).items():
            stages.setdefault(name, []).append(ms)
    return times, statuses, stages


def _engine_queries(queries: list[str]) -> list:
    """Each query compiled as the service compiles it (None where the service refuses it: a 400)."""
    from django.utils import timezone

    from kenes.search import engine
    from kenes.search.index import open_index
    from kenes.search.service import SearchRequest, _named_place

    handle = open_index()
    searcher = handle.index.searcher()
    prof = engine.profile()
    filters = engine.Filters(date=timezone.localdate())
    compiled = []
    for q in queries:
        try:
            parsed = engine.parse(q, None, question_words=prof.question.min_words)
        except engine.QueryError:
            compiled.append(None)
            continue
        # a query that names a country the index holds is searched there ("… Казахстан"): so is its
        # engine query, or the two sides would not time the same search
        place, _language, _unheld = _named_place(SearchRequest(q), parsed, searcher, handle, filters)
        within = dataclasses.replace(filters, jurisdiction=place) if place else filters
        planned = engine.plan(parsed, searcher, prof, schema=handle.schema, memo=handle.memo)
        compiled.append(engine.compile_query(parsed, planned, handle.schema, within, prof))
    return compiled


def time_both(
    queries: list[str],
) -> tuple[list[float], list[float], list[int], dict[str, list[float]], list[float]]:
    """The raw engine query and the whole request, query by query, one right after the other.

    Why interleaved: timed in two passes, a few seconds apart, the two met different loads on a shared
    2-core machine, and their ratio swung from 1.2 to 1.8 between runs of the same code. Side by side, a
    query's engine call and its request see the same machine; the order alternates so neither always
    goes first (and warms the caches for the other). Also each query's own request / engine ratio.
    """
    from kenes.search import engine
    from kenes.search.index import open_index

    searcher = open_index().index.searcher()
    window = engine.profile().rerank_window
    compiled = _engine_queries(queries)
    ask = _asker(False)
    for q, query in list(zip(queries, compiled, strict=True))[:20]:  # warm up
        ask(q)
        if query is not None:
            searcher.search(query, limit=window, count=True)
    engine_ms, http_ms, statuses, ratios = [], [], [], []
    stages: dict[str, list[float]] = {}
    for i, (q, query) in enumerate(zip(queries, compiled, strict=True)):
        pair = {}
        for step in (0, 1) if i % 2 else (1, 0):
            if step == 0:
                if query is None:
                    continue
                started = time.perf_counter()
                searcher.search(query, limit=window, count=True)
                engine_ms.append((time.perf_counter() - started) * 1000)
                pair["engine"] = engine_ms[-1]
            else:
                started = time.perf_counter()
                response = ask(q)
                http_ms.append((time.perf_counter() - started) * 1000)
                pair["http"] = http_ms[-1]
                statuses.append(response.status_code)
                for name, ms in _stages(response).items():
                    stages.setdefault(name, []).append(ms)
        if len(pair) == 2:
            ratios.append(pair["http"] / pair["engine"])
    return engine_ms, http_ms, statuses, stages, ratios


def time_floor(queries: list[str]) -> list[float]:
    """Each query's request with the search already done: the service answers from a table of each
    query's own result, computed beforehand. What is left is Django (middleware, routing, ninja's
    parameters), the JSON and the test client: the part of a request no search change can win back,
    and the measure of how much of the 1.5x budget is left to the search itself."""
    from kenes.search import api

    real = api.search
    answers = {}
    for q in queries:
        try:
            answers[q] = real(api.SearchParams.model_validate({"q": q}).request())
        except Exception:  # noqa: BLE001 (a refused query: its request is an error answer, timed as such)
            continue

    def answered(req):
        found = answers.get(req.q)
        return found if found is not None else real(req)

    ask = _asker(False)
    api.search = answered
    try:
        for q in queries[:20]:
            ask(q)
        times = []
        for q in queries:
            started = time.perf_counter()
            ask(q)
            times.append((time.perf_counter() - started) * 1000)
    finally:
        api.search = real
    return times


def reindex_four_codes() -> tuple[float, int]:
    from kenes.lex.models import Work
    from kenes.search.index import update_works

    ids = list(Work.objects.filter(frbr_uri__in=FOUR_CODES).values_list("pk", flat=True))
    report = update_works(ids, wait=60)
    return report.seconds, report.entries


def peer(base: list[dict], n: int, queries: list[str], url: str) -> dict:
    """indigo-search-psql's way: a row per document, GIN over its tsvector, ts_rank_cd + ts_headline."""
    import psycopg

    per_expr: dict[int, list[str]] = {}
    meta: dict[int, dict] = {}
    for d in base:
        e = d["expr_id"][0]
        per_expr.setdefault(e, []).append(" ".join(x for x in (d["heading_text"][0], d["text"][0]) if x))
        meta[e] = d
    expr_ids = list(per_expr)
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("DROP TABLE IF EXISTS bench_peer")
        conn.execute(
            "CREATE TABLE bench_peer (id serial PRIMARY KEY, jurisdiction text, work text, date_from date, "
            "date_to date, body text, tsv tsvector)"
        )
        started = time.perf_counter()
        written = replica = 0
        with conn.cursor() as cur:
            while written < n:
                code, start, end = edition_of(replica)
                batch = []
                for e in expr_ids:
                    if written >= n:
                        break
                    body = "\n".join(per_expr[e])[:900_000]  # a tsvector holds at most 1 MB
                    batch.append((code, meta[e]["work"][0], start, end, body))
                    written += len(per_expr[e])
                cur.executemany(
                    "INSERT INTO bench_peer (jurisdiction, work, date_from, date_to, body, tsv) "
                    "VALUES (%s, %s, %s, %s, %s, to_tsvector('russian', %s))",
                    [(*b, b[-1]) for b in batch],
                )
                replica += 1
        conn.execute("CREATE INDEX bench_peer_tsv ON bench_peer USING gin (tsv)")
        conn.execute("ANALYZE bench_peer")
        build = time.perf_counter() - started
        documents = conn.execute("SELECT count(*) FROM bench_peer").fetchone()[0]
        size = conn.execute("SELECT pg_total_relation_size('bench_peer')").fetchone()[0]
        sql = (
            "WITH q AS (SELECT replace(plainto_tsquery('russian', %(q)s)::text, '&', '|')::tsquery AS query),"
            " "
            "top AS (SELECT id, work, body, ts_rank_cd(tsv, q.query) AS rank FROM bench_peer, q "
            "WHERE tsv @@ q.query AND date_from <= current_date AND date_to > current_date "
            "ORDER BY rank DESC LIMIT 10) "
            "SELECT work, rank, ts_headline('russian', body, q.query) FROM top, q ORDER BY rank DESC"
        )
        times = []
        for q in queries:
            started = time.perf_counter()
            conn.execute(sql, {"q": q}).fetchall()
            times.append((time.perf_counter() - started) * 1000)
        conn.execute("DROP TABLE bench_peer")
    return {"build": build, "documents": documents, "size": size, "times": times}


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--n", type=int, default=100_000, help="provisions in the synthetic index")
    parser.add_argument("--queries", type=int, default=500, help="keyword queries")
    parser.add_argument(
        "--questions",
        type=int,
        default=100,
        help="2,000-character questions (on the demo law, before the synthetic index)",
    )
    parser.add_argument("--corpus", default=str(CORPUS))
    parser.add_argument("--reuse", action="store_true", help="use KENES_DATA_DIR as it is (demo already run)")
    parser.add_argument(
        "--index",
        help="keep the synthetic index in this folder and reuse it while it holds --n entries (a 1M build "
        "takes minutes on a loaded machine; the timings do not depend on it)",
    )
    parser.add_argument("--peer", action="store_true", help="also run the PostgreSQL peer")
    parser.add_argument(
        "--peer-url", default=os.environ.get("KENES_BENCH_PG", "postgres://postgres@127.0.0.1:5432/test")
    )
    parser.add_argument("--peer-n", type=int, help="provisions for the peer (default: --n)")
    parser.add_argument(
        "--peer-queries",
        type=int,
        default=100,
        help="the peer's share of the queries (it takes seconds each)",
    )
    args = parser.parse_args()
    if not (Path(args.corpus) / "kz").is_dir():
        print(f"corpus not found at {args.corpus}: nothing to measure", file=sys.stderr)
        return 0
    open_demo_database(args.reuse, Path(args.corpus), "kenes-search-bench-")
    from django.conf import settings

    reindex_s, reindex_entries = reindex_four_codes()  # first, while the analyser's memo is cold
    question_ms: list[float] = []
    question_stages: dict[str, list[float]] = {}
    if args.questions:
        print(f"timing {args.questions} questions of 2,000 characters on the demo law …", file=sys.stderr)
        question_ms, _statuses, question_stages = time_http(make_questions(args.questions), post=True)

    print("reading the real provisions …", file=sys.stderr)
    base = base_documents()
    bench_dir = Path(args.index) if args.index else Path(tempfile.mkdtemp(prefix="kenes-bench-index-"))
    build_s, written = kept_index(bench_dir / "search-index", args.n) if args.index else (None, 0)
    if not written:
        print(f"building an index of {args.n} entries in {bench_dir} …", file=sys.stderr)
        build_s, written = build_index(bench_dir / "search-index", base, args.n)
    size = du(bench_dir / "search-index")
    settings.KENES_SEARCH_INDEX = bench_dir / "search-index"
    queries = make_queries(base, args.queries)

    print("timing …", file=sys.stderr)
    engine_ms, http_ms, statuses, stages, ratios = time_both(queries)
    floor_ms = time_floor(queries)
    errors = sum(1 for s in statuses if s >= 500)
    ratio50 = pct(http_ms, 50) / pct(engine_ms, 50)
    ratio95 = pct(http_ms, 95) / pct(engine_ms, 95)

    print(
        f"\nSearch speed: {written:,} provisions from {len(base):,} real ones, "
        f"{len(queries)} keyword queries, {os.cpu_count()} CPUs"
    )
    print("| what | p50 ms | p95 ms | p99 ms | mean ms |\n|---|---|---|---|---|")
    print(row("full HTTP request (GET /api/search, snippets, JSON)", http_ms))
    print(row("raw engine query (tantivy, same query and call)", engine_ms))
    for name, values in stages.items():
        print(row(f"stage: {name}", values))
    print(row("request with the search already done (Django, JSON, test client)", floor_ms))
    if question_ms:
        print(
            row(
                f"2,000-character question, POST /api/search over the demo law ({len(question_ms)})",
                question_ms,
            )
        )
        for name, values in question_stages.items():
            print(row(f"question stage: {name}", values))
    peer_result = None
    if args.peer:
        print("running the PostgreSQL peer …", file=sys.stderr)
        peer_result = peer(base, args.peer_n or args.n, queries[: args.peer_queries], args.peer_url)
        print(
            row(
                f"peer: PostgreSQL ts_rank_cd + ts_headline ({peer_result['documents']} documents, "
                f"first {len(peer_result['times'])} queries)",
                peer_result["times"],
            )
        )
    print("\n| figure | value |\n|---|---|")
    print(f"| request / engine, p50 | {ratio50:.2f} |")
    print(f"| request / engine, p95 | {ratio95:.2f} |")
    print(f"| request / engine, median of each query's own | {statistics.median(ratios):.2f} |")
    left = 1.5 * pct(engine_ms, 50) - pct(engine_ms, 50) - pct(floor_ms, 50)
    spent = pct(http_ms, 50) - pct(engine_ms, 50) - pct(floor_ms, 50)
    print(
        f"| at p50, what 1.5x the engine leaves the search beyond the engine and Django "
        f"| {left:.2f} ms (it spends {spent:.2f} ms) |"
    )
    print(f"| 4xx responses | {sum(1 for s in statuses if 400 <= s < 500)} of {len(statuses)} |")
    print(f"| 5xx responses | {errors} |")
    built = "kept from an earlier run (--index)" if build_s is None else f"{build_s:.1f} s"
    print(f"| index build ({written:,} entries) | {built} |")
    print(f"| index size | {size / 1e6:.1f} MB |")
    print(
        f"| re-index the four Kazakh codes from the database ({reindex_entries:,} entries) "
        f"| {reindex_s:.2f} s |"
    )
    if peer_result:
        print(
            f"| peer build ({peer_result['documents']} documents, tsvector + GIN) "
            f"| {peer_result['build']:.1f} s |"
        )
        print(f"| peer size | {peer_result['size'] / 1e6:.1f} MB |")
    print(f"\nreproduce: .venv/bin/python bench/search.py --n {args.n}" + (" --peer" if args.peer else ""))
    if not args.index:
        shutil.rmtree(bench_dir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
