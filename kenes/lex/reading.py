"""The read model of the legal database: a work, the expression in force on a date, one provision with its
subtree, its translations, the references out of it and into it, and its amendment history.

The API (:mod:`kenes.lex.api`) and the portal's reading pages (:mod:`kenes.portal.reader`) both read
through these functions, so a provision page and its ``.json`` say the same thing, and each asks the
database once per question: the subtree is one indexed range query on ``(expression, order)`` — provisions
are stored in document order with their depth, so a provision's descendants are the rows after it, up to
the next row no deeper than it — never a load of the whole expression.

A miss raises :class:`NotFound` with a sentence saying what was not found: the API answers it as a 404
JSON error, the pages as their 404 page.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from . import editions
from . import eid as eids
from .akn.uri import provision_uri
from .models import AmendmentEffect, EditorialNote, Expression, Provision, Reference, Work

#: Past the last ``order`` an expression can hold (a PositiveIntegerField): the end of an open range.
_END = 2_147_483_647


class NotFound(LookupError):
    """What was asked for is not in the database; the message says what and, where useful, what is."""


@dataclass(frozen=True)
class Translation:
    """The same provision (same eId) in another language, in the expression in force on the same date."""

    lang: str
    expression: Expression
    provision: Provision
    older_than_original: bool  # the original has been amended since this translation's text

    @property
    def uri(self) -> str:
        return provision_uri(self.expression.uri, self.provision.eid)


@dataclass
class ProvisionRead:
    """One provision as read: its subtree in document order (the root first), notes, links and history."""

    work: Work
    expression: Expression
    root: Provision
    rows: list[Provision]
    notes: dict[int, list[EditorialNote]] = field(default_factory=dict)
    translations: list[Translation] = field(default_factory=list)
    references_out: list[Reference] = field(default_factory=list)
    references_in: list[Reference] = field(default_factory=list)
    history: list[AmendmentEffect] = field(default_factory=list)

    @property
    def uri(self) -> str:
        return provision_uri(self.expression.uri, self.root.eid)


def get_work(work_uri: str) -> Work:
    work = Work.objects.select_related("jurisdiction").filter(frbr_uri=work_uri).first()
    if work is None:
        raise NotFound(f"no work {work_uri} in the database")
    return work


def expression_in_force(work: Work, lang: str | None, on: dt.date | None = None) -> Expression:
    """The expression in ``lang`` (default: the original) in force on ``on`` (default: today)."""
    on = on or timezone.localdate()
    expression = work.expression_at(lang, on)
    if expression is None:
        held = ", ".join(f"{e.lang}@{e.date}" for e in work.expressions.order_by("date")) or "none"
        choice = editions.in_force_on(work, lang, on)
        first = f"; the first edition held is {choice.first.uri}" if choice.before_first else ""
        raise NotFound(
            f"{work.frbr_uri} has no {lang or work.original_lang} expression in force on {on}{first}; "
            f"held: {held}"
        )
    expression.work = work  # already loaded: its URI needs no second query
    return expression


def find_provision(expression: Expression, eid: str) -> Provision:
    """The provision ``eid``; ``art_113`` also finds a chapter-prefixed ``chp_8__art_113`` (and the found
    provision's own eId is the canonical one: a caller may redirect to it)."""
    found = expression.provisions.filter(eid=eid).first()
    if found is None and eids.from_article(eid) != eid:
        found = expression.provisions.filter(eid=eids.from_article(eid)).first()
    if found is None:
        raise NotFound(f"{expression.uri} has no provision {eid}")
    return found


def subtree(root: Provision) -> list[Provision]:
    """The provision and its descendants in document order, in one query."""
    next_sibling = (
        Provision.objects.filter(
            expression_id=root.expression_id, order__gt=root.order, depth__lte=root.depth
        )
        .order_by("order")
        .values("order")[:1]
    )
    following = Provision.objects.filter(
        expression_id=root.expression_id,
        order__gt=root.order,
        order__lt=Coalesce(Subquery(next_sibling), Value(_END)),
    ).order_by("order")
    return [root, *following]


def notes_of(rows: list[Provision]) -> dict[int, list[EditorialNote]]:
    """Editorial notes by provision id, in their order."""
    notes: dict[int, list[EditorialNote]] = {}
    for note in EditorialNote.objects.filter(provision__in=[r.pk for r in rows]).order_by("order"):
        notes.setdefault(note.provision_id, []).append(note)
    return notes


def translations(work: Work, expression: Expression, eid: str) -> list[Translation]:
    """The provision in every other language held, each as in force on the expression's date."""
    original = work.expression_at(work.original_lang, expression.date)
    out = []
    for lang in sorted(set(work.expressions.values_list("lang", flat=True)) - {expression.lang}):
        other = work.expression_at(lang, expression.date)
        match = other.provisions.filter(eid=eid).first() if other else None
        if other is None or match is None:
            continue
        other.work = work
        stale = bool(original and lang != work.original_lang and other.date < original.date)
        out.append(Translation(lang, other, match, stale))
    return out


def _under(eid: str) -> Q:
    return Q(target_eid=eid) | Q(target_eid__startswith=eid + "__")


def references_out(rows: list[Provision]) -> list[Reference]:
    """Citations made in the subtree, in the order of the text, with their target works."""
    refs = Reference.objects.filter(source__in=[r.pk for r in rows]).select_related("target_work")
    return list(refs.order_by("source__order", "start"))


def references_in(work: Work, expression: Expression, eid: str, limit: int = 200) -> list[Reference]:
    """Citations of the provision (or a part of it) from texts in the expression's language."""
    refs = (
        Reference.objects.filter(target_work=work)
        .filter(_under(eid))
        .filter(source__expression__lang=expression.lang)
        .select_related("source__expression__work", "target_work")
    )
    return list(refs[:limit])


def history(work: Work, eid: str | None = None) -> list[AmendmentEffect]:
    """Amendment effects on the work (on ``eid`` and its parts if given), by date in force."""
    effects = AmendmentEffect.objects.filter(amendment__amended_work=work).select_related("amendment")
    if eid is not None:
        effects = effects.filter(Q(eid=eid) | Q(eid__startswith=eid + "__"))
    return list(effects.order_by("in_force_on", "eid"))


def read_provision(work: Work, expression: Expression, eid: str) -> ProvisionRead:
    """Everything a provision page or the API's provision answer shows, each part read once."""
    return read_subtree(work, expression, find_provision(expression, eid))


def read_subtree(work: Work, expression: Expression, root: Provision) -> ProvisionRead:
    """As :func:`read_provision`, for a provision already found (a page may first redirect to its eId)."""
    rows = subtree(root)
    return ProvisionRead(
        work=work,
        expression=expression,
        root=root,
        rows=rows,
        notes=notes_of(rows),
        translations=translations(work, expression, root.eid),
        references_out=references_out(rows),
        references_in=references_in(work, expression, root.eid),
        history=history(work, root.eid),
    )


def target_uri(ref: Reference) -> str | None:
    """Where a reference points, as a work URI with ``/~eId`` (None when the target is not held)."""
    if ref.target_work is None:
        return None
    return provision_uri(ref.target_work.frbr_uri, ref.target_eid)
