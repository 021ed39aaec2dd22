"""Experience makes search better: questions answered before help find the law for similar ones.

The advisory desk (which may import search; search never imports it) calls :func:`record` when a
consultation is closed with the articles the consultant cited. Only a de-identified question enters:
:func:`deidentify` removes personal names, numbers (dates, amounts, ID and phone numbers) and e-mail
addresses before anything is stored, and the stored terms are the question mode's (question.py), which
drop them as well, with its meaning vector when the encoder is on (vectors.py). When a later question is
close to a recorded one, nearly the same in meaning or sharing most of its informative terms,
:func:`ranking` lists the articles cited for it, best first; the service fuses that ranking with the
text rankings (fusion.py). With no experience at all nothing changes.

Why so close: questions to one body of law share much of their vocabulary ("работодатель", "трудовой
договор"), and a recorded question that merely shares it lends articles about something else. With the
development questions of the relevance bench recorded as consultations (253 cited articles), the held-out
questions of the Russian inspectorate fell from MRR@10 0.81 to 0.69 when a quarter of the terms' weight
was enough; with the thresholds below (chosen by two-fold cross-validation inside the development split,
where a recorded question that close shared a gold article nine times in ten by meaning and four in five
by words, against one in four before) they keep 0.77 (`bench/relevance.py --experience`).

    from kenes.search.experience import record
    record("Работодатель не выплатил зарплату за два месяца…",
           [("/akn/kz/act/code/2015-11-23/414-v", "art_113")])
"""

from __future__ import annotations

import logging
import math
import re
import threading
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import tantivy

from . import analysis, vectors
from .deidentify import deidentify
from .engine import Filters, Ranked, entry_of, filter_query
from .question import question_terms

__all__ = [
    "MEANING_SIMILARITY",
    "WORDS_SIMILARITY",
    "deidentify",
    "embed_missing",
    "forget_cache",
    "ranking",
    "record",
]

#: How alike two questions must be for one's articles to count: the weighted share of their informative
#: terms, or the cosine of their meaning vectors (the encoder's scale is narrow: two unrelated labour
#: questions are often 0.85 apart)
WORDS_SIMILARITY = 0.5
MEANING_SIMILARITY = 0.92
MAX_ARTICLES = 20
log = logging.getLogger(__name__)
_EID = re.compile(r"^[a-z0-9_.-]+$")
_PLACEHOLDER = re.compile(r"\[(?:email|имя)\]|#")


def record(question: str, cited: Iterable[tuple[str, str]], *, lang: str | None = None) -> int:
    """Remember that ``question`` was answered with the provisions ``cited`` ((work URI, eId) pairs).

    The question is de-identified here whatever the caller did; returns how many provisions were kept.
    Raises ValueError for a cited pair that is not a work URI and an eId. With the encoder on, the
    de-identified question is embedded here (tens of milliseconds, once per consultation).
    """
    from .models import Experience

    pairs = list(dict.fromkeys(cited))
    for work, eid in pairs:
        if not (work.startswith("/akn/") and _EID.match(eid)):
            raise ValueError(f"not a work URI and an eId: {work!r}, {eid!r}")
    code = lang or analysis.guess_lang(question[:2000])
    text = deidentify(question, code)
    substance = _without_placeholders(text)
    terms = " ".join(t for t, _w in question_terms(substance, code))
    if not terms or not pairs:
        return 0
    vector = _vector_of(substance)
    Experience.objects.bulk_create(
        [Experience(text=text, terms=terms, lang=code, work=w, eid=e, vector=vector) for w, e in pairs]
    )
    forget_cache()
    return len(pairs)


def _without_placeholders(text: str) -> str:
    """The placeholders say what was removed: they are no term of the question, nor part of its meaning."""
    return " ".join(_PLACEHOLDER.sub(" ", text).split())


def _vector_of(text: str) -> bytes | None:
    """The de-identified question's meaning vector as stored, or None with the encoder off or failing
    (the question is then found by its words alone)."""
    if not vectors.enabled():
        return None
    try:
        return np.asarray(vectors.query_vector(text), dtype=np.float32).tobytes()
    except Exception:  # an encoder that fails must not lose the consultation's experience
        log.exception("experience: the question could not be embedded")
        return None


