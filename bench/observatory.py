"""Benchmark: the observatory at 1M stored values — a country page and a chart page — and the import of
every statistics file of ../shared/corpus/stats.

Run on demand (never in the test suite):

    .venv/bin/python bench/observatory.py                    # SQLite in a temporary folder, 1M values
    .venv/bin/python bench/observatory.py --values 200000    # smaller
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/kenes_obs .venv/bin/python bench/observatory.py

What is stored: the real corpus statistics (≈6,600 values), plus a synthetic bilateral migrant-stock matrix
between every ISO country (≈61,700 corridors) over as many years (1960 onwards, before the real data's
1990–2020) as it takes to reach --values. That is the shape of the largest real source (UN DESA's world
matrix), so country pages query a table of the real size. The legal database's starter data (instruments,
ratifications) is loaded too: a country page counts them. Measured through Django's test client (routing,
queries, templates, gzip): GET /observatory/countries/kz/, /observatory/statistics/ear_inee_noc_nb/ (an
SVG chart with its table), /observatory/minimum-wage/kz/ (the Kaitz chart), and the series API for kz.
Targets (issue 14): p95 ≤ 50 ms for the pages; import of all corpus statistics ≤ 10 s.

The summary pages keep their figures until the data changes (``kenes/observatory/freshness.py``): the
plain rows time pages as readers mostly get them, the "built each time" rows empty that cache before each
request, as the first request after an import finds it.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
CORPUS = REPO.parent / "shared" / "corpus"


def _setup(args: argparse.Namespace) -> None:
    if not os.environ.get("DATABASE_URL"):
        os.environ["KENES_DATA_DIR"] = args.data_dir or tempfile.mkdtemp(prefix="kenes-bench-obs-")
        os.environ["DATABASE_URL"] = ""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kenes.settings")
    os.environ.setdefault("ALLOWED_HOSTS", "testserver")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)


def _reset() -> None:
    from kenes.observatory.models import Indicator, Series, Source, TreatyStatus, Value

    for model in (Value, Series, TreatyStatus, Indicator, Source):
        model.objects.all().delete()


def _import_corpus() -> float:
    from kenes.observatory.demo import import_corpus_stats

    start = time.perf_counter()
    results, failures = import_corpus_stats(CORPUS)
    elapsed = time.perf_counter() - start
    if failures:
        raise SystemExit(f"corpus import failed: {failures}")
    print(
        f"corpus statistics: {sum(r.created for r in results)} values and statuses from {len(results)} files"
    )
    return elapsed


def _fill(target: int) -> int:
    """Synthetic corridors between all ISO countries until the table holds ``target`` values."""
    import random

    import pycountry
    from django.db import transaction

    from kenes.observatory.models import Indicator, Series, Source, Value

    have = Value.objects.count()
    if have >= target:
        return have
    codes = sorted(c.alpha_2.lower() for c in pycountry.countries)
    pairs = [(o, d) for o in codes for d in codes if o != d]
    stock = Indicator.objects.get(code="migrant_stock")
    source, _ = Source.objects.get_or_create(name="Synthetic bench corridors", dated=None)
    existing = set(Series.objects.filter(indicator=stock).values_list("origin", "destination"))
    with transaction.atomic():
        Series.objects.bulk_create(
            [
                Series(indicator=stock, country=d, origin=o, destination=d)
                for o, d in pairs
                if (o, d) not in existing
            ],
            batch_size=5000,
        )
    ids = list(Series.objects.filter(indicator=stock).values_list("pk", flat=True))
    rng = random.Random(14)
    year = 1960
    while have < target and year < 1990:
        batch = [
            Value(series_id=sid, period=str(year), year=year, value=rng.randint(1, 500_000), source=source)
            for sid in ids[: target - have]
        ]
        with transaction.atomic():
            Value.objects.bulk_create(batch, batch_size=10_000)
        have += len(batch)
        year += 1
    from kenes.observatory.freshness import bump
    from kenes.observatory.importing.writer import refresh_last_periods

    refresh_last_periods(ids)
    bump()  # bulk writes: a new data version, as the importer does
    return Value.objects.count()


def _time(client, url: str, runs: int, build: bool = False) -> tuple[float, float, int]:
    """p50, p95 and size of ``runs`` requests; ``build``: each after emptying the cache of kept pages, so
    every request computes its figures (the first request after new data does)."""
    from django.core.cache import cache

    for _ in range(3):  # warm caches (templates, translations, YAML quantities)
        client.get(url)
    samples = []
    size = 0
    for _ in range(runs):
        if build:
            cache.clear()
        start = time.perf_counter()
        response = client.get(url, HTTP_ACCEPT_ENCODING="gzip")
        samples.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
        size = len(response.content)
    samples.sort()
    return statistics.median(samples), samples[int(0.95 * (len(samples) - 1))], size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0].replace("\n", " "))
    parser.add_argument("--values", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=60)
    parser.add_argument(
        "--data-dir", help="SQLite: the folder of the bench database (default: a new temporary folder)"
    )
    parser.add_argument(
        "--keep",
        action="store_true",
        help="reuse what the database holds (no reset; the fill only tops up to --values): the import rows "
        "then time re-imports",
    )
    args = parser.parse_args()
    if not CORPUS.is_dir():
        raise SystemExit(f"needs the corpus at {CORPUS}")
    _setup(args)
    from django.db import connection
    from django.test import Client

    if not args.keep:
        _reset()
    from kenes.lex.starter.load import load_starter

    load_starter()  # the instruments and ratifications a country page counts, as `kenes demo` loads them
    first = _import_corpus()
    second = _import_corpus()  # idempotent: everything unchanged
    start = time.perf_counter()
    stored = _fill(args.values)
    fill_s = time.perf_counter() - start
    client = Client()
    pages = [
        "/observatory/countries/kz/",
        "/observatory/statistics/ear_inee_noc_nb/",
        "/observatory/minimum-wage/kz/",
        "/api/observatory/series?country=kz&indicator=ear_inee_noc_nb",
    ]
    print(f"\ndatabase: {connection.vendor}; values stored: {stored:,} (synthetic fill {fill_s:.1f} s)")
    print(f"load average before the requests: {' '.join(f'{x:.2f}' for x in os.getloadavg())}\n")
    print("| measure | value | target |\n|---|---|---|")
    print(
        f"| import all corpus statistics ({'again' if args.keep else 'first run'}) | {first:.2f} s | ≤ 10 s |"
    )
    print(f"| import all corpus statistics (again, nothing changes) | {second:.2f} s | |")
    for url in pages:
        p50, p95, size = _time(client, url, args.runs)
        target = "≤ 50 ms" if not url.startswith("/api/") else ""
        print(f"| GET {url} p50 / p95 ({size / 1024:.1f} KB gzip) | {p50:.1f} / {p95:.1f} ms | {target} |")
    for url in pages[:3]:
        p50, p95, _size = _time(client, url, args.runs, build=True)
        print(f"| GET {url} figures built each time p50 / p95 | {p50:.1f} / {p95:.1f} ms | |")
    prefix = f"DATABASE_URL={os.environ['DATABASE_URL']} " if os.environ["DATABASE_URL"] else ""
    options = f"--values {args.values} --runs {args.runs}"
    if args.data_dir:
        options += f" --data-dir {args.data_dir}"
    if args.keep:
        options += " --keep"
    print(f"\nreproduce: {prefix}.venv/bin/python bench/observatory.py {options}")


if __name__ == "__main__":
    main()
