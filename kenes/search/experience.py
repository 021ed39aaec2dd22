"""Experience makes search better: questions answered before help find the law for similar ones.

The advisory desk (which may import search; search never imports it) calls :func:`record` when a
consultation is closed with the articles the consultant cited. Only a de-identified question enters:
:func:`deidentify` removes personal names, numbers (dates, amounts, ID and phone numbers) and e-mail
addresses before anything is stored, and the stored terms are the question mode's (question.py), which
drop them as well. When a later question shares enough of its informative terms with recorded ones,
:func:`ranking` lists the articles cited for them, best first; the service fuses that ranking with the
text rankings (fusion.py). With no experience at all nothing changes.

    from kenes.search.experience import record
    record("Работодатель не выплатил зарплату за два месяца…",
           [("/akn/kz/act/code/2015-11-23/414-v", "art_113")])
"""

from __future__ import annotations

import math
import re
import threading
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

import tantivy

from . import analysis
from .engine import Filters, Ranked, entry_of, filter_query
from .question import question_terms

__all__ = ["MIN_SIMILARITY", "deidentify", "forget_cache", "ranking", "record"]

#: How alike two questions must be (weighted share of informative terms) for one's articles to count.
MIN_SIMILARITY = 0.25
MAX_ARTICLES = 20
_EMAIL = re.compile(r"\S+@\S+")
_NUMBER = re.compile(r"\+?\d[\d\s().-]*\d|\d")
_EID = re.compile(r"^[a-z0-9_.-]+$")
_NAME_WORD = re.compile(r"\b[А-ЯЁA-Z][а-яёa-z]+\b")


def deidentify(text: str, lang: str | None = None) -> str:
    """``text`` without e-mail addresses, numbers and (Russian) personal names: what may be kept."""
    text = _EMAIL.sub("[email]", text)
    text = _NUMBER.sub("#", text)
    code = lang or analysis.guess_lang(text[:2000])
    if code == "rus":
        from .morphology import analyse_word

        def name(match: re.Match) -> str:
            # a name, or a capitalised word the dictionary does not know (Kazakh names): out
            word = analyse_word(match.group().lower())
            return "[имя]" if word.name or not word.known else match.group()

        text = _NAME_WORD.sub(name, text)
    return text


def record(question: str, cited: Iterable[tuple[str, str]], *, lang: str | None = None) -> int:
    """Remember that ``question`` was answered with the provisions ``cited`` ((work URI, eId) pairs).

    The question is de-identified here whatever the caller did; returns how many provisions were kept.
    Raises ValueError for a cited pair that is not a work URI and an eId.
    """
    from .models import Experience

    pairs = list(dict.fromkeys(cited))
    for work, eid in pairs:
        if not (work.startswith("/akn/") and _EID.match(eid)):
            raise ValueError(f"not a work URI and an eId: {work!r}, {eid!r}")
    code = lang or analysis.guess_lang(question[:2000])
    text = deidentify(question, code)
    terms = " ".join(t for t, _w in question_terms(text, code))
    if not terms or not pairs:
        return 0
    Experience.objects.bulk_create(
        [Experience(text=text, terms=terms, lang=code, work=w, eid=e) for w, e in pairs]
    )
    forget_cache()
    return len(pairs)


@dataclass(frozen=True)
class _Memory:
    key: tuple
    questions: tuple[tuple[frozenset[str], tuple[tuple[str, str], ...]], ...]
    df: Counter


_memory: _Memory | None = None
_lock = threading.Lock()


def forget_cache() -> None:
    global _memory
    _memory = None


def _load() -> _Memory:
    """Recorded questions grouped (one per distinct text), reloaded when the table changes."""
    global _memory
    from django.db.models import Count, Max

    from .models import Experience

    stats = Experience.objects.aggregate(n=Count("id"), last=Max("id"))
    key = (stats["n"], stats["last"])
    memory = _memory
    if memory is not None and memory.key == key:
        return memory
    with _lock:
        grouped: dict[str, list[tuple[str, str]]] = {}
        for terms, work, eid in Experience.objects.values_list("terms", "work", "eid").order_by("id"):
            grouped.setdefault(terms, []).append((work, eid))
        questions = tuple((frozenset(t.split()), tuple(cited)) for t, cited in grouped.items())
        df = Counter(t for terms, _c in questions for t in terms)
        _memory = memory = _Memory(key, questions, df)
    return memory


def similar_articles(terms: Iterable[str]) -> list[tuple[tuple[str, str], float]]:
    """(work URI, eId) cited for recorded questions like one with these terms, with a similarity."""
    memory = _load()
    if not memory.questions:
        return []
    asked = frozenset(terms)
    n = len(memory.questions)

    def weight(t: str) -> float:
        return math.log(1 + n / (1 + memory.df.get(t, 0)))

    asked_w = sum(weight(t) for t in asked) or 1.0
    scores: dict[tuple[str, str], float] = {}
    for terms_before, cited in memory.questions:
        shared = asked & terms_before
        if not shared:
            continue
        both = sum(weight(t) for t in shared)
        similarity = both / math.sqrt(asked_w * (sum(weight(t) for t in terms_before) or 1.0))
        if similarity < MIN_SIMILARITY:
            continue
        for pair in cited:
            scores[pair] = scores.get(pair, 0.0) + similarity
    return sorted(scores.items(), key=lambda kv: -kv[1])[:MAX_ARTICLES]


def ranking(searcher: tantivy.Searcher, schema: tantivy.Schema, parsed, filters: Filters) -> list[Ranked]:
    """The articles cited for similar recorded questions, as index entries in force on the date."""
    found = similar_articles(parsed.terms)
    if not found:
        return []
    within = filter_query(schema, filters)
    out = []
    for (work, eid), similarity in found:
        if filters.work and filters.work != work:
            continue
        entry = entry_of(searcher, schema, work, eid, within)
        if entry is None:
            continue
        address, group = entry
        out.append(Ranked(address, 0.0, 1.0, similarity, 0, {"experience": similarity}, unit=int(group)))
    return out
