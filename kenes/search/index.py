"""The search index: its schema, where it lives, how it is built from the database and kept current.

The index is derived data. The database is the truth: every writer session deletes a work's entries and
writes them again from the rows, and commits once, so a crash mid-update leaves the previous commit intact
and loses nothing the database holds. Each expression also gets one *marker* entry whose stamp says what was
indexed (content hash, in-force window, work metadata); comparing stamps with the database tells a stale or
missing index (``stale_works``), and every writer session ends by re-indexing what is stale.

One entry per provision of each expression: its work, jurisdiction, type, language, dates in force
``[expression date, next expression date)``, topics and heading path. Text fields hold the output of
``analysis.analyse`` split on whitespace, so the index and the query go through the same Python analysis;
the raw text is stored beside them for snippets.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import shutil
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import tantivy
from django.conf import settings

from kenes.lex.models import Expression, Work

from .documents import documents_for_work, topic_slugs_with_ancestors, topic_table_rows, work_stamp
from .schema import FAR_FUTURE, MARKER, SCHEMA_VERSION, build_schema

log = logging.getLogger("kenes.search")
STATE_FILE = "kenes-search.json"


class IndexMissing(RuntimeError):
    """There is no usable index at the configured path; ``kenes reindex`` builds it."""


class IndexBusy(RuntimeError):
    """Another process holds the index writer (tantivy allows one); the update is left to the next writer."""


def index_path() -> Path:
    configured = getattr(settings, "KENES_SEARCH_INDEX", None)
    return Path(configured) if configured else Path(settings.DATA_DIR) / "search-index"


# ---------------------------------------------------------------- opening


@dataclass
class _Handle:
    index: tantivy.Index
    schema: tantivy.Schema
    generation: int
    #: what the engine derives from the whole index once rather than per query (its entries per article,
    #: counting.estimate_results), keyed by what changes with each commit
    memo: dict = field(default_factory=dict)


_handles: dict[str, _Handle] = {}
_handles_lock = threading.Lock()


def _generation(path: Path) -> int:
    try:
        return (path / STATE_FILE).stat().st_mtime_ns
    except FileNotFoundError:
        return 0


def _state(path: Path) -> dict:
    try:
        return json.loads((path / STATE_FILE).read_text())
    except (FileNotFoundError, ValueError):
        return {}


def usable(path: Path | None = None) -> bool:
    path = path or index_path()
    return _state(path).get("schema") == SCHEMA_VERSION and tantivy.Index.exists(str(path))


def open_index(path: Path | None = None) -> _Handle:
    """The index at ``path`` for reading, cached per process and reopened when it was rebuilt from scratch.

    New commits of another process are picked up by tantivy's reader (it watches the index's meta file);
    the state file's mtime tells when the directory itself was replaced.
    """
    path = path or index_path()
    key = str(path)
    gen = _generation(path)
    handle = _handles.get(key)
    if handle is not None and handle.generation == gen and gen:
        return handle
    with _handles_lock:
        if not usable(path):
            raise IndexMissing(f"no search index at {path}: run `kenes reindex`")
        index = tantivy.Index.open(key)
        handle = _Handle(index, index.schema, gen)
        _handles[key] = handle
        return handle


def _create(path: Path) -> tantivy.Index:
    """An empty index of the current schema at ``path`` (anything there before is removed)."""
    if path.exists():
        shutil.rmtree(path)
    path.mkdir(parents=True)
    index = tantivy.Index(build_schema(), path=str(path))
    _write_state(path)
    return index


def _write_state(path: Path, **extra: object) -> None:
    state = {**_state(path), "schema": SCHEMA_VERSION, **extra}
    tmp = path / (STATE_FILE + ".tmp")
    tmp.write_text(json.dumps(state, indent=1, default=str))
    os.replace(tmp, path / STATE_FILE)


@contextmanager
def writer_session(path: Path | None = None, *, wait: float = 5.0, threads: int = 1) -> Iterator[_Writer]:
    """The single tantivy writer, waited for up to ``wait`` seconds; commits on success, rolls back on error.

    A missing or incompatible index is created empty first (the caller then writes everything stale).
    """
    path = path or index_path()
    with _handles_lock:
        index = tantivy.Index.open(str(path)) if usable(path) else _create(path)
    deadline = time.monotonic() + wait
    while True:
        try:
            raw = index.writer(heap_size=64_000_000 * threads, num_threads=threads)
            break
        except ValueError as exc:
            if "Lock" not in str(exc) or time.monotonic() >= deadline:
                if "Lock" in str(exc):
                    busy = f"the search index at {path} is being written by another process"
                    raise IndexBusy(busy) from exc
                raise
            time.sleep(0.1)
    writer = _Writer(raw, index.schema)
    try:
        yield writer
        raw.commit()
        raw.wait_merging_threads()
    except BaseException:
        raw.rollback()
        raise
    finally:
        writer.raw = None  # drop every reference so the writer's lock is released now
        del raw
    _write_state(path, updated=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"))
    handle = _handles.get(str(path))
    if handle is not None:
        handle.index.reload()


class _Writer:
    def __init__(self, raw: tantivy.IndexWriter, schema: tantivy.Schema):
        self.raw = raw
        self.schema = schema

    def delete_work(self, work_id: int) -> None:
        self.raw.delete_documents_by_term("work_id", work_id)

    def delete_all(self) -> None:
        self.raw.delete_all_documents()

    def add(self, doc: tantivy.Document) -> None:
        self.raw.add_document(doc)


# ---------------------------------------------------------------- staleness


def _db_stamps() -> dict[int, dict[int, str]]:
    """``{work id: {expression id: stamp}}`` as the database says the index should be."""
    topic_table = topic_table_rows()
    work_topic_pairs = Work.topics.through.objects.values_list("work_id", "topic_id")
    work_topics = topic_slugs_with_ancestors(work_topic_pairs, topic_table)
    works = {w.pk: w for w in Work.objects.all()}
    out: dict[int, dict[int, str]] = {pk: {} for pk in works}
    expressions = list(Expression.objects.order_by("work_id", "lang", "date"))
    for i, e in enumerate(expressions):
        nxt = expressions[i + 1] if i + 1 < len(expressions) else None
        same = nxt is not None and nxt.work_id == e.work_id and nxt.lang == e.lang
        date_to = nxt.date if same else FAR_FUTURE
        work = works[e.work_id]
        out[e.work_id][e.pk] = work_stamp(work, e, date_to, work_topics.get(work.pk, set()))
    return out


def _index_stamps(path: Path) -> dict[int, dict[int, str]]:
    handle = open_index(path)
    handle.index.reload()
    searcher = handle.index.searcher()
    query = tantivy.Query.term_query(handle.schema, "rec", MARKER)
    out: dict[int, dict[int, str]] = {}
    n = max(1, searcher.search(query, limit=1, count=True).count)  # one marker per expression
    for _score, address in searcher.search(query, limit=n, count=False).hits:
        doc = searcher.doc(address)
        out.setdefault(doc.get_first("work_id"), {})[doc.get_first("expr_id")] = doc.get_first("stamp")
    return out


def stale_works(path: Path | None = None) -> set[int]:
    """Work ids whose entries differ from the database (missing, changed, or deleted from the database)."""
    path = path or index_path()
    if not usable(path):
        return set(Work.objects.values_list("pk", flat=True))
    indexed = _index_stamps(path)
    wanted = _db_stamps()
    return {pk for pk in set(indexed) | set(wanted) if indexed.get(pk, {}) != wanted.get(pk, {})}


@dataclass
class Report:
    works: int = 0
    entries: int = 0
    seconds: float = 0.0
    path: str = ""

    def __str__(self) -> str:
        return f"indexed {self.works} works, {self.entries} entries in {self.seconds:.1f} s ({self.path})"


def _write_works(writer: _Writer, work_ids: Iterable[int], report: Report) -> None:
    topic_table = topic_table_rows()
    works = Work.objects.in_bulk(list(work_ids))
    for pk in work_ids:
        writer.delete_work(pk)
        work = works.get(pk)
        if work is None:
            continue
        report.works += 1
        for doc in documents_for_work(work, topic_table):
            writer.add(doc)
            report.entries += 1


def update_works(work_ids: Iterable[int], *, path: Path | None = None, wait: float = 5.0) -> Report:
    """Re-index these works (deleted ones are dropped), then anything else found stale, in one commit."""
    path = path or index_path()
    started = time.perf_counter()
    report = Report(path=str(path))
    ids = set(work_ids)
    with writer_session(path, wait=wait) as writer:
        ids |= stale_works(path)
        _write_works(writer, sorted(ids), report)
    report.seconds = time.perf_counter() - started
    return report


def rebuild(*, path: Path | None = None, wait: float = 30.0, threads: int = 2) -> Report:
    """Rewrite the whole index from the database in one commit; readers see the old one until it lands."""
    path = path or index_path()
    started = time.perf_counter()
    report = Report(path=str(path))
    with writer_session(path, wait=wait, threads=threads) as writer:
        writer.delete_all()
        _write_works(writer, list(Work.objects.order_by("pk").values_list("pk", flat=True)), report)
    # anything committed to the database while the rebuild read it is caught here
    if stale_works(path):
        update_works([], path=path, wait=wait)
    report.seconds = time.perf_counter() - started
    return report
