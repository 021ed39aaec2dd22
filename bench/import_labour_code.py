"""Benchmark: import time of the region's labour codes (and KoAP) and the size of the database they leave.

Target: the Russian Labour Code (538 articles) imports in at most 5 s on SQLite, read to linked.
Run on demand (never in the test suite):

    .venv/bin/python bench/import_labour_code.py [--corpus ../shared/corpus] [--repeat 3] [--only ru]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/kenes_bench .venv/bin/python bench/import_labour_code.py

With no DATABASE_URL it uses a fresh SQLite file in a temporary directory. The search index is updated after
the import's commit (kenes.search.hooks); it is timed apart ("index s"), as it runs after the law is stored.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

FILES = {
    "kz/labour_code_2015_ru.txt": ("/akn/kz/act/code/2015-11-23/414-v", "rus"),
    "kz/administrative_offences_code_2014_ru.txt": ("/akn/kz/act/code/2014-07-05/235-v", "rus"),
    "ru/labour_code_2001_ru.md": ("/akn/ru/act/code/2001-12-30/197-fz", "rus"),
    "tj/labour_code_2016_ru.md": ("/akn/tj/act/code/2016-07-23/1329", "rus"),
}
TARGET_S = {"ru/labour_code_2001_ru.md": 5.0}
#: How the corpus manifest reads a file whose name misleads (kenes/lex/starter/corpus.yaml).
READ_AS = {"ru/labour_code_2001_ru.md": ("txt", True)}


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--corpus", default=str(REPO.parent / "shared" / "corpus"))
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--only", help="measure only files under this folder of the corpus (kz, ru, tj)")
    args = parser.parse_args()
    corpus = Path(args.corpus)
    if not corpus.is_dir():
        print(f"corpus not found at {corpus}: nothing to measure", file=sys.stderr)
        return 2

    tmp = tempfile.mkdtemp(prefix="kenes-bench-")
    os.environ.setdefault("KENES_DATA_DIR", tmp)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kenes.settings")
    import django

    django.setup()
    from django.conf import settings

    settings.KENES_SEARCH_AUTOINDEX = False  # indexed explicitly below, so the two costs are told apart
    from django.core.management import call_command
    from django.db import connection

    from kenes.lex.importing import import_document
    from kenes.lex.ingest.readers import read_text
    from kenes.lex.ingest.structure import parse_text
    from kenes.lex.models import Expression, Provision, Work
    from kenes.lex.starter.load import load_starter
    from kenes.search.index import update_works

    call_command("migrate", interactive=False, verbosity=0)
    load_starter()

    rows = []
    for name, (uri, lang) in FILES.items():
        path = corpus / name
        if (args.only and not name.startswith(args.only + "/")) or not path.exists():
            continue
        read_s, parse_s, write_s, index_s = [], [], [], []
        for _ in range(args.repeat):
            Work.objects.filter(frbr_uri=uri).delete()
            t0 = time.perf_counter()
            fmt, line_paragraphs = READ_AS.get(name, (None, False))
            text = read_text(path, fmt)
            t1 = time.perf_counter()
            doc = parse_text(text, lang, line_paragraphs=line_paragraphs)
            t2 = time.perf_counter()
            result = import_document(doc, work_uri=uri, lang=lang, date=dt.date(2024, 1, 1), title=name)
            t3 = time.perf_counter()
            update_works({result.work.pk})
            t4 = time.perf_counter()
            read_s.append(t1 - t0)
            parse_s.append(t2 - t1)
            write_s.append(t3 - t2)
            index_s.append(t4 - t3)
        rows.append(
            (
                name,
                path.stat().st_size,
                result.articles,
                result.provisions,
                result.references,
                result.amendments,
                statistics.median(read_s),
                statistics.median(parse_s),
                statistics.median(write_s),
                statistics.median(index_s),
            )
        )

    # Measure after a vacuum: the repeated delete-and-import leaves free pages that are not the data's size.
    vendor = connection.vendor
    with connection.cursor() as cur:
        if vendor == "sqlite":
            cur.execute("VACUUM")
            cur.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            size = Path(connection.settings_dict["NAME"]).stat().st_size
        else:
            cur.execute("VACUUM FULL")
            cur.execute(
                "SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0) FROM pg_class c "
                "JOIN pg_namespace n ON n.oid = c.relnamespace "
                "WHERE n.nspname = 'public' AND c.relkind = 'r'"
            )
            size = cur.fetchone()[0]
    print(f"\nKenes import benchmark ({vendor}, median of {args.repeat} runs)\n")
    header = (
        f"{'file':<45} {'KB':>6} {'art.':>5} {'prov.':>6} {'refs':>6} {'eff.':>5} "
        f"{'read s':>7} {'parse s':>8} {'write+link s':>12} {'import s':>8} {'index s':>8}"
    )
    print(header)
    print("-" * len(header))
    for name, nbytes, arts, provs, refs, effs, r, p, w, ix in rows:
        print(
            f"{name:<45} {nbytes // 1024:>6} {arts:>5} {provs:>6} {refs:>6} {effs:>5} "
            f"{r:>7.2f} {p:>8.2f} {w:>12.2f} {r + p + w:>8.2f} {ix:>8.2f}"
            + (
                f"   target ≤ {TARGET_S[name]:.0f} s: {'met' if r + p + w <= TARGET_S[name] else 'MISSED'}"
                if name in TARGET_S
                else ""
            )
        )
    print(
        f"\ndatabase size after import ({'file' if vendor == 'sqlite' else 'public tables'}): "
        f"{size / 1024 / 1024:.1f} MiB "
        f"({Expression.objects.count()} expressions, {Provision.objects.count()} provisions)"
    )
    only = f" --only {args.only}" if args.only else ""
    print(f"reproduce: .venv/bin/python bench/import_labour_code.py --repeat {args.repeat}{only}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
