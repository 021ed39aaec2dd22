"""Editions of an act through time, as a reader meets them: which edition a date picks, and what changed.

Why apart from :mod:`kenes.lex.history`: history answers the database's questions (the expression in force on
a date, provision-level diffs); this module answers a reader's. "As in force on 1 January 2020" must say which
edition it shows, or say plainly that Kenes holds none that early, instead of a bare 404; a comparison of two
editions lists the provisions added, removed and changed with the changed words marked, and the amendment
effects the publisher's notes record between the two dates. The portal's pages and the API both call it.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass, field

from django.db.models import Min

from . import eid as eids
from .history import ProvisionChange, diff_expressions
from .models import AmendmentEffect, Expression, Work


@dataclass(frozen=True)
class Choice:
    """The edition a date picks. ``expression`` is None when the date is before every edition held."""

    date: dt.date
    lang: str
    expression: Expression | None
    first: Expression | None  # the earliest edition held in that language (None: none at all)

    @property
    def before_first(self) -> bool:
        """True when Kenes holds editions of the act, but none in force as early as ``date``."""
        return self.expression is None and self.first is not None


def editions(work: Work, lang: str | None = None) -> list[Expression]:
    """Every edition held in ``lang`` (default: the original language), oldest first."""
    return list(work.expressions.filter(lang=lang or work.original_lang).order_by("date"))


def in_force_on(work: Work, lang: str | None, date: dt.date) -> Choice:
    """Which edition was in force on ``date`` in ``lang``, and the first one held when none was yet."""
    lang = lang or work.original_lang
    chosen = work.expression_at(lang, date)
    first = None if chosen is not None else work.expressions.filter(lang=lang).order_by("date").first()
    return Choice(date=date, lang=lang, expression=chosen, first=first)


def not_yet_held(date: dt.date, *, jurisdiction: str | None = None, work: str | None = None) -> list[Work]:
    """Acts Kenes holds, but only in editions later than ``date``: a search on that date cannot see them.

    Search says so instead of dropping them silently ("no edition of ТК РФ held on 2020-01-01").
    """
    works = Work.objects.filter(expressions__isnull=False).annotate(first=Min("expressions__date"))
    if jurisdiction:
        works = works.filter(jurisdiction_id=jurisdiction)
    if work:
        works = works.filter(frbr_uri=work)
    return list(works.filter(first__gt=date).order_by("frbr_uri"))


@dataclass(frozen=True)
class Segment:
    """A run of words that is the same in both wordings, only in the older one, or only in the newer."""

    op: str  # same | removed | added
    text: str


@dataclass(frozen=True)
class Change(ProvisionChange):
    """One provision that differs between two editions, with its changed words marked."""

    segments: tuple[Segment, ...] = ()


@dataclass
class Comparison:
    """Two editions of one work in one language, provision by provision."""

    work: Work
    old: Expression
    new: Expression
    changes: list[Change] = field(default_factory=list)
    effects: list[AmendmentEffect] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        out = {"added": 0, "removed": 0, "changed": 0}
        for change in self.changes:
            out[change.change] += 1
        return out


_TOKEN = re.compile(r"\s+|[^\s]+")


def word_segments(old: str, new: str) -> tuple[Segment, ...]:
    """The newer wording against the older, word by word: what stayed, what went, what came.

    >>> [(s.op, s.text) for s in word_segments("срок три месяца", "срок шесть месяцев")]
    [('same', 'срок '), ('removed', 'три месяца'), ('added', 'шесть месяцев')]
    """
    a, b = _TOKEN.findall(old), _TOKEN.findall(new)
    out: list[Segment] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(Segment("same", "".join(a[i1:i2])))
            continue
        if i2 > i1:
            out.append(Segment("removed", "".join(a[i1:i2])))
        if j2 > j1:
            out.append(Segment("added", "".join(b[j1:j2])))
    return tuple(_merge(out))


def _merge(segments: list[Segment]) -> list[Segment]:
    """A changed phrase as one removal and one addition, not a mark per word: the spaces between changed
    words belong to the change."""
    merged: list[Segment] = []
    removed: list[str] = []
    added: list[str] = []

    def flush() -> None:
        if removed:
            merged.append(Segment("removed", "".join(removed)))
        if added:
            merged.append(Segment("added", "".join(added)))
        removed.clear()
        added.clear()

    for i, seg in enumerate(segments):
        between = 0 < i < len(segments) - 1 and segments[i + 1].op != "same"
        if seg.op == "same" and not (seg.text.isspace() and (removed or added) and between):
            flush()
            merged.append(seg)
        elif seg.op == "same":  # a space between two changed words
            removed.append(seg.text)
            added.append(seg.text)
        else:
            (removed if seg.op == "removed" else added).append(seg.text)
    flush()
    return merged


def effects_between(work: Work, start: dt.date, end: dt.date) -> list[AmendmentEffect]:
    """Amendment effects that took effect after ``start`` and on or before ``end``.

    An effect without a commencement date counts by the date of its amending act.
    """
    effects = AmendmentEffect.objects.filter(amendment__amended_work=work).select_related("amendment")
    out = []
    for effect in effects:
        when = effect.in_force_on or effect.amendment.date
        if when is not None and start < when <= end:
            out.append(effect)
    return sorted(out, key=lambda e: (e.in_force_on or e.amendment.date, e.eid))


def compare(old: Expression, new: Expression) -> Comparison:
    """Provision-by-provision comparison of two editions of one work (older first), with the effects between.

    Only article-level and deeper provisions are listed as changed: a chapter "changes" whenever one of its
    articles does, which says nothing a reader needs twice.
    """
    if old.date > new.date:
        old, new = new, old
    changes = [_with_words(c) for c in diff_expressions(old, new) if _worth_listing(c)]
    return Comparison(old.work, old, new, changes, effects_between(old.work, old.date, new.date))


def _worth_listing(change: ProvisionChange) -> bool:
    kinds = [kind for kind, _num in eids.split(change.eid)]
    return change.change != "changed" or "article" in kinds or "annex" in kinds or "preamble" in kinds


def _with_words(change: ProvisionChange) -> Change:
    segments = word_segments(change.old_text, change.new_text) if change.change == "changed" else ()
    return Change(**vars(change), segments=segments)
