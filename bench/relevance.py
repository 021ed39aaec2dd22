"""Benchmark: search relevance on real questions, Kenes against plain BM25 over the same articles.

Run on demand (never in the test suite):

    .venv/bin/python bench/relevance.py              # imports the law into a temp dir first (~2 min), then
                                                     # embeds its 2,283 articles (`kenes reindex`: 0.1-0.5 s
                                                     # an article by load; 21-25 min on 2 busy cores)
    .venv/bin/python bench/relevance.py --data /tmp/rel   # keep the imported law there for the next run
    .venv/bin/python bench/relevance.py --data /tmp/rel -v --set jurhelp --split dev   # per question
    .venv/bin/python bench/relevance.py --data /tmp/rel --no-vectors   # Kenes on words only
    .venv/bin/python bench/relevance.py --data /tmp/rel --any-country  # as a person who picks no country
    .venv/bin/python bench/relevance.py --data /tmp/rel --experience  # held-out, after consultations

The database holds only law imported with ``kenes import`` (the starter catalogue of `kenes demo` without a
corpus, then the four Kazakh codes, the Kazakh migration law and the Russian Labour Code): no question, no
answer, nothing of the question sets reaches the index.

Question sets (``../shared/corpus/questions/``), each split into a development and a held-out half by a
fixed hash of the question's id (sha1, even/odd): tune on ``dev`` only, report both.

* ``jurhelp``: real questions to Kazakh legal clinics; the gold articles are those the lawyer's answer
  cites of an act the database holds (the file's ``cited`` where it names the act, and this script's own
  reading of the answer, ``cited_in_text``). Questions citing only law not held measure "not here".
* ``rostrud``: the Russian labour inspectorate's answers; gold: ``cited_tk_rf_articles`` of the RF code.
* ``migrant``: the 40 migrant questions (expected articles, or the articles their answers cite).
* ``keywords``: short keyword queries as lawyers and consultants type them (``bench/keywords.yaml``, the
  team's reading of the codes; split by a hash of the query like the others).
* ``languages``: questions in English, Kazakh, Kyrgyz, Uzbek and Tajik about work in Kazakhstan
  (``bench/languages.yaml``, written by the team), with the rights check each should name first and the
  country it names; a line per split says how often the check (and, with ``--any-country``, the country)
  was named, and how often another was.

Printed per set and split: hit@1/5/10 and MRR@10 for Kenes (``service.search``, what the API answers)
and for plain BM25 (SQLite FTS5, one row per article with its whole text, the question's words OR-ed),
their MRR ratio, and how often Kenes says "not here" on answerable and on unanswerable questions; below
the table, for each set and split of ten questions or more, 95 % intervals of hit@10, MRR@10 and the MRR
ratio by a paired bootstrap (a held-out split of 23 questions is not precise to the second decimal).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import re
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
CORPUS = REPO.parent / "shared" / "corpus"

from kenes.lex import eid as eids  # noqa: E402

LC_KZ = "/akn/kz/act/code/2015-11-23/414-v"
SOCIAL_KZ = "/akn/kz/act/code/2023-04-20/224-vii"
OFFENCES_KZ = "/akn/kz/act/code/2014-07-05/235-v"
CONSTITUTION_KZ = "/akn/kz/act/constitution/1995-08-30/constitution"
MIGRATION_KZ = "/akn/kz/act/law/2011-07-22/477-iv"
LC_RU = "/akn/ru/act/code/2001-12-30/197-fz"
#: (corpus file, work URI, date, title, short title): imported with `kenes import`
LAW = [
    ("kz/labour_code_2015_ru.txt", LC_KZ, "2025-07-16", "Трудовой кодекс Республики Казахстан", "ТК РК"),
    (
        "kz/social_code_2023_ru.txt",
        SOCIAL_KZ,
        "2025-01-01",
        "Социальный кодекс Республики Казахстан",
        "СК РК",
    ),
    (
        "kz/administrative_offences_code_2014_ru.txt",
        OFFENCES_KZ,
        "2025-01-01",
        "Кодекс Республики Казахстан об административных правонарушениях",
        "КоАП РК",
    ),
    ("kz/constitution_1995_ru.txt", CONSTITUTION_KZ, "2023-01-01", "Конституция Республики Казахстан", ""),
    ("kz/migration_law_2011_ru.txt", MIGRATION_KZ, "2025-01-01", "О миграции населения", ""),
    ("ru/labour_code_2001_ru.md", LC_RU, "2025-12-29", "Трудовой кодекс Российской Федерации", "ТК РФ"),
]
#: How the clinics' answers name the acts the database holds.
ACT_NAMES = {
    "ТК РК": LC_KZ,
    "КоАП РК": OFFENCES_KZ,
    "Конституция": CONSTITUTION_KZ,
    "Закон «О миграции населения»": MIGRATION_KZ,
}
_ACT_IN_TEXT = [
    (LC_KZ, r"Трудов\w+\s+кодекс\w*|ТК\s*РК|ТК"),
    (OFFENCES_KZ, r"КоАП(?:\s*РК)?|Кодекс\w*\s+(?:Республики Казахстан\s+)?об\s+административных"),
    (CONSTITUTION_KZ, r"Конституци\w+"),
    (SOCIAL_KZ, r"Социальн\w+\s+кодекс\w*"),
    (MIGRATION_KZ, r"Закон\w*\s+(?:Республики Казахстан\s+)?«?О миграции населения"),
]
_CITE = re.compile(
    r"(?:ст\.|статей|статьей|статьи|статья|статьям|статьях|статью)\s*"
    r"(?P<nums>\d+(?:-\d+)?(?:\s*(?:,|и)\s*\d+(?:-\d+)?)*)"
    r"(?P<rest>[^.;\n]{0,60})",
    re.I,
)
_ARTICLE = re.compile(r"(?:^|__)art_([^_]+(?:-[^_]+)*)")


def split_of(qid: str) -> str:
    """dev or held-out, fixed by the id (never by the question's text or results)."""
    return "dev" if hashlib.sha1(qid.encode()).digest()[0] % 2 == 0 else "held-out"


def cited_in_text(answer: str) -> set[tuple[str, str]]:
    """(work, article) for each "ст. N <act>" of a held act in a lawyer's answer."""
    out = set()
    for m in _CITE.finditer(answer):
        for work, pattern in _ACT_IN_TEXT:
            if re.match(
                r"\s*(?:(?:п\.|пп\.|ч\.|части|пункт\w*)\s*[\d,\s)-]*\s*)*" + f"(?:{pattern})", m["rest"]
            ):
                for num in re.findall(r"\d+(?:-\d+)?", m["nums"]):
                    out.add((work, num))
                break
    return out


def _numbered(gold: set[tuple[str, str]]) -> set[tuple[str, str]]:
    """Article numbers as eIds write them ("185.1" → "185-1"): a hit's number is read off its eId, so a
    dotted number in the answers would otherwise never match, for Kenes and the peer alike."""
    return {(work, eids.number(num)) for work, num in gold}


def load_sets(folder: Path) -> dict[str, list[dict]]:
    """{set: [{id, question, gold: {(work, article)}, jurisdiction}]}; gold empty: nothing held is cited."""
    sets: dict[str, list[dict]] = {}
    path = folder / "jurhelp_kz_ru.jsonl"
    if path.exists():
        rows = []
        for line in path.read_text(encoding="utf-8").splitlines():
            r = json.loads(line)
            gold = {(ACT_NAMES[c["act"]], c["article"]) for c in r["cited"] if c.get("act") in ACT_NAMES}
            gold |= cited_in_text(r.get("answer", ""))
            cites_other = any(c.get("act") and c["act"] not in ACT_NAMES for c in r["cited"])
            rows.append(
                {
                    "id": r["id"],
                    "question": r["question"],
                    "gold": _numbered(gold),
                    "jur": "kz",
                    "other": cites_other,
                }
            )
        sets["jurhelp"] = rows
    path = folder / "rostrud_faq_ru.jsonl"
    if path.exists():
        rows = []
        for line in path.read_text(encoding="utf-8").splitlines():
            r = json.loads(line)
            gold = _numbered({(LC_RU, a) for a in r.get("cited_tk_rf_articles", [])})
            rows.append({"id": r["id"], "question": r["question"], "gold": gold, "jur": "ru", "other": False})
        sets["rostrud"] = rows
    path = folder / "migrant_questions_kz_ru.json"
    if path.exists():
        rows = []
        for q in json.loads(path.read_text(encoding="utf-8")):
            answer = q.get("ground_truth", "")
            gold = cited_in_text(answer)
            for number in map(str, q.get("expected_articles") or []):
                if not any(n == number for _w, n in gold) and "ЕАЭС" not in answer:
                    gold.add((LC_KZ, number))
            gold = _numbered(gold)
            rows.append({"id": q["id"], "question": q["question"], "gold": gold, "jur": "kz", "other": False})
        sets["migrant"] = rows
    for name in ("keywords", "languages"):
        listed = Path(__file__).with_name(f"{name}.yaml")
        if listed.exists():
            sets[name] = _team_set(listed, with_answers=name == "languages")
    return sets


def _team_set(path: Path, *, with_answers: bool) -> list[dict]:
    """A set the team wrote (``bench/<set>.yaml``): each query, its gold articles of the Kazakh works and,
    ``with_answers``, the check and the country it should name."""
    import yaml

    works = {"lc": LC_KZ, "offences": OFFENCES_KZ, "migration": MIGRATION_KZ}
    rows = []
    for item in yaml.safe_load(path.read_text(encoding="utf-8")):
        gold = {(works[w], n) for w, numbers in item["gold"].items() for n in numbers}
        row = {"id": item["q"], "question": item["q"], "gold": gold, "jur": "kz", "other": False}
        if with_answers:
            row.update(check=item.get("check"), place=item.get("place"))
        rows.append(row)
    return rows


def _kenes() -> list[str]:
    return [str(Path(sys.executable).parent / "kenes")]


def prepare(data: Path, corpus: Path) -> None:
    """Starter catalogue and the law, imported once per data folder; the index brought up to date."""
    env = {**os.environ, "KENES_DATA_DIR": str(data), "DATABASE_URL": ""}
    marker = data / ".law-imported"
    if not (marker.exists() or (data / ".demo-loaded").exists()):  # a `kenes demo --corpus` folder will do
        subprocess.run([*_kenes(), "demo", "--quiet"], cwd=REPO, env=env, check=True, stdout=sys.stderr)
        for file, work, date, title, short in LAW:
            command = [*_kenes(), "import", str(corpus / file), "--work", work, "--lang", "rus"]
            command += ["--date", date, "--title", title, "-q"]
            if short:
                command += ["--short-title", short]
            print("importing", file, file=sys.stderr, flush=True)
            subprocess.run(command, cwd=REPO, env=env, check=True, stdout=sys.stderr)
        marker.touch()
    # a folder kept from an earlier run may predate a migration of the code measured now
    subprocess.run([*_kenes(), "migrate"], cwd=REPO, env=env, check=True, stdout=sys.stderr)
    subprocess.run([*_kenes(), "reindex"], cwd=REPO, env=env, check=True, stdout=sys.stderr)
    os.environ.update(KENES_DATA_DIR=str(data), DATABASE_URL="")


def article_of(eid: str) -> str | None:
    m = _ARTICLE.search(eid)
    return m.group(1) if m else None


def plain_bm25() -> sqlite3.Connection:
    """SQLite FTS5 over the same articles (every article of every rus expression, its whole text)."""
    from kenes.lex.models import Expression

    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE a USING fts5(work UNINDEXED, jur UNINDEXED, num UNINDEXED, body)")
    for expression in Expression.objects.filter(lang="rus").select_related("work"):
        texts: dict[str, list[str]] = {}
        rows = expression.provisions.order_by("order").values_list("eid", "heading", "text")
        for eid, heading, text in rows:
            num = article_of(eid)
            if num:
                texts.setdefault(num, []).extend(x for x in (heading, text) if x)
        work = expression.work
        db.executemany(
            "INSERT INTO a VALUES (?, ?, ?, ?)",
            [(work.frbr_uri, work.jurisdiction_id, n, "\n".join(t)) for n, t in texts.items()],
        )
    return db


def bm25_search(db: sqlite3.Connection, question: str, jur: str) -> list[tuple[str, str]]:
    words = {w for w in re.findall(r"\w+", question.lower()) if len(w) > 1}
    if not words:
        return []
    match = " OR ".join(f'"{w}"' for w in sorted(words))
    rows = db.execute(
        "SELECT work, num FROM a WHERE a MATCH ? AND jur = ? ORDER BY bm25(a) LIMIT 10", (match, jur)
    ).fetchall()
    return [(w, n) for w, n in rows]


def first_rank(found: list[tuple[str, str | None]], gold: set) -> int | None:
    return next((i for i, a in enumerate(found, 1) if a in gold), None)


def scores(ranks: list[int | None]) -> tuple[float, float, float, float]:
    n = max(1, len(ranks))
    hits = [sum(1 for r in ranks if r is not None and r <= k) / n for k in (1, 5, 10)]
    mrr = sum(1 / r for r in ranks if r is not None and r <= 10) / n
    return hits[0], hits[1], hits[2], mrr


def interval(
    ours: list[int | None], peer: list[int | None], resamples: int = 2000, seed: int = 0
) -> tuple[tuple[float, float], tuple[float, float], tuple[float, float] | None]:
    """95 % intervals of Kenes's hit@10 and MRR@10 and of its MRR ratio to BM25, by a paired bootstrap
    (the same resampled questions for both): with twenty-odd questions a set, one question moves hit@10
    by 0.04, and a figure read without its spread says more than it knows. Seeded: the same every run."""
    rng = random.Random(seed)
    n = len(ours)
    hit, mrr, ratio = [], [], []
    for _ in range(resamples):
        picked = [rng.randrange(n) for _ in range(n)]
        k, p = scores([ours[i] for i in picked]), scores([peer[i] for i in picked])
        hit.append(k[2])
        mrr.append(k[3])
        if p[3]:
            ratio.append(k[3] / p[3])

    def bounds(xs: list[float]) -> tuple[float, float]:
        xs = sorted(xs)
        return xs[int(0.025 * len(xs))], xs[int(0.975 * len(xs)) - 1]

    # (a ratio is undefined where BM25 finds nothing in a resample: those resamples are left out of it)
    return bounds(hit), bounds(mrr), bounds(ratio) if len(ratio) > resamples // 2 else None


def _interval_line(name: str, split: str, ours: list[int | None], peer: list[int | None]) -> str:
    (h0, h1), (m0, m1), ratio = interval(ours, peer)
    found = sum(1 for r in ours if r is not None and r <= 10)
    line = (
        f"{name} {split}: 95% interval (paired bootstrap, 2,000 resamples of its {len(ours)} questions): "
        f"hit@10 {h0:.2f}-{h1:.2f} ({found} of {len(ours)} found), MRR@10 {m0:.2f}-{m1:.2f}"
    )
    return line + (f", MRR ratio to BM25 {ratio[0]:.2f}-{ratio[1]:.2f}" if ratio else "")


def _tally(named: dict[str, list[int]], row: dict, result, *, asked_place: bool) -> None:
    """Whether the rights check and the country a row expects were named (a set that gives them)."""
    if "check" not in row:
        return
    checks = list(result.checks)
    if row["check"]:
        named["check"][1] += 1
        named["check"][0] += row["check"] in checks[:1]
    named["check"][2] += any(c != row["check"] for c in checks)
    if asked_place:  # only a search given no country reads one from the question
        # (a place read from the question's language is not one it names: counted apart, and wrong where
        # the question names another)
        places = [n.topic for n in result.notices if n.code == "place" and not n.language]
        by_language = [n.topic for n in result.notices if n.code == "place" and n.language]
        named["place by language"][1] += 1
        named["place by language"][0] += bool(by_language)
        named["place by language"][2] += any(row["place"] and p != row["place"] for p in by_language)
        if row["place"]:
            named["place"][1] += 1
            named["place"][0] += row["place"] in places
        named["place"][2] += any(p != row["place"] for p in places)


def _named_line(name: str, split: str, named: dict[str, list[int]]) -> list[str]:
    out = []
    for what, (given, expected, wrong) in named.items():
        if what == "place by language":
            if given:
                out.append(
                    f"{name} {split}: {given} of {expected} questions kept to a country by language, "
                    f"{wrong} of them to another than the one they name"
                )
            continue
        if expected or wrong:
            out.append(
                f"{name} {split}: {what} named first {given}/{expected} expected, "
                f"{wrong} questions named another"
            )
    return out


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--corpus", default=str(CORPUS))
    parser.add_argument("--data", help="data folder to import the law into once and reuse (default: temp)")
    parser.add_argument(
        "--set", action="append", help="only these sets (jurhelp, rostrud, migrant, keywords, languages)"
    )
    parser.add_argument("--split", choices=["dev", "held-out"], help="only this split")
    parser.add_argument("-v", "--verbose", action="store_true", help="each question's ranks and top 5")
    parser.add_argument(
        "--no-vectors", action="store_true", help="Kenes on words only (the meaning vectors left out)"
    )
    parser.add_argument(
        "--experience",
        action="store_true",
        help="first record the development split's questions of every set with their gold articles as the "
        "advisory desk records consultations (experience.record), then measure the held-out split; the "
        "records are removed afterwards",
    )
    parser.add_argument(
        "--any-country",
        action="store_true",
        help="ask Kenes as a person who picks no country (no jurisdiction filter: a question that names "
        "one is searched there, the rest over every country held); the peer keeps the set's country",
    )
    args = parser.parse_args()
    if args.experience:
        if args.split == "dev":  # (each question would find itself)
            parser.error("--experience records the development split: measure the held-out one")
        args.split = "held-out"
    corpus = Path(args.corpus)
    if not (corpus / "questions").is_dir():
        print(f"no questions under {corpus}: nothing to measure", file=sys.stderr)
        return 0
    data = Path(args.data) if args.data else Path(tempfile.mkdtemp(prefix="kenes-relevance-"))
    data.mkdir(parents=True, exist_ok=True)
    prepare(data, corpus)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kenes.settings")
    import django

    django.setup()
    from django.conf import settings

    from kenes.search import vectors

    if args.no_vectors:
        settings.KENES_SEARCH_VECTORS = False
    meaning = "on" if vectors.enabled() and vectors.present() else "off"
    print(f"meaning vectors: {meaning} ({len(vectors.stale())} expressions without current vectors)")

    db = plain_bm25()
    sets = load_sets(corpus / "questions")
    recorded = _record_experience(sets) if args.experience else None
    try:
        _measure(args, sets, db)
    finally:
        if recorded is not None:
            recorded.delete()
    flags = " --no-vectors" if args.no_vectors else ""
    flags += " --experience" if args.experience else ""
    flags += f" --split {args.split}" if args.split and not args.experience else ""
    print(f"\nreproduce: .venv/bin/python bench/relevance.py --data {data}{flags}")
    return 0


def _record_experience(sets: dict[str, list[dict]]):
    """The development questions as consultations the desk closed with their gold articles cited: what
    the held-out questions then find (the measure of experience, which needs a split to mean anything)."""
    from kenes.search import experience
    from kenes.search.models import Experience

    last = Experience.objects.order_by("-id").values_list("id", flat=True).first() or 0
    n = 0
    for name, rows in sets.items():
        for r in rows:
            if name != "keywords" and r["gold"] and split_of(r["id"]) == "dev":  # (keywords ask nothing)
                n += experience.record(r["question"], [(w, f"art_{a}") for w, a in sorted(r["gold"])])
    print(f"experience: {n} cited articles of the development questions recorded (removed after the run)")
    return Experience.objects.filter(id__gt=last)


def _measure(args: argparse.Namespace, sets: dict[str, list[dict]], db: sqlite3.Connection) -> None:
    from kenes.search.service import SearchRequest, search

    print("\n| set | split | n | system | hit@1 | hit@5 | hit@10 | MRR@10 | MRR ratio | not-here said |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    timings = []
    notes: list[str] = []
    for name, rows in sets.items():
        if args.set and name not in args.set:
            continue
        for split in ("dev", "held-out"):
            if args.split and split != args.split:
                continue
            picked = [r for r in rows if split_of(r["id"]) == split]
            answerable = [r for r in picked if r["gold"]]
            ours, peer, refused, offered = [], [], 0, 0
            # [expected and given, expected, wrong]; "place by language": [kept to, asked, wrong]
            named = {"check": [0, 0, 0], "place": [0, 0, 0], "place by language": [0, 0, 0]}
            for r in answerable:
                started = time.perf_counter()
                place = None if args.any_country else r["jur"]
                result = search(SearchRequest(r["question"], jurisdiction=place, limit=10, facets=False))
                timings.append(time.perf_counter() - started)
                found = [(h.work, article_of(h.eid)) for h in result.hits]
                refused += any(n.code == "not-here" for n in result.notices)
                offered += bool(result.checks)
                _tally(named, r, result, asked_place=place is None)
                ours.append(first_rank(found, r["gold"]))
                peer.append(first_rank(bm25_search(db, r["question"], r["jur"]), r["gold"]))
                if args.verbose:
                    gold = ", ".join(f"{w.split('/')[-1]}:{n}" for w, n in sorted(r["gold"]))
                    top = "; ".join(f"{w.split('/')[-1]}:{n}" for w, n in found[:5])
                    print(f"  {r['id']} ours {ours[-1]} bm25 {peer[-1]} gold {gold} | top {top}")
            outside = [r for r in picked if not r["gold"] and r["other"]]
            said = 0
            for r in outside:
                place = None if args.any_country else r["jur"]
                result = search(SearchRequest(r["question"], jurisdiction=place, limit=10, facets=False))
                said += any(n.code == "not-here" for n in result.notices)
            k, p = scores(ours), scores(peer)
            ratio = f"{k[3] / p[3]:.2f}" if p[3] else "—"
            n = len(answerable)
            not_here = (
                f"{refused}/{n} answerable; {said}/{len(outside)} outside"
                if name == "jurhelp"
                else (f"{refused}/{n} answerable")
            )
            print(
                f"| {name} | {split} | {n} | Kenes | "
                + " | ".join(f"{x:.2f}" for x in k)
                + f" | {ratio} | {not_here} |"
            )
            print(f"| {name} | {split} | {n} | plain BM25 | " + " | ".join(f"{x:.2f}" for x in p) + " | | |")
            notes.extend(_named_line(name, split, named))
            if n >= 10:
                notes.append(_interval_line(name, split, ours, peer))
            if {r["jur"] for r in answerable} == {"ru"}:
                # the checks count by Kazakhstan's law where they hold no other: none for Russia's leave,
                # wage payment or final settlement (search/check_scope.py)
                notes.append(f"{name} {split}: a rights check offered for {offered} of {n} questions")
    for line in notes:
        print(line)
    if timings:
        timings.sort()
        p50, p95 = timings[len(timings) // 2], timings[int(len(timings) * 0.95)]
        print(f"\nservice time per question (in process): p50 {p50 * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms")


if __name__ == "__main__":
    sys.exit(main())
