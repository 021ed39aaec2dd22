"""``kenes stats import FILE --source …`` and ``kenes disputes import FILE``.

    kenes stats import ../shared/corpus/stats/ilostat/lai_inde_noc_rt.csv --source ILOSTAT
    kenes stats import wages.xlsx --source "Bureau of National Statistics" --source-url https://stat.gov.kz
    kenes stats import --corpus ../shared/corpus    # every file of stats/, each under its manifest source
    kenes disputes import disputes.csv

Both are atomic: a bad row stops the import with its line number and nothing is written.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date (YYYY-MM-DD)") from exc


def cmd_stats_import(args: argparse.Namespace) -> int:
    from .importing import BadRow, SourceInfo, import_stats

    if args.corpus:
        return _import_corpus(args)
    if not args.file or not args.source:
        print("kenes: error: name a FILE and its --source (or --corpus DIR)", file=sys.stderr)
        return 2
    path = Path(args.file)
    if not path.is_file():
        print(f"kenes: error: {path}: no such file", file=sys.stderr)
        return 2
    info = SourceInfo(args.source, args.source_date, args.source_url or "", args.licence or "")
    try:
        result = import_stats(path, info)
    except BadRow as exc:
        print(f"kenes: error: {path}: {exc} (nothing was written)", file=sys.stderr)
        return 2
    print(result.summary())
    return 0


def _import_corpus(args: argparse.Namespace) -> int:
    """Every statistics file of the corpus, each under its source from ``corpus_stats.yaml``, in one
    process (a ``kenes`` process takes longer to start than the whole corpus takes to import)."""
    from .demo import import_corpus_stats

    if args.file or args.source:
        print(
            "kenes: error: --corpus reads the sources from the manifest: no FILE or --source", file=sys.stderr
        )
        return 2
    results, failures = import_corpus_stats(Path(args.corpus))
    for result in results:
        print(result.summary())
    for failure in failures:
        print(f"kenes: error: {failure}", file=sys.stderr)
    return 1 if failures else 0


def cmd_disputes_import(args: argparse.Namespace) -> int:
    from .disputes_csv import import_disputes
    from .importing import BadRow

    path = Path(args.file)
    if not path.is_file():
        print(f"kenes: error: {path}: no such file", file=sys.stderr)
        return 2
    try:
        print(import_disputes(path).summary())
    except BadRow as exc:
        print(f"kenes: error: {path}: {exc} (nothing was written)", file=sys.stderr)
        return 2
    return 0


def add_parser(sub: argparse._SubParsersAction) -> None:
    stats = sub.add_parser("stats", help="the observatory's statistics")
    stats_sub = stats.add_subparsers(dest="stats_command", metavar="COMMAND", required=True)
    p = stats_sub.add_parser("import", help="import statistics from CSV or XLSX (atomic, idempotent)")
    p.add_argument("file", nargs="?")
    p.add_argument("--source", help="the publication the values come from (required with FILE)")
    p.add_argument("--source-date", type=_date, help="its release or retrieval date")
    p.add_argument("--source-url")
    p.add_argument("--licence")
    p.add_argument(
        "--corpus",
        metavar="DIR",
        help="instead of FILE: every file of DIR/stats listed in corpus_stats.yaml, each under its source "
        "(values another source wrote are kept, as `kenes demo --corpus` does)",
    )
    p.set_defaults(func=cmd_stats_import)

    disputes = sub.add_parser("disputes", help="the register of collective labour disputes")
    disputes_sub = disputes.add_subparsers(dest="disputes_command", metavar="COMMAND", required=True)
    p = disputes_sub.add_parser("import", help="add or update disputes from CSV (atomic, idempotent)")
    p.add_argument("file")
    p.set_defaults(func=cmd_disputes_import)