def embed_missing() -> int:
    """Give a meaning vector to the recorded questions that have none (recorded while the encoder was off):
    `kenes reindex` calls it, so turning the encoder on later reaches the experience gathered before.
    Returns how many questions were embedded."""
    from .models import Experience

    if not vectors.enabled():
        return 0
    missing: dict[str, list[int]] = {}
    for pk, text in Experience.objects.filter(vector__isnull=True).values_list("id", "text"):
        missing.setdefault(text, []).append(pk)
    done = 0
    for text, ids in missing.items():
        vector = _vector_of(_without_placeholders(text))
        if vector is not None:
            Experience.objects.filter(id__in=ids).update(vector=vector)
            done += 1
    if done:
        forget_cache()
    return done


@dataclass(frozen=True)
class _Memory:
    key: tuple
    questions: tuple[tuple[frozenset[str], tuple[tuple[str, str], ...]], ...]
    df: Counter
    #: one row per question (zeros where it has no vector: a cosine of 0 never qualifies)
    vectors: np.ndarray | None


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
        meaning: dict[str, bytes] = {}
        rows = Experience.objects.values_list("terms", "work", "eid", "vector").order_by("id")
        for terms, work, eid, vector in rows:
            grouped.setdefault(terms, []).append((work, eid))
            if vector:
                meaning.setdefault(terms, bytes(vector))
        questions = tuple((frozenset(t.split()), tuple(cited)) for t, cited in grouped.items())
        df = Counter(t for terms, _c in questions for t in terms)
        matrix = None
        if meaning:
            dim = len(next(iter(meaning.values()))) // 4
            matrix = np.zeros((len(grouped), dim), dtype=np.float32)
            for i, terms in enumerate(grouped):
                if len(meaning.get(terms, b"")) == dim * 4:  # (another model's vector is left out)
                    matrix[i] = np.frombuffer(meaning[terms], dtype=np.float32)
        _memory = memory = _Memory(key, questions, df, matrix)
    return memory


def similar_articles(
    terms: Iterable[str], vector: np.ndarray | None = None
) -> list[tuple[tuple[str, str], float]]:
    """(work URI, eId) cited for recorded questions close to one with these terms (and this meaning
    vector), each with the closest such question's similarity, best first."""
    memory = _load()
    if not memory.questions:
        return []
    asked = frozenset(terms)
    n = len(memory.questions)

    def weight(t: str) -> float:
        return math.log(1 + n / (1 + memory.df.get(t, 0)))

    asked_w = sum(weight(t) for t in asked) or 1.0
    near = None
    if vector is not None and memory.vectors is not None and len(vector) == memory.vectors.shape[1]:
        near = memory.vectors @ np.asarray(vector, dtype=np.float32)
    scores: dict[tuple[str, str], float] = {}
    for i, (terms_before, cited) in enumerate(memory.questions):
        similarity = 0.0
        if near is not None and near[i] >= MEANING_SIMILARITY:
            similarity = float(near[i])
        shared = asked & terms_before
        if shared:
            both = sum(weight(t) for t in shared)
            by_words = both / math.sqrt(asked_w * (sum(weight(t) for t in terms_before) or 1.0))
            if by_words >= WORDS_SIMILARITY:
                similarity = max(similarity, by_words)
        if not similarity:
            continue
        for pair in cited:
            scores[pair] = max(scores.get(pair, 0.0), similarity)
    return sorted(scores.items(), key=lambda kv: -kv[1])[:MAX_ARTICLES]


def ranking(
    searcher: tantivy.Searcher,
    schema: tantivy.Schema,
    parsed,
    filters: Filters,
    pending: vectors.Pending | None = None,
) -> list[Ranked]:
    """The articles cited for similar recorded questions, as index entries in force on the date
    (``pending``: the question's meaning vector, computed for the search anyway)."""
    vector = None
    if pending is not None:
        try:
            vector = pending.result()
        except Exception:  # (the meaning ranking has logged it): the words still count
            vector = None
    found = similar_articles(parsed.terms, vector)
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
