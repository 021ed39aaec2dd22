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
import hashlib
import json
import logging
import os
import shutil
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import tantivy
from django.conf import settings

from kenes.lex import eid as eids
from kenes.lex.models import Expression, Provision, Work, WorkType

from . import intents
from .analysis import analyse
from .engine import GROUP_SPAN

log = logging.getLogger("kenes.search")

#: Bumped whenever the schema or what goes into a field changes: an index of another version is rebuilt.
SCHEMA_VERSION = 3
STATE_FILE = "kenes-search.json"
FAR_FUTURE = dt.date(2200, 1, 1)  # tantivy dates end in 2262
#: Snippet source kept per entry; longer texts are cut (the snippet is a window of it anyway).
STORED_TEXT_CHARS = 4000

WORK_TYPE_CODES = {value: i + 1 for i, value in enumerate(WorkType.values)}
KIND_CODES = {value: i + 1 for i, value in enumerate(Provision.Kind.values)}
PROVISION, MARKER = "p", "x"


class IndexMissing(RuntimeError):
    """There is no usable index at the configured path; ``kenes reindex`` builds it."""


class IndexBusy(RuntimeError):
    """Another process holds the index writer (tantivy allows one); the update is left to the next writer."""


def index_path() -> Path:
    configured = getattr(settings, "KENES_SEARCH_INDEX", None)
    return Path(configured) if configured else Path(settings.DATA_DIR) / "search-index"


def build_schema() -> tantivy.Schema:
    sb = tantivy.SchemaBuilder()
    # what the entry is, for updates and filters
    sb.add_text_field("rec", tokenizer_name="raw")
    sb.add_integer_field("work_id", stored=True, indexed=True, fast=True)
    sb.add_integer_field("expr_id", stored=True, indexed=True)
    sb.add_text_field("work", stored=True, tokenizer_name="raw", fast=True)
    sb.add_text_field("jurisdiction", stored=True, tokenizer_name="raw", fast=True)
    sb.add_text_field("work_type", stored=True, tokenizer_name="raw", fast=True)
    sb.add_text_field("lang", stored=True, tokenizer_name="raw", fast=True)
    sb.add_text_field("topic", stored=True, tokenizer_name="raw", fast=True)
    sb.add_text_field("eid", stored=True, tokenizer_name="raw")
    sb.add_date_field("date_from", stored=True, indexed=True, fast=True)
    sb.add_date_field("date_to", indexed=True, fast=True)
    # numbers the ranking reads for the top hits (fast fields: no stored document is opened)
    sb.add_integer_field("type_code", fast=True)
    sb.add_integer_field("kind_code", fast=True)
    sb.add_integer_field("group", fast=True)  # expression and article: hits of one article collapse
    sb.add_integer_field("commenced", fast=True)  # day ordinals; 0 / max when unknown
    sb.add_integer_field("repealed", fast=True)
    sb.add_integer_field("sanction", fast=True)  # 1: it (or its article) sets a penalty (intents.yaml)
    # analysed text (whitespace-separated terms from analysis.analyse)
    sb.add_text_field("heading", tokenizer_name="whitespace")
    sb.add_text_field("body", tokenizer_name="whitespace")
    sb.add_text_field("sub", tokenizer_name="whitespace", index_option="freq")
    sb.add_text_field("path", tokenizer_name="whitespace", index_option="freq")
    sb.add_text_field("title", tokenizer_name="whitespace", index_option="freq")
    # shown in results
    sb.add_text_field("num", stored=True, tokenizer_name="raw")
    sb.add_text_field("kind", stored=True, tokenizer_name="raw")
    sb.add_text_field("heading_text", stored=True, tokenizer_name="raw", index_option="basic")
    sb.add_text_field("text", stored=True, tokenizer_name="raw", index_option="basic")
    sb.add_text_field("work_title", stored=True, tokenizer_name="raw", index_option="basic")
    sb.add_text_field("stamp", stored=True, tokenizer_name="raw")
    return sb.build()


# ---------------------------------------------------------------- opening


@dataclass
class _Handle:
    index: tantivy.Index
    schema: tantivy.Schema
    generation: int


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


# ---------------------------------------------------------------- documents from rows


def _ordinal(day: dt.date | None, default: int) -> int:
    return day.toordinal() if day else default


def _midnight(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)


@dataclass
class _Row:
    pk: int
    parent_id: int | None
    eid: str
    kind: str
    num: str
    heading: str
    text: str
    order: int


def _topic_slugs_with_ancestors(pairs: Iterable[tuple[int, int]], topics: dict[int, tuple[str, int | None]]):
    """``{owner id: {slug, parent slugs…}}`` so a filter on a broad topic finds its narrower ones."""
    out: dict[int, set[str]] = {}
    for owner, topic_id in pairs:
        slugs = out.setdefault(owner, set())
        seen = 0
        while topic_id is not None and seen < 10:
            slug, topic_id = topics[topic_id]
            slugs.add(slug)
            seen += 1
    return out


def work_stamp(work: Work, expression: Expression, date_to: dt.date, topics: Iterable[str]) -> str:
    """What a marker records: any change here means the expression's entries are stale."""
    parts = [
        SCHEMA_VERSION,
        intents.patterns_stamp(),
        expression.pk,
        expression.content_hash,
        expression.title,
        expression.date,
        date_to,
        work.frbr_uri,
        work.title,
        work.short_title,
        work.work_type,
        work.jurisdiction_id,
        work.commenced_on,
        work.repealed_on,
        ",".join(sorted(topics)),
    ]
    return hashlib.sha1("|".join(map(str, parts)).encode()).hexdigest()


