"""Index entries from database rows: one per provision of each expression, and one marker per expression.

What goes into each field (analysed terms, fast-field codes, the article's whole text in ``sub``, the
heading path) is decided here; index.py only writes and deletes what this yields.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import tantivy

from kenes.lex import eid as eids
from kenes.lex.models import Expression, Provision, Work

from . import intents
from .analysis import analyse, forms
from .schema import (
    FAR_FUTURE,
    GROUP_SPAN,
    KIND_CODES,
    MARKER,
    PROVISION,
    SCHEMA_VERSION,
    STORED_TEXT_CHARS,
    WORK_TYPE_CODES,
    pack_priors,
)


def _ordinal(day: dt.date | None, default: int) -> int:
    """A day as the index's ``priors`` hold it: a day past FAR_FUTURE (9999-12-31 typed for "never") is
    FAR_FUTURE, which no search date reaches."""
    return min(day.toordinal(), FAR_FUTURE.toordinal()) if day else default


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


def topic_slugs_with_ancestors(pairs: Iterable[tuple[int, int]], topics: dict[int, tuple[str, int | None]]):
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


def topic_table_rows() -> dict[int, tuple[str, int | None]]:
    from kenes.lex.models import Topic

    return {pk: (slug, parent) for pk, slug, parent in Topic.objects.values_list("pk", "slug", "parent_id")}


def documents_for_work(work: Work, topic_table: dict | None = None) -> Iterator[tantivy.Document]:
    """Every index entry of ``work``: one per provision of each expression, plus one marker per expression."""
    topic_table = topic_table if topic_table is not None else topic_table_rows()
    topic_ids = work.topics.through.objects.filter(work=work).values_list("topic_id", flat=True)
    work_topics = topic_slugs_with_ancestors(((work.pk, t) for t in topic_ids), topic_table).get(
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
    prov_topics = topic_slugs_with_ancestors(
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
            group=expression.pk * GROUP_SPAN + orders.get(root, r.order),
            priors=pack_priors(
                type_code=WORK_TYPE_CODES.get(work.work_type, 0),
                kind_code=KIND_CODES.get(r.kind, 0),
                sanction=int(r.pk in sanctioned or root in sanctioned_roots),
                commenced=commenced,
                repealed=repealed,
            ),
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
        if r.kind == "article":
            whole = "\n".join(x for x in (r.heading, own, *(own_text[pk] for pk in parts if pk != r.pk)) if x)
            if whole:
                doc.add_text("forms", forms(whole))
        yield doc
    yield tantivy.Document(
        rec=MARKER,
        work_id=work.pk,
        expr_id=expression.pk,
        work=work.frbr_uri,
        stamp=work_stamp(work, expression, date_to, work_topics),
    )
