"""Benchmark: search relevance on real migrant questions (hit@1/5/10, MRR@10).

Run on demand (never in the test suite):

    .venv/bin/python bench/relevance.py                       # loads the Kazakh corpus into a temp dir first
    KENES_DATA_DIR=/tmp/kd .venv/bin/python bench/relevance.py --reuse   # a data dir `kenes demo` filled
    .venv/bin/python bench/relevance.py --reuse -v            # plus each question's rank and top results

The judgement file (../shared/corpus/questions/migrant_questions_kz_ru.json) gives, for 13 questions, the
article numbers lawyers cite, and its reference answers say in which act ("ст. 86 КоАП РК", "ст. 97 Договора
о ЕАЭС"). A result counts when it lies in that article of that act (the act is read from the answer; when
the answer names only one act, that one). Two scores are printed: over all 13 questions, and over those whose
cited acts the Kazakh corpus holds (the EAEU Treaty is not in it, so q_006, q_022 and q_105 cannot be found).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from live_service import open_demo_database  # noqa: E402

CORPUS = REPO.parent / "shared" / "corpus"
QUESTIONS = CORPUS / "questions" / "migrant_questions_kz_ru.json"
_ARTICLE = re.compile(r"(?:^|__)art_([^_]+(?:-[^_]+)*)")
#: How the reference answers name the acts, and the work each is in the corpus (None: not in the corpus).
ACTS = {
    "ТК": "/akn/kz/act/code/2015-11-23/414-v",
    "КоАП": "/akn/kz/act/code/2014-07-05/235-v",
    "ЕАЭС": None,
}
_CITED = re.compile(r"ст\.\s*(\d+)(?:[–-](\d+))?\s+(?:Договора о\s+)?(ТК|КоАП|ЕАЭС)")


def expected_targets(question: dict) -> set[tuple[str | None, str]]:
    """(work URI or None when the act is not in the corpus, article number) for each expected article."""
    answer = question.get("ground_truth", "")
    named: dict[str, str] = {}
    for first, last, act in _CITED.findall(answer):
        for number in range(int(first), int(last or first) + 1):
            named[str(number)] = act
    acts_in_answer = {act for act in ACTS if act in answer}
    out = set()
    for number in question["expected_articles"]:
        act = named.get(str(number)) or (next(iter(acts_in_answer)) if len(acts_in_answer) == 1 else "ТК")
        out.add((ACTS[act], str(number)))
    return out


_CITED_LIST = re.compile(r"(?:ст\.\s*([\d ,–-]+?)\s+(ТК|КоАП)\b|(ТК|КоАП)[^()]{0,20}\(ст\.\s*([\d ,–-]+)\))")


def cited_in_answer(question: dict) -> set[tuple[str, str]]:
    """Articles of corpus acts a reference answer cites ("ст. 95 КоАП", "КоАП (ст. 51, 916–917)").

    Used for the questions whose ``expected_articles`` is empty: nobody tuned on them, so they are a small
    held-out check of the same mechanisms.
    """
    out = set()
    for numbers, act, act2, numbers2 in _CITED_LIST.findall(question.get("ground_truth", "")):
        work = ACTS[act or act2]
        for part in (numbers or numbers2).split(","):
            first, _, last = part.strip().replace("–", "-").partition("-")
            if first.isdigit():
                out.update((work, str(n)) for n in range(int(first), int(last or first) + 1))
    return out


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
    open_demo_database(args.reuse, Path(args.corpus), "kenes-relevance-")
    from kenes.search.service import search

    everything = json.loads(Path(args.questions).read_text())
    questions = [q for q in everything if q.get("expected_articles")]
    secondary = [(q, t) for q in everything if not q.get("expected_articles") and (t := cited_in_answer(q))]
    ranks: list[int | None] = []
    rows = []
    started = time.perf_counter()
    answerable: list[bool] = []
    for q in questions:
        expected = expected_targets(q)
        result = search(q["question"], jurisdiction=args.jurisdiction, limit=10, facets=False)
        found = [(h.work, article_of(h.eid)) for h in result.hits]
        rank = next((i for i, a in enumerate(found, 1) if a in expected), None)
        ranks.append(rank)
        answerable.append(any(work for work, _n in expected))
        label = ", ".join(
            f"{n} {next(k for k, v in ACTS.items() if v == w)}" for w, n in sorted(expected, key=str)
        )
        rows.append((q["id"], rank, label, q["question"], result.hits))
    elapsed = time.perf_counter() - started
    second_rows = []
    for q, expected in secondary:
        result = search(q["question"], jurisdiction=args.jurisdiction, limit=10, facets=False)
        found = [(h.work, article_of(h.eid)) for h in result.hits]
        rank = next((i for i, a in enumerate(found, 1) if a in expected), None)
        label = ", ".join(f"{n} {next(k for k, v in ACTS.items() if v == w)}" for w, n in sorted(expected))
        second_rows.append((q["id"], rank, label, q["question"], result.hits))

    def scores(picked: list[int | None]) -> list[str]:
        n = len(picked)
        hits = [sum(1 for r in picked if r is not None and r <= k) / n for k in (1, 5, 10)]
        mrr = sum(1 / r for r in picked if r is not None and r <= 10) / n
        return [f"{x:.2f}" for x in hits] + [f"{mrr:.3f}"]

    held = [r for r, ok in zip(ranks, answerable, strict=True) if ok]
    print(f"\nSearch relevance on the migrant questions with expected articles ({Path(args.questions).name})")
    print("| questions | n | hit@1 | hit@5 | hit@10 | MRR@10 |\n|---|---|---|---|---|---|")
    print(f"| all with expected articles | {len(ranks)} | " + " | ".join(scores(ranks)) + " |")
    print(f"| whose cited act the corpus holds | {len(held)} | " + " | ".join(scores(held)) + " |")
    if second_rows:
        picked = [r for _i, r, *_rest in second_rows]
        print(
            f"| held out: no expected articles, the answer cites one (not tuned on) | {len(picked)} | "
            + " | ".join(scores(picked))
            + " |"
        )
    print(f"\nmean time per question: {elapsed / len(ranks) * 1000:.1f} ms")
    print("\n| id | rank | expected | question |\n|---|---|---|---|")
    for qid, rank, expected, text, hits in rows + [(f"{r[0]} (held out)", *r[1:]) for r in second_rows]:
        print(f"| {qid} | {rank or '—'} | {expected} | {text} |")
        if args.verbose:
            for i, h in enumerate(hits, 1):
                short = h.work.split("/")[-1]
                print(f"|   | {i} | {short} ~{h.eid} | {h.heading[:70]} ({h.score:.2f}) |")
    print("\nreproduce: .venv/bin/python bench/relevance.py")
    return 0


if __name__ == "__main__":
    sys.exit(main())