def _topic_table() -> dict[int, tuple[str, int | None]]:
    from kenes.lex.models import Topic

    return {pk: (slug, parent) for pk, slug, parent in Topic.objects.values_list("pk", "slug", "parent_id")}


def documents_for_work(work: Work, topic_table: dict | None = None) -> Iterator[tantivy.Document]:
    """Every index entry of ``work``: one per provision of each expression, plus one marker per expression."""
    topic_table = topic_table if topic_table is not None else _topic_table()
    topic_ids = work.topics.through.objects.filter(work=work).values_list("topic_id", flat=True)
    work_topics = _topic_slugs_with_ancestors(((work.pk, t) for t in topic_ids), topic_table).get(
        work.pk, set()
    )
    expressions = list(work.expressions.order_by("lang", "date"))
    title_terms = analyse(" ".join(x for x in (work.title, work.short_title) if x), work.original_lang)
    for i, expression in enumerate(expressions):
        following = expressions[i + 1] if i + 1 < len(expressions) else None
        same_lang = following is not None and following.lang == expression.lang
        date_to = following.date if same_lang else FAR_FUTURE
        yield from _expression_documents(work, expression, date_to, work_topics, topic_table, title_terms)


def _expression_documents(
    work: Work,
    expression: Expression,
    date_to: dt.date,
    work_topics: set[str],
    topic_table: dict,
    title_terms: str,
) -> Iterator[tantivy.Document]:
    lang = expression.lang
    rows = [
        _Row(*values)
        for values in expression.provisions.order_by("order").values_list(
            "pk", "parent_id", "eid", "kind", "num", "heading", "text", "order"
        )
    ]
    wrap = dict(expression.provisions.exclude(wrap_up="").values_list("pk", "wrap_up"))
    prov_topics = _topic_slugs_with_ancestors(
        Provision.topics.through.objects.filter(provision__expression=expression).values_list(
            "provision_id", "topic_id"
        ),
        topic_table,
    )
    by_pk = {r.pk: r for r in rows}
    # each provision's own text analysed once; an article's `sub` field joins its own and its descendants'
    own_text = {r.pk: "\n".join(t for t in (r.text, wrap.get(r.pk, "")) if t) for r in rows}
    own_terms = {pk: analyse(text, lang) if text else "" for pk, text in own_text.items()}
    article_parts: dict[str, list[int]] = {}
    for r in rows:
        root = eids.article_root(r.eid)
        if (root != r.eid or r.kind == "article") and own_text[r.pk]:
            article_parts.setdefault(root, []).append(r.pk)
    orders = {r.eid: r.order for r in rows}
    # a provision that sets a penalty, and every entry of its article (the article is the offence)
    sanctioned = {r.pk for r in rows if intents.sets_sanction(own_text[r.pk], lang)}
    sanctioned_roots = {eids.article_root(r.eid) for r in rows if r.pk in sanctioned}
    analysed_headings: dict[int, str] = {}
    common = {
        "work_id": work.pk,
        "expr_id": expression.pk,
        "work": work.frbr_uri,
        "jurisdiction": work.jurisdiction_id,
        "work_type": work.work_type,
        "lang": lang,
        "work_title": expression.title or work.title,
    }
    date_from, until = _midnight(expression.date), _midnight(date_to)
    commenced = _ordinal(work.commenced_on, 0)
    repealed = _ordinal(work.repealed_on, FAR_FUTURE.toordinal())
    for r in rows:
        heading = analysed_headings[r.pk] = analyse(r.heading, lang) if r.heading else ""
        path_terms = []
        parent = by_pk.get(r.parent_id) if r.parent_id else None
        while parent is not None:
            path_terms.append(analysed_headings.get(parent.pk, ""))
            parent = by_pk.get(parent.parent_id) if parent.parent_id else None
        own = own_text[r.pk]
        root = eids.article_root(r.eid)
        parts = article_parts.get(r.eid, []) if r.kind == "article" else []
        shown = own or "\n".join(own_text[pk] for pk in parts)
        doc = tantivy.Document(
            rec=PROVISION,
            eid=r.eid,
            num=r.num,
            kind=r.kind,
            heading_text=r.heading,
            text=shown[:STORED_TEXT_CHARS],
            type_code=WORK_TYPE_CODES.get(work.work_type, 0),
            kind_code=KIND_CODES.get(r.kind, 0),
            group=expression.pk * GROUP_SPAN + orders.get(root, r.order),
            commenced=commenced,
            repealed=repealed,
            sanction=int(r.pk in sanctioned or root in sanctioned_roots),
            date_from=date_from,
            date_to=until,
            **common,
        )
        for slug in sorted(work_topics | prov_topics.get(r.pk, set())):
            doc.add_text("topic", slug)
        if heading:
            doc.add_text("heading", heading)
        if own:
            doc.add_text("body", own_terms[r.pk])
        if parts and parts != [r.pk]:
            doc.add_text("sub", " ".join(own_terms[pk] for pk in parts))
        if path_terms:
            doc.add_text("path", " ".join(t for t in path_terms if t))
        if title_terms:
            doc.add_text("title", title_terms)
        yield doc
    yield tantivy.Document(
        rec=MARKER,
        work_id=work.pk,
        expr_id=expression.pk,
        work=work.frbr_uri,
        stamp=work_stamp(work, expression, date_to, work_topics),
    )


# ---------------------------------------------------------------- staleness


def _db_stamps() -> dict[int, dict[int, str]]:
    """``{work id: {expression id: stamp}}`` as the database says the index should be."""
    topic_table = _topic_table()
    work_topic_pairs = Work.topics.through.objects.values_list("work_id", "topic_id")
    work_topics = _topic_slugs_with_ancestors(work_topic_pairs, topic_table)
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
    topic_table = _topic_table()
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
