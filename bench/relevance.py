"""Benchmark: search relevance on real migrant questions (hit@1/5/10, MRR@10).

Run on demand (never in the test suite):

    .venv/bin/python bench/relevance.py                       # loads the Kazakh corpus into a temp dir first
    KENES_DATA_DIR=/tmp/kd .venv/bin/python bench/relevance.py --reuse   # a data dir `kenes demo` filled
    .venv/bin/python bench/relevance.py --reuse -v            # plus each question's rank and top results

The judgement file (../shared/corpus/questions/migrant_questions_kz_ru.json) gives, for some questions, the
article numbers lawyers cite (Labour Code, Code of Administrative Offences, EAEU Treaty). A result counts
when the article it belongs to has one of those numbers, in any work of the jurisdiction searched (kz): the
file does not say which code. Questions without expected articles are not scored. Articles of the EAEU
Treaty (97, 98) are not in the corpus; a Kazakh article with the same number counts, as the file allows no
better, and the table lists the questions whose articles can only be such coincidences.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
CORPUS = REPO.parent / "shared" / "corpus"
QUESTIONS = CORPUS / "questions" / "migrant_questions_kz_ru.json"
_ARTICLE = re.compile(r"(?:^|__)art_([^_]+(?:-[^_]+)*)")


def article_of(eid: str) -> str | None:
    m = _ARTICLE.search(eid)
    return m.group(1) if m else None


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--questions", default=str(QUESTIONS))
    parser.add_argument("--corpus", default=str(CORPUS))
    parser.add_argument("--reuse", action="store_true", help="use KENES_DATA_DIR as it is (demo already run)")
    parser.add_argument("--jurisdiction", default="kz")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    if not Path(args.questions).exists():
        print(f"questions not found at {args.questions}: nothing to measure", file=sys.stderr)
        return 0
    if not args.reuse:
        data = tempfile.mkdtemp(prefix="kenes-relevance-")
        os.environ["KENES_DATA_DIR"] = data
        os.environ["DATABASE_URL"] = ""
        print(f"loading the corpus into {data} …", file=sys.stderr)
        subprocess.run(
            [str(REPO / ".venv" / "bin" / "kenes"), "demo", "--corpus", args.corpus, "-q"],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kenes.settings")
    import django

    django.setup()
    from kenes.search.index import stale_works, update_works
    from kenes.search.service import search

    if stale_works():
        print(update_works([], wait=60), file=sys.stderr)

    questions = [q for q in json.loads(Path(args.questions).read_text()) if q.get("expected_articles")]
    ranks: list[int | None] = []
    rows = []
    started = time.perf_counter()
    for q in questions:
        expected = {str(a) for a in q["expected_articles"]}
        result = search(q["question"], jurisdiction=args.jurisdiction, limit=10, facets=False)
        found = [article_of(h.eid) for h in result.hits]
        rank = next((i for i, a in enumerate(found, 1) if a in expected), None)
        ranks.append(rank)
        rows.append((q["id"], rank, sorted(expected), q["question"], result.hits))
    elapsed = time.perf_counter() - started

    n = len(ranks)

    def hit_at(k: int) -> float:
        return sum(1 for r in ranks if r is not None and r <= k) / n

    mrr = sum(1 / r for r in ranks if r is not None and r <= 10) / n
    print(f"\nSearch relevance on {n} questions with expected articles ({Path(args.questions).name})")
    print("| metric | value |\n|---|---|")
    for k in (1, 5, 10):
        print(f"| hit@{k} | {hit_at(k):.2f} |")
    print(f"| MRR@10 | {mrr:.3f} |")
    print(f"| mean time per question | {elapsed / n * 1000:.1f} ms |")
    print("\n| id | rank | expected | question |\n|---|---|---|---|")
    for qid, rank, expected, text, hits in rows:
        print(f"| {qid} | {rank or '—'} | {', '.join(expected)} | {text} |")
        if args.verbose:
            for i, h in enumerate(hits, 1):
                short = h.work.split("/")[-1]
                print(f"|   | {i} | {short} ~{h.eid} | {h.heading[:70]} ({h.score:.2f}) |")
    print("\nreproduce: .venv/bin/python bench/relevance.py")
    return 0


if __name__ == "__main__":
    sys.exit(main())
